"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { EndpointForm } from "./endpoint-form";

/** The project's model endpoints (judges, teachers, embedders): members add, edit, test and remove them. */
export function EndpointsPanel() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { project: project.slug };
  const canManage = project.role !== "viewer";
  const endpoints = useQuery(trpc.endpoints.list.queryOptions(input));
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.endpoints.list.queryKey(input) });
  const done = () => {
    setEditing(null);
    return refresh();
  };
  const create = useMutation(trpc.endpoints.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.endpoints.update.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.endpoints.remove.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.endpoints.test.mutationOptions());

  const addButton = canManage && editing === null && (
    <Button variant="secondary" onClick={() => setEditing("new")}>
      Add endpoint
    </Button>
  );
  return (
    <Panel title="Model endpoints" action={addButton}>
      <div className="space-y-3">
        {endpoints.data?.length === 0 && editing !== "new" && (
          <EmptyState title="No model endpoints yet.">An OpenAI-compatible server (vLLM, SGLang, a hosted API) that judges answers, distils traces or embeds samples.</EmptyState>
        )}
        {editing === "new" && (
          <EndpointForm submitLabel="Add endpoint" pending={create.isPending} error={create.error} onSubmit={(values) => create.mutate({ ...input, ...values })} onCancel={() => setEditing(null)} />
        )}
        {endpoints.data && endpoints.data.length > 0 && (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Endpoints">
            {endpoints.data.map((endpoint) => (
              <li key={endpoint.id} className="space-y-2 py-2.5" data-testid={`endpoint-${endpoint.name}`}>
                {editing === endpoint.id ? (
                  <EndpointForm
                    initial={endpoint}
                    submitLabel="Save endpoint"
                    pending={update.isPending}
                    error={update.error}
                    onSubmit={(values) => update.mutate({ ...input, endpointId: endpoint.id, ...values })}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div className="min-w-0">
                      <p className="text-sm font-medium">
                        {endpoint.name} <span className="font-normal text-zinc-500">· {endpoint.model}</span>
                      </p>
                      <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                        {endpoint.baseUrl} · {endpoint.hasApiKey ? "key set" : "no key"} · concurrency {endpoint.concurrency}
                        {endpoint.requestsPerMinute ? ` · ${endpoint.requestsPerMinute}/min` : ""} · timeout {endpoint.timeoutMs / 1000} s
                      </p>
                    </div>
                    {canManage && (
                      <div className="flex gap-2">
                        <Button variant="secondary" disabled={test.isPending} onClick={() => test.mutate({ ...input, endpoint: endpoint.id })}>
                          Test connection
                        </Button>
                        <Button variant="ghost" onClick={() => setEditing(endpoint.id)}>
                          Edit
                        </Button>
                        <Button
                          variant="danger"
                          onClick={() => {
                            if (window.confirm(`Remove the endpoint ${endpoint.name}? Judge jobs that use it will no longer start.`)) remove.mutate({ ...input, endpointId: endpoint.id });
                          }}
                        >
                          Remove
                        </Button>
                      </div>
                    )}
                  </div>
                )}
                {test.variables?.endpoint === endpoint.id && test.data && <ConnectionOutcome outcome={test.data} />}
              </li>
            ))}
          </ul>
        )}
        <ErrorMessage error={test.error ?? remove.error} />
      </div>
    </Panel>
  );
}

function ConnectionOutcome({ outcome }: { outcome: { ok: boolean; latencyMs: number; model: string; error: string | null } }) {
  return outcome.ok ? (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-1.5 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
      Connected: {outcome.model} answered in {outcome.latencyMs} ms.
    </p>
  ) : (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
      Connection failed: {outcome.error}
    </p>
  );
}
