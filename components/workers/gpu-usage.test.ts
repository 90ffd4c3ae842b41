import { describe, expect, it } from "vitest";
import { formatGiB, gpuUsageOf } from "./gpu-usage";

describe("gpuUsageOf", () => {
  it("joins registered GPUs with the latest heartbeat by index, null where none was reported", () => {
    const usage = gpuUsageOf({
      gpus: [
        { index: 0, name: "NVIDIA H100 80GB HBM3", memoryMb: 81_559 },
        { index: 1, name: "NVIDIA H100 80GB HBM3", memoryMb: 81_559 },
      ],
      gpuStatus: [{ index: 1, utilizationPercent: 97, memoryUsedMb: 70_000 }],
    });
    expect(usage).toEqual([
      { index: 0, name: "NVIDIA H100 80GB HBM3", memoryMb: 81_559, utilizationPercent: null, memoryUsedMb: null },
      { index: 1, name: "NVIDIA H100 80GB HBM3", memoryMb: 81_559, utilizationPercent: 97, memoryUsedMb: 70_000 },
    ]);
    expect(gpuUsageOf({ gpus: null, gpuStatus: {} })).toEqual([]);
    expect(formatGiB(81_559)).toBe("79.6 GiB");
  });
});
