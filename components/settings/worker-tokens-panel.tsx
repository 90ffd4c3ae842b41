"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Panel } from "@/components/ui/panel";
import { NewTokenForm } from "./new-token-form";
import { TokenTable } from "./token-table";

export function WorkerTokensPanel() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { project: project.slug };
  const tokens = useQuery(trpc.tokens.workers.queryOptions(input));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.workers.queryKey(input) });
  const create = useMutation(trpc.tokens.createWorker.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.tokens.revokeWorker.mutationOptions({ onSuccess: refresh }));
  return (
    <Panel title="Worker tokens">
      <TokenTable
        tokens={tokens.data ?? []}
        onRevoke={(tokenId) => revoke.mutate({ ...input, tokenId })}
        emptyHint="A worker token lets one GPU machine's agent take this project's jobs."
      />
      <NewTokenForm
        label="New worker token (e.g. the machine's name)"
        onCreate={(name) => create.mutate({ ...input, name })}
        created={create.data?.token}
        error={create.error ?? revoke.error}
        pending={create.isPending}
      />
    </Panel>
  );
}
