import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, defaultPassword, type TestApp } from "./support/test-app";

describe("accounts and sign-up policy", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("makes the first account the instance admin, then closes sign-up", async () => {
    const anonymous = await app.anonymous();
    expect(await anonymous.instance.signUpState()).toEqual({ firstAccount: true, open: true });

    const adminHeaders = await app.signUp("ada@example.com");
    const admin = await app.callerFor(adminHeaders);
    expect(await admin.me.get()).toMatchObject({ email: "ada@example.com", isAdmin: true });
    expect(await anonymous.instance.signUpState()).toEqual({ firstAccount: false, open: false });

    await expect(app.signUp("mallory@example.com")).rejects.toThrow(/Sign-up is closed/);
  });

  it("lets an admin open sign-up; later accounts are not admins", async () => {
    const admin = await app.callerFor(await app.signIn("ada@example.com"));
    await admin.instance.setSignUpOpen({ open: true });
    const bob = await app.callerFor(await app.signUp("bob@example.com"));
    expect(await bob.me.get()).toMatchObject({ isAdmin: false });
    await expect(bob.instance.setSignUpOpen({ open: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.instance.setSignUpOpen({ open: false });
  });

  it("refuses a wrong password and a duplicate email without changing anything", async () => {
    await expect(app.signIn("ada@example.com", "not the password")).rejects.toThrow(/401|Invalid email or password/);
    const admin = await app.callerFor(await app.signIn("ada@example.com", defaultPassword));
    await admin.instance.setSignUpOpen({ open: true });
    await expect(app.signUp("ada@example.com", { password: "another password" })).rejects.toThrow(/already exists|422/i);
    await admin.instance.setSignUpOpen({ open: false });
    // The original password still works.
    expect(await (await app.callerFor(await app.signIn("ada@example.com"))).me.get()).toMatchObject({ isAdmin: true });
  });
});
