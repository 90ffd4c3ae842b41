/** What a judge's reply says: a verdict, or `null` when it is not one (never a guess). */
export interface ParsedJudgeReply {
  verdict: boolean | null;
  rationale: string | null;
  reason: string;
}

const verdictWords: Record<string, boolean> = { "1": true, "0": false, yes: true, no: false, correct: true, incorrect: false, true: true, false: false };

// A verdict may be the whole reply, boxed, bolded or quoted ("**1**", "\boxed{0}", "`1`"), or — for templates that ask
// for a rationale — the last line, introduced by "Verdict:" / "Final:" or alone.
const decorated = /^(?:\\boxed\{\s*(\w+)\s*\}|\*{1,2}\s*(\w+)\s*\*{1,2}|[`"'(\[]\s*(\w+)\s*[`"')\]]|(\w+))[.!]?$/;
const labelled = /^(?:verdict|final(?: verdict| answer)?|answer|grade|score|judgement|judgment)\s*[:=-]\s*(.+)$/i;

/** Reads a 1 / 0 verdict from a judge's reply; a reply that hedges, says both or says neither is `unparsed`. */
export function parseJudgeReply(reply: string, asksRationale: boolean): ParsedJudgeReply {
  const text = reply.replace(/<think>[\s\S]*?<\/think>/gi, "").trim();
  if (text === "") return { verdict: null, rationale: null, reason: "the judge's reply is empty" };
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const candidates = asksRationale ? [lines[lines.length - 1]] : lines.length === 1 ? [lines[0]] : [];
  for (const line of candidates) {
    const verdict = readVerdictToken(line.match(labelled)?.[1]?.trim() ?? line);
    if (verdict !== null) {
      const rationale = asksRationale ? lines.slice(0, -1).join("\n") || null : null;
      return { verdict, rationale, reason: `the judge replied ${verdict ? "1 (equivalent)" : "0 (not equivalent)"}` };
    }
  }
  return { verdict: null, rationale: null, reason: `the judge's reply is not a verdict: "${excerpt(text)}"` };
}

function readVerdictToken(token: string): boolean | null {
  const match = token.match(decorated);
  const word = match ? (match[1] ?? match[2] ?? match[3] ?? match[4]).toLowerCase() : null;
  return word !== null && word in verdictWords ? verdictWords[word] : null;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}
