import { asMultipleChoice } from "./choices";
import type { SeededRandom } from "./random";
import { reasoningTrace } from "./reasoning-trace";
import { coordinate, svgDocument } from "./svg";
import type { DemoFigure, DemoSampleDraft, ShapeColour, ShapeCountAsk, ShapeKind } from "./types";

type Shape = { shape: ShapeKind; colour: ShapeColour };
const size = { width: 420, height: 320 };
const grid = { columns: 6, rows: 4 };
const kinds: ShapeKind[] = ["circle", "square", "triangle"];
const colours: ShapeColour[] = ["red", "blue", "green", "orange"];
const fills: Record<ShapeColour, string> = { red: "#e15759", blue: "#4e79a7", green: "#59a14f", orange: "#f28e2b" };
const plural: Record<ShapeKind, string> = { circle: "circles", square: "squares", triangle: "triangles" };

// data-shape / data-colour let a test count what is drawn, independently of the question's answer.
function drawShape({ shape, colour }: Shape, cx: number, cy: number): string {
  const tags = `fill="${fills[colour]}" stroke="#333333" stroke-width="1.5" data-shape="${shape}" data-colour="${colour}"`;
  const r = 22;
  if (shape === "circle") return `<circle cx="${coordinate(cx)}" cy="${coordinate(cy)}" r="${r}" ${tags}/>`;
  if (shape === "square") return `<rect x="${coordinate(cx - r * 0.9)}" y="${coordinate(cy - r * 0.9)}" width="${r * 1.8}" height="${r * 1.8}" ${tags}/>`;
  const points = [[cx, cy - r], [cx + r, cy + r * 0.8], [cx - r, cy + r * 0.8]].map(([x, y]) => `${coordinate(x)},${coordinate(y)}`).join(" ");
  return `<polygon points="${points}" ${tags}/>`;
}

function drawShapes(random: SeededRandom, shapes: Shape[]): DemoFigure {
  const cellWidth = size.width / grid.columns;
  const cellHeight = size.height / grid.rows;
  const cells = random.sample(Array.from({ length: grid.columns * grid.rows }, (_, i) => i), shapes.length);
  const body = shapes.map((shape, i) => {
    const [column, row] = [cells[i] % grid.columns, Math.floor(cells[i] / grid.columns)];
    // A little jitter inside the cell so the picture does not look like a table; cells keep shapes apart.
    return drawShape(shape, (column + 0.5) * cellWidth + random.int(-8, 8), (row + 0.5) * cellHeight + random.int(-8, 8));
  });
  return { svg: svgDocument(size.width, size.height, body), ...size };
}

function countOf(shapes: Shape[], match: (s: Shape) => boolean): number {
  return shapes.filter(match).length;
}

/** "2 blue circles, 1 red square", or "none" — what a careful counter would note down. */
function breakdown(matching: Shape[]): string {
  if (matching.length === 0) return "none";
  const groups = new Map<string, { shape: ShapeKind; colour: ShapeColour; count: number }>();
  for (const { shape, colour } of matching) {
    const group = groups.get(`${colour} ${shape}`) ?? { shape, colour, count: 0 };
    groups.set(`${colour} ${shape}`, { ...group, count: group.count + 1 });
  }
  return [...groups.values()].map(({ shape, colour, count }) => `${count} ${colour} ${count === 1 ? shape : plural[shape]}`).join(", ");
}

function askFor(random: SeededRandom, shapes: Shape[], variant: number): ShapeCountAsk | null {
  const counts = kinds.map((kind) => countOf(shapes, (s) => s.shape === kind));
  switch (variant) {
    case 0:
      return { kind: "count-shape", shape: random.pick(kinds) };
    case 1:
      return { kind: "count-colour", colour: random.pick(colours) };
    case 2: {
      const { shape, colour } = random.pick(shapes);
      return { kind: "count-both", shape, colour };
    }
    case 3: {
      const [more, than] = random.sample(kinds, 2);
      // A tie would make "more" a trick question; draw again instead.
      return counts[kinds.indexOf(more)] === counts[kinds.indexOf(than)] ? null : { kind: "more", more, than };
    }
    default:
      return counts.filter((c) => c === Math.max(...counts)).length === 1 ? { kind: "most-common" } : null;
  }
}

/** Coloured circles, squares and triangles scattered on a grid; the question counts or compares them. */
export function shapeCountingSample(random: SeededRandom, index: number): DemoSampleDraft {
  let shapes: Shape[] = [];
  let ask: ShapeCountAsk | null = null;
  while (!ask) {
    shapes = Array.from({ length: random.int(6, 14) }, () => ({ shape: random.pick(kinds), colour: random.pick(colours) }));
    ask = askFor(random, shapes, index % 5);
  }
  const figure = drawShapes(random, shapes);
  const task = { family: "shape-counting" as const, shapes, ask };
  const inventory = `The picture has ${kinds.map((k) => `${countOf(shapes, (s) => s.shape === k)} ${plural[k]}`).join(", ")}.`;
  const boxed = index % 2 === 0;
  const counted = (question: string, match: (s: Shape) => boolean, what: string) => {
    const matching = shapes.filter(match);
    const answer = String(matching.length);
    const steps = [`I go through the shapes one by one and pick out the ${what}: ${breakdown(matching)}.`, `There are ${answer} ${what}.`];
    return { task, figure, question, answer, trace: reasoningTrace(steps, answer, { boxed }), tags: ["counting"] };
  };

  switch (ask.kind) {
    case "count-shape":
      return counted(`How many ${plural[ask.shape]} are in the picture?`, (s) => s.shape === ask.shape, plural[ask.shape]);
    case "count-colour":
      return counted(`How many ${ask.colour} shapes are in the picture?`, (s) => s.colour === ask.colour, `${ask.colour} shapes`);
    case "count-both":
      return counted(`How many ${ask.colour} ${plural[ask.shape]} are in the picture?`, (s) => s.shape === ask.shape && s.colour === ask.colour, `${ask.colour} ${plural[ask.shape]}`);
    case "more": {
      const [more, than] = [countOf(shapes, (s) => s.shape === ask.more), countOf(shapes, (s) => s.shape === ask.than)];
      const answer = more > than ? "Yes" : "No";
      const steps = [inventory, `${more} ${plural[ask.more]} against ${than} ${plural[ask.than]}, so the answer is ${answer.toLowerCase()}.`];
      const question = `Are there more ${plural[ask.more]} than ${plural[ask.than]} in the picture? Answer Yes or No.`;
      return { task, figure, question, answer, trace: reasoningTrace(steps, answer, { boxed: false }), tags: ["counting", "compare"] };
    }
    case "most-common": {
      const counts = kinds.map((k) => countOf(shapes, (s) => s.shape === k));
      const winner = plural[kinds[counts.indexOf(Math.max(...counts))]];
      const choice = asMultipleChoice(random, "Which kind of shape appears most often in the picture?", winner, kinds.filter((k) => plural[k] !== winner).map((k) => plural[k]), { count: 3 });
      const steps = [inventory, `The most frequent are the ${winner}: option ${choice.answer}.`];
      return { task, figure, ...choice, trace: reasoningTrace(steps, choice.answer, { boxed }), tags: ["counting", "compare", "multiple-choice"] };
    }
  }
}
