import "server-only";
import type { RawRow, RawValue } from "./types";

/**
 * Column paths address a value inside a row, in a syntax a user can read and type in a preview:
 *
 *   question                          top-level column
 *   reward_model.ground_truth         field of a struct / object
 *   response[0]   messages[-1]        list element (negative counts from the end)
 *   messages[role=user]               the list's elements whose `role` is `user` (still a list)
 *   messages[role=user][0].content    ...then the first one, then its `content`
 *
 * A field step applied to a list maps over its elements. A step that does not fit the value
 * (a missing key, an index out of range, a field of a string) yields `undefined`.
 * Column names cannot contain `.`, `[` or `]`.
 */
export type PathStep =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "filter"; key: string; value: string };

export class ColumnPathSyntaxError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`column path '${path}': ${reason}`);
    this.name = "ColumnPathSyntaxError";
  }
}

const stepPattern = /\.([^.[\]]+)|\[(-?\d+)\]|\[([^=\]]+)=([^\]]*)\]/y;

export function parseColumnPath(path: string): PathStep[] {
  const head = /^[^.[\]]+/.exec(path);
  if (!head || head[0].trim() === "") throw new ColumnPathSyntaxError(path, "must start with a column name");
  const steps: PathStep[] = [{ kind: "field", name: head[0].trim() }];
  stepPattern.lastIndex = head[0].length;
  while (stepPattern.lastIndex < path.length) {
    const at = stepPattern.lastIndex;
    const match = stepPattern.exec(path);
    if (!match) throw new ColumnPathSyntaxError(path, `unexpected '${path.slice(at)}'`);
    if (match[1] !== undefined) steps.push({ kind: "field", name: match[1].trim() });
    else if (match[2] !== undefined) steps.push({ kind: "index", index: Number(match[2]) });
    else steps.push({ kind: "filter", key: match[3].trim(), value: match[4].trim() });
  }
  return steps;
}

// Mappings are applied to every row of an import; parse each distinct path once. Bounded because paths are user input.
const parsedPaths = new Map<string, PathStep[]>();
const maxCachedPaths = 1000;

function cachedSteps(path: string): PathStep[] {
  let steps = parsedPaths.get(path);
  if (!steps) {
    steps = parseColumnPath(path);
    if (parsedPaths.size >= maxCachedPaths) parsedPaths.clear();
    parsedPaths.set(path, steps);
  }
  return steps;
}

export function isRecord(value: RawValue | undefined): value is { [key: string]: RawValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function applyStep(value: RawValue | undefined, step: PathStep): RawValue | undefined {
  if (step.kind === "field") {
    if (isRecord(value)) return value[step.name];
    if (Array.isArray(value)) return value.map((item) => applyStep(item, step)).filter((item) => item !== undefined);
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (step.kind === "index") return value.at(step.index);
  return value.filter((item) => isRecord(item) && String(item[step.key]) === step.value);
}

/** The value at `path` in `row`, or `undefined` when the row has nothing there. Throws ColumnPathSyntaxError on a malformed path. */
export function resolveColumnPath(row: RawRow, path: string): RawValue | undefined {
  let value: RawValue | undefined = row;
  for (const step of cachedSteps(path)) {
    value = applyStep(value, step);
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * The field names of the value a path takes whole from `row`, for pruning `extra`: plain `a.b.c` paths, and a last
 * `[0]` / `[-1]` on a one-element list (vprm's `response[0]`). Other list steps take part of a value, so none is pruned.
 */
export function consumedFieldNames(row: RawRow, path: string): string[] | undefined {
  const steps = cachedSteps(path);
  const names: string[] = [];
  let value: RawValue | undefined = row;
  for (const [position, step] of steps.entries()) {
    if (step.kind === "field") {
      names.push(step.name);
      value = applyStep(value, step);
    } else if (step.kind === "filter" || position !== steps.length - 1 || (step.index !== 0 && step.index !== -1)) return undefined;
    else if (!Array.isArray(value) || value.length !== 1) return undefined;
  }
  return names;
}
