import { asMultipleChoice } from "./choices";
import { squareRootLatex } from "./math-format";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { svgDocument, svgPolygon, svgText } from "./svg";
import type { DemoFigure, DemoSampleDraft } from "./types";

const size = { width: 420, height: 320 };
// Some integer answers (the classic triples) among the radicals.
const triples: [number, number][] = [
  [3, 4],
  [6, 8],
  [5, 12],
  [9, 12],
  [8, 15],
];

// The unknown side stands out in red.
const colourOf = (label: string) => (label === "?" ? "#c0392b" : "#222222");

/** A right triangle drawn to scale: the right angle bottom-left, `across` along the bottom, `up` along the left side. */
function drawRightTriangle(across: number, up: number, labels: { across: string; up: string; hypotenuse: string }): DemoFigure {
  const scale = Math.min(280 / across, 220 / up);
  const [w, h] = [across * scale, up * scale];
  const left = (size.width - w) / 2;
  const bottom = 270;
  const mark = 14;
  const body = [
    svgPolygon([[left, bottom], [left + w, bottom], [left, bottom - h]], "#e8f0fb"),
    `<polyline points="${left + mark},${bottom} ${left + mark},${bottom - mark} ${left},${bottom - mark}" fill="none" stroke="#222222" stroke-width="1.5"/>`,
    svgText(left + w / 2, bottom + 26, labels.across, { size: 16, weight: "bold", fill: colourOf(labels.across) }),
    svgText(left - 10, bottom - h / 2 + 5, labels.up, { size: 16, weight: "bold", anchor: "end", fill: colourOf(labels.up) }),
    svgText(left + w / 2 + 12, bottom - h / 2 - 10, labels.hypotenuse, { size: 16, weight: "bold", anchor: "start", fill: colourOf(labels.hypotenuse) }),
  ];
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

function legs(random: SeededRandom, index: number): [number, number] {
  if (index % 4 === 0) return random.shuffle(random.pick(triples)) as [number, number];
  for (;;) {
    const [a, b] = [random.int(2, 12), random.int(2, 12)];
    // Very thin triangles draw badly; keep the sides within a factor of three.
    if (Math.max(a, b) <= 3 * Math.min(a, b)) return [a, b];
  }
}

function hypotenuseSample(random: SeededRandom, index: number): DemoSampleDraft {
  const [a, b] = legs(random, index);
  const squared = a * a + b * b;
  const answer = squareRootLatex(squared);
  const figure = drawRightTriangle(a, b, { across: `${a} cm`, up: `${b} cm`, hypotenuse: "?" });
  const task = { family: "right-triangle" as const, ask: { kind: "hypotenuse" as const, legs: [a, b] as [number, number] } };
  const steps = [
    `The triangle has a right angle between the legs of ${a} cm and ${b} cm; the side marked ? is the hypotenuse.`,
    `By the Pythagorean theorem, $c = \\sqrt{${a}^2 + ${b}^2} = \\sqrt{${a * a} + ${b * b}} = \\sqrt{${squared}}$.`,
    ...(answer === `\\sqrt{${squared}}` ? [] : [`Simplifying, $\\sqrt{${squared}} = ${answer}$.`]),
  ];
  const question = "In the right triangle shown, how long is the side marked with a question mark, in cm?";
  if (index % 3 === 2) {
    const distractors = [String(a + b), squareRootLatex(Math.abs(a * a - b * b)), squareRootLatex(squared + 2), squareRootLatex(a * b), `${a + b}\\sqrt{2}`];
    const choice = asMultipleChoice(random, question, answer, distractors, { math: true });
    const trace = reasoningTrace([...steps, `That is option ${choice.answer}.`], choice.answer, { boxed: false });
    return { task, figure, ...choice, trace, tags: ["geometry", "pythagoras", "multiple-choice"] };
  }
  return { task, figure, question, answer, trace: reasoningTrace(steps, answer, { boxed: index % 2 === 0 }), tags: ["geometry", "pythagoras"] };
}

function legSample(random: SeededRandom, index: number): DemoSampleDraft {
  const across = random.int(3, 12);
  const hypotenuse = random.int(across + 1, Math.min(across + 8, 16));
  const squared = hypotenuse * hypotenuse - across * across;
  const answer = squareRootLatex(squared);
  const figure = drawRightTriangle(across, Math.sqrt(squared), { across: `${across} cm`, up: "?", hypotenuse: `${hypotenuse} cm` });
  const steps = [
    `The hypotenuse is ${hypotenuse} cm and the bottom leg is ${across} cm; the left leg is marked ?.`,
    `By the Pythagorean theorem, $b = \\sqrt{${hypotenuse}^2 - ${across}^2} = \\sqrt{${hypotenuse * hypotenuse} - ${across * across}} = \\sqrt{${squared}}$.`,
    ...(answer === `\\sqrt{${squared}}` ? [] : [`Simplifying, $\\sqrt{${squared}} = ${answer}$.`]),
  ];
  return {
    task: { family: "right-triangle", ask: { kind: "leg", leg: across, hypotenuse } },
    figure,
    question: "In the right triangle shown, how long is the leg marked with a question mark, in cm?",
    answer,
    trace: reasoningTrace(steps, answer, { boxed: index % 2 === 0 }),
    tags: ["geometry", "pythagoras"],
  };
}

/** A right triangle with two labelled sides; the third side is asked, exactly (an integer or a simplified radical). */
export function rightTriangleSample(random: SeededRandom, index: number): DemoSampleDraft {
  return index % 5 === 4 ? legSample(random, index) : hypotenuseSample(random, index);
}
