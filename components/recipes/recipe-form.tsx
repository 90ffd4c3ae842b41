"use client";
import type { RouterOutputs } from "@/components/trpc/client";
import { TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import type { DatasetSource } from "@/server/recipes/common-schemas";
import type { RecipeKind } from "@/server/recipes/recipes";
import { ConfigField, FieldMessage } from "./config-field";
import { valueAt, withValueAt, type ConfigDraft } from "./config-path";
import { DatasetPicker } from "./dataset-picker";
import { EnvEditor } from "./env-editor";
import type { PlacementDraft } from "./placement";
import { PlacementFields } from "./placement-fields";
import { recipeFieldSections } from "./recipe-fields";
import { TaskPicker } from "./task-picker";

type FormChoices = Pick<RouterOutputs["recipes"]["defaults"], "exports" | "tasks">;

export interface RecipeFormProps {
  kind: RecipeKind;
  name: string;
  onName: (name: string) => void;
  draft: ConfigDraft;
  onDraft: (draft: ConfigDraft) => void;
  placement: PlacementDraft;
  onPlacement: (placement: PlacementDraft) => void;
  choices: FormChoices;
  issueFor: (path: string) => string | undefined;
}

function DatasetFields({ kind, draft, set, choices, issueFor }: Pick<RecipeFormProps, "kind" | "draft" | "choices" | "issueFor"> & { set: (path: string, value: unknown) => void }) {
  const picker = (path: "dataset" | "validation", label: string, noneLabel?: string) => (
    <DatasetPicker
      label={label}
      exports={choices.exports}
      value={(valueAt(draft, path) as DatasetSource | null | undefined) ?? null}
      onChange={(source) => set(path, source)}
      issues={{ choice: issueFor(path) ?? issueFor(`${path}.exportRunId`), dataRoot: issueFor(`${path}.dataRoot`) }}
      noneLabel={noneLabel}
    />
  );
  const format = kind === "sft" ? "lmms-engine SFT" : "verl RL";
  return (
    <Panel title="Dataset">
      <div className="space-y-4">
        {choices.exports.length === 0 && (
          <p className="text-sm text-amber-700 dark:text-amber-400">
            No {format} export yet: freeze a version of a dataset and export it in that format, then come back.
          </p>
        )}
        {picker("dataset", `Training data (${format} export)`)}
        {kind === "rl" && picker("validation", "Validation data", "Same as the training data")}
      </div>
    </Panel>
  );
}

/** The form for one recipe: name and placement, its dataset or tasks, every tunable field, extra environment. */
export function RecipeForm({ kind, name, onName, draft, onDraft, placement, onPlacement, choices, issueFor }: RecipeFormProps) {
  const set = (path: string, value: unknown) => onDraft(withValueAt(draft, path, value));
  return (
    <div className="space-y-4">
      <Panel title="Run">
        <div className="space-y-3">
          <TextField label="Run name" value={name} onChange={(event) => onName(event.target.value)} required maxLength={200} />
          <PlacementFields kind={kind} value={placement} onChange={onPlacement} issueFor={issueFor} />
        </div>
      </Panel>
      {kind === "eval" ? (
        <Panel title="Tasks">
          <div className="space-y-4">
            <TaskPicker title="Image tasks" tasks={choices.tasks.image} chosen={(valueAt(draft, "imageTasks") as string[]) ?? []} onChange={(tasks) => set("imageTasks", tasks)} />
            <TaskPicker title="Text tasks" tasks={choices.tasks.text} chosen={(valueAt(draft, "textTasks") as string[]) ?? []} onChange={(tasks) => set("textTasks", tasks)} />
            <FieldMessage id="tasks-message" issue={issueFor("imageTasks") ?? issueFor("textTasks")} />
          </div>
        </Panel>
      ) : (
        <DatasetFields kind={kind} draft={draft} set={set} choices={choices} issueFor={issueFor} />
      )}
      {recipeFieldSections[kind].map((section) => (
        <Panel key={section.title} title={section.title}>
          <div className="grid gap-3 sm:grid-cols-2">
            {section.fields.map((spec) => (
              <ConfigField key={spec.path} spec={spec} value={valueAt(draft, spec.path)} issue={issueFor(spec.path)} onChange={(value) => set(spec.path, value)} />
            ))}
          </div>
        </Panel>
      ))}
      <Panel title="Extra environment">
        <EnvEditor
          value={(valueAt(draft, "env") as Record<string, string>) ?? {}}
          onChange={(env) => set("env", env)}
          issueFor={issueFor}
        />
      </Panel>
    </div>
  );
}
