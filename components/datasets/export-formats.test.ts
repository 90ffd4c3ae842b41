import { describe, expect, it } from "vitest";
import { exportFormatLabel, formatFileSize } from "./export-formats";

describe("formatFileSize", () => {
  it("counts bytes below a KiB and uses one decimal in larger units", () => {
    expect(formatFileSize(0)).toBe("0 bytes");
    expect(formatFileSize(1023)).toBe("1023 bytes");
    expect(formatFileSize(1024)).toBe("1.0 KiB");
    expect(formatFileSize(5.5 * 1024 * 1024)).toBe("5.5 MiB");
  });
});

describe("exportFormatLabel", () => {
  it("names each trainer format", () => {
    expect(exportFormatLabel("lmms-engine-sft")).toBe("lmms-engine SFT");
    expect(exportFormatLabel("verl-rl")).toBe("verl RL");
  });
});
