import { describe, expect, it } from "vitest";
import { parseNvidiaSmiCsv, probeNvidiaSmi } from "./gpu-probe";

describe("parseNvidiaSmiCsv", () => {
  it("reads one GPU a line, with names holding commas and fields nvidia-smi cannot read", () => {
    const csv = ["0, NVIDIA H100 80GB HBM3, 81559, 97, 71234", "1, NVIDIA A100-SXM4-80GB, 81920, [N/A], [Not Supported]", "", "2, Odd, Name, GPU, 16384, 5, 100"].join("\n");
    expect(parseNvidiaSmiCsv(csv)).toEqual([
      { index: 0, name: "NVIDIA H100 80GB HBM3", memoryMb: 81559, utilizationPercent: 97, memoryUsedMb: 71234 },
      { index: 1, name: "NVIDIA A100-SXM4-80GB", memoryMb: 81920, utilizationPercent: 0, memoryUsedMb: 0 },
      { index: 2, name: "Odd, Name, GPU", memoryMb: 16384, utilizationPercent: 5, memoryUsedMb: 100 },
    ]);
  });

  it("skips lines that are not GPU rows (an error message, a short line)", () => {
    expect(parseNvidiaSmiCsv("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n0, x\n")).toEqual([]);
  });
});

describe("probeNvidiaSmi", () => {
  it("finds no GPUs on a machine without nvidia-smi", async () => {
    expect(await probeNvidiaSmi("/nonexistent/nvidia-smi")).toEqual([]);
  });

  it("finds no GPUs when nvidia-smi fails (no driver loaded)", async () => {
    expect(await probeNvidiaSmi("false")).toEqual([]);
  });
});
