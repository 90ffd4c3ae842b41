import { describe, expect, it } from "vitest";
import { generateDemoSamples } from "./generate";
import type { DemoTask } from "./types";

// These checks recompute every gold answer from the figure's parameters with their own arithmetic, and reject
// answers that are equal in value but not in their simplest exact form.

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

function isSquareFree(n: number): boolean {
  for (let f = 2; f * f <= n; f++) if (n % (f * f) === 0) return false;
  return true;
}

/** The value of an exact answer: `7`, `17.5`, `-\frac{3}{4}` (lowest terms), `2\sqrt{5}` (simplified); else NaN. */
function exactValue(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const fraction = /^(-?)\\frac\{(\d+)\}\{(\d+)\}$/.exec(text);
  if (fraction) {
    const [p, q] = [Number(fraction[2]), Number(fraction[3])];
    return q > 1 && gcd(p, q) === 1 ? (fraction[1] ? -1 : 1) * (p / q) : NaN;
  }
  const root = /^(\d*)\\sqrt\{(\d+)\}$/.exec(text);
  if (root) {
    const [k, m] = [root[1] === "" ? 1 : Number(root[1]), Number(root[2])];
    return k > 0 && m > 1 && isSquareFree(m) ? k * Math.sqrt(m) : NaN;
  }
  return NaN;
}

const near = (text: string, expected: number) => Math.abs(exactValue(text) - expected) < 1e-9;

/** `y = mx + b` read back into m and b. */
function lineOf(equation: string): { m: number; b: number } {
  const match = /^y = (?:(-?(?:\\frac\{\d+\}\{\d+\}|\d+)?)x)?(?:(?: ([+-]) |^)?(\\frac\{\d+\}\{\d+\}|\d+|-\\frac\{\d+\}\{\d+\}|-\d+))?$/.exec(equation);
  if (!match) throw new Error(`Not a line equation: ${equation}`);
  const [, slopeText, sign, interceptText] = match;
  const m = slopeText === undefined ? 0 : slopeText === "" ? 1 : slopeText === "-" ? -1 : exactValue(slopeText);
  const b = interceptText === undefined ? 0 : (sign === "-" ? -1 : 1) * exactValue(interceptText);
  return { m, b };
}

function isCorrect(task: DemoTask, candidate: string): boolean {
  switch (task.family) {
    case "bar-chart": {
      const values = task.bars.map((b) => b.value);
      const valueOf = (label: string) => task.bars.find((b) => b.label === label)!.value;
      const total = values.reduce((a, b) => a + b, 0);
      if (task.ask.kind === "largest") return candidate === task.bars[values.indexOf(Math.max(...values))].label;
      if (task.ask.kind === "smallest") return candidate === task.bars[values.indexOf(Math.min(...values))].label;
      if (task.ask.kind === "difference") return near(candidate, Math.abs(valueOf(task.ask.first) - valueOf(task.ask.second)));
      if (task.ask.kind === "total") return near(candidate, total);
      return near(candidate, valueOf(task.ask.label) / total);
    }
    case "right-triangle":
      return task.ask.kind === "hypotenuse" ? near(candidate, Math.hypot(...task.ask.legs)) : near(candidate, Math.sqrt(task.ask.hypotenuse ** 2 - task.ask.leg ** 2));
    case "rectangle": {
      const { width: w, height: h } = task;
      return near(candidate, task.ask === "area" ? w * h : task.ask === "perimeter" ? 2 * w + 2 * h : Math.hypot(w, h));
    }
    case "triangle-angles":
      return near(candidate, 180 - task.known[0] - task.known[1]);
    case "shape-counting": {
      const { ask, shapes } = task;
      const count = (shape: string) => shapes.filter((s) => s.shape === shape).length;
      if (ask.kind === "count-shape") return near(candidate, count(ask.shape));
      if (ask.kind === "count-colour") return near(candidate, shapes.filter((s) => s.colour === ask.colour).length);
      if (ask.kind === "count-both") return near(candidate, shapes.filter((s) => s.shape === ask.shape && s.colour === ask.colour).length);
      if (ask.kind === "more") return candidate === (count(ask.more) > count(ask.than) ? "Yes" : "No");
      const counts = { circles: count("circle"), squares: count("square"), triangles: count("triangle") };
      return Object.entries(counts).every(([name, n]) => name === candidate || n < counts[candidate as keyof typeof counts]);
    }
    case "clock": {
      const minutesShown = (task.hour % 12) * 60 + task.minute;
      const timeAt = (minutes: number) => `${Math.floor(minutes / 60) % 12 || 12}:${String(minutes % 60).padStart(2, "0")}`;
      if (task.ask.kind === "read") return candidate === timeAt(minutesShown);
      if (task.ask.kind === "later") return candidate === timeAt(minutesShown + task.ask.minutes);
      // The hour hand turns 0.5° a minute, the minute hand 6°.
      const apart = Math.abs(0.5 * minutesShown - 6 * task.minute) % 360;
      return near(candidate, Math.min(apart, 360 - apart));
    }
    case "line-plot": {
      const [[x1, y1], [x2, y2]] = task.through;
      const m = (y2 - y1) / (x2 - x1);
      const b = y1 - m * x1;
      if (task.ask === "slope") return near(candidate, m);
      if (task.ask === "intercept") return near(candidate, b);
      const line = lineOf(candidate);
      return Math.abs(line.m - m) < 1e-9 && Math.abs(line.b - b) < 1e-9;
    }
  }
}

const samples = generateDemoSamples();

describe("demo dataset answers", () => {
  it("gives every open question the gold answer its figure's parameters imply, in simplest exact form", () => {
    const open = samples.filter((s) => !s.choices);
    expect(open.length).toBeGreaterThan(150);
    for (const sample of open) expect({ id: sample.externalId, correct: isCorrect(sample.task, sample.answer) }).toEqual({ id: sample.externalId, correct: true });
  });

  it("gives every multiple-choice question exactly one correct option, and the answer is its letter", () => {
    const closed = samples.filter((s) => s.choices);
    expect(closed.length).toBeGreaterThan(40);
    for (const sample of closed) {
      const choices = sample.choices!;
      const correct = choices.flatMap((choice, index) => (isCorrect(sample.task, choice) ? ["ABCDE"[index]] : []));
      expect({ id: sample.externalId, correct }).toEqual({ id: sample.externalId, correct: [sample.answer] });
      choices.forEach((choice, index) => expect(sample.question).toContain(`${"ABCDE"[index]}. `));
      expect(new Set(choices).size).toBe(choices.length);
    }
  });

  it("reads exact forms strictly, so an unsimplified answer would fail", () => {
    expect(exactValue("\\sqrt{8}")).toBeNaN();
    expect(exactValue("\\frac{2}{4}")).toBeNaN();
    expect(exactValue("2\\sqrt{2}")).toBeCloseTo(Math.sqrt(8));
    expect(lineOf("y = -\\frac{1}{2}x - 3")).toEqual({ m: -0.5, b: -3 });
    expect(lineOf("y = x")).toEqual({ m: 1, b: 0 });
    expect(lineOf("y = -4")).toEqual({ m: 0, b: -4 });
  });
});
