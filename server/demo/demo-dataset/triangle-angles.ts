import { asMultipleChoice } from "./choices";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { coordinate, svgDocument, svgPolygon, svgText } from "./svg";
import type { DemoFigure, DemoSampleDraft } from "./types";

type Point = [number, number];
const size = { width: 420, height: 320 };

function toward(from: Point, to: Point, distance: number): Point {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  const length = Math.hypot(dx, dy);
  return [from[0] + (dx / length) * distance, from[1] + (dy / length) * distance];
}

/** The arc marking the angle at `vertex` between the sides towards `a` and `b`. */
function angleArc(vertex: Point, a: Point, b: Point, radius: number): string {
  const [start, end] = [toward(vertex, a, radius), toward(vertex, b, radius)];
  const cross = (start[0] - vertex[0]) * (end[1] - vertex[1]) - (start[1] - vertex[1]) * (end[0] - vertex[0]);
  const sweep = cross > 0 ? 1 : 0;
  return `<path d="M ${coordinate(start[0])} ${coordinate(start[1])} A ${radius} ${radius} 0 0 ${sweep} ${coordinate(end[0])} ${coordinate(end[1])}" fill="none" stroke="#c0392b" stroke-width="1.5"/>`;
}

/** A triangle drawn with its true angles: `left` and `right` at the base, labelled, and the apex marked x. */
function drawTriangle(left: number, right: number): DemoFigure {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  // Base of length 1; law of sines gives the side from the left corner to the apex.
  const side = Math.sin(radians(right)) / Math.sin(radians(left + right));
  const unit: Point[] = [[0, 0], [1, 0], [side * Math.cos(radians(left)), side * Math.sin(radians(left))]];
  const xs = unit.map((p) => p[0]);
  const [minX, maxX, maxY] = [Math.min(...xs), Math.max(...xs), unit[2][1]];
  const scale = Math.min(320 / (maxX - minX), 220 / maxY);
  const offsetX = (size.width - (maxX - minX) * scale) / 2 - minX * scale;
  const corners = unit.map(([x, y]): Point => [offsetX + x * scale, 280 - y * scale]);
  const centroid: Point = [(corners[0][0] + corners[1][0] + corners[2][0]) / 3, (corners[0][1] + corners[1][1] + corners[2][1]) / 3];
  const labels = [`${left}°`, `${right}°`, "x"];
  const body = [svgPolygon(corners, "#eef7ee")];
  corners.forEach((corner, i) => {
    const others = corners.filter((_, j) => j !== i);
    body.push(angleArc(corner, others[0], others[1], 22));
    const [lx, ly] = toward(corner, centroid, 46);
    body.push(svgText(lx, ly + 6, labels[i], { size: 16, weight: "bold", fill: i === 2 ? "#c0392b" : "#222222" }));
  });
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

/** A triangle with two angles given; the third follows from the angle sum of 180°. */
export function triangleAnglesSample(random: SeededRandom, index: number): DemoSampleDraft {
  let [left, right] = [0, 0];
  do [left, right] = [5 * random.int(5, 22), 5 * random.int(5, 22)];
  while (180 - left - right < 25);
  const missing = 180 - left - right;
  const answer = String(missing);
  const task = { family: "triangle-angles" as const, known: [left, right] as [number, number] };
  const figure = drawTriangle(left, right);
  const steps = [
    `Two angles of the triangle are marked ${left}° and ${right}°; the third is x.`,
    `The angles of a triangle add up to $180^\\circ$, so $x = 180^\\circ - ${left}^\\circ - ${right}^\\circ = ${missing}^\\circ$.`,
  ];
  const question = "What is the size of the angle marked x, in degrees?";
  if (index % 3 === 1) {
    const distractors = [missing + 10, missing - 10, 180 - left, 180 - right, 360 - left - right].filter((d) => d > 0).map(String);
    const choice = asMultipleChoice(random, question, answer, distractors);
    return { task, figure, ...choice, trace: reasoningTrace([...steps, `That is option ${choice.answer}.`], choice.answer, { boxed: false }), tags: ["geometry", "angles", "multiple-choice"] };
  }
  return { task, figure, question, answer, trace: reasoningTrace(steps, answer, { boxed: index % 2 === 0 }), tags: ["geometry", "angles"] };
}
