import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samples } from "@/db/schema";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

const fixtures = path.join(import.meta.dirname, "fixtures");
const answersFile = path.join(fixtures, "verdicts/graded-answers.jsonl");

describe("judge agreement", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let vera: Awaited<ReturnType<TestApp["callerFor"]>>;
  let datasetId: string;
  let runId: number;
  const project = "agreement";
  const target = () => ({ kind: "dataset" as const, datasetId });
  const idsOf = async (externalIds: string[]) =>
    (await app.deps.db.select({ id: samples.id }).from(samples).where(inArray(samples.externalId, externalIds))).map((s) => s.id);

  beforeAll(async () => {
    app = await createTestApp({ MMR_IMPORT_ROOTS: fixtures });
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Agreement" });
    const invite = await ada.members.invite({ project, email: "vera@example.com", role: "viewer" });
    if (invite.status !== "invited") throw new Error("expected an invitation");
    vera = await app.callerFor(await app.signUp("vera@example.com", { inviteToken: invite.token }));
    datasetId = (await ada.datasets.startImport({ project, target: { newDatasetName: "answers" }, location: { kind: "server-path", path: answersFile } })).datasetId;
    await runQueuedJobs(app);
    // The data's own judge column: it disagrees with the rules on "choice" and never saw "words".
    await app.deps.db.update(samples).set({ verdict: true }).where(inArray(samples.id, await idsOf(["half", "expression"])));
    await app.deps.db.update(samples).set({ verdict: false }).where(inArray(samples.id, await idsOf(["choice", "wrong-count"])));
    runId = (await ada.verdicts.startJudge({ project, target: target(), cascade: ["rule", "math"] })).id;
    await runQueuedJobs(app);
  });
  afterAll(() => app.close());

  it("lists the judge run, its stages, the labels-corrected run and the imported column as graders", async () => {
    const graders = await ada.verdicts.graders({ project, target: target() });
    expect(graders.map((g) => g.id)).toEqual([`run:${runId}`, `run:${runId}:rule`, `run:${runId}:math`, "imported"]);
  });

  it("counts the 2×2 matrix, the items only one grader graded, percent agreement and Cohen's kappa", async () => {
    const agreement = await vera.verdicts.agreement({ project, target: target(), a: `run:${runId}`, b: "imported" });
    expect(agreement.cells).toEqual({ match_match: 2, match_no_match: 1, no_match_match: 0, no_match_no_match: 1, only_a: 1, only_b: 0, unparsed: 0 });
    expect(agreement.compared).toBe(4);
    expect(agreement.percentAgreement).toBe(0.75);
    // Chance agreement (3·2 + 1·2) / 16 = 0.5, so kappa = (0.75 − 0.5) / 0.5.
    expect(agreement.kappa).toBeCloseTo(0.5);
    const items = await vera.verdicts.cellItems({ project, target: target(), a: `run:${runId}`, b: "imported", cell: "match_no_match" });
    expect(items).toEqual([expect.objectContaining({ question: expect.stringContaining("four equal sides"), a: expect.objectContaining({ match: true, predExtracted: "B" }), b: expect.objectContaining({ match: false }) })]);
  });

  it("pages a cell's items by item id", async () => {
    const args = { project, target: target(), a: `run:${runId}`, b: "imported", cell: "match_match" as const, limit: 1 };
    const first = await ada.verdicts.cellItems(args);
    const second = await ada.verdicts.cellItems({ ...args, cursor: first[0].itemId });
    const third = await ada.verdicts.cellItems({ ...args, cursor: second[0].itemId });
    expect([first.length, second.length, third.length]).toEqual([1, 1, 0]);
    expect(second[0].itemId).toBeGreaterThan(first[0].itemId);
  });

  it("a member's label is a grader of its own and corrects the run's outcome; removing it takes it back", async () => {
    const [choice] = await ada.verdicts.cellItems({ project, target: target(), a: `run:${runId}`, b: "imported", cell: "match_no_match" });
    const detail = await ada.verdicts.itemDetail({ project, target: target(), itemId: choice.itemId });
    expect(detail.verdicts[0]).toMatchObject({ runId, match: true, stage: "choice", stages: [expect.objectContaining({ stage: "rule", outcome: "match" })] });
    await expect(vera.verdicts.labelVerdict({ project, verdictId: detail.verdicts[0].id, verdictRight: false })).rejects.toThrow(/member/i);

    await ada.verdicts.labelVerdict({ project, verdictId: detail.verdicts[0].id, verdictRight: false, reason: "The question asks for a square, B is right but the data says no." });
    expect((await ada.verdicts.itemDetail({ project, target: target(), itemId: choice.itemId })).label).toMatchObject({ correct: false });
    const human = await ada.verdicts.agreement({ project, target: target(), a: `run:${runId}`, b: "human" });
    expect(human.cells).toMatchObject({ match_no_match: 1, only_a: 4 });
    const corrected = await ada.verdicts.agreement({ project, target: target(), a: `run:${runId}:labelled`, b: "imported" });
    expect(corrected).toMatchObject({ percentAgreement: 1, kappa: 1 });
    expect((await ada.verdicts.pairwise({ project, target: target() })).graders.map((g) => g.id)).toEqual(expect.arrayContaining(["human", `run:${runId}:labelled`]));

    await expect(vera.verdicts.removeLabel({ project, itemKind: "sample", itemId: choice.itemId })).rejects.toThrow(/member/i);
    await ada.verdicts.removeLabel({ project, itemKind: "sample", itemId: choice.itemId });
    expect((await ada.verdicts.graders({ project, target: target() })).map((g) => g.id)).not.toContain("human");
    expect((await ada.verdicts.agreement({ project, target: target(), a: `run:${runId}:labelled`, b: "imported" })).percentAgreement).toBe(0.75);
  });

  it("tags and excludes a cell's samples in their dataset; viewers cannot", async () => {
    const cell = { project, target: target(), a: `run:${runId}`, b: "imported", cell: "match_no_match" as const };
    await expect(vera.verdicts.curateCell({ ...cell, action: { kind: "exclude" } })).rejects.toThrow(/member/i);
    expect(await ada.verdicts.curateCell({ ...cell, action: { kind: "tag", tag: "judge-disputed" } })).toEqual({ updated: 1 });
    expect(await ada.verdicts.curateCell({ ...cell, action: { kind: "exclude" } })).toEqual({ updated: 1 });
    const [choice] = await app.deps.db.select().from(samples).where(eq(samples.externalId, "choice"));
    expect(choice).toMatchObject({ tags: ["judge-disputed"], excluded: true });
  });

  it("refuses another project's target", async () => {
    await ada.projects.create({ name: "Other" });
    const args = { project: "other", target: target() };
    await expect(ada.verdicts.graders(args)).rejects.toThrow(/does not exist in this project/);
    await expect(ada.verdicts.agreement({ ...args, a: `run:${runId}`, b: "imported" })).rejects.toThrow(/does not exist in this project/);
    await expect(ada.verdicts.cellItems({ ...args, a: `run:${runId}`, b: "imported", cell: "match_match" })).rejects.toThrow(/does not exist in this project/);
  });
});
