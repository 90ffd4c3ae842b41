/** A part of a reasoning trace: free text, a `<think>` block, or an `<answer>` block. */
export interface TraceSection {
  kind: "text" | "think" | "answer";
  content: string;
  /** False when the trace ended before the closing tag (a truncated generation). */
  closed: boolean;
}

const openingTag = /<(think|answer)>/i;
const closingTag = { think: /<\/think>/i, answer: /<\/answer>/i } as const;
const strayThinkClose = /<\/think>/i;

/**
 * Splits a trace at its `<think>` / `<answer>` tags. An unclosed block runs to the end of the trace. A `</think>` with no
 * opening tag (chat templates that put `<think>` in the prompt) makes the text before it the thinking section.
 */
export function splitTrace(trace: string): TraceSection[] {
  const sections: TraceSection[] = [];
  const push = (kind: TraceSection["kind"], content: string, closed: boolean) => {
    const trimmed = content.trim();
    if (trimmed !== "" || kind !== "text") sections.push({ kind, content: trimmed, closed });
  };
  let rest = trace;
  let first = true;
  while (rest !== "") {
    const open = openingTag.exec(rest);
    const before = open ? rest.slice(0, open.index) : rest;
    const stray = first ? strayThinkClose.exec(before) : null;
    if (stray) {
      push("think", before.slice(0, stray.index), true);
      rest = rest.slice(stray.index + stray[0].length);
      first = false;
      continue;
    }
    first = false;
    push("text", before, true);
    if (!open) break;
    const kind = open[1].toLowerCase() as "think" | "answer";
    const body = rest.slice(open.index + open[0].length);
    const close = closingTag[kind].exec(body);
    push(kind, close ? body.slice(0, close.index) : body, close !== null);
    rest = close ? body.slice(close.index + close[0].length) : "";
  }
  return sections;
}

/**
 * remark-math reads `$…$` and `$$…$$`; models also write `\(…\)` and `\[…\]`, which markdown would read as escaped
 * brackets. Rewrites those delimiters to dollars so they render as math.
 */
export function normaliseMathDelimiters(text: string): string {
  return text
    .replace(/\\\[([\s\S]+?)\\\]/g, (_, math: string) => `\n$$\n${math.trim()}\n$$\n`)
    .replace(/\\\(([\s\S]+?)\\\)/g, (_, math: string) => `$${math.trim()}$`);
}
