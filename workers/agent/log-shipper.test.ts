import { describe, expect, it } from "vitest";
import type { LogEvent } from "./agent-api";
import { LogShipper, type LogShipperOptions } from "./log-shipper";

class TooLarge extends Error {}

/** A fake server: records acknowledged batches, takes `delayMs` to answer, refuses what `refuse` says. */
function fakeServer(options: { delayMs?: number; refuse?: (event: LogEvent) => Error | null } = {}) {
  const acknowledged: LogEvent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = async (event: LogEvent) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await new Promise((r) => setTimeout(r, options.delayMs ?? 1));
    inFlight--;
    const refusal = options.refuse?.(event);
    if (refusal) throw refusal;
    acknowledged.push(structuredClone(event));
  };
  return { acknowledged, send, maxInFlight: () => maxInFlight, lines: () => acknowledged.flatMap((e) => e.payload.lines) };
}

/** Polls until `check` passes (or fails for good after 2 s). */
async function eventually(check: () => void) {
  for (const deadline = Date.now() + 2_000; ; await new Promise((r) => setTimeout(r, 5))) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

const shipperFor = (server: { send: LogShipperOptions["send"] }, options: Partial<LogShipperOptions> = {}) =>
  new LogShipper({ send: server.send, isTooLarge: (error) => error instanceof TooLarge, firstSeq: 1, flushIntervalMs: 20, ...options });

describe("LogShipper", () => {
  it("sends batches one at a time, in order, numbered on from the server's last sequence number", async () => {
    const server = fakeServer({ delayMs: 5 });
    const shipper = shipperFor(server, { firstSeq: 42, maxBatchLines: 7 });
    const lines = Array.from({ length: 50 }, (_, i) => `step:${i} - a:${i}`);
    for (const line of lines) shipper.add(line);
    await shipper.flush();
    expect(server.lines()).toEqual(lines);
    expect(server.acknowledged.map((e) => e.seq)).toEqual(Array.from({ length: server.acknowledged.length }, (_, i) => 42 + i));
    expect(server.acknowledged.every((e) => e.type === "log" && e.payload.lines.length <= 7)).toBe(true);
    expect(server.maxInFlight()).toBe(1);
    expect(shipper.seq).toBe(42 + server.acknowledged.length);
  });

  it("lets a few lines wait for company, then sends them together without a flush", async () => {
    const server = fakeServer();
    const shipper = shipperFor(server, { flushIntervalMs: 300 });
    const added = Date.now();
    shipper.add("a");
    shipper.add("b");
    shipper.add("c");
    await eventually(() => expect(server.acknowledged).toEqual([{ seq: 1, type: "log", payload: { lines: ["a", "b", "c"] } }]));
    expect(Date.now() - added).toBeGreaterThanOrEqual(300);
  });

  it("sends a batch as soon as it is full by size, without waiting", async () => {
    const server = fakeServer();
    const shipper = shipperFor(server, { flushIntervalMs: 60_000, maxBatchBytes: 100 });
    for (let i = 0; i < 10; i++) shipper.add("x".repeat(28)); // 30 bytes as JSON: three fill a batch
    await eventually(() => expect(server.acknowledged.map((e) => e.payload.lines.length)).toEqual([3, 3, 3]));
    await shipper.flush();
    expect(server.lines()).toHaveLength(10);
  });

  it("halves batches the server refuses as too large, numbering on without gaps", async () => {
    const server = fakeServer({ refuse: (e) => (e.payload.lines.length > 2 ? new TooLarge() : null) });
    const shipper = shipperFor(server);
    const lines = ["1", "2", "3", "4", "5", "6", "7"];
    for (const line of lines) shipper.add(line);
    await shipper.flush();
    expect(server.lines()).toEqual(lines);
    expect(server.acknowledged.map((e) => e.seq)).toEqual(server.acknowledged.map((_, i) => i + 1));
  });

  it("shortens a single line the server refuses as too large until it fits", async () => {
    const server = fakeServer({ refuse: (e) => (e.payload.lines[0].length > 5_000 ? new TooLarge() : null) });
    const shipper = shipperFor(server);
    shipper.add("z".repeat(20_000));
    shipper.add("after");
    await shipper.flush();
    const [shortened, after] = server.lines();
    expect(shortened).toMatch(/^z{2000,} …\[shortened by the MMR agent to fit the server's request limit\]$/);
    expect(shortened.length).toBeLessThanOrEqual(5_000);
    expect(after).toBe("after");
  });

  it("stops at a refusal that retrying cannot fix, and says so on flush", async () => {
    const forbidden = new Error("This agent does not hold run 3");
    const server = fakeServer({ refuse: () => forbidden });
    const shipper = shipperFor(server);
    shipper.add("a");
    await expect(shipper.flush()).rejects.toBe(forbidden);
    shipper.add("b");
    await expect(shipper.flush()).rejects.toBe(forbidden);
  });

  it("drops lines beyond what it may hold while the server is away, and says how many", async () => {
    let serverBack!: () => void;
    const away = new Promise<void>((resolve) => (serverBack = resolve));
    const acknowledged: string[] = [];
    const shipper = new LogShipper({
      send: async (event) => {
        await away;
        acknowledged.push(...event.payload.lines);
      },
      isTooLarge: () => false,
      firstSeq: 1,
      flushIntervalMs: 1,
      maxPendingBytes: 40,
    });
    for (let i = 0; i < 10; i++) shipper.add(`line ${i}`); // 8 bytes each as JSON: five fit
    serverBack();
    await shipper.flush();
    shipper.add("back");
    await shipper.flush();
    expect(acknowledged).toEqual(["line 0", "line 1", "line 2", "line 3", "line 4", "[MMR agent: 5 lines dropped while the server could not take them]", "back"]);
  });
});
