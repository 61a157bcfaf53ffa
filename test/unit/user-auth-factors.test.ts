import { describe, expect, it } from "vitest";
import { availableChallengesOf, simulatedChallengesOf } from "../../src/core/flows/sign-in/user-auth-factors.js";
import { validateSignInPolicy } from "../../src/core/pools/sign-in-policy.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import type { User } from "../../src/core/users/user.types.js";

const pool = (
  factors: UserPool["signInPolicy"]["allowedFirstAuthFactors"],
  mfaConfiguration: UserPool["mfaConfiguration"] = "OFF",
) => ({ signInPolicy: { allowedFirstAuthFactors: factors }, mfaConfiguration }) as UserPool;
const credentials = { passwordHash: "h", srpSalt: "s", srpVerifier: "v" };
const user = (overrides: Partial<User> = {}) =>
  ({
    status: "CONFIRMED",
    attributes: { email: "a@example.com", phone_number: "+15555550100" },
    credentials,
    ...overrides,
  }) as User;
const none = { hasActiveMfa: false, hasPasskeys: false };
const ALL = ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] as const;

describe("USER_AUTH's AvailableChallenges (reference-oauth §13.2)", () => {
  it("lists each allowed factor the user can use, passkey first, password factors last", () => {
    expect(availableChallengesOf(pool([...ALL]), user(), { hasActiveMfa: false, hasPasskeys: true })).toEqual([
      "WEB_AUTHN",
      "EMAIL_OTP",
      "SMS_OTP",
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
    expect(availableChallengesOf(pool([...ALL]), user(), none)).toEqual([
      "EMAIL_OTP",
      "SMS_OTP",
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
    expect(availableChallengesOf(pool(["PASSWORD"]), user(), { hasActiveMfa: false, hasPasskeys: true })).toEqual([
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
    expect(availableChallengesOf(pool([...ALL]), user({ attributes: { email: "a@example.com" } }), none)).toEqual([
      "EMAIL_OTP",
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
    expect(availableChallengesOf(pool([...ALL]), user({ credentials: null }), none)).toEqual(["EMAIL_OTP", "SMS_OTP"]);
  });

  it("offers no passwordless factor with MFA ON, to a user whose MFA is active, or to a user who must set a password", () => {
    expect(availableChallengesOf(pool([...ALL], "ON"), user(), { hasActiveMfa: false, hasPasskeys: true })).toEqual([
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
    expect(
      availableChallengesOf(pool([...ALL], "OPTIONAL"), user(), { hasActiveMfa: true, hasPasskeys: true }),
    ).toEqual(["PASSWORD_SRP", "PASSWORD"]);
    expect(
      availableChallengesOf(pool([...ALL], "OPTIONAL"), user(), { hasActiveMfa: false, hasPasskeys: true }),
    ).toEqual(["WEB_AUTHN", "EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"]);
    for (const status of ["FORCE_CHANGE_PASSWORD", "RESET_REQUIRED"] as const)
      expect(availableChallengesOf(pool([...ALL]), user({ status }), none)).toEqual(["PASSWORD_SRP", "PASSWORD"]);
    // An UNCONFIRMED user may sign in with a code: the right code confirms them.
    expect(availableChallengesOf(pool([...ALL]), user({ status: "UNCONFIRMED" }), none)).toEqual([
      "EMAIL_OTP",
      "SMS_OTP",
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
  });

  it("shows an unknown name what a user with password, email and phone gets", () => {
    expect(simulatedChallengesOf(pool(["PASSWORD", "EMAIL_OTP", "SMS_OTP"]), false)).toEqual(
      availableChallengesOf(pool(["PASSWORD", "EMAIL_OTP", "SMS_OTP"]), user(), none),
    );
    expect(simulatedChallengesOf(pool([...ALL]), true)).toEqual([
      "WEB_AUTHN",
      "EMAIL_OTP",
      "SMS_OTP",
      "PASSWORD_SRP",
      "PASSWORD",
    ]);
    expect(simulatedChallengesOf(pool([...ALL]), false)).toEqual(["EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"]);
  });
});

describe("SignInPolicy rules (reference-oauth §13.1)", () => {
  it("accepts PASSWORD with any passwordless factors, refuses the rest", () => {
    expect(() => validateSignInPolicy({ allowedFirstAuthFactors: ["PASSWORD"] }, "ON")).not.toThrow();
    expect(() => validateSignInPolicy({ allowedFirstAuthFactors: [...ALL] }, "OPTIONAL")).not.toThrow();
    expect(() => validateSignInPolicy({ allowedFirstAuthFactors: ["WEB_AUTHN"] }, "OFF")).toThrow(
      "PASSWORD must be one of the AllowedFirstAuthFactors.",
    );
    expect(() => validateSignInPolicy({ allowedFirstAuthFactors: ["PASSWORD", "SOFTWARE_TOKEN"] }, "OFF")).toThrow(
      "SOFTWARE_TOKEN is not supported as a first authentication factor.",
    );
    expect(() => validateSignInPolicy({ allowedFirstAuthFactors: ["PASSWORD", "MAGIC"] }, "OFF")).toThrow(
      "MAGIC is not a valid AuthFactorType",
    );
    expect(() => validateSignInPolicy({ allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] }, "ON")).toThrow(
      "cannot be allowed while MfaConfiguration is ON",
    );
  });
});
