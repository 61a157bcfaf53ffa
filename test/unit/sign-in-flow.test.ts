import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ClientContext } from "../../src/core/clients/client-context.js";
import type { Device } from "../../src/core/devices/device.types.js";
import type { SignInServiceDeps } from "../../src/core/flows/sign-in/sign-in.service.js";
import { createSignInSteps } from "../../src/core/flows/sign-in/sign-in.steps.js";
import type { CallerContext } from "../../src/core/flows/sign-in/sign-in.types.js";
import { createManualClock } from "../../src/lib/clock.js";
import {
  assertTransition,
  canTransition,
  isTerminal,
  SIGN_IN_STATES,
  SIGN_IN_TRANSITIONS,
  type SignInState,
} from "../../src/core/flows/sign-in/sign-in.flow.js";
import { mfaStepFor } from "../../src/core/mfa/mfa-factors.js";
import type { UserMfa } from "../../src/core/mfa/mfa.types.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import type { User } from "../../src/core/users/user.types.js";

const edgesOfTable = (): string[] =>
  SIGN_IN_STATES.flatMap((from) => SIGN_IN_TRANSITIONS[from].map((to) => `${from} --> ${to}`)).sort();

describe("sign-in flow table", () => {
  it("allows exactly the listed edges, for every pair of states", () => {
    for (const from of SIGN_IN_STATES) {
      for (const to of SIGN_IN_STATES) {
        const listed = SIGN_IN_TRANSITIONS[from].includes(to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(listed);
        if (listed) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(`Sign-in flow cannot move from ${from} to ${to}`);
      }
    }
  });

  it("has no edge out of the terminal states, and every other state can end (AUTHENTICATED or FAILED)", () => {
    expect(SIGN_IN_STATES.filter(isTerminal)).toEqual(["AUTHENTICATED", "FAILED"]);
    for (const state of SIGN_IN_STATES.filter((candidate) => !isTerminal(candidate)))
      expect(canTransition(state, "FAILED"), state).toBe(true);
  });

  it("lists only known states and reaches every state from START", () => {
    const reached = new Set<SignInState>(["START"]);
    const queue: SignInState[] = ["START"];
    while (queue.length > 0) {
      for (const next of SIGN_IN_TRANSITIONS[queue.shift()!]) {
        expect(SIGN_IN_STATES).toContain(next);
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...SIGN_IN_STATES].sort());
  });

  it("puts MFA after the password and after NEW_PASSWORD_REQUIRED, never before", () => {
    for (const mfa of ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SELECT_MFA_TYPE", "MFA_SETUP"] as const) {
      for (const first of ["START", "PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED"] as const)
        expect(canTransition(first, mfa)).toBe(true);
      expect(canTransition(mfa, "NEW_PASSWORD_REQUIRED")).toBe(false);
      expect(canTransition(mfa, "PASSWORD_VERIFIER")).toBe(false);
    }
  });

  it("puts the device's proof after the password and MFA, and nothing but tokens after it (cognito-reference §4.9)", () => {
    for (const before of [
      "START",
      "PASSWORD_VERIFIER",
      "NEW_PASSWORD_REQUIRED",
      "SMS_MFA",
      "EMAIL_OTP",
      "SOFTWARE_TOKEN_MFA",
      "MFA_SETUP",
    ] as const)
      expect(canTransition(before, "DEVICE_SRP_AUTH"), before).toBe(true);
    // SELECT_MFA_TYPE only picks a factor: the code must still be answered before the device step.
    expect(canTransition("SELECT_MFA_TYPE", "DEVICE_SRP_AUTH")).toBe(false);
    // Staying put is a malformed answer given back for a corrected one.
    expect(SIGN_IN_TRANSITIONS.DEVICE_SRP_AUTH).toEqual(["DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "FAILED"]);
    expect(SIGN_IN_TRANSITIONS.DEVICE_PASSWORD_VERIFIER).toEqual([
      "DEVICE_PASSWORD_VERIFIER",
      "AUTHENTICATED",
      "FAILED",
    ]);
  });

  it("enters CUSTOM_CHALLENGE only from START, PASSWORD_VERIFIER (SRP first) or itself, and SRP_A only leads to the verifier", () => {
    const into = SIGN_IN_STATES.filter((from) => canTransition(from, "CUSTOM_CHALLENGE"));
    expect(into.sort()).toEqual(["CUSTOM_CHALLENGE", "PASSWORD_VERIFIER", "START"]);
    expect(SIGN_IN_TRANSITIONS.SRP_A).toEqual(["PASSWORD_VERIFIER", "FAILED"]);
    expect(SIGN_IN_STATES.filter((from) => canTransition(from, "SRP_A"))).toEqual(["START"]);
    // After a custom challenge the usual steps follow: MFA can come after it, never before it.
    for (const mfa of ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SELECT_MFA_TYPE", "MFA_SETUP"] as const) {
      expect(canTransition("CUSTOM_CHALLENGE", mfa)).toBe(true);
      expect(canTransition(mfa, "CUSTOM_CHALLENGE")).toBe(false);
    }
  });

  it("is drawn edge for edge in sign-in.mmd", () => {
    const diagram = readFileSync(path.resolve(__dirname, "../../src/core/flows/sign-in/sign-in.mmd"), "utf8");
    const drawn = [...diagram.matchAll(/^\s*([A-Z_]+) --> ([A-Z_]+)/gm)]
      .map((match) => `${match[1]} --> ${match[2]}`)
      .sort();
    expect(drawn).toEqual(edgesOfTable());
  });
});

describe("mfaStepFor (cognito-reference §3.4)", () => {
  const pool = (mfaConfiguration: UserPool["mfaConfiguration"], enabledMfas: UserPool["enabledMfas"]) =>
    ({ mfaConfiguration, enabledMfas }) as UserPool;
  const user = { attributes: { email: "ada@example.com", phone_number: "+15555550100" } } as unknown as User;
  const row = (settings: Partial<UserMfa>): UserMfa =>
    ({
      userId: "u",
      totpSecretCiphertext: "v1.x",
      totpFriendlyName: null,
      totpLastUsedStep: null,
      pendingTotpSecretCiphertext: null,
      smsEnabled: false,
      emailEnabled: false,
      totpEnabled: false,
      preferred: null,
      updatedAt: new Date(0),
      ...settings,
    }) as UserMfa;
  const all: UserPool["enabledMfas"] = ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA"];

  it("OFF asks nothing; OPTIONAL only with an enabled factor", () => {
    expect(mfaStepFor(user, pool("OFF", []), row({ totpEnabled: true }))).toEqual({ kind: "none" });
    expect(mfaStepFor(user, pool("OPTIONAL", all), null)).toEqual({ kind: "none" });
    expect(mfaStepFor(user, pool("OPTIONAL", all), row({ smsEnabled: true }))).toEqual({
      kind: "challenge",
      factor: "SMS_MFA",
    });
  });

  it("several factors: the preferred one, else SELECT_MFA_TYPE", () => {
    expect(
      mfaStepFor(
        user,
        pool("OPTIONAL", all),
        row({ smsEnabled: true, totpEnabled: true, preferred: "SOFTWARE_TOKEN_MFA" }),
      ),
    ).toEqual({ kind: "challenge", factor: "SOFTWARE_TOKEN_MFA" });
    expect(mfaStepFor(user, pool("OPTIONAL", all), row({ smsEnabled: true, totpEnabled: true }))).toEqual({
      kind: "select",
      factors: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"],
    });
  });

  it("ON without an enabled factor: a code to the phone or email the user has (§3.4), else MFA_SETUP", () => {
    expect(mfaStepFor(user, pool("ON", all), null)).toEqual({ kind: "select", factors: ["SMS_MFA", "EMAIL_OTP"] });
    expect(mfaStepFor(user, pool("ON", ["SMS_MFA", "SOFTWARE_TOKEN_MFA"]), null)).toEqual({
      kind: "challenge",
      factor: "SMS_MFA",
    });
    expect(mfaStepFor(user, pool("ON", ["EMAIL_OTP"]), row({ smsEnabled: true }))).toEqual({
      kind: "challenge",
      factor: "EMAIL_OTP",
    });
    // A factor the user switched on comes first.
    expect(mfaStepFor(user, pool("ON", all), row({ totpEnabled: true }))).toEqual({
      kind: "challenge",
      factor: "SOFTWARE_TOKEN_MFA",
    });
    const bare = { attributes: {} } as unknown as User;
    expect(mfaStepFor(bare, pool("ON", all), null)).toEqual({
      kind: "setup",
      factors: ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"],
    });
    expect(mfaStepFor(bare, pool("ON", ["SOFTWARE_TOKEN_MFA"]), null)).toEqual({
      kind: "setup",
      factors: ["SOFTWARE_TOKEN_MFA"],
    });
    expect(mfaStepFor(bare, pool("ON", ["SMS_MFA"]), null)).toEqual({ kind: "setup", factors: ["SMS_MFA"] });
    // Email setup is offered only to a user without an email (who would otherwise get EMAIL_OTP).
    const phoneOnly = { attributes: { phone_number: "+15555550100" } } as unknown as User;
    expect(mfaStepFor(phoneOnly, pool("ON", ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]), null)).toEqual({
      kind: "setup",
      factors: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"],
    });
  });
});

describe("a remembered device stands in for MFA only by proving itself (cognito-reference §3.3, §4.9)", () => {
  const pool = {
    id: "eu-west-1_unit",
    mfaConfiguration: "OPTIONAL",
    enabledMfas: ["SOFTWARE_TOKEN_MFA"],
    deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false },
    lambdaConfig: {},
  } as unknown as UserPool;
  const context = { pool, client: { clientId: "client", authSessionValidityMinutes: 3 } } as unknown as ClientContext;
  const user = { id: "u", username: "ada", enabled: true, status: "CONFIRMED", attributes: {} } as unknown as User;
  const device = {
    deviceKey: "eu-west-1_device",
    poolId: pool.id,
    userId: user.id,
    deviceGroupKey: "-group",
    srpSalt: "aa",
    srpVerifier: "bb",
    rememberedStatus: "remembered",
  } as unknown as Device;
  const totpOn = {
    userId: user.id,
    totpSecretCiphertext: "v1.x",
    totpEnabled: true,
    smsEnabled: false,
    emailEnabled: false,
  };

  /** The steps over fakes: the user has an authenticator on; every session opened and every end is recorded. */
  function stepsOverFakes() {
    const opened: string[] = [];
    const ended: string[] = [];
    const repositories = {
      mfa: { find: async () => totpOn },
      events: { append: async () => 0 },
      users: { findById: async () => user },
      devices: { findByKey: async () => device },
    };
    const deps = {
      db: {
        read: (work: never) => (work as (r: unknown) => unknown)(repositories),
        transaction: async () => ended.push("commit"),
      },
      clock: createManualClock(new Date("2026-01-01T00:00:00Z")),
      sessions: {
        open: async (session: { state: string }) => opened.push(session.state) && `session-${opened.length}`,
      },
      lockout: { recordSuccess: async () => undefined },
      triggers: { run: async () => null, isConfigured: () => false },
    } as unknown as SignInServiceDeps;
    return { steps: createSignInSteps(deps), opened, ended };
  }
  const apiCaller: CallerContext = { sourceIp: null, admin: null };
  const pagesCaller: CallerContext = { sourceIp: null, admin: null, hostedUi: true };

  it("for an API caller, leads to the device's SRP proof instead of the MFA challenge", async () => {
    const { steps, opened } = stepsOverFakes();
    const outcome = await steps.afterPassword(context, user, apiCaller, "START", device);
    expect(outcome).toMatchObject({ kind: "challenge", challengeName: "DEVICE_SRP_AUTH" });
    expect(opened).toEqual(["DEVICE_SRP_AUTH"]);
  });

  it("never for the managed sign-in pages, whose sign-in ends without the device's proof: they get the MFA step", async () => {
    const { steps, opened, ended } = stepsOverFakes();
    const outcome = await steps.afterPassword(context, user, pagesCaller, "START", device);
    expect(outcome).toMatchObject({ kind: "challenge", challengeName: "SOFTWARE_TOKEN_MFA" });
    expect(opened).toEqual(["SOFTWARE_TOKEN_MFA"]);
    expect(ended).toEqual([]);
  });

  it("never for a device that is not remembered or not confirmed: MFA first", async () => {
    for (const other of [
      { ...device, rememberedStatus: "not_remembered" },
      { ...device, srpSalt: null, srpVerifier: null },
    ] as Device[]) {
      const { steps } = stepsOverFakes();
      expect(await steps.afterPassword(context, user, apiCaller, "START", other)).toMatchObject({
        challengeName: "SOFTWARE_TOKEN_MFA",
      });
    }
  });

  it("the pages and the admin API name no device at all", async () => {
    const { steps } = stepsOverFakes();
    const admin = { sourceIp: null, admin: {} } as unknown as CallerContext;
    for (const caller of [pagesCaller, admin])
      expect(await steps.resolveDevice(context, user, caller, device.deviceKey)).toBeNull();
  });
});
