import type { RouterOutputs } from "@/components/trpc/client";
import { Panel } from "@/components/ui/panel";
import { LaunchSpecView } from "./launch-spec-view";
import { importedLogOf, launchSpecOf } from "./run-config-shape";

type Run = RouterOutputs["runs"]["get"];

/** The run's configuration: the launch spec of a training run, the source file of an imported one, else the raw JSON. */
export function RunConfigPanel({ run }: { run: Run }) {
  const spec = launchSpecOf(run.config);
  const imported = importedLogOf(run.config);
  return (
    <Panel title="Config">
      {spec ? (
        <LaunchSpecView spec={spec} />
      ) : imported ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Imported from <span className="font-mono">{imported.fileName}</span> ({imported.lines.toLocaleString("en")} lines,{" "}
          {(imported.bytes / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KiB). It ran outside MMR Studio: there is no launch spec, worker, start time or exit code.
        </p>
      ) : (
        <pre className="max-h-80 overflow-auto rounded-md bg-zinc-100 px-3 py-2 font-mono text-xs dark:bg-zinc-950">{JSON.stringify(run.config, null, 2)}</pre>
      )}
    </Panel>
  );
}
