import { describe, expect, it } from "vitest";
import { MetricLineParser } from "./metric-line-parser";
import type { LogEvent } from "./types";

const prefix = "\x1b[36m(TaskRunner pid=7)\x1b[0m ";
const log = [
  "Job 'raysubmit_X1' submitted successfully",
  `${prefix}step:0 - val/acc:0.4`,
  `${prefix}step:0 - actor/pg_loss:np.float64(0.01) - actor/lr(1e-4):0.010`,
  `Training Progress:  50%|#####     | 1/2\r${prefix}step:1 - actor/pg_loss:0.02`,
  `${prefix}local_global_step_folder: /ckpt/global_step_1`,
  "Job 'raysubmit_X1' failed",
].join("\n");

function parseInChunks(text: string, size: number): LogEvent[] {
  const parser = new MetricLineParser();
  const events: LogEvent[] = [];
  for (let at = 0; at < text.length; at += size) events.push(...parser.push(text.slice(at, at + size)));
  return [...events, ...parser.end()];
}

describe("MetricLineParser", () => {
  it("emits metrics and events in order with their line numbers", () => {
    const events = parseInChunks(log, log.length);
    expect(events.map((e) => [e.kind, e.line])).toEqual([
      ["ray-job-submitted", 1],
      ["metrics", 2],
      ["metrics", 3],
      ["metrics", 4],
      ["checkpoint", 5],
      ["ray-job-finished", 6],
    ]);
    expect(events[3]).toEqual({ kind: "metrics", line: 4, step: 1, implicitStep: false, source: "verl-console", metrics: { "actor/pg_loss": 0.02 } });
    expect(events[5]).toMatchObject({ submissionId: "raysubmit_X1", status: "failed" });
  });

  it("gives the same events whatever the chunk boundaries", () => {
    const whole = parseInChunks(log, log.length);
    for (const size of [1, 2, 3, 7, 64]) expect(parseInChunks(log, size)).toEqual(whole);
  });

  it("handles \\r\\n split across chunks and a last line without a newline", () => {
    const parser = new MetricLineParser();
    expect(parser.push("step:1 - a:1\r")).toEqual([]);
    expect(parser.push("\nstep:2 - a:2")).toMatchObject([{ step: 1 }]);
    expect(parser.end()).toMatchObject([{ step: 2, line: 2 }]);
  });

  it("numbers dict lines without a step from 1, continuing after explicit steps", () => {
    const parser = new MetricLineParser();
    const events = parser.push("{'loss': 1.0}\n{'loss': 0.9}, step=10\n{'loss': 0.8}\n");
    expect(events.map((e) => (e.kind === "metrics" ? [e.step, e.implicitStep] : null))).toEqual([
      [1, true],
      [10, false],
      [11, true],
    ]);
  });

  it("skips an overlong line whole, counts it, and reads the next one", () => {
    const parser = new MetricLineParser({ maxLineLength: 100 });
    const events = [...parser.push("step:1 - a:1" + " - b:2".repeat(20)), ...parser.push("0".repeat(50)), ...parser.push("\nstep:2 - a:2\n")];
    expect(events).toMatchObject([{ kind: "metrics", step: 2, line: 2 }]);
    expect(parser.overlongLineCount).toBe(1);
  });

  it("skips a 10 MB line with the default limit and keeps reading", () => {
    const parser = new MetricLineParser();
    const huge = "step:1 - " + "k:1 - ".repeat(1_750_000);
    const events = [...parser.push(huge), ...parser.push(huge + "\nstep:2 - a:2\n"), ...parser.end()];
    expect(events).toMatchObject([{ kind: "metrics", step: 2, line: 2, metrics: { a: 2 } }]);
    expect(parser.overlongLineCount).toBe(1);
  });

  it("drops NUL bytes and never throws on binary noise", () => {
    const parser = new MetricLineParser();
    const noise = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join("");
    expect(() => parser.push(noise)).not.toThrow();
    expect([...parser.push("\n\0step:\x003 - a:\x001\n"), ...parser.end()]).toMatchObject([{ step: 3, metrics: { a: 1 } }]);
  });
});
