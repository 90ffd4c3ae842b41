import { barChartSample } from "./bar-charts";
import { clockSample } from "./clocks";
import { linePlotSample } from "./line-plots";
import { familySeed, SeededRandom } from "./random";
import { rectangleSample } from "./rectangles";
import { rightTriangleSample } from "./right-triangles";
import { shapeCountingSample } from "./shape-counting";
import { triangleAnglesSample } from "./triangle-angles";
import type { DemoSample, DemoSampleDraft } from "./types";

export const demoDatasetSeed = 20250601;

interface DemoFamily {
  name: string;
  source: string;
  count: number;
  draw(random: SeededRandom, index: number): DemoSampleDraft;
}

// 300 samples in all; geometry is the largest source, as it is in the recipe's data.
export const demoFamilies: DemoFamily[] = [
  { name: "bar-chart", source: "demo/bar-charts", count: 60, draw: barChartSample },
  { name: "right-triangle", source: "demo/geometry", count: 40, draw: rightTriangleSample },
  { name: "rectangle", source: "demo/geometry", count: 35, draw: rectangleSample },
  { name: "triangle-angles", source: "demo/geometry", count: 30, draw: triangleAnglesSample },
  { name: "shape-counting", source: "demo/counting", count: 50, draw: shapeCountingSample },
  { name: "clock", source: "demo/clocks", count: 40, draw: clockSample },
  { name: "line-plot", source: "demo/function-plots", count: 45, draw: linePlotSample },
];

/** The demo dataset's samples, the same for the same seed: figures as SVG, questions, gold answers and traces. */
export function generateDemoSamples(seed = demoDatasetSeed): DemoSample[] {
  return demoFamilies.flatMap((family) => {
    const random = new SeededRandom(familySeed(seed, family.name));
    const drawn: DemoSample[] = [];
    // Small families of figures repeat by chance (40 clocks, 144 times); the same question on the same figure
    // would be one sample to the store, so such a draw is made again.
    const seen = new Set<string>();
    while (drawn.length < family.count) {
      const draft = drawDistinct(family, random, drawn.length, seen);
      drawn.push({ externalId: `demo-${family.name}-${String(drawn.length + 1).padStart(3, "0")}`, source: family.source, ...draft });
    }
    return drawn;
  });
}

function drawDistinct(family: DemoFamily, random: SeededRandom, index: number, seen: Set<string>): DemoSampleDraft {
  for (let attempt = 0; attempt < 100; attempt++) {
    const draft = family.draw(random, index);
    const key = JSON.stringify([draft.question, draft.figure.svg]);
    if (!seen.has(key)) {
      seen.add(key);
      return draft;
    }
  }
  throw new Error(`The ${family.name} family keeps drawing the same sample; it has too few distinct figures.`);
}
