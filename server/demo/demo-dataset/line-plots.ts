import { asMultipleChoice } from "./choices";
import { fractionLatex } from "./math-format";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { svgDocument, svgLine, svgText } from "./svg";
import type { DemoFigure, DemoSampleDraft } from "./types";

type Point = [number, number];
const size = { width: 360, height: 360 };
const extent = 6;
const unit = 300 / (2 * extent);
const toX = (x: number) => 30 + (x + extent) * unit;
const toY = (y: number) => 30 + (extent - y) * unit;

/** `y = mx + b` in LaTeX, written as a person would (no `1x`, no `+ -3`, no `+ 0`). */
function lineEquationLatex(rise: number, run: number, interceptNumerator: number, interceptDenominator: number): string {
  const slope = fractionLatex(rise, run);
  const term = slope === "0" ? "" : slope === "1" ? "x" : slope === "-1" ? "-x" : `${slope}x`;
  const intercept = fractionLatex(interceptNumerator, interceptDenominator);
  if (term === "") return `y = ${intercept}`;
  if (intercept === "0") return `y = ${term}`;
  return intercept.startsWith("-") ? `y = ${term} - ${intercept.slice(1)}` : `y = ${term} + ${intercept}`;
}

function drawLine(p: Point, q: Point): DemoFigure {
  const body = [`<clipPath id="plot"><rect x="30" y="30" width="300" height="300"/></clipPath>`];
  // Labels go on last, over the line, so the line never hides a tick number.
  const labels = [svgText(toX(extent) - 4, toY(0) - 8, "x", { size: 14, weight: "bold" }), svgText(toX(0) + 10, toY(extent) + 14, "y", { size: 14, weight: "bold" })];
  for (let v = -extent; v <= extent; v++) {
    const colour = v === 0 ? "#222222" : "#e3e3e3";
    body.push(svgLine(toX(v), toY(-extent), toX(v), toY(extent), colour, v === 0 ? 2 : 1));
    body.push(svgLine(toX(-extent), toY(v), toX(extent), toY(v), colour, v === 0 ? 2 : 1));
    if (v !== 0 && v % 2 === 0) {
      labels.push(svgText(toX(v), toY(0) + 16, String(v), { size: 11, fill: "#555555", halo: true }));
      labels.push(svgText(toX(0) - 6, toY(v) + 4, String(v), { size: 11, fill: "#555555", anchor: "end", halo: true }));
    }
  }
  // The line crosses the whole plot: extend P→Q far beyond it and let the clip path cut it.
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  const far = 4 * extent;
  const ends = [-far, far].map((t) => [p[0] + (dx * t) / Math.hypot(dx, dy), p[1] + (dy * t) / Math.hypot(dx, dy)]);
  body.push(`<g clip-path="url(#plot)">${svgLine(toX(ends[0][0]), toY(ends[0][1]), toX(ends[1][0]), toY(ends[1][1]), "#2c5d99", 3)}</g>`);
  body.push(...labels);
  for (const [x, y] of [p, q]) {
    body.push(`<circle cx="${toX(x)}" cy="${toY(y)}" r="5" fill="#c0392b"/>`);
    const labelBelow = y > extent - 2;
    body.push(svgText(toX(x) + 8, toY(y) + (labelBelow ? 20 : -10), `(${x}, ${y})`, { size: 13, weight: "bold", anchor: x > 2 ? "end" : "start", halo: true }));
  }
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

function twoPoints(random: SeededRandom): [Point, Point] {
  for (;;) {
    const [x1, x2] = random.distinctInts(-5, 5, 2).sort((a, b) => a - b);
    const [y1, y2] = [random.int(-5, 5), random.int(-5, 5)];
    // Points far enough apart to read, and a line that is not nearly vertical.
    if (Math.abs(x2 - x1) >= 2 && Math.abs(y2 - y1) <= 3 * (x2 - x1)) return [[x1, y1], [x2, y2]];
  }
}

/** A straight line through two labelled lattice points; its slope, y-intercept or equation is asked. */
export function linePlotSample(random: SeededRandom, index: number): DemoSampleDraft {
  const [p, q] = twoPoints(random);
  const [rise, run] = [q[1] - p[1], q[0] - p[0]];
  // b = y1 - m·x1 = (y1·run - rise·x1) / run
  const interceptNumerator = p[1] * run - rise * p[0];
  const slope = fractionLatex(rise, run);
  const intercept = fractionLatex(interceptNumerator, run);
  const figure = drawLine(p, q);
  const ask = (["slope", "intercept", "equation"] as const)[index % 3];
  const task = { family: "line-plot" as const, through: [p, q] as [Point, Point], ask };
  const slopeStep = `The line passes through $(${p[0]}, ${p[1]})$ and $(${q[0]}, ${q[1]})$, so its slope is $m = \\frac{${q[1]} - (${p[1]})}{${q[0]} - (${p[0]})} = \\frac{${rise}}{${run}}${slope === `\\frac{${rise}}{${run}}` ? "" : ` = ${slope}`}$.`;
  const interceptStep = `The y-intercept is $b = y_1 - m x_1 = ${p[1]} - (${slope}) \\cdot (${p[0]}) = ${intercept}$.`;
  const boxed = index % 2 === 0;

  if (ask === "slope") {
    return { task, figure, question: "What is the slope of the line? Give an exact value.", answer: slope, trace: reasoningTrace([slopeStep], slope, { boxed }), tags: ["function-plot", "slope"] };
  }
  if (ask === "intercept") {
    const question = "At what y-value does the line cross the y-axis? Give an exact value.";
    return { task, figure, question, answer: intercept, trace: reasoningTrace([slopeStep, interceptStep], intercept, { boxed }), tags: ["function-plot", "intercept"] };
  }
  const correct = lineEquationLatex(rise, run, interceptNumerator, run);
  const distractors = [
    lineEquationLatex(-rise, run, interceptNumerator, run),
    lineEquationLatex(rise, run, -interceptNumerator, run),
    lineEquationLatex(rise, run, interceptNumerator + run, run),
    lineEquationLatex(rise, run, interceptNumerator - run, run),
    ...(rise === 0 ? [lineEquationLatex(1, 1, interceptNumerator, run)] : [lineEquationLatex(run, rise, interceptNumerator, run)]),
  ];
  const choice = asMultipleChoice(random, "Which equation describes the line in the graph?", correct, distractors, { math: true });
  const steps = [slopeStep, interceptStep, `So the line is $${correct}$: option ${choice.answer}.`];
  return { task, figure, ...choice, trace: reasoningTrace(steps, choice.answer, { boxed: false }), tags: ["function-plot", "equation", "multiple-choice"] };
}
