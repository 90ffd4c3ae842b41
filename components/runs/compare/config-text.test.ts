import { describe, expect, it } from "vitest";
import { configText } from "./config-text";

describe("configText", () => {
  it("prints the launch spec with sorted keys, masked credentials and each file's lines", () => {
    const text = configText({
      launch: { executor: "local", command: "torchrun train.py", env: { HF_TOKEN: "hf_abc", NCCL_DEBUG: "INFO" }, files: [{ path: "sft.yaml", content: "lr: 5e-5\nmax_steps: 4300\n" }], collect: [] },
      recipe: null,
    });
    expect(text).toBe(
      ['{', '  "collect": [],', '  "command": "torchrun train.py",', '  "env": {', '    "HF_TOKEN": "••••••••",', '    "NCCL_DEBUG": "INFO"', "  },", '  "executor": "local"', "}", "", "# sft.yaml", "lr: 5e-5", "max_steps: 4300"].join("\n"),
    );
  });

  it("says an imported run has no launch spec, and prints any other config as JSON", () => {
    expect(configText({ imported: { fileName: "a.log", lines: 3, bytes: 10 } })).toBe("Imported from a.log: no launch spec.");
    expect(configText({ b: 1, a: { d: 2, c: 3 } })).toBe('{\n  "a": {\n    "c": 3,\n    "d": 2\n  },\n  "b": 1\n}');
  });
});
