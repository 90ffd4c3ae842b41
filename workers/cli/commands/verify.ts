import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { Command } from "commander";
import type { VerifierConfig } from "@/server/verdicts/verifier";
import { CliError } from "../errors";

/** Longest input line judged; a longer one is skipped unread (never held in memory) and reported as an error line. */
export const maxLineChars = 8 * 1024 * 1024;

interface Disagreement {
  id: unknown;
  line: number;
  expected: boolean;
  got: boolean;
  reason: string;
}

interface Summary {
  lines: number;
  errors: number;
  withExpected: number;
  agreed: number;
  disagreements: Disagreement[];
}

const matchTypes = new Set(["latex", "expr", "string"]);

/** `mmr verify FILE.jsonl`: the answer verifier, locally, no server and no login. */
export function registerVerifyCommands(program: Command): void {
  program
    .command("verify")
    .description(
      "judge answers locally with the rule and math verifier: reads JSON lines {gold, pred, config?, ...} (FILE or - for stdin) and prints, in order, " +
        "one JSON line each: {id?, match, stage, reason, gold_extracted, pred_extracted, ...the line's other fields except gold, pred and config}; " +
        'a bad line prints {"error": "line N: ..."} and the rest go on',
    )
    .argument("<file>", "a JSON-lines file, or - for stdin")
    .option("--summary", "when lines carry `expected`, print the agreement and each disagreement to stderr after the lines")
    .action(async (file: string, options: { summary?: boolean }) => {
      const input = file === "-" ? process.stdin : await openFile(file);
      const summary = await verifyLines(input, (line) => writeLine(line));
      if (options.summary) process.stderr.write(formatSummary(summary));
    });
}

async function openFile(file: string): Promise<Readable> {
  try {
    await access(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return createReadStream(file, { encoding: "utf8" });
}

async function writeLine(text: string): Promise<void> {
  if (!process.stdout.write(`${text}\n`)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

/** Splits the stream into lines without ever holding more than `maxLineChars` of one line. */
async function* boundedLines(input: Readable): AsyncGenerator<{ text: string | null; length: number }> {
  let pieces: string[] = [];
  let length = 0;
  let overflow = false;
  input.setEncoding("utf8");
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    for (let newline = chunk.indexOf("\n"); newline !== -1; newline = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, newline);
      length += piece.length;
      if (!overflow && length <= maxLineChars) pieces.push(piece);
      yield { text: overflow || length > maxLineChars ? null : pieces.join(""), length };
      pieces = [];
      length = 0;
      overflow = false;
      start = newline + 1;
    }
    const rest = chunk.slice(start);
    length += rest.length;
    if (length > maxLineChars) {
      overflow = true;
      pieces = [];
    } else if (!overflow) pieces.push(rest);
  }
  if (length > 0) yield { text: overflow ? null : pieces.join(""), length };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The problem with a parsed line, or null when it can be judged. */
function lineProblem(record: unknown): string | null {
  if (!isRecord(record)) return "not a JSON object";
  if (typeof record.gold !== "string") return '"gold" must be a string';
  if (typeof record.pred !== "string") return '"pred" must be a string';
  if (record.config !== undefined && !isRecord(record.config)) return '"config" must be an object';
  const types = isRecord(record.config) ? record.config.match_types : undefined;
  if (types !== undefined && types !== null && (!Array.isArray(types) || !types.every((type) => matchTypes.has(type as string)))) {
    return '"config.match_types" must list latex, expr and/or string';
  }
  return null;
}

export async function verifyLines(input: Readable, emit: (line: string) => Promise<void>): Promise<Summary> {
  // Loaded on use, so other verbs do not pay for mathjs; relative because the CLI runs without a tsconfig.
  const { verifyAnswer } = await import("../../../server/verdicts/verifier/index");
  const summary: Summary = { lines: 0, errors: 0, withExpected: 0, agreed: 0, disagreements: [] };
  let lineNumber = 0;
  for await (const { text, length } of boundedLines(input)) {
    lineNumber++;
    if (text !== null && text.trim() === "") continue;
    summary.lines++;
    const error = (message: string) => {
      summary.errors++;
      return emit(JSON.stringify({ error: `line ${lineNumber}: ${message}` }));
    };
    if (text === null) {
      await error(`longer than ${maxLineChars} characters (${length}); not judged`);
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (parseError) {
      await error(`not valid JSON (${(parseError as Error).message})`);
      continue;
    }
    const problem = lineProblem(record);
    if (problem !== null || !isRecord(record)) {
      await error(problem ?? "not a JSON object");
      continue;
    }
    const { gold, pred, config, id, ...others } = record;
    const result = verifyAnswer(gold as string, pred as string, (config ?? {}) as VerifierConfig);
    const verdict = {
      ...(id !== undefined ? { id } : {}),
      ...others,
      match: result.match,
      stage: result.stage,
      reason: result.reason,
      gold_extracted: result.goldExtracted,
      pred_extracted: result.predExtracted,
      ...(result.timedOut ? { timed_out: true } : {}),
    };
    await emit(JSON.stringify(verdict));
    if (typeof others.expected === "boolean") {
      summary.withExpected++;
      if (others.expected === result.match) summary.agreed++;
      else summary.disagreements.push({ id: id ?? null, line: lineNumber, expected: others.expected, got: result.match, reason: result.reason });
    }
  }
  return summary;
}

export function formatSummary(summary: Summary): string {
  const lines: string[] = [];
  if (summary.withExpected === 0) lines.push(`${summary.lines} lines judged; none carries "expected", so there is no agreement to report`);
  else {
    const percent = ((100 * summary.agreed) / summary.withExpected).toFixed(1);
    lines.push(`agreement: ${summary.agreed} of ${summary.withExpected} lines with "expected" (${percent}%)`);
  }
  if (summary.errors > 0) lines.push(`${summary.errors} line${summary.errors === 1 ? "" : "s"} could not be judged`);
  for (const disagreement of summary.disagreements) {
    const who = disagreement.id === null ? `line ${disagreement.line}` : `${String(disagreement.id)} (line ${disagreement.line})`;
    lines.push(`  ${who}: expected ${disagreement.expected}, got ${disagreement.got}: ${disagreement.reason}`);
  }
  return `${lines.join("\n")}\n`;
}
