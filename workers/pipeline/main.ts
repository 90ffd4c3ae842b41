// `npm run worker`: a standalone pipeline runner for deployments on Postgres (several may run at once).
import { getAppDeps } from "@/server/deps";
import { exitUnlessEnvironmentValid } from "@/server/env";
import { PipelineRunner } from "./runner";
import { pipelineJobHandlers } from "./job-kinds";

exitUnlessEnvironmentValid("The pipeline worker");
const deps = await getAppDeps();
if (deps.driver === "pglite") {
  console.error("npm run worker needs DATABASE_URL: the embedded database allows one process, and the web server already runs jobs.");
  process.exit(1);
}
const runner = new PipelineRunner({ deps, handlers: pipelineJobHandlers, onError: (e) => console.error(e) });
console.log(`pipeline runner ${runner.runnerId} polling for: ${pipelineJobHandlers.map((h) => h.kind).join(", ")}`);
runner.start();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await runner.stop();
    await deps.close();
    process.exit(0);
  });
}
