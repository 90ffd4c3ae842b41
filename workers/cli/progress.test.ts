import { describe, expect, it } from "vitest";
import { formatBytes, formatProgress, ProgressDisplay } from "./progress";

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, output: { isTTY, columns: 60, write: (text: string) => writes.push(text) } };
}

describe("ProgressDisplay", () => {
  it("redraws one terminal line in place, blanking control characters, and clears it when done", () => {
    const { writes, output } = recorder(true);
    let now = 1_000;
    const display = new ProgressDisplay(output, () => now);
    display.update(0.5, "Uploading\u001b[2J");
    now += 10;
    display.update(0.6, "too soon to redraw");
    display.finish();
    expect(writes).toEqual([`\r\u001b[2K[${"#".repeat(12)}${"-".repeat(12)}]  50% Uploading [2J`, "\r\u001b[2K"]);
  });

  it("writes plain lines to a log, one per period, none for a quick command", () => {
    const { writes, output } = recorder(false);
    let now = 0;
    const display = new ProgressDisplay(output, () => now);
    display.update(0.1, "early");
    now = 10_000;
    display.update(null, "Import run 3: queued");
    now = 15_000;
    display.update(0.9, "between periods");
    display.finish();
    expect(writes).toEqual(["Import run 3: queued\n"]);
  });
});

describe("formatProgress and formatBytes", () => {
  it("clamps the fraction and rounds sizes to binary units", () => {
    expect(formatProgress(1.5, "done")).toBe(`[${"#".repeat(24)}] 100% done`);
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(20_000)).toBe("19.5 KiB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GiB");
  });
});
