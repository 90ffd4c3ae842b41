import { dateIdToLocalIso } from "./file-names";
import { isJsonObject, type JsonValue } from "./lenient-json";

type JsonObject = { [key: string]: JsonValue };

export interface LmmsEvalTaskInfo {
  task: string;
  alias: string | null;
  /** Documents evaluated: `effective` is below `original` when --limit was used. */
  nSamples: { original: number; effective: number } | null;
  taskHash: string | null;
  version: string | number | null;
  nShot: number | null;
  /** Member tasks when this task is a group (e.g. mmmu over its subjects); empty otherwise. */
  subtasks: string[];
  /** The task's config with `<function name at 0x…>` addresses dropped, so two runs' configs diff cleanly. */
  config: JsonValue | null;
}

export interface LmmsEvalRunMeta {
  /** `model_name` from the JSON; else the `pretrained=` (etc.) model argument; else the folder name. */
  modelName: string | null;
  modelNameSanitized: string | null;
  /** The lmms-eval model class, e.g. "llava", "qwen2_5_vl". */
  modelSource: string | null;
  modelArgs: JsonValue | null;
  dateId: string | null;
  /** Local time of the evaluating machine, `YYYY-MM-DDTHH:MM:SS`, zone unknown. */
  startedAt: string | null;
  /** `lmms_eval_version` when written (newer lmms-eval), else the tag of a `git describe` hash (`v0.6-9-g…` → "0.6"). */
  lmmsEvalVersion: string | null;
  gitHash: string | null;
  totalEvaluationSeconds: number | null;
  tasks: LmmsEvalTaskInfo[];
}

export interface ResultsFileLocation {
  /** `<date_id>` from the file name; the JSON's `date` is the fallback. */
  dateId?: string;
  /** The folder holding the file: lmms-eval names it after the sanitized model name. */
  folderName?: string;
}

// The order lmms-eval itself searches model_args for the model's name (GeneralConfigTracker._get_model_name).
const MODEL_NAME_ARGS = ["peft", "delta", "pretrained", "model", "model_version", "model_name", "model_id", "path", "engine"];
const FUNCTION_REPR = /^<function (\S+) at 0x[0-9a-f]+>$/;
const DESCRIBE_TAG = /^v(\d+(?:\.\d+)+)(?:-|$)/;

export function runMetadata(json: JsonObject, taskNames: string[], location: ResultsFileLocation): LmmsEvalRunMeta {
  const config = isJsonObject(json.config) ? json.config : {};
  const modelArgs = config.model_args ?? null;
  const dateId = location.dateId ?? stringOrNull(json.date);
  const gitHash = stringOrNull(json.git_hash);
  const sanitizedFromFolder = location.folderName ?? null;
  return {
    modelName: stringOrNull(json.model_name) ?? modelNameFromArgs(modelArgs) ?? sanitizedFromFolder?.replaceAll("__", "/") ?? null,
    modelNameSanitized: stringOrNull(json.model_name_sanitized) ?? sanitizedFromFolder,
    modelSource: stringOrNull(json.model_source) ?? stringOrNull(config.model),
    modelArgs,
    dateId,
    startedAt: dateId === null ? null : dateIdToLocalIso(dateId),
    lmmsEvalVersion: stringOrNull(json.lmms_eval_version) ?? (gitHash ? (DESCRIBE_TAG.exec(gitHash)?.[1] ?? null) : null),
    gitHash,
    totalEvaluationSeconds: finiteNumber(json.total_evaluation_time_seconds),
    tasks: taskNames.map((task) => taskInfo(json, task)),
  };
}

function taskInfo(json: JsonObject, task: string): LmmsEvalTaskInfo {
  const field = (name: string): JsonValue | undefined => {
    const table = json[name];
    return isJsonObject(table) ? table[task] : undefined;
  };
  const results = field("results");
  const nSamples = field("n-samples");
  const version = field("versions");
  const subtasks = field("group_subtasks");
  const config = field("configs");
  const original = isJsonObject(nSamples) ? finiteNumber(nSamples.original) : null;
  const effective = isJsonObject(nSamples) ? finiteNumber(nSamples.effective) : null;
  return {
    task,
    alias: isJsonObject(results) ? stringOrNull(results.alias) : null,
    nSamples: original !== null && effective !== null ? { original, effective } : null,
    taskHash: stringOrNull(field("task_hashes")),
    version: typeof version === "string" || typeof version === "number" ? version : null,
    nShot: finiteNumber(field("n-shot")),
    subtasks: Array.isArray(subtasks) ? subtasks.filter((name): name is string => typeof name === "string") : [],
    config: config === undefined ? null : withoutFunctionAddresses(config),
  };
}

function modelNameFromArgs(modelArgs: JsonValue): string | null {
  if (isJsonObject(modelArgs)) {
    const key = MODEL_NAME_ARGS.find((name) => typeof modelArgs[name] === "string");
    return key === undefined ? null : (modelArgs[key] as string);
  }
  if (typeof modelArgs !== "string") return null;
  const args = new Map<string, string>();
  for (const pair of modelArgs.split(",")) {
    const equals = pair.indexOf("=");
    if (equals > 0) args.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
  const key = MODEL_NAME_ARGS.find((name) => args.get(name));
  return key === undefined ? null : (args.get(key) ?? null);
}

function withoutFunctionAddresses(value: JsonValue): JsonValue {
  if (typeof value === "string") return value.replace(FUNCTION_REPR, "<function $1>");
  if (Array.isArray(value)) return value.map(withoutFunctionAddresses);
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutFunctionAddresses(item)]));
  }
  return value;
}

function stringOrNull(value: JsonValue | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** Numbers, and numbers written as strings (`total_evaluation_time_seconds` is one). */
function finiteNumber(value: JsonValue | undefined): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : null;
}
