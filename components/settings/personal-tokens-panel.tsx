"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Panel } from "@/components/ui/panel";
import { NewTokenForm } from "./new-token-form";
import { TokenTable } from "./token-table";

export function PersonalTokensPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.personal.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.personal.queryKey() });
  const create = useMutation(trpc.tokens.createPersonal.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.tokens.revokePersonal.mutationOptions({ onSuccess: refresh }));
  return (
    <Panel title="Your API tokens">
      <TokenTable
        tokens={tokens.data ?? []}
        onRevoke={(tokenId) => revoke.mutate({ tokenId })}
        emptyHint="Create one for the mmr CLI: mmr login --server URL --token TOKEN"
      />
      <NewTokenForm
        label="New personal token"
        onCreate={(name) => create.mutate({ name })}
        created={create.data?.token}
        error={create.error ?? revoke.error}
        pending={create.isPending}
      />
    </Panel>
  );
}
