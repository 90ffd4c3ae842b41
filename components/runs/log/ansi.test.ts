import { describe, expect, it } from "vitest";
import { ansiPlainText, parseAnsi } from "./ansi";

const esc = "\x1b";

describe("parseAnsi", () => {
  it("keeps plain text as one unstyled segment", () => {
    expect(parseAnsi("step:1 - loss:0.5")).toEqual([{ text: "step:1 - loss:0.5", style: {} }]);
    expect(parseAnsi("")).toEqual([]);
  });

  it("colours Ray's cyan actor prefix and resets after it", () => {
    expect(parseAnsi(`${esc}[36m(TaskRunner pid=1)${esc}[0m step:1`)).toEqual([
      { text: "(TaskRunner pid=1)", style: { color: "#22d3ee" } },
      { text: " step:1", style: {} },
    ]);
  });

  it("combines dim, bold and colours, and undoes them one by one", () => {
    expect(parseAnsi(`${esc}[2;1;31mA${esc}[22mB${esc}[39mC${esc}[mD`)).toEqual([
      { text: "A", style: { dim: true, bold: true, color: "#f87171" } },
      { text: "B", style: { dim: false, bold: false, color: "#f87171" } },
      { text: "C", style: { dim: false, bold: false, color: undefined } },
      { text: "D", style: {} },
    ]);
  });

  it("reads bright, 256-colour and true-colour foregrounds and backgrounds", () => {
    const [bright, cube, grey, rgb] = parseAnsi(`${esc}[92;104mA${esc}[0;38;5;196mB${esc}[48;5;244mC${esc}[0;38;2;1;2;255mD`);
    expect(bright.style).toEqual({ color: "#86efac", background: "#93c5fd" });
    expect(cube.style.color).toBe("#ff0000");
    expect(grey.style.background).toBe("#808080");
    expect(rgb.style).toEqual({ color: "#0102ff" });
  });

  it("drops cursor moves, window titles and a dangling escape without losing text", () => {
    const line = `${esc}[2K${esc}]0;title${esc}\\loss${esc}[1A ok${esc}`;
    expect(parseAnsi(line)).toEqual([
      { text: "loss", style: {} },
      { text: " ok", style: {} },
    ]);
    expect(ansiPlainText(line)).toBe("loss ok");
  });

  it("gives the same text as ansiPlainText, so search offsets line up with the segments", () => {
    const line = `${esc}[36m(WorkerDict pid=2, ip=10.0.0.1)${esc}[0m ${esc}[1mSaving${esc}[0m /ckpt/global_step_5`;
    expect(parseAnsi(line).map((s) => s.text).join("")).toBe(ansiPlainText(line));
  });
});
