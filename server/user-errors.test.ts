import { afterEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "./errors";
import { boundText, userFacingMessage } from "./user-errors";

afterEach(() => vi.restoreAllMocks());

describe("userFacingMessage", () => {
  it("passes a message written for the user, cut with a note when it is huge", () => {
    expect(userFacingMessage(new DomainError("BAD_REQUEST", "data.jsonl: the file is empty"))).toBe("data.jsonl: the file is empty");
    const long = userFacingMessage(new DomainError("BAD_REQUEST", "x".repeat(10_000)));
    expect(long).toBe(`${"x".repeat(2000)}… (cut: 8,000 more characters)`);
  });

  it("shows only an id for an internal error, and logs the error under that id", () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    const internal = new Error('Failed query: insert into "run_events" values ($1) at /srv/app/server/x.ts:12');
    const shown = userFacingMessage(internal);
    const id = /^internal error \(id ([0-9a-f]{8})\)$/.exec(shown)?.[1];
    expect(id).toBeDefined();
    expect(logged).toEqual([[`[internal error ${id}]`, internal]]);
  });
});

describe("boundText", () => {
  it("keeps a short text whole", () => {
    expect(boundText("short", 10)).toBe("short");
  });
});
