import { asMultipleChoice } from "./choices";
import { fractionLatex } from "./math-format";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { svgDocument, svgLine, svgText } from "./svg";
import type { BarChartAsk, DemoFigure, DemoSampleDraft } from "./types";

const themes = [
  { title: "Fruit sold on Monday", labels: ["Apples", "Pears", "Plums", "Kiwis", "Lemons", "Mangoes", "Figs"] },
  { title: "Books read this term", labels: ["Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Gina"] },
  { title: "Rainy days per month", labels: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"] },
  { title: "Votes for the school trip", labels: ["Zoo", "Museum", "Beach", "Park", "Farm", "Castle"] },
  { title: "Pets on our street", labels: ["Cats", "Dogs", "Fish", "Birds", "Rabbits", "Turtles"] },
];
const palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"];
const size = { width: 480, height: 360 };
const plot = { left: 60, right: 460, top: 60, bottom: 300 };

type Bar = { label: string; value: number };

function drawBarChart(title: string, bars: Bar[]): DemoFigure {
  const axisMax = Math.ceil(Math.max(...bars.map((b) => b.value)) / 5) * 5;
  const y = (value: number) => plot.bottom - (value / axisMax) * (plot.bottom - plot.top);
  const slot = (plot.right - plot.left) / bars.length;
  const body = [svgText(size.width / 2, 32, title, { size: 18, weight: "bold" })];
  for (let tick = 0; tick <= axisMax; tick += 5) {
    body.push(svgLine(plot.left, y(tick), plot.right, y(tick), "#dddddd", 1));
    body.push(svgText(plot.left - 8, y(tick) + 4, String(tick), { size: 12, anchor: "end" }));
  }
  bars.forEach((bar, index) => {
    const x = plot.left + slot * index + slot * 0.2;
    const top = y(bar.value);
    body.push(`<rect x="${x}" y="${top}" width="${slot * 0.6}" height="${plot.bottom - top}" fill="${palette[index % palette.length]}"/>`);
    body.push(svgText(x + slot * 0.3, top - 6, String(bar.value), { size: 13, weight: "bold" }));
    body.push(svgText(x + slot * 0.3, plot.bottom + 20, bar.label, { size: 13 }));
  });
  body.push(svgLine(plot.left, plot.top - 10, plot.left, plot.bottom), svgLine(plot.left, plot.bottom, plot.right, plot.bottom));
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

function valueList(bars: Bar[]): string {
  return bars.map((b) => `${b.label} ${b.value}`).join(", ");
}

function askFor(random: SeededRandom, bars: Bar[], variant: number): BarChartAsk {
  const [first, second] = random.sample(bars, 2).sort((a, b) => b.value - a.value);
  switch (variant) {
    case 0:
      return { kind: "largest" };
    case 1:
      return { kind: "smallest" };
    case 2:
      return { kind: "difference", first: first.label, second: second.label };
    case 3:
      return { kind: "total" };
    default:
      return { kind: "share", label: first.label };
  }
}

/** A bar chart with its values printed on the bars, and one of five questions about it. */
export function barChartSample(random: SeededRandom, index: number): DemoSampleDraft {
  const theme = random.pick(themes);
  const count = random.int(4, 6);
  const values = random.distinctInts(2, 25, count);
  const bars = theme.labels.slice(0, count).map((label, i) => ({ label, value: values[i] }));
  const ask = askFor(random, bars, index % 5);
  const figure = drawBarChart(theme.title, bars);
  const boxed = index % 3 === 0;
  const read = `The chart "${theme.title}" shows: ${valueList(bars)}.`;
  const byValue = [...bars].sort((a, b) => b.value - a.value);
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const base = { task: { family: "bar-chart" as const, title: theme.title, bars, ask }, figure };

  switch (ask.kind) {
    case "largest": {
      const answer = byValue[0].label;
      const steps = [read, `The tallest bar is ${answer} with ${byValue[0].value}; the next is ${byValue[1].label} with ${byValue[1].value}.`];
      return { ...base, question: "Which category has the largest value in the bar chart?", answer, trace: reasoningTrace(steps, answer, { boxed: false }), tags: ["chart", "compare"] };
    }
    case "smallest": {
      const smallest = byValue[byValue.length - 1];
      const choice = asMultipleChoice(random, "Which category has the smallest value in the bar chart?", smallest.label, bars.map((b) => b.label));
      const steps = [read, `The shortest bar is ${smallest.label} with ${smallest.value}, which is option ${choice.answer}.`];
      return { ...base, ...choice, trace: reasoningTrace(steps, choice.answer, { boxed }), tags: ["chart", "compare", "multiple-choice"] };
    }
    case "difference": {
      const [a, b] = [bars.find((x) => x.label === ask.first)!, bars.find((x) => x.label === ask.second)!];
      const answer = String(a.value - b.value);
      const steps = [read, `${a.label} is ${a.value} and ${b.label} is ${b.value}, so the difference is $${a.value} - ${b.value} = ${answer}$.`];
      const question = `What is the difference between the values of ${a.label} and ${b.label}?`;
      return { ...base, question, answer, trace: reasoningTrace(steps, answer, { boxed }), tags: ["chart", "arithmetic"] };
    }
    case "total": {
      const answer = String(total);
      const steps = [read, `Adding every bar: $${bars.map((b) => b.value).join(" + ")} = ${total}$.`];
      return { ...base, question: "What is the total of all the values in the bar chart?", answer, trace: reasoningTrace(steps, answer, { boxed }), tags: ["chart", "arithmetic"] };
    }
    case "share": {
      const bar = bars.find((x) => x.label === ask.label)!;
      const answer = fractionLatex(bar.value, total);
      const steps = [read, `The total is ${total}.`, `${bar.label} is ${bar.value}, so its share is $\\frac{${bar.value}}{${total}} = ${answer}$.`];
      const question = `What fraction of the total does ${bar.label} account for? Give the fraction in lowest terms.`;
      return { ...base, question, answer, trace: reasoningTrace(steps, answer, { boxed }), tags: ["chart", "fractions"] };
    }
  }
}
