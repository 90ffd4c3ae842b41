/**
 * Turns one raw console line into the text a trainer printed: no colours, no NUL bytes,
 * no prefixes added by Ray or torchrun. Metric and event detection run on the result.
 */

// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks).
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
// Ray prefixes each worker line with its actor: `(TaskRunner pid=1)`, `(WorkerDict pid=2, ip=10.0.0.1)`,
// `(VGNd5CWorkerDict_0:1 WorkerDict pid=3)`. torchrun --tee adds `[default0]:`, recent PyTorch `[rank0]:`.
const LINE_PREFIX = /^\s*(?:\([^()]*\bpid=\d+[^()]*\)|\[(?:default|rank)\d+\]:)\s*/;
// Ray's log deduplication appends ` [repeated 15x across cluster]` to a line it folded.
const RAY_REPEAT_SUFFIX = /^ \[repeated \d+x across cluster\]$/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

export function cleanLogLine(raw: string): string {
  let text = stripAnsi(raw.includes("\0") ? raw.replaceAll("\0", "") : raw);
  for (let match = LINE_PREFIX.exec(text); match; match = LINE_PREFIX.exec(text)) {
    text = text.slice(match[0].length);
  }
  text = text.trim();
  // Located with lastIndexOf: an unanchored suffix regex is quadratic on a long line.
  const repeat = text.lastIndexOf(" [repeated ");
  if (repeat >= 0 && RAY_REPEAT_SUFFIX.test(text.slice(repeat))) text = text.slice(0, repeat).trimEnd();
  return text;
}
