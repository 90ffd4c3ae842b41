import { describe, expect, it } from "vitest";
import { failedOutcome } from "./ray-executor";

describe("failedOutcome", () => {
  it("takes the exit code from Ray's message", () => {
    expect(failedOutcome("Job entrypoint command failed with exit code 3, last available logs (truncated to 20,000 chars):\nboom")).toEqual({ exitCode: 3, signal: null });
  });

  it("reads a negative code as the signal that killed the entrypoint, reported as the shell would", () => {
    expect(failedOutcome("Job entrypoint command failed with exit code -11, last available logs:")).toEqual({ exitCode: 139, signal: "SIGSEGV" });
    expect(failedOutcome("Job entrypoint command failed with exit code -9, last available logs:")).toEqual({ exitCode: 137, signal: "SIGKILL" });
  });

  it("is 1 when the job failed without running its entrypoint to an exit code", () => {
    expect(failedOutcome("runtime_env setup failed: Failed to set up runtime environment.")).toEqual({ exitCode: 1, signal: null });
    expect(failedOutcome(null)).toEqual({ exitCode: 1, signal: null });
  });
});
