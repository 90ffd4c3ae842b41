import { asMultipleChoice } from "./choices";
import { squareRootLatex } from "./math-format";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { svgDocument, svgLine, svgText } from "./svg";
import type { DemoFigure, DemoSampleDraft } from "./types";

const size = { width: 420, height: 300 };
const asks = ["area", "perimeter", "diagonal"] as const;

function drawRectangle(width: number, height: number, withDiagonal: boolean): DemoFigure {
  const scale = Math.min(280 / width, 180 / height);
  const [w, h] = [width * scale, height * scale];
  const [left, top] = [(size.width - w) / 2 - 10, (size.height - h) / 2 - 10];
  const body = [
    `<rect x="${left}" y="${top}" width="${w}" height="${h}" fill="#fdf2e3" stroke="#222222" stroke-width="2"/>`,
    svgText(left + w / 2, top + h + 26, `${width} m`, { size: 16, weight: "bold" }),
    svgText(left + w + 10, top + h / 2 + 5, `${height} m`, { size: 16, weight: "bold", anchor: "start" }),
  ];
  if (withDiagonal) {
    body.push(`<line x1="${left}" y1="${top + h}" x2="${left + w}" y2="${top}" stroke="#c0392b" stroke-width="2" stroke-dasharray="8 5"/>`);
    body.push(svgText(left + w / 2 - 12, top + h / 2 - 8, "d", { size: 18, weight: "bold", fill: "#c0392b", anchor: "end" }));
  } else {
    // Corner ticks show the right angles, as a textbook figure would.
    body.push(svgLine(left + 12, top + h, left + 12, top + h - 12, "#222222", 1.5), svgLine(left, top + h - 12, left + 12, top + h - 12, "#222222", 1.5));
  }
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

/** A rectangle with labelled sides; its area, perimeter or diagonal is asked. */
export function rectangleSample(random: SeededRandom, index: number): DemoSampleDraft {
  let [width, height] = [0, 0];
  do [width, height] = [random.int(3, 15), random.int(2, 12)];
  while (width === height || Math.max(width, height) > 4 * Math.min(width, height));
  const ask = asks[index % asks.length];
  const figure = drawRectangle(width, height, ask === "diagonal");
  const task = { family: "rectangle" as const, width, height, ask };
  const read = `The rectangle is ${width} m wide and ${height} m tall.`;
  const boxed = index % 2 === 0;

  if (ask === "area") {
    const answer = String(width * height);
    const steps = [read, `Its area is width times height: $${width} \\times ${height} = ${answer}$ square metres.`];
    const question = "What is the area of the rectangle, in square metres?";
    if (index % 2 === 1) {
      const distractors = [2 * (width + height), width + height, width * height + width, width * height - height, 2 * width * height, (width + 1) * height].map(String);
      const choice = asMultipleChoice(random, question, answer, distractors);
      return { task, figure, ...choice, trace: reasoningTrace([...steps, `That is option ${choice.answer}.`], choice.answer, { boxed }), tags: ["geometry", "area", "multiple-choice"] };
    }
    return { task, figure, question, answer, trace: reasoningTrace(steps, answer, { boxed }), tags: ["geometry", "area"] };
  }
  if (ask === "perimeter") {
    const answer = String(2 * (width + height));
    const steps = [read, `Its perimeter is $2 \\times (${width} + ${height}) = ${answer}$ metres.`];
    return { task, figure, question: "What is the perimeter of the rectangle, in metres?", answer, trace: reasoningTrace(steps, answer, { boxed }), tags: ["geometry", "perimeter"] };
  }
  const squared = width * width + height * height;
  const answer = squareRootLatex(squared);
  const steps = [
    read,
    `The diagonal d is the hypotenuse of a right triangle with legs ${width} and ${height}: $d = \\sqrt{${width}^2 + ${height}^2} = \\sqrt{${squared}}$.`,
    ...(answer === `\\sqrt{${squared}}` ? [] : [`Simplifying, $\\sqrt{${squared}} = ${answer}$.`]),
  ];
  return {
    task,
    figure,
    question: "How long is the diagonal d of the rectangle, in metres? Give an exact value.",
    answer,
    trace: reasoningTrace(steps, answer, { boxed }),
    tags: ["geometry", "pythagoras"],
  };
}
