import type { LaunchSpec } from "@/server/agents/launch-spec";
import { maskedEnvValue } from "./secret-masking";

const code = "overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-xs dark:bg-zinc-950";

/** What the agent ran: executor, command, environment (credentials masked) and the files written before the start. */
export function LaunchSpecView({ spec }: { spec: LaunchSpec }) {
  const env = Object.entries(spec.env);
  return (
    <div className="space-y-3 text-sm">
      <p className="text-zinc-500">
        Executor <span className="font-mono text-zinc-800 dark:text-zinc-200">{spec.executor}</span>
        {spec.slurm && ` · ${spec.slurm.nodes} node${spec.slurm.nodes === 1 ? "" : "s"} × ${spec.slurm.gpusPerNode} GPUs`}
        {spec.ray && ` · Ray at ${spec.ray.address}`}
      </p>
      <div>
        <h3 className="mb-1 text-xs font-medium text-zinc-500">Command</h3>
        <pre className={code}>{spec.command}</pre>
      </div>
      {env.length > 0 && (
        <div>
          <h3 className="mb-1 text-xs font-medium text-zinc-500">Environment</h3>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 font-mono text-xs">
            {env.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-zinc-500">{name}</dt>
                <dd className="break-all">{maskedEnvValue(name, value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {spec.files.map((file) => (
        <details key={file.path}>
          <summary className="cursor-pointer font-mono text-xs">{file.path}</summary>
          <pre className={`${code} mt-1 max-h-96`}>{file.content}</pre>
        </details>
      ))}
    </div>
  );
}
