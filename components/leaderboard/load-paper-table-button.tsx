"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";

/** One click loads the OpenMMReasoner paper's 7B table as reference rows (loading it again replaces its figures). */
export function LoadPaperTableButton({ project, variant = "primary" }: { project: string; variant?: "primary" | "secondary" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const load = useMutation(
    trpc.evaluations.importPaperTable.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() }),
        ]),
    }),
  );
  return (
    <div className="space-y-2">
      <Button variant={variant} onClick={() => load.mutate({ project })} disabled={load.isPending}>
        {load.isPending ? "Loading the paper table…" : "Load the OpenMMReasoner paper table"}
      </Button>
      <ErrorMessage error={load.error} />
    </div>
  );
}
