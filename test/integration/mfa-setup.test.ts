import Sqlite from "better-sqlite3";
import { createConnection } from "mysql2/promise";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminGetUserMfaDocument,
  AdminSetUserMfaPreferenceDocument,
  AssociateSoftwareTokenDocument,
  GetUserMfaDocument,
  GetUserPoolMfaConfigDocument,
  SetUserMfaPreferenceDocument,
  SetUserPoolMfaConfigDocument,
  VerifySoftwareTokenDocument,
  type AttributeInput,
  type CreateUserPoolInput,
  type MfaFactor,
  type SetUserMfaPreferenceInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  answerVerifier,
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  respond,
  signInEnv,
  startSrp,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const STEP_MS = 30_000;
const ALL_FACTORS: MfaFactor[] = ["SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP"];
const CODE_MISMATCH = "EnableSoftwareTokenMFAException";

interface MfaRow {
  totp_secret_ciphertext: string | null;
  pending_totp_secret_ciphertext: string | null;
  totp_last_used_step: number | null;
  totp_enabled: number | boolean;
}

describe.each(BACKENDS)("authenticator setup and MFA preferences on $name", (backend) => {
  // Near the real time (the SRP client's TIMESTAMP must be close), in the middle of a 30-second step.
  const clock = createManualClock(new Date(Math.floor(Date.now() / STEP_MS) * STEP_MS + STEP_MS / 2));
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  /** The code an authenticator app shows `offsetSteps` steps from the gateway's now: computed by otplib, never by the gateway. */
  const codeAt = (secret: string, offsetSteps = 0) =>
    generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) + offsetSteps * 30 });

  async function setup(poolInput: Partial<CreateUserPoolInput> = {}, attributes: AttributeInput[] = []) {
    const poolName = `Acme Pool ${uniqueName("mfa")}`;
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      name: poolName,
      mfaConfiguration: "OPTIONAL",
      enabledMfas: ALL_FACTORS,
      ...poolInput,
    });
    const username = uniqueName("totp");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, attributes);
    const accessToken = expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).accessToken;
    return { poolId, poolName, clientId, username, sub, accessToken };
  }

  const associate = (token: string | null, session?: string) =>
    gateway.gql(AssociateSoftwareTokenDocument, { session }, token);
  const verify = (token: string | null, userCode: string, friendlyDeviceName?: string) =>
    gateway.gql(VerifySoftwareTokenDocument, { userCode, friendlyDeviceName }, token);
  const setPreference = (token: string, input: SetUserMfaPreferenceInput) =>
    gateway.gql(SetUserMfaPreferenceDocument, { input }, token);
  const getUserMfa = async (token: string) => expectData(await gateway.gql(GetUserMfaDocument, {}, token)).getUser;
  const adminGetUserMfa = async (poolId: string, username: string) =>
    expectData(await gateway.gql(AdminGetUserMfaDocument, { userPoolId: poolId, username })).adminGetUser;

  async function associated(token: string): Promise<string> {
    return expectData(await associate(token)).associateSoftwareToken.secretCode;
  }

  /** An associated and verified authenticator; returns its secret. */
  async function verifiedAuthenticator(token: string): Promise<string> {
    const secret = await associated(token);
    expect(expectData(await verify(token, await codeAt(secret), "Pixel")).verifySoftwareToken.status).toBe("SUCCESS");
    return secret;
  }

  /** The user's user_mfa row, read straight from the database, past the gateway. */
  async function mfaRow(userId: string): Promise<MfaRow | undefined> {
    const target = gateway.config.database;
    const sql =
      "SELECT totp_secret_ciphertext, pending_totp_secret_ciphertext, totp_last_used_step, totp_enabled FROM user_mfa WHERE user_id = ?";
    if (target.dialect === "sqlite") {
      const db = new Sqlite(target.path, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).get(userId) as MfaRow | undefined;
      } finally {
        db.close();
      }
    }
    const connection = await createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
    });
    try {
      const [rows] = await connection.query(sql, [userId]);
      return (rows as MfaRow[])[0];
    } finally {
      await connection.end();
    }
  }

  describe("associateSoftwareToken", () => {
    it("returns a 160-bit base32 secret, an otpauth URI with the pool name as issuer, and a PNG QR code of it", async () => {
      const { poolName, username, accessToken } = await setup();
      const result = expectData(await associate(accessToken)).associateSoftwareToken;
      expect(result.secretCode).toMatch(/^[A-Z2-7]{32,}$/);
      expect(result.session).toBeNull();

      const uri = new URL(result.otpauthUri);
      expect(uri.protocol).toBe("otpauth:");
      expect(uri.host).toBe("totp");
      expect(decodeURIComponent(uri.pathname)).toBe(`/${poolName}:${username}`);
      expect(Object.fromEntries(uri.searchParams)).toEqual({
        secret: result.secretCode,
        issuer: poolName,
        algorithm: "SHA1",
        digits: "6",
        period: "30",
      });

      expect(result.qrCodePng.startsWith("data:image/png;base64,")).toBe(true);
      const png = Buffer.from(result.qrCodePng.slice("data:image/png;base64,".length), "base64");
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    });

    it("names the email as the account in email-as-username pools", async () => {
      const email = `${uniqueName("ada")}@example.com`;
      const { poolId, clientId } = await createPoolWithClient(gateway, {
        usernameAttributes: ["email"],
        mfaConfiguration: "OPTIONAL",
        enabledMfas: ["SOFTWARE_TOKEN_MFA"],
      });
      await createConfirmedUser(gateway, poolId, email, GOOD_PASSWORD, [{ name: "email", value: email }]);
      const accessToken = expectTokens(await passwordSignIn(gateway, clientId, email, GOOD_PASSWORD)).accessToken;
      const uri = new URL(expectData(await associate(accessToken)).associateSoftwareToken.otpauthUri);
      expect(decodeURIComponent(uri.pathname).endsWith(`:${email}`)).toBe(true);
    });

    it("is refused when the pool does not offer SOFTWARE_TOKEN_MFA, and without an access token", async () => {
      const { accessToken } = await setup({ enabledMfas: ["SMS_MFA"] });
      expectError(
        await associate(accessToken),
        "SoftwareTokenMFANotFoundException",
        "Software Token MFA has not been enabled by the userPool.",
      );
      const off = await setup({ mfaConfiguration: "OFF", enabledMfas: [] });
      expectError(await associate(off.accessToken), "SoftwareTokenMFANotFoundException");
      expectError(await associate(null), "NotAuthorizedException");
    });

    it("takes a sign-in session only for MFA_SETUP, without using the session up, and never together with an access token", async () => {
      const { poolId, clientId, username, accessToken } = await setup();
      const { client, result } = await startSrp(gateway, { poolId, clientId, username });
      const challenge = expectChallenge(result);
      expectError(
        await associate(null, challenge.session),
        "InvalidParameterException",
        /waiting for PASSWORD_VERIFIER, not MFA_SETUP/,
      );
      expectError(await associate(accessToken, challenge.session), "InvalidParameterException", /not both/);
      expectError(
        await associate(null, "x".repeat(40)),
        "NotAuthorizedException",
        "Invalid session for the user, session is expired.",
      );
      // The peek left the session usable for the challenge it is waiting for.
      expectTokens(
        await respond(gateway, clientId, challenge, answerVerifier(client, challenge, GOOD_PASSWORD, clock)),
      );
    });
  });

  describe("verifySoftwareToken", () => {
    it("accepts the app's current code, and never the same code twice, even within its 30 seconds", async () => {
      const { accessToken } = await setup();
      const secret = await associated(accessToken);
      const code = await codeAt(secret);
      expect(expectData(await verify(accessToken, code, "Ada's phone")).verifySoftwareToken).toEqual({
        status: "SUCCESS",
        session: null,
      });
      expectError(await verify(accessToken, code), CODE_MISMATCH, "Code mismatch and fail enable Software Token MFA");
      clock.advanceSeconds(10);
      expectError(await verify(accessToken, code), CODE_MISMATCH);
      // The next step's code is a new one, and works.
      clock.advanceSeconds(30);
      expect(expectData(await verify(accessToken, await codeAt(secret))).verifySoftwareToken.status).toBe("SUCCESS");
    });

    it("refuses a wrong code, a code that is not 6 digits, and a user with nothing associated", async () => {
      const { accessToken } = await setup();
      expectError(
        await verify(accessToken, "123456"),
        "SoftwareTokenMFANotFoundException",
        "Software Token MFA does not exist for the user.",
      );
      const secret = await associated(accessToken);
      const right = await codeAt(secret);
      expectError(await verify(accessToken, right === "000000" ? "000001" : "000000"), CODE_MISMATCH);
      expectError(await verify(accessToken, "12345"), "InvalidParameterException");
      expectError(await verify(accessToken, "12345a"), "InvalidParameterException");
      expect(expectData(await verify(accessToken, right)).verifySoftwareToken.status).toBe("SUCCESS");
    });

    it("accepts one step of drift either side and refuses two, by the injected clock", async () => {
      const { accessToken } = await setup();
      const secret = await associated(accessToken);
      expectError(await verify(accessToken, await codeAt(secret, 2)), CODE_MISMATCH);
      const staleCode = await codeAt(secret);
      clock.advanceSeconds(60);
      expectError(await verify(accessToken, staleCode), CODE_MISMATCH);
      // Still pending after the refusals; one step behind and then one step ahead are accepted.
      expect(expectData(await verify(accessToken, await codeAt(secret, -1))).verifySoftwareToken.status).toBe(
        "SUCCESS",
      );
      expect(expectData(await verify(accessToken, await codeAt(secret, 1))).verifySoftwareToken.status).toBe("SUCCESS");
      // Accepting +1 burnt everything up to it: the current step's code is now a replay.
      expectError(await verify(accessToken, await codeAt(secret)), CODE_MISMATCH);
    });

    it("of parallel submissions of one fresh code, exactly one succeeds", async () => {
      const { accessToken } = await setup();
      const secret = await associated(accessToken);
      const code = await codeAt(secret);
      const results = await Promise.all(Array.from({ length: 10 }, () => verify(accessToken, code)));
      const successes = results.filter((result) => result.data?.verifySoftwareToken.status === "SUCCESS");
      expect(successes).toHaveLength(1);
      expect(results.filter((result) => errorCodes(result)[0] === CODE_MISMATCH)).toHaveLength(9);

      // The same against the authenticator in force (the check the SOFTWARE_TOKEN_MFA sign-in step uses).
      clock.advanceSeconds(30);
      const next = await codeAt(secret);
      const again = await Promise.all(Array.from({ length: 8 }, () => verify(accessToken, next)));
      expect(again.filter((result) => result.data?.verifySoftwareToken.status === "SUCCESS")).toHaveLength(1);
      expect(again.filter((result) => errorCodes(result)[0] === CODE_MISMATCH)).toHaveLength(7);
    });

    it("keeps the authenticator in force until a newly associated one is verified", async () => {
      const { accessToken, sub } = await setup();
      const first = await verifiedAuthenticator(accessToken);
      const second = await associated(accessToken);
      expect(second).not.toBe(first);
      const pending = await mfaRow(sub);
      expect(pending?.totp_secret_ciphertext).toBeTruthy();
      expect(pending?.pending_totp_secret_ciphertext).toBeTruthy();
      // A code of the old app does not verify the new secret.
      clock.advanceSeconds(30);
      expectError(await verify(accessToken, await codeAt(first)), CODE_MISMATCH);
      expect(expectData(await verify(accessToken, await codeAt(second))).verifySoftwareToken.status).toBe("SUCCESS");
      const replaced = await mfaRow(sub);
      expect(replaced?.pending_totp_secret_ciphertext).toBeNull();
      expect(replaced?.totp_secret_ciphertext).toBe(pending?.pending_totp_secret_ciphertext);
    });

    it("stores the secrets sealed, never in plain text", async () => {
      const { accessToken, sub } = await setup();
      const verified = await verifiedAuthenticator(accessToken);
      const pending = await associated(accessToken);
      const row = (await mfaRow(sub))!;
      const stored = JSON.stringify(row);
      for (const secret of [verified, pending]) {
        expect(stored).not.toContain(secret);
        expect(stored.toLowerCase()).not.toContain(secret.toLowerCase());
      }
      expect(row.totp_secret_ciphertext).toMatch(/^v1\./);
      expect(row.pending_totp_secret_ciphertext).toMatch(/^v1\./);
      expect(Number(row.totp_last_used_step)).toBe(Math.floor(clock.nowMs() / STEP_MS));
    });
  });

  describe("setUserMfaPreference", () => {
    it("switches TOTP on only after verification; getUser and adminGetUser report the factors and the preferred one", async () => {
      const { poolId, username, accessToken } = await setup({}, [{ name: "phone_number", value: "+15555550100" }]);
      expect(await getUserMfa(accessToken)).toMatchObject({ preferredMfaSetting: null, userMfaSettingList: [] });

      await associated(accessToken);
      expectError(
        await setPreference(accessToken, { softwareTokenMfaSettings: { enabled: true, preferredMfa: true } }),
        "InvalidParameterException",
        "User has not set up software token mfa",
      );
      const secret = await associated(accessToken);
      expect(expectData(await verify(accessToken, await codeAt(secret))).verifySoftwareToken.status).toBe("SUCCESS");
      // Verifying does not switch the factor on (Cognito): SetUserMFAPreference does.
      expect((await getUserMfa(accessToken)).userMfaSettingList).toEqual([]);

      expectData(await setPreference(accessToken, { softwareTokenMfaSettings: { enabled: true, preferredMfa: true } }));
      expectData(await setPreference(accessToken, { smsMfaSettings: { enabled: true, preferredMfa: false } }));
      const expected = {
        username,
        preferredMfaSetting: "SOFTWARE_TOKEN_MFA",
        userMfaSettingList: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"],
      };
      expect(await getUserMfa(accessToken)).toEqual(expected);
      expect(await adminGetUserMfa(poolId, username)).toEqual(expected);

      // Preferring SMS moves the preference; switching the preferred factor off clears it.
      expectData(await setPreference(accessToken, { smsMfaSettings: { enabled: true, preferredMfa: true } }));
      expect((await getUserMfa(accessToken)).preferredMfaSetting).toBe("SMS_MFA");
      expectData(await setPreference(accessToken, { smsMfaSettings: { enabled: false } }));
      expect(await getUserMfa(accessToken)).toMatchObject({
        preferredMfaSetting: null,
        userMfaSettingList: ["SOFTWARE_TOKEN_MFA"],
      });
    });

    it("refuses two preferred factors, SMS without a phone number, EMAIL_OTP without an email, and factors the pool does not offer", async () => {
      const { accessToken } = await setup({ enabledMfas: ["SOFTWARE_TOKEN_MFA", "SMS_MFA"] });
      await verifiedAuthenticator(accessToken);
      expectError(
        await setPreference(accessToken, {
          softwareTokenMfaSettings: { enabled: true, preferredMfa: true },
          smsMfaSettings: { enabled: true, preferredMfa: true },
        }),
        "InvalidParameterException",
        "Only one MFA factor can be preferred.",
      );
      expectError(
        await setPreference(accessToken, { smsMfaSettings: { enabled: true } }),
        "InvalidParameterException",
        "User does not have a phone_number set to turn on SMS MFA",
      );
      expectError(
        await setPreference(accessToken, { emailMfaSettings: { enabled: true } }),
        "InvalidParameterException",
        "EMAIL_OTP is not enabled for this user pool.",
      );
      expectError(
        await setPreference(accessToken, { softwareTokenMfaSettings: { enabled: false, preferredMfa: true } }),
        "InvalidParameterException",
        /cannot be preferred/,
      );
      // Nothing changed on any of the refusals.
      expect(await getUserMfa(accessToken)).toMatchObject({ preferredMfaSetting: null, userMfaSettingList: [] });

      const emailless = await setup({ enabledMfas: ALL_FACTORS });
      expectError(
        await setPreference(emailless.accessToken, { emailMfaSettings: { enabled: true } }),
        "InvalidParameterException",
        "User does not have an email set to turn on EMAIL_OTP",
      );
    });

    it("lets an admin switch every factor off (lost phone), recording events without secrets", async () => {
      const email = `${uniqueName("lost")}@example.com`;
      const { poolId, username, sub, accessToken } = await setup({}, [{ name: "email", value: email }]);
      const secret = await associated(accessToken);
      const code = await codeAt(secret);
      expect(expectData(await verify(accessToken, code, "Lost phone")).verifySoftwareToken.status).toBe("SUCCESS");
      expectData(
        await setPreference(accessToken, {
          softwareTokenMfaSettings: { enabled: true, preferredMfa: true },
          emailMfaSettings: { enabled: true },
        }),
      );
      expect((await adminGetUserMfa(poolId, username)).userMfaSettingList).toEqual(["EMAIL_OTP", "SOFTWARE_TOKEN_MFA"]);

      const off = { enabled: false, preferredMfa: false };
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: {
            userPoolId: poolId,
            username,
            softwareTokenMfaSettings: off,
            emailMfaSettings: off,
            smsMfaSettings: off,
          },
        }),
      );
      expect(await adminGetUserMfa(poolId, username)).toEqual({
        username,
        preferredMfaSetting: null,
        userMfaSettingList: [],
      });
      expect(await getUserMfa(accessToken)).toMatchObject({ preferredMfaSetting: null, userMfaSettingList: [] });
      expect((await mfaRow(sub))?.totp_enabled).toBeFalsy();

      const events = (await listEvents(gateway, poolId)).filter((event) => event.detail.userSub === sub);
      const summary = events
        .filter((event) => /MFA|SOFTWARE_TOKEN/.test(event.type))
        .map((event) => [event.type, event.detail.factor ?? event.detail.preferred ?? null, event.actor.split(":")[0]]);
      expect(summary).toEqual([
        ["SOFTWARE_TOKEN_ASSOCIATED", null, "user"],
        ["SOFTWARE_TOKEN_VERIFIED", null, "user"],
        ["MFA_ENABLED", "EMAIL_OTP", "user"],
        ["MFA_ENABLED", "SOFTWARE_TOKEN_MFA", "user"],
        ["MFA_PREFERENCE_CHANGED", "SOFTWARE_TOKEN_MFA", "user"],
        ["MFA_DISABLED", "EMAIL_OTP", "admin-key"],
        ["MFA_DISABLED", "SOFTWARE_TOKEN_MFA", "admin-key"],
        ["MFA_PREFERENCE_CHANGED", null, "admin-key"],
      ]);
      const row = (await mfaRow(sub))!;
      const everything = JSON.stringify(events);
      for (const secretValue of [secret, code, row.totp_secret_ciphertext!])
        expect(everything).not.toContain(secretValue);
    });

    it("is refused for an unknown user and a pool the admin names wrongly", async () => {
      const { poolId } = await setup();
      expectError(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: poolId, username: "nobody-here", smsMfaSettings: { enabled: false } },
        }),
        "UserNotFoundException",
      );
      expectError(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: "us-east-1_Nope12345", username: "x", smsMfaSettings: { enabled: false } },
        }),
        "ResourceNotFoundException",
      );
    });
  });

  describe("setUserPoolMfaConfig and getUserPoolMfaConfig", () => {
    it("round-trips the pool's MFA settings and keeps the ones not named", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      expect(
        expectData(await gateway.gql(GetUserPoolMfaConfigDocument, { userPoolId: poolId })).getUserPoolMfaConfig,
      ).toEqual({
        mfaConfiguration: "OFF",
        enabledMfas: [],
        smsAuthenticationMessage: "Your authentication code is {####}. ",
        emailMfaMessage: "Your authentication code is {####}. ",
        emailMfaSubject: "Your authentication code",
      });
      const input = {
        mfaConfiguration: "ON" as const,
        enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] as MfaFactor[],
        smsAuthenticationMessage: "Code: {####}",
        emailMfaMessage: "Your sign-in code is {####}.",
        emailMfaSubject: "Sign-in code",
      };
      expect(
        expectData(await gateway.gql(SetUserPoolMfaConfigDocument, { userPoolId: poolId, input })).setUserPoolMfaConfig,
      ).toEqual(input);
      expectData(
        await gateway.gql(SetUserPoolMfaConfigDocument, {
          userPoolId: poolId,
          input: { mfaConfiguration: "OPTIONAL" },
        }),
      );
      expect(
        expectData(await gateway.gql(GetUserPoolMfaConfigDocument, { userPoolId: poolId })).getUserPoolMfaConfig,
      ).toEqual({ ...input, mfaConfiguration: "OPTIONAL" });
    });

    it("validates: ON needs a factor, messages need {####}, the subject a length", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      const set = (input: Record<string, unknown>) =>
        gateway.gql(SetUserPoolMfaConfigDocument, { userPoolId: poolId, input });
      expectError(await set({ mfaConfiguration: "ON" }), "InvalidParameterException", /needs at least one factor/);
      expectError(await set({ mfaConfiguration: "OPTIONAL", enabledMfas: [] }), "InvalidParameterException");
      expectError(await set({ smsAuthenticationMessage: "no placeholder" }), "InvalidParameterException", /\{####\}/);
      expectError(await set({ emailMfaMessage: "no placeholder" }), "InvalidParameterException", /\{####\}/);
      expectError(await set({ emailMfaSubject: "" }), "InvalidParameterException");
      expectError(
        await gateway.gql(GetUserPoolMfaConfigDocument, { userPoolId: "us-east-1_Nope12345" }),
        "ResourceNotFoundException",
      );
      expect(
        expectData(await gateway.gql(GetUserPoolMfaConfigDocument, { userPoolId: poolId })).getUserPoolMfaConfig
          .mfaConfiguration,
      ).toBe("OFF");
    });
  });
});
