// What the generator produces. `task` holds the parameters a figure was drawn from and what its question asks,
// so anyone (the tests, a curious reader) can recompute the gold answer without trusting the generator's own arithmetic.

export type ShapeKind = "circle" | "square" | "triangle";
export type ShapeColour = "red" | "blue" | "green" | "orange";

export type BarChartAsk =
  | { kind: "largest" }
  | { kind: "smallest" }
  | { kind: "difference"; first: string; second: string }
  | { kind: "total" }
  | { kind: "share"; label: string };

export type ShapeCountAsk =
  | { kind: "count-shape"; shape: ShapeKind }
  | { kind: "count-colour"; colour: ShapeColour }
  | { kind: "count-both"; shape: ShapeKind; colour: ShapeColour }
  | { kind: "more"; more: ShapeKind; than: ShapeKind }
  | { kind: "most-common" };

export type DemoTask =
  | { family: "bar-chart"; title: string; bars: { label: string; value: number }[]; ask: BarChartAsk }
  | { family: "right-triangle"; ask: { kind: "hypotenuse"; legs: [number, number] } | { kind: "leg"; leg: number; hypotenuse: number } }
  | { family: "rectangle"; width: number; height: number; ask: "area" | "perimeter" | "diagonal" }
  | { family: "triangle-angles"; known: [number, number] }
  | { family: "shape-counting"; shapes: { shape: ShapeKind; colour: ShapeColour }[]; ask: ShapeCountAsk }
  | { family: "clock"; hour: number; minute: number; ask: { kind: "read" } | { kind: "hand-angle" } | { kind: "later"; minutes: number } }
  | { family: "line-plot"; through: [[number, number], [number, number]]; ask: "slope" | "intercept" | "equation" };

export interface DemoFigure {
  svg: string;
  width: number;
  height: number;
}

/** One sample as a family draws it; the generator adds its id and source. */
export interface DemoSampleDraft {
  task: DemoTask;
  question: string;
  /** The options of a multiple-choice question, in letter order; the answer is then the correct option's letter. */
  choices?: string[];
  answer: string;
  /** `<think>…</think><answer>…</answer>`, as the recipe's distilled traces are. */
  trace: string;
  tags: string[];
  figure: DemoFigure;
}

export interface DemoSample extends DemoSampleDraft {
  externalId: string;
  /** The family's source label, e.g. `demo/geometry`: one dataset source per label. */
  source: string;
}
