"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SafeMarkdown } from "@/components/datasets/safe-markdown";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import type { JudgeTarget } from "@/server/verdicts/judge-config";

const outcome = (match: boolean | null) => (match === null ? "undecided" : match ? "match" : "no match");

/** One item: its question, gold and prediction, every judge run's stages with reasons, raw reply and tokens, and its label. */
export function ItemDetail({ project, target, itemId, canEdit }: { project: string; target: JudgeTarget; itemId: number; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.verdicts.itemDetail.queryOptions({ project, target, itemId }));
  const [reason, setReason] = useState("");
  const label = useMutation(trpc.verdicts.labelVerdict.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.verdicts.pathKey() }) }));
  const d = detail.data;
  if (!d) return <ErrorMessage error={detail.error} />;
  return (
    <div className="space-y-4 text-sm" aria-label="Item detail">
      <section>
        <h3 className="text-xs font-semibold uppercase text-zinc-500">Question</h3>
        <SafeMarkdown text={d.question} />
        <h3 className="mt-2 text-xs font-semibold uppercase text-zinc-500">Gold</h3>
        <SafeMarkdown text={d.gold ?? "—"} />
        <h3 className="mt-2 text-xs font-semibold uppercase text-zinc-500">Prediction</h3>
        <div className="max-h-64 overflow-auto">
          <SafeMarkdown text={d.prediction ?? "—"} />
        </div>
      </section>
      <LabelBox project={project} label={d.label} itemKind={d.itemKind} itemId={d.itemId} canEdit={canEdit} reason={reason} onReason={setReason} />
      <ErrorMessage error={label.error} />
      {d.verdicts.map((v) => (
        <section key={v.id} aria-label={`Verdict of ${v.runName}`} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
          <h3 className="font-medium">
            {v.runName}: {outcome(v.match)} <span className="text-zinc-500">by {v.stage}</span>
          </h3>
          <p className="text-zinc-600 dark:text-zinc-400">{v.reason}</p>
          <ol className="mt-2 space-y-1">
            {v.stages.map((stage, index) => (
              <li key={index}>
                <span className="font-mono text-xs">{stage.stage}</span> {stage.outcome.replace("_", " ")} — <span className="text-zinc-600 dark:text-zinc-400">{stage.reason}</span>
              </li>
            ))}
          </ol>
          <p className="mt-1 text-xs text-zinc-500">
            Extracted {v.predExtracted ?? "—"} vs gold {v.goldExtracted ?? "—"} · tokens {v.tokens.prompt} + {v.tokens.completion}
            {v.cached ? " · cached reply" : ""}
          </p>
          {canEdit && v.match !== null && (
            <div className="mt-2 flex gap-2">
              <Button variant="secondary" disabled={label.isPending} onClick={() => label.mutate({ project, verdictId: v.id, verdictRight: true, reason })}>
                Verdict is right
              </Button>
              <Button variant="secondary" disabled={label.isPending} onClick={() => label.mutate({ project, verdictId: v.id, verdictRight: false, reason })}>
                Verdict is wrong
              </Button>
            </div>
          )}
          {v.judgeReply && (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-zinc-500">The judge&apos;s reply</summary>
              <div className="max-h-64 overflow-auto">
                <SafeMarkdown text={v.judgeReply} />
              </div>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}

function LabelBox(props: { project: string; label: { correct: boolean; reason: string } | null; itemKind: "sample" | "evaluation_sample" | "rollout"; itemId: number; canEdit: boolean; reason: string; onReason(reason: string): void }) {
  const { project, label } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.verdicts.removeLabel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.verdicts.pathKey() }) }));
  return (
    <section className="rounded bg-zinc-50 p-3 dark:bg-zinc-900" aria-label="Human label">
      {label ? (
        <p>
          Labelled: the prediction is <span className="font-medium">{label.correct ? "correct" : "incorrect"}</span>
          {label.reason && <span className="text-zinc-600 dark:text-zinc-400"> — {label.reason}</span>}
        </p>
      ) : (
        <p className="text-zinc-500">No human label. {props.canEdit && "Say below whether a verdict is right or wrong."}</p>
      )}
      {props.canEdit && (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <TextField label="Reason" value={props.reason} onChange={(e) => props.onReason(e.target.value)} maxLength={2000} />
          {label && (
            <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ project, itemKind: props.itemKind, itemId: props.itemId })}>
              Remove label
            </Button>
          )}
        </div>
      )}
      <ErrorMessage error={remove.error} />
    </section>
  );
}
