import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app";

describe("projects, roles and invitations", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let bob: Awaited<ReturnType<TestApp["callerFor"]>>;

  beforeAll(async () => {
    app = await createTestApp();
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.instance.setSignUpOpen({ open: true });
    bob = await app.callerFor(await app.signUp("bob@example.com"));
    await ada.instance.setSignUpOpen({ open: false });
  });
  afterAll(() => app.close());

  it("creates a project whose creator is its admin, with a unique slug", async () => {
    const first = await ada.projects.create({ name: "Vision RL" });
    const second = await ada.projects.create({ name: "Vision RL" });
    expect(first.slug).toBe("vision-rl");
    expect(second.slug).toBe("vision-rl-2");
    expect(await ada.projects.get({ project: "vision-rl" })).toMatchObject({ name: "Vision RL", role: "admin" });
  });

  it("hides project A from a member of project B only", async () => {
    await bob.projects.create({ name: "Bob's SFT" });
    await expect(bob.projects.get({ project: "vision-rl" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bob.runs.list({ project: "vision-rl" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ada.members.list({ project: "bob-s-sft" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await bob.projects.list()).map((p) => p.slug)).toEqual(["bob-s-sft"]);
  });

  it("invites a new viewer by link, who can read but change nothing", async () => {
    const invitation = await ada.members.invite({ project: "vision-rl", email: "Vera@Example.com", role: "viewer" });
    expect(invitation.status).toBe("invited");
    if (invitation.status !== "invited") return;

    await expect(app.signUp("vera@example.com", { inviteToken: "inv_wrongwrongwrongwrongwrong" })).rejects.toThrow(/invalid/);
    await expect(app.signUp("eve@example.com", { inviteToken: invitation.token })).rejects.toThrow(/another email/);
    const vera = await app.callerFor(await app.signUp("vera@example.com", { inviteToken: invitation.token }));

    expect(await vera.projects.get({ project: "vision-rl" })).toMatchObject({ role: "viewer" });
    expect(await vera.members.list({ project: "vision-rl" })).toHaveLength(2);
    await expect(vera.projects.update({ project: "vision-rl", name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(vera.members.invite({ project: "vision-rl", email: "x@example.com", role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(vera.tokens.createWorker({ project: "vision-rl", name: "gpu-1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await ada.projects.get({ project: "vision-rl" })).name).toBe("Vision RL");

    // The link is single-use.
    await ada.instance.setSignUpOpen({ open: false });
    await expect(app.signUp("vera2@example.com", { inviteToken: invitation.token })).rejects.toThrow();
  });

  it("adds an existing account directly and keeps at least one admin", async () => {
    expect(await ada.members.invite({ project: "vision-rl", email: "bob@example.com", role: "member" })).toEqual({ status: "added" });
    await expect(ada.members.invite({ project: "vision-rl", email: "bob@example.com", role: "member" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const { id: adaId } = (await ada.me.get())!;
    await expect(ada.members.setRole({ project: "vision-rl", userId: adaId, role: "member" })).rejects.toThrow(/at least one admin/);
    await expect(bob.members.setRole({ project: "vision-rl", userId: adaId, role: "viewer" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("rejects an empty project name with a field error", async () => {
    await expect(ada.projects.create({ name: "   " })).rejects.toThrow(/needs a name/);
  });
});
