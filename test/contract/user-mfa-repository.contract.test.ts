import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/ports.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { createConfirmedUser, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const T0 = new Date("2030-01-01T00:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/**
 * The UserMfaRepository port on each real database: the conditional writes that make TOTP codes
 * single-use. Every write here carries a different time, so a "nothing changed" row count cannot
 * stand in for the conditions under test.
 */
describe.each(BACKENDS)("UserMfaRepository contract on $name", (backend) => {
  let gateway: TestApp;
  let db: Database;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
    db = gateway.app.db;
  });
  afterAll(async () => gateway?.close());

  async function newUser(): Promise<string> {
    const { poolId } = await createPoolWithClient(gateway);
    return (await createConfirmedUser(gateway, poolId, uniqueName("repo"), GOOD_PASSWORD)).sub;
  }

  it("starts with no record and creates an empty one on the first write", async () => {
    const userId = await newUser();
    expect(await db.read((repositories) => repositories.mfa.find(userId))).toBeNull();
    const created = await db.transaction((repositories) => repositories.mfa.findForUpdate(userId, at(0)));
    expect(created).toMatchObject({
      userId,
      totpSecretCiphertext: null,
      pendingTotpSecretCiphertext: null,
      totpLastUsedStep: null,
      smsEnabled: false,
      emailEnabled: false,
      totpEnabled: false,
      preferred: null,
    });
    // A second findForUpdate leaves the record as it is.
    await db.transaction((repositories) =>
      repositories.mfa.setFactors(
        userId,
        { smsEnabled: true, emailEnabled: false, totpEnabled: false, preferred: "SMS_MFA" },
        at(1),
      ),
    );
    expect(await db.transaction((repositories) => repositories.mfa.findForUpdate(userId, at(2)))).toMatchObject({
      smsEnabled: true,
      preferred: "SMS_MFA",
    });
  });

  it("promotes a pending secret once, and only the one it was asked about", async () => {
    const userId = await newUser();
    await db.transaction((repositories) => repositories.mfa.setPendingTotp(userId, "v1.pending-a", at(0)));
    await db.transaction((repositories) => repositories.mfa.setPendingTotp(userId, "v1.pending-b", at(1)));
    expect(
      await db.transaction((repositories) =>
        repositories.mfa.promotePendingTotp(userId, "v1.pending-a", { friendlyName: null, step: 10, now: at(2) }),
      ),
    ).toBe(false);
    expect(
      await db.transaction((repositories) =>
        repositories.mfa.promotePendingTotp(userId, "v1.pending-b", { friendlyName: "Pixel", step: 10, now: at(3) }),
      ),
    ).toBe(true);
    expect(
      await db.transaction((repositories) =>
        repositories.mfa.promotePendingTotp(userId, "v1.pending-b", { friendlyName: "Pixel", step: 11, now: at(4) }),
      ),
    ).toBe(false);
    expect(await db.read((repositories) => repositories.mfa.find(userId))).toMatchObject({
      totpSecretCiphertext: "v1.pending-b",
      pendingTotpSecretCiphertext: null,
      totpFriendlyName: "Pixel",
      totpLastUsedStep: 10,
    });
  });

  it("records a step only when it is later than the last one and the secret is still the one checked", async () => {
    const userId = await newUser();
    await db.transaction((repositories) => repositories.mfa.setPendingTotp(userId, "v1.secret", at(0)));
    await db.transaction((repositories) =>
      repositories.mfa.promotePendingTotp(userId, "v1.secret", { friendlyName: null, step: 100, now: at(1) }),
    );
    const record = (step: number, seconds: number, secret = "v1.secret") =>
      db.read((repositories) => repositories.mfa.recordTotpStep(userId, secret, step, at(seconds)));
    expect(await record(100, 2)).toBe(false);
    expect(await record(99, 3)).toBe(false);
    expect(await record(101, 4, "v1.other-secret")).toBe(false);
    expect(await record(101, 5)).toBe(true);
    expect(await record(101, 6)).toBe(false);
    expect(await record(103, 7)).toBe(true);
    expect((await db.read((repositories) => repositories.mfa.find(userId)))?.totpLastUsedStep).toBe(103);
  });

  it("of parallel recordings of one step at different times, exactly one succeeds", async () => {
    const userId = await newUser();
    await db.transaction((repositories) => repositories.mfa.setPendingTotp(userId, "v1.secret", at(0)));
    await db.transaction((repositories) =>
      repositories.mfa.promotePendingTotp(userId, "v1.secret", { friendlyName: null, step: 1, now: at(1) }),
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        db.read((repositories) => repositories.mfa.recordTotpStep(userId, "v1.secret", 2, at(10 + index))),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("goes with the user", async () => {
    const userId = await newUser();
    await db.transaction((repositories) => repositories.mfa.setPendingTotp(userId, "v1.secret", at(0)));
    await db.transaction((repositories) => repositories.users.delete(userId));
    expect(await db.read((repositories) => repositories.mfa.find(userId))).toBeNull();
  });
});
