"use client";
import type { RouterOutputs } from "@/components/trpc/client";

type Preview = RouterOutputs["recipes"]["preview"];
type RenderedPreview = Extract<Preview, { ok: true }>;

const codeBlock = "overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-100";

export function PreviewIssues({ issues }: { issues: Extract<Preview, { ok: false }>["issues"] }) {
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
      <p className="font-medium">Fix these before launching:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <span className="font-mono">{issue.path || "config"}</span>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all font-mono text-xs leading-5">{children}</dd>
    </>
  );
}

/** Exactly what will run: the files written, the command, the environment (secrets masked), and where it runs. */
export function RecipePreview({ preview }: { preview: RenderedPreview }) {
  const env = Object.entries(preview.displayEnv);
  return (
    <div className="space-y-4">
      {preview.files.map((file) => (
        <section key={file.path} aria-label={`File ${file.path}`}>
          <h3 className="mb-1 text-xs font-medium text-zinc-500">{file.path}</h3>
          <pre className={codeBlock}>{file.content}</pre>
        </section>
      ))}
      <section aria-label="Command">
        <h3 className="mb-1 text-xs font-medium text-zinc-500">Command</h3>
        <pre className={codeBlock}>{preview.command}</pre>
      </section>
      <section aria-label="Environment">
        <h3 className="mb-1 text-xs font-medium text-zinc-500">Environment</h3>
        {env.length === 0 ? (
          <p className="text-sm text-zinc-500">Only the worker&apos;s own.</p>
        ) : (
          <table className="w-full text-left font-mono text-xs">
            <tbody>
              {env.map(([name, value]) => (
                <tr key={name} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className="py-1 pr-3 align-top text-zinc-500">{name}</td>
                  <td className="break-all py-1">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <Fact label="Executor">{preview.executor}</Fact>
        <Fact label="Worker needs">
          {preview.requirements.gpus} GPU{preview.requirements.gpus === 1 ? "" : "s"}
          {preview.requirements.labels.length > 0 && `, labels ${preview.requirements.labels.join(", ")}`}
        </Fact>
        <Fact label="Output folder">{preview.runFolder}</Fact>
        <Fact label="Uploaded after">{preview.collect.length > 0 ? preview.collect.join(", ") : "nothing (the log carries the metrics)"}</Fact>
        {preview.datasetVersionHash && <Fact label="Dataset version">{preview.datasetVersionHash}</Fact>}
        <Fact label="Recipe version">{preview.recipeVersion}</Fact>
      </dl>
    </div>
  );
}
