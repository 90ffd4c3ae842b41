import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateModel } from "@/server/evaluations/models";
import { paperSourceLabel } from "@/server/evaluations/paper-table";
import { createTestApp, type TestApp } from "./support/test-app";

const project = "model-facts";

describe("editing a model's facts", () => {
  let app: TestApp;
  type Caller = Awaited<ReturnType<TestApp["callerFor"]>>;
  let ada: Caller;
  let mia: Caller;
  let vera: Caller;
  let reference: { id: string };
  let evaluated: { id: string };

  const join = async (email: string, role: "member" | "viewer") => {
    const invitation = await ada.members.invite({ project, email, role });
    if (invitation.status !== "invited") throw new Error(`${email} was not invited`);
    return app.callerFor(await app.signUp(email, { inviteToken: invitation.token }));
  };

  beforeAll(async () => {
    app = await createTestApp();
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    const { id: projectId } = await ada.projects.create({ name: "Model facts" });
    mia = await join("mia@example.com", "member");
    vera = await join("vera@example.com", "viewer");
    await ada.evaluations.importPaperTable({ project });
    reference = (await ada.evaluations.models({ project })).find((m) => m.name === "OMR-7B")!;
    evaluated = await findOrCreateModel(app.deps.db, { projectId, name: "acme/vl-7b-rl", source: "evaluated" });
  });
  afterAll(() => app.close());

  it("lets a member set the base model, name, data sizes and source, keeping what is not given", async () => {
    const updated = await mia.evaluations.updateModel({
      project,
      modelId: reference.id,
      name: " OpenMMReasoner-7B ",
      baseModel: "Qwen/Qwen2.5-VL-7B-Instruct",
      rlData: "74.2k",
      sourceLabel: "OpenMMReasoner paper v2",
    });
    expect(updated).toMatchObject({
      name: "OpenMMReasoner-7B",
      baseModel: "Qwen/Qwen2.5-VL-7B-Instruct",
      sftData: "874k",
      rlData: "74.2k",
      sourceLabel: "OpenMMReasoner paper v2",
      source: "reference",
    });
    const row = (await vera.leaderboard.get({ project })).rows.find((r) => r.model.id === reference.id);
    expect(row?.model).toMatchObject({ name: "OpenMMReasoner-7B", baseModel: "Qwen/Qwen2.5-VL-7B-Instruct", rlData: "74.2k" });

    // Empty clears a fact.
    expect(await ada.evaluations.updateModel({ project, modelId: reference.id, sftData: "", baseModel: "  " })).toMatchObject({ sftData: null, baseModel: null, rlData: "74.2k" });
  });

  it("refuses a viewer, and a model of another project", async () => {
    await expect(vera.evaluations.updateModel({ project, modelId: reference.id, baseModel: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await ada.projects.create({ name: "Elsewhere" });
    await expect(ada.evaluations.updateModel({ project: "elsewhere", modelId: reference.id, baseModel: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await ada.evaluations.models({ project })).find((m) => m.id === reference.id)?.baseModel).toBeNull();
  });

  it("validates names, data sizes and sources", async () => {
    await expect(mia.evaluations.updateModel({ project, modelId: reference.id, name: "  " })).rejects.toThrow("Name the model.");
    await expect(mia.evaluations.updateModel({ project, modelId: reference.id, sftData: "lots" })).rejects.toThrow("Write a sample count such as 874k, 6.2M or 12000.");
    await expect(mia.evaluations.updateModel({ project, modelId: reference.id, baseModel: "x".repeat(201) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mia.evaluations.updateModel({ project, modelId: reference.id, sourceLabel: "" })).rejects.toThrow("Name where the reference figures come from.");
    await expect(mia.evaluations.updateModel({ project, modelId: evaluated.id, sourceLabel: "Some paper" })).rejects.toThrow(/was evaluated here/);
    // Two models of one name need different sources.
    await expect(mia.evaluations.updateModel({ project, modelId: reference.id, name: "MMR1", sourceLabel: paperSourceLabel })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `This project already has a model named "MMR1" from "${paperSourceLabel}".`,
    });
    expect(await mia.evaluations.updateModel({ project, modelId: evaluated.id, name: "acme/vl-7b-rl-final", baseModel: "Qwen/Qwen2.5-VL-7B-Instruct" })).toMatchObject({
      name: "acme/vl-7b-rl-final",
      sourceLabel: "",
      source: "evaluated",
    });
  });
});
