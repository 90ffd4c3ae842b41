import { describe, expect, it } from "vitest";
import { detectLogEvent } from "./log-events";

describe("detectLogEvent", () => {
  it("reads verl and HF Trainer checkpoint saves", () => {
    expect(detectLogEvent("local_global_step_folder: /checkpoints/global_step_110")).toEqual({ kind: "checkpoint", step: 110, path: "/checkpoints/global_step_110" });
    expect(detectLogEvent("Saving model checkpoint to out/sft/checkpoint-500")).toEqual({ kind: "checkpoint", step: 500, path: "out/sft/checkpoint-500" });
    expect(detectLogEvent("local_global_step_folder: /checkpoints/latest")).toBeNull();
  });

  it("does not count loads, resumes or per-shard saves as checkpoint saves", () => {
    expect(detectLogEvent("Resuming from /checkpoints/global_step_100")).toBeNull();
    expect(detectLogEvent("[rank-10]: Saving model to /checkpoints/global_step_110/actor/model_world_size_16_rank_10.pt")).toBeNull();
  });

  it("reads the Ray job submission id and every final status", () => {
    expect(detectLogEvent("Job 'raysubmit_T3Jp' submitted successfully")).toEqual({ kind: "ray-job-submitted", submissionId: "raysubmit_T3Jp" });
    expect(detectLogEvent("Job 'raysubmit_T3Jp' succeeded")).toEqual({ kind: "ray-job-finished", submissionId: "raysubmit_T3Jp", status: "succeeded" });
    expect(detectLogEvent("Job 'raysubmit_T3Jp' failed")).toEqual({ kind: "ray-job-finished", submissionId: "raysubmit_T3Jp", status: "failed" });
    expect(detectLogEvent("Job 'raysubmit_T3Jp' was stopped")).toEqual({ kind: "ray-job-finished", submissionId: "raysubmit_T3Jp", status: "stopped" });
    expect(detectLogEvent("ray job logs raysubmit_T3Jp")).toBeNull();
  });
});
