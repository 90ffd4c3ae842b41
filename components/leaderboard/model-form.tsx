"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { FormActions } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import type { LeaderboardRow } from "./leaderboard-rows";

type Model = LeaderboardRow["model"];

const fieldLabels: Record<string, string> = { name: "Name", baseModel: "Base model", sftData: "SFT data", rlData: "RL data", sourceLabel: "Source" };

/** The server's refusal in the form's words: its field errors by label, else its message. */
function refusal(error: { message: string; data?: { fieldErrors?: unknown } | null } | null) {
  const fields = (error?.data?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const lines = Object.entries(fields).flatMap(([field, messages]) => (messages ?? []).map((message) => `${fieldLabels[field] ?? field}: ${message}`));
  return lines.length > 0 ? { message: lines.join(" ") } : error;
}

/** Corrects what is known about a model: its name, base model, training data sizes and, for a reference row, its source. */
export function ModelForm({ project, model, onDone }: { project: string; model: Model; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    name: model.name,
    baseModel: model.baseModel ?? "",
    sftData: model.sftData ?? "",
    rlData: model.rlData ?? "",
    sourceLabel: model.sourceLabel,
  });
  const save = useMutation(
    trpc.evaluations.updateModel.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() }),
        ]);
        onDone();
      },
    }),
  );
  const set = (key: keyof typeof draft) => (event: React.ChangeEvent<HTMLInputElement>) => setDraft((current) => ({ ...current, [key]: event.target.value }));
  const reference = model.source === "reference";
  return (
    <form
      aria-label={`Edit ${model.name}`}
      className="mb-4 space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-3 dark:border-indigo-900 dark:bg-indigo-950/20"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ project, modelId: model.id, ...draft, sourceLabel: reference ? draft.sourceLabel : undefined });
      }}
    >
      <p className="text-sm font-medium">
        Edit {model.name} <span className="font-normal text-zinc-500">({reference ? `reference, ${model.sourceLabel}` : "evaluated here"})</span>
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {/* The form opens above the table, away from the row's button: focus brings it into view. */}
        <TextField label="Name" value={draft.name} onChange={set("name")} required autoFocus />
        <TextField label="Base model" value={draft.baseModel} onChange={set("baseModel")} placeholder="Qwen/Qwen2.5-VL-7B-Instruct" />
        <TextField label="SFT data" value={draft.sftData} onChange={set("sftData")} placeholder="874k" />
        <TextField label="RL data" value={draft.rlData} onChange={set("rlData")} placeholder="74k" />
        {reference ? (
          <TextField label="Source" value={draft.sourceLabel} onChange={set("sourceLabel")} required />
        ) : (
          <p className="self-end pb-1.5 text-sm text-zinc-500">Evaluated here: later imports under this name add to it.</p>
        )}
      </div>
      <ErrorMessage error={refusal(save.error)} />
      <FormActions pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
