import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { demoFamilies, generateDemoSamples } from "./generate";
import { rasteriseFigure } from "./rasterise";
import type { DemoSample } from "./types";

// The answers are right for the parameters (answers.test.ts); these check that the pictures show those parameters.

const samples = generateDemoSamples();
const ofFamily = (family: string) => samples.filter((s) => s.task.family === family);
const labelled = (svg: string, text: string) => svg.includes(`>${text}</text>`);

describe("demo figures", () => {
  it("print every bar's label and value on the bar chart", () => {
    for (const { task, figure } of ofFamily("bar-chart")) {
      if (task.family !== "bar-chart") throw new Error("family filter");
      for (const bar of task.bars) expect([bar.label, labelled(figure.svg, bar.label), labelled(figure.svg, String(bar.value))]).toEqual([bar.label, true, true]);
      expect(figure.svg.match(/<rect x=/g)).toHaveLength(task.bars.length);
    }
  });

  it("label the given sides and angles of the geometry figures and mark the unknown", () => {
    for (const { task, figure } of samples) {
      if (task.family === "right-triangle" && task.ask.kind === "hypotenuse") {
        expect(task.ask.legs.every((leg) => labelled(figure.svg, `${leg} cm`)) && labelled(figure.svg, "?")).toBe(true);
      }
      if (task.family === "right-triangle" && task.ask.kind === "leg") {
        expect(labelled(figure.svg, `${task.ask.leg} cm`) && labelled(figure.svg, `${task.ask.hypotenuse} cm`) && labelled(figure.svg, "?")).toBe(true);
      }
      if (task.family === "rectangle") expect(labelled(figure.svg, `${task.width} m`) && labelled(figure.svg, `${task.height} m`)).toBe(true);
      if (task.family === "triangle-angles") expect(task.known.every((angle) => labelled(figure.svg, `${angle}°`)) && labelled(figure.svg, "x")).toBe(true);
      if (task.family === "line-plot") expect(task.through.every(([x, y]) => labelled(figure.svg, `(${x}, ${y})`))).toBe(true);
    }
  });

  it("draw exactly the shapes the counting task lists", () => {
    for (const { task, figure } of ofFamily("shape-counting")) {
      if (task.family !== "shape-counting") throw new Error("family filter");
      const drawn = [...figure.svg.matchAll(/data-shape="(\w+)" data-colour="(\w+)"/g)].map((m) => `${m[2]} ${m[1]}`).sort();
      expect(drawn).toEqual(task.shapes.map((s) => `${s.colour} ${s.shape}`).sort());
    }
  });

  it("turn the clock hands to the time of the task", () => {
    for (const { task, figure } of ofFamily("clock")) {
      if (task.family !== "clock") throw new Error("family filter");
      const angle = (hand: string) => Number(new RegExp(`rotate\\(([\\d.]+) 160 160\\)" data-hand="${hand}"`).exec(figure.svg)?.[1]);
      expect([angle("hour"), angle("minute")]).toEqual([(task.hour % 12) * 30 + task.minute * 0.5, task.minute * 6]);
    }
  });

  it("rasterise to PNGs of the figure's size, with ink on them", async () => {
    const firstOfEach = demoFamilies.map((family) => samples.find((s) => s.externalId.startsWith(`demo-${family.name}-`)) as DemoSample);
    for (const sample of firstOfEach) {
      const png = await rasteriseFigure(sample.figure);
      const image = sharp(png);
      expect(await image.metadata()).toMatchObject({ format: "png", width: sample.figure.width, height: sample.figure.height });
      // A blank canvas (an SVG librsvg could not parse renders as nothing) would have no dark pixels.
      const { channels } = await image.stats();
      expect(channels[0].min).toBeLessThan(80);
    }
  });
});
