import { decodeJwt } from "jose";
import {
  CompleteWebAuthnRegistrationCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createSrpClient } from "../support/cognito-srp-client.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminDisableUserDocument,
  InitiateAuthCustomDocument,
  RespondToAuthChallengeCustomDocument,
  RotateTriggerSecretDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectChallenge,
  expectError,
  expectTokens,
  INCORRECT,
  passwordSignIn,
  signInEnv,
  srpSignIn,
  startSrp,
} from "../support/sign-in.js";
import { createSoftwareAuthenticator, type CreationOptions } from "../support/software-authenticator.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { startTriggerReceiver, type TriggerReceiver } from "../support/trigger-receiver.js";
import { userAuth } from "../support/user-auth.js";

const V4_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LOCKED = "Password attempts exceeded";
const RP_ID = "app.example.com";
const ORIGIN = `https://${RP_ID}`;

/** Every first factor, passkeys included (the pool gets an RP ID). */
const ALL_FACTORS: Partial<CreateUserPoolInput> = {
  signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] },
};
/** Every sign-in flow, users hidden. */
const HIDING_CLIENT: Partial<CreateUserPoolClientInput> = {
  explicitAuthFlows: [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_USER_PASSWORD_AUTH",
    "ALLOW_USER_AUTH",
    "ALLOW_CUSTOM_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ],
  preventUserExistenceErrors: "ENABLED",
};

type Session = { challengeName: string; challengeResult: boolean }[];

/**
 * With PreventUserExistenceErrors ENABLED a name with no user stands in as a simulated identity. Whatever
 * a challenge shows before any proof — the Session itself, the USERNAME a CUSTOM_CHALLENGE names, the
 * account's state — must not tell it from a real user; and two spellings share a simulated identity
 * exactly when they would share a user.
 */
describe.each(BACKENDS)("simulated identities on $name", (backend) => {
  // Held still: a lockout set by the fifth failure does not run out during a test.
  const clock = createManualClock(new Date());
  let gateway: TestApp;
  let receiver: TriggerReceiver;
  let admin: CognitoIdentityProviderClient;
  let wire: CognitoIdentityProviderClient;

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
    receiver = await startTriggerReceiver();
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
    wire = cognitoClient(gateway);
  });
  afterAll(async () => {
    admin?.destroy();
    wire?.destroy();
    await receiver?.close();
    await gateway?.close();
  });
  beforeEach(() => clock.set(new Date()));

  /**
   * A pool whose CUSTOM_AUTH is a one-question quiz (SRP first when asked: PASSWORD_VERIFIER, then the
   * question), passkeys served, and a hiding client allowing every flow.
   */
  async function quizPool(poolInput: Partial<CreateUserPoolInput> = {}) {
    const prefix = `/${uniqueName("t")}`;
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      {
        ...ALL_FACTORS,
        lambdaConfig: {
          defineAuthChallenge: receiver.url(`${prefix}/define`),
          createAuthChallenge: receiver.url(`${prefix}/create`),
          verifyAuthChallengeResponse: receiver.url(`${prefix}/verify`),
        },
        ...poolInput,
      },
      HIDING_CLIENT,
    );
    expectData(await gateway.gql(RotateTriggerSecretDocument, { userPoolId: poolId }));
    receiver.on(`${prefix}/define`, (event) => {
      const last = (event.request.session as Session).at(-1);
      const response =
        last?.challengeName === "SRP_A"
          ? { challengeName: "PASSWORD_VERIFIER", issueTokens: false, failAuthentication: false }
          : last?.challengeName === "CUSTOM_CHALLENGE"
            ? last.challengeResult
              ? { issueTokens: true, failAuthentication: false }
              : { issueTokens: false, failAuthentication: true }
            : last && !last.challengeResult
              ? { issueTokens: false, failAuthentication: true }
              : { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false };
      return { ...event, response };
    });
    receiver.on(`${prefix}/create`, (event) => ({
      ...event,
      response: { publicChallengeParameters: { question: "2+3?" }, privateChallengeParameters: { answer: "5" } },
    }));
    receiver.on(`${prefix}/verify`, (event) => ({
      ...event,
      response: { answerCorrect: event.request.challengeAnswer === event.request.privateChallengeParameters.answer },
    }));
    await admin.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: { RelyingPartyId: RP_ID } }),
    );
    return { poolId, clientId, prefix };
  }

  const startCustom = (clientId: string, username: string, extra: Record<string, string> = {}) =>
    gateway.gql(
      InitiateAuthCustomDocument,
      { input: { clientId, authFlow: "CUSTOM_AUTH", authParameters: { USERNAME: username, ...extra } } },
      null,
    );
  const answerCustom = (clientId: string, session: string, username: string, answer: string) =>
    gateway.gql(
      RespondToAuthChallengeCustomDocument,
      {
        input: {
          clientId,
          challengeName: "CUSTOM_CHALLENGE",
          session,
          challengeResponses: { USERNAME: username, ANSWER: answer },
        },
      },
      null,
    );
  function customChallengeOf(result: Awaited<ReturnType<typeof startCustom>>) {
    const outcome = expectData(result).initiateAuth;
    if (outcome.__typename !== "AuthChallenge") throw new Error(`expected a challenge, got ${outcome.__typename}`);
    return outcome as { challengeName: string; session: string; challengeParameters: { all: Record<string, string> } };
  }

  describe("the Session of a challenge issued before any proof", () => {
    /** A real user (email as username) with a password, a phone number and a passkey. */
    async function realUser(poolId: string, clientId: string) {
      const email = `${uniqueName("real")}@example.com`;
      const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
      const { username } = await createConfirmedUser(gateway, poolId, email, GOOD_PASSWORD, [
        { name: "email", value: email },
        { name: "phone_number", value: phone },
      ]);
      const accessToken = expectTokens(await passwordSignIn(gateway, clientId, email, GOOD_PASSWORD)).accessToken;
      const options = (await wire.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken })))
        .CredentialCreationOptions as unknown as CreationOptions;
      await wire.send(
        new CompleteWebAuthnRegistrationCommand({
          AccessToken: accessToken,
          Credential: createSoftwareAuthenticator().register(options, { origin: ORIGIN }) as never,
        }),
      );
      return { email, username };
    }

    it("is as long for a real user as for a name with no user: SRP, USER_AUTH (PASSWORD_SRP, codes, passkey, the choice), CUSTOM_AUTH", async () => {
      const { poolId, clientId } = await quizPool({ usernameAttributes: ["email"] });
      const real = [await realUser(poolId, clientId), await realUser(poolId, clientId)].map((user) => user.email);
      const unknown = [1, 2, 3].map(() => `${uniqueName("nobody")}@example.com`);
      const sessionsOf = async (name: string): Promise<Record<string, string>> => {
        const srpA = () => createSrpClient(poolId).srpA;
        const srp = expectChallenge((await startSrp(gateway, { poolId, clientId, username: name })).result);
        const userAuthSrp = expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: name, PREFERRED_CHALLENGE: "PASSWORD_SRP", SRP_A: srpA() }),
        );
        const customSrp = customChallengeOf(
          await startCustom(clientId, name, { CHALLENGE_NAME: "SRP_A", SRP_A: srpA() }),
        );
        expect(customSrp.challengeName).toBe("PASSWORD_VERIFIER");
        const custom = customChallengeOf(await startCustom(clientId, name));
        expect(custom.challengeName).toBe("CUSTOM_CHALLENGE");
        const emailOtp = expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: name, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
          "EMAIL_OTP",
        );
        const smsOtp = expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: name, PREFERRED_CHALLENGE: "SMS_OTP" }),
          "SMS_OTP",
        );
        const passkey = expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: name, PREFERRED_CHALLENGE: "WEB_AUTHN" }),
          "WEB_AUTHN",
        );
        const choice = expectChallenge(await userAuth(gateway, clientId, { USERNAME: name }), "SELECT_CHALLENGE");
        return {
          USER_SRP_AUTH: srp.session,
          "USER_AUTH PASSWORD_SRP": userAuthSrp.session,
          "CUSTOM_AUTH SRP_A": customSrp.session,
          CUSTOM_CHALLENGE: custom.session,
          EMAIL_OTP: emailOtp.session,
          SMS_OTP: smsOtp.session,
          WEB_AUTHN: passkey.session,
          SELECT_CHALLENGE: choice.session,
        };
      };
      const lengths: Record<string, { real: number[]; unknown: number[] }> = {};
      for (const [kind, names] of [
        ["real", real],
        ["unknown", unknown],
      ] as const)
        for (const name of names)
          for (const [challenge, session] of Object.entries(await sessionsOf(name)))
            (lengths[challenge] ??= { real: [], unknown: [] })[kind].push(session.length);
      for (const [challenge, { real: ofReal, unknown: ofUnknown }] of Object.entries(lengths))
        expect(new Set([...ofReal, ...ofUnknown]), `${challenge}: real ${ofReal}, unknown ${ofUnknown}`).toEqual(
          new Set([ofReal[0]]),
        );
      // The padded subject still names the user: the real user's SRP proof signs in.
      expectTokens(await srpSignIn(gateway, { poolId, clientId, username: real[0]!, password: GOOD_PASSWORD, clock }));
    });
  });

  describe("CUSTOM_AUTH", () => {
    it("names an unknown email by a simulated UUID, as a real user's generated username, stable across calls", async () => {
      const { poolId, clientId } = await quizPool({ usernameAttributes: ["email"] });
      const email = `${uniqueName("real")}@example.com`;
      const { username } = await createConfirmedUser(gateway, poolId, email, GOOD_PASSWORD, [
        { name: "email", value: email },
      ]);
      expect(username).toMatch(V4_UUID);
      const real = customChallengeOf(await startCustom(clientId, email));
      expect(real.challengeParameters.all).toEqual({ question: "2+3?", USERNAME: username });

      const unknown = `${uniqueName("nobody")}@example.com`;
      const first = customChallengeOf(await startCustom(clientId, unknown));
      expect(first.challengeName).toBe("CUSTOM_CHALLENGE");
      expect(first.challengeParameters.all.USERNAME).toMatch(V4_UUID);
      expect(Object.keys(first.challengeParameters.all).sort()).toEqual(["USERNAME", "question"]);
      const again = customChallengeOf(await startCustom(clientId, unknown.toUpperCase()));
      expect(again.challengeParameters.all.USERNAME).toBe(first.challengeParameters.all.USERNAME);
      // Whichever name the answer gives, a name with no user never signs in.
      expectError(
        await answerCustom(clientId, first.session, first.challengeParameters.all.USERNAME!, "5"),
        "NotAuthorizedException",
        INCORRECT,
      );
    });

    it("names an unknown name as typed in a username pool, as a real user's username is named", async () => {
      const { poolId, clientId } = await quizPool();
      const { username } = await createConfirmedUser(gateway, poolId, uniqueName("real"), GOOD_PASSWORD);
      expect(customChallengeOf(await startCustom(clientId, username)).challengeParameters.all.USERNAME).toBe(username);
      const unknown = uniqueName("nobody");
      expect(customChallengeOf(await startCustom(clientId, unknown)).challengeParameters.all.USERNAME).toBe(unknown);
    });

    it("names every user as typed where a user may be found by an alias or another letter case, so the name tells nothing; the answer with it signs in", async () => {
      const aliasPool = await quizPool({ aliasAttributes: ["email"] });
      const real = uniqueName("Real");
      const email = `${real.toLowerCase()}@example.com`;
      await createConfirmedUser(gateway, aliasPool.poolId, real, GOOD_PASSWORD, [
        { name: "email", value: email },
        { name: "email_verified", value: "true" },
      ]);
      const unknownEmail = `${uniqueName("nobody")}@example.com`;
      for (const [typed, clientId] of [
        [email, aliasPool.clientId],
        [unknownEmail, aliasPool.clientId],
        [real.toUpperCase(), aliasPool.clientId],
        [uniqueName("NOBODY").toUpperCase(), aliasPool.clientId],
      ] as const)
        expect(customChallengeOf(await startCustom(clientId, typed)).challengeParameters.all.USERNAME, typed).toBe(
          typed,
        );
      // The real user answers under the email it typed and gets its tokens, which name its username.
      const challenge = customChallengeOf(await startCustom(aliasPool.clientId, email));
      const answered = expectData(
        await answerCustom(aliasPool.clientId, challenge.session, email, "5"),
      ).respondToAuthChallenge;
      if (answered.__typename !== "AuthenticationResult")
        throw new Error(`expected tokens, got ${answered.__typename}`);
      expect(decodeJwt(answered.accessToken).username).toBe(real);
    });

    it("locks an unknown name out through its answers, as a real user's (the session's simulated USERNAME keeps the typed name's lockout)", async () => {
      const { clientId } = await quizPool({ usernameAttributes: ["email"] });
      const unknown = `${uniqueName("nobody")}@example.com`;
      for (let attempt = 0; attempt < 5; attempt++) {
        const challenge = customChallengeOf(await startCustom(clientId, unknown));
        expectError(
          await answerCustom(clientId, challenge.session, challenge.challengeParameters.all.USERNAME!, "4"),
          "NotAuthorizedException",
          INCORRECT,
        );
      }
      expectError(await startCustom(clientId, unknown), "NotAuthorizedException", LOCKED);
    });

    it("tells a disabled user so only after a right answer; before it, it is asked like anyone", async () => {
      const { poolId, clientId, prefix } = await quizPool();
      const { username } = await createConfirmedUser(gateway, poolId, uniqueName("off"), GOOD_PASSWORD);
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username }));
      const challenge = customChallengeOf(await startCustom(clientId, username));
      expect(challenge.challengeName).toBe("CUSTOM_CHALLENGE");
      expect(challenge.challengeParameters.all).toEqual({ question: "2+3?", USERNAME: username });
      expectError(await answerCustom(clientId, challenge.session, username, "4"), "NotAuthorizedException", INCORRECT);
      const again = customChallengeOf(await startCustom(clientId, username));
      expectError(
        await answerCustom(clientId, again.session, username, "5"),
        "NotAuthorizedException",
        "User is disabled.",
      );
      expect(receiver.at(`${prefix}/verify`)).toHaveLength(2);
    });
  });

  it("names an unknown name in USER_ID_FOR_SRP as a real user found by it is named, in pools of chosen usernames, and seals a long name's session as long as a real one", async () => {
    const sensitive = await quizPool({ usernameCaseSensitive: true });
    const folding = await quizPool({ aliasAttributes: ["email"] });
    const srpOf = async (pool: { poolId: string; clientId: string }, name: string) =>
      expectChallenge((await startSrp(gateway, { ...pool, username: name })).result);
    const realName = uniqueName("real");
    await createConfirmedUser(gateway, sensitive.poolId, realName, GOOD_PASSWORD);
    await createConfirmedUser(gateway, folding.poolId, realName, GOOD_PASSWORD);
    const unknown = uniqueName("nobody");
    // The real user is named by its username; an unknown name by itself (folded where the pool folds case).
    expect((await srpOf(sensitive, realName)).challengeParameters.USER_ID_FOR_SRP).toBe(realName);
    expect((await srpOf(sensitive, unknown)).challengeParameters.USER_ID_FOR_SRP).toBe(unknown);
    expect((await srpOf(folding, realName.toUpperCase())).challengeParameters.USER_ID_FOR_SRP).toBe(realName);
    expect((await srpOf(folding, unknown.toUpperCase())).challengeParameters.USER_ID_FOR_SRP).toBe(unknown);
    // An unknown email in an alias pool: a UUID, as before (a real user's own username is not the email).
    expect((await srpOf(folding, `${unknown}@example.com`)).challengeParameters.USER_ID_FOR_SRP).toMatch(V4_UUID);
    // The Session seals who is signing in: a 120-character unknown name seals as long as a real user.
    const longName = `${unknown}${"x".repeat(120 - unknown.length)}`;
    expect((await srpOf(sensitive, longName)).session.length).toBe((await srpOf(sensitive, realName)).session.length);
  });

  describe("in a case-sensitive pool", () => {
    const caseSensitivePool = () => quizPool({ usernameCaseSensitive: true });

    it("gives two spellings of an unknown name two SRP identities (salt, USER_ID_FOR_SRP), each stable", async () => {
      const { poolId, clientId } = await caseSensitivePool();
      const lower = uniqueName("ghost");
      const upper = lower.toUpperCase();
      const srpOf = async (name: string) =>
        expectChallenge((await startSrp(gateway, { poolId, clientId, username: name })).result).challengeParameters;
      const [lowerFirst, lowerAgain, upperFirst] = [await srpOf(lower), await srpOf(lower), await srpOf(upper)];
      expect(lowerAgain.SALT).toBe(lowerFirst.SALT);
      expect(lowerAgain.USER_ID_FOR_SRP).toBe(lowerFirst.USER_ID_FOR_SRP);
      expect(upperFirst.SALT).not.toBe(lowerFirst.SALT);
      expect(upperFirst.USER_ID_FOR_SRP).not.toBe(lowerFirst.USER_ID_FOR_SRP);
      // Where the pool folds case, they are one name, as they would be one user.
      const folding = await quizPool();
      const foldedLower = expectChallenge(
        (await startSrp(gateway, { poolId: folding.poolId, clientId: folding.clientId, username: lower })).result,
      );
      const foldedUpper = expectChallenge(
        (await startSrp(gateway, { poolId: folding.poolId, clientId: folding.clientId, username: upper })).result,
      );
      expect(foldedUpper.challengeParameters.SALT).toBe(foldedLower.challengeParameters.SALT);
    });

    it("locks out one spelling of an unknown name without the other, as two real users would be", async () => {
      const { clientId } = await caseSensitivePool();
      const lower = uniqueName("ghost");
      const upper = lower.toUpperCase();
      for (let attempt = 0; attempt < 5; attempt++)
        expectError(
          await passwordSignIn(gateway, clientId, upper, "Wr0ng-Password!"),
          "NotAuthorizedException",
          INCORRECT,
        );
      expectError(await passwordSignIn(gateway, clientId, upper, "Wr0ng-Password!"), "NotAuthorizedException", LOCKED);
      expectError(
        await passwordSignIn(gateway, clientId, lower, "Wr0ng-Password!"),
        "NotAuthorizedException",
        INCORRECT,
      );
      expectChallenge(
        await userAuth(gateway, clientId, { USERNAME: lower, PREFERRED_CHALLENGE: "EMAIL_OTP" }),
        "EMAIL_OTP",
      );
    });

    it("invents a different passkey credential and phone destination for each spelling", async () => {
      const { clientId } = await caseSensitivePool();
      const pairs = [1, 2, 3].map(() => uniqueName("ghost")).map((name) => [name, name.toUpperCase()] as const);
      const credentialOf = async (name: string) => {
        const challenge = expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: name, PREFERRED_CHALLENGE: "WEB_AUTHN" }),
          "WEB_AUTHN",
        );
        const options = JSON.parse(challenge.challengeParameters.CREDENTIAL_REQUEST_OPTIONS!) as {
          allowCredentials: { id: string }[];
        };
        return options.allowCredentials.map((credential) => credential.id).join();
      };
      const phoneOf = async (name: string) =>
        expectChallenge(
          await userAuth(gateway, clientId, { USERNAME: name, PREFERRED_CHALLENGE: "SMS_OTP" }),
          "SMS_OTP",
        ).challengeParameters.CODE_DELIVERY_DESTINATION;
      for (const [lower, upper] of pairs) {
        expect(await credentialOf(lower)).toBe(await credentialOf(lower));
        expect(await credentialOf(upper)).not.toBe(await credentialOf(lower));
      }
      // A masked phone shows four digits: three pairs all alike by chance would be one in 10^12.
      const differing = [];
      for (const [lower, upper] of pairs) differing.push((await phoneOf(lower)) !== (await phoneOf(upper)));
      expect(differing).toContain(true);
    });
  });
});
