import "server-only";
import { getAppDeps, type AppDeps } from "@/server/deps";
import { exitUnlessEnvironmentValid } from "@/server/env";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { queueDemoWorkspaceOnce } from "./demo-workspace";
import { createInitialAdmin } from "./initial-admin";

/** Prepares an instance (migrations ran when the database opened): initial admin, demo workspace. */
export async function prepareInstance(deps: AppDeps): Promise<void> {
  const adminId = await createInitialAdmin(deps);
  if (deps.env.MMR_SEED_DEMO) await queueDemoWorkspaceOnce(deps.db, adminId);
}

const holder = globalThis as typeof globalThis & { __mmrRunner?: PipelineRunner };

/** Called once by instrumentation when the web server starts. */
export async function startWebProcess(): Promise<void> {
  exitUnlessEnvironmentValid("The MMR Studio web server");
  const deps = await getAppDeps();
  await prepareInstance(deps);
  // PGlite allows one process, so on the embedded database the web server runs the CPU jobs itself.
  if (deps.env.MMR_IN_PROCESS_RUNNER && !holder.__mmrRunner) {
    holder.__mmrRunner = new PipelineRunner({
      deps,
      handlers: pipelineJobHandlers,
      onError: (error) => console.error("[pipeline runner]", error),
    });
    holder.__mmrRunner.start();
  }
}
