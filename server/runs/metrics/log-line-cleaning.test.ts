import { describe, expect, it } from "vitest";
import { cleanLogLine } from "./log-line-cleaning";

describe("cleanLogLine", () => {
  it("removes colours and Ray actor prefixes, including indented and dimmed ones", () => {
    expect(cleanLogLine("\x1b[36m(TaskRunner pid=1234)\x1b[0m step:1 - a:1")).toBe("step:1 - a:1");
    expect(cleanLogLine("    \x1b[2m\x1b[36m(WorkerDict pid=2301, ip=10.0.0.6)\x1b[0m hello")).toBe("hello");
    expect(cleanLogLine("\x1b[2m\x1b[36m(VGNd5CWorkerDict_0:1 WorkerDict pid=66194)\x1b[0m x")).toBe("x");
  });

  it("removes torchrun prefixes, NUL bytes and Ray's repeat suffix", () => {
    expect(cleanLogLine("[default0]:{'loss': 1.0}")).toBe("{'loss': 1.0}");
    expect(cleanLogLine("[rank3]: text\0\0")).toBe("text");
    expect(cleanLogLine("Saving model to /c/x.pt\x1b[32m [repeated 15x across cluster]\x1b[0m")).toBe("Saving model to /c/x.pt");
  });

  it("keeps parentheses that are not actor prefixes", () => {
    expect(cleanLogLine("(not a prefix) step:1")).toBe("(not a prefix) step:1");
  });
});
