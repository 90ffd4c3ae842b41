export type DiffLine = { kind: "same" | "removed" | "added"; text: string };

/** Beyond this many cells the longest-common-subsequence table is not built; the texts are shown as replaced whole. */
const MAX_TABLE_CELLS = 4_000_000;

/** A line diff of two texts (longest common subsequence): unchanged lines, lines only in `before`, lines only in `after`. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length * b.length > MAX_TABLE_CELLS) {
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  // lcs[i * (b.length + 1) + j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const diff: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      diff.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      diff.push({ kind: "removed", text: a[i++] });
    } else {
      diff.push({ kind: "added", text: b[j++] });
    }
  }
  while (i < a.length) diff.push({ kind: "removed", text: a[i++] });
  while (j < b.length) diff.push({ kind: "added", text: b[j++] });
  return diff;
}
