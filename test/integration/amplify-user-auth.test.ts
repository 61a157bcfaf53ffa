import { Amplify } from "aws-amplify";
import { autoSignIn, confirmSignIn, confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import { signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { latestOtp, PASSWORDLESS_POOL, USER_AUTH_CLIENT, userAuthSetup } from "../support/user-auth.js";

/** Amplify's KeyValueStorageInterface, in memory: Node has no localStorage. */
function createMemoryStorage() {
  const items = new Map<string, string>();
  return {
    setItem: async (key: string, value: string) => void items.set(key, value),
    getItem: async (key: string) => items.get(key) ?? null,
    removeItem: async (key: string) => void items.delete(key),
    clear: async () => items.clear(),
  };
}

/**
 * The latest aws-amplify v6 in Node, unmodified but for userPoolEndpoint, through USER_AUTH
 * (reference-oauth §13.7): signIn with authFlowType USER_AUTH and a preferred challenge, the
 * SELECT_CHALLENGE path through confirmSignIn, and signUp without a password with autoSignIn.
 */
describe.each(BACKENDS)("aws-amplify v6 USER_AUTH against the gateway on $name", (backend) => {
  let gateway: TestApp;
  const storage = createMemoryStorage();

  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
  });
  afterAll(async () => gateway?.close());
  beforeEach(async () => {
    await signOut().catch(() => undefined);
    await storage.clear();
  });

  function configure(poolId: string, clientId: string) {
    Amplify.configure({
      Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: `${gateway.baseUrl}/` } },
    });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  }

  async function signedInAs(username: string, clientId: string) {
    const session = await fetchAuthSession();
    expect(session.tokens?.accessToken.payload).toMatchObject({ client_id: clientId, username, token_use: "access" });
  }

  it("EMAIL_OTP as the preferred challenge: CONFIRM_SIGN_IN_WITH_EMAIL_CODE, then the 8-digit code", async () => {
    const ids = await userAuthSetup(gateway);
    configure(ids.poolId, ids.clientId);
    const started = await signIn({
      username: ids.username,
      options: { authFlowType: "USER_AUTH", preferredChallenge: "EMAIL_OTP" },
    });
    expect(started.nextStep).toMatchObject({
      signInStep: "CONFIRM_SIGN_IN_WITH_EMAIL_CODE",
      codeDeliveryDetails: { deliveryMedium: "EMAIL" },
    });
    const done = await confirmSignIn({ challengeResponse: (await latestOtp(gateway, ids.poolId, ids.email)).code });
    expect(done).toMatchObject({ isSignedIn: true, nextStep: { signInStep: "DONE" } });
    await signedInAs(ids.username, ids.clientId);
  });

  it("SMS_OTP as the preferred challenge: CONFIRM_SIGN_IN_WITH_SMS_CODE", async () => {
    const ids = await userAuthSetup(gateway);
    configure(ids.poolId, ids.clientId);
    const started = await signIn({
      username: ids.username,
      options: { authFlowType: "USER_AUTH", preferredChallenge: "SMS_OTP" },
    });
    expect(started.nextStep).toMatchObject({
      signInStep: "CONFIRM_SIGN_IN_WITH_SMS_CODE",
      codeDeliveryDetails: { deliveryMedium: "SMS" },
    });
    expect(
      (await confirmSignIn({ challengeResponse: (await latestOtp(gateway, ids.poolId, ids.phone)).code })).nextStep
        .signInStep,
    ).toBe("DONE");
    await signedInAs(ids.username, ids.clientId);
  });

  for (const preferredChallenge of ["PASSWORD_SRP", "PASSWORD"] as const) {
    it(`${preferredChallenge} as the preferred challenge signs in at once`, async () => {
      const ids = await userAuthSetup(gateway);
      configure(ids.poolId, ids.clientId);
      const result = await signIn({
        username: ids.username,
        password: GOOD_PASSWORD,
        options: { authFlowType: "USER_AUTH", preferredChallenge },
      });
      expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: "DONE" } });
      await signedInAs(ids.username, ids.clientId);
    });
  }

  it("SELECT_CHALLENGE: CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION, then EMAIL_OTP by confirmSignIn", async () => {
    const ids = await userAuthSetup(gateway);
    configure(ids.poolId, ids.clientId);
    const started = await signIn({ username: ids.username, options: { authFlowType: "USER_AUTH" } });
    expect(started.nextStep).toMatchObject({
      signInStep: "CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION",
      availableChallenges: ["EMAIL_OTP", "SMS_OTP", "PASSWORD_SRP", "PASSWORD"],
    });
    const chosen = await confirmSignIn({ challengeResponse: "EMAIL_OTP" });
    expect(chosen.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
    expect(
      (await confirmSignIn({ challengeResponse: (await latestOtp(gateway, ids.poolId, ids.email)).code })).nextStep
        .signInStep,
    ).toBe("DONE");
    await signedInAs(ids.username, ids.clientId);
  });

  for (const answer of ["PASSWORD", "PASSWORD_SRP"] as const) {
    it(`SELECT_CHALLENGE, then ${answer}: CONFIRM_SIGN_IN_WITH_PASSWORD and the password`, async () => {
      const ids = await userAuthSetup(gateway);
      configure(ids.poolId, ids.clientId);
      await signIn({ username: ids.username, options: { authFlowType: "USER_AUTH" } });
      expect((await confirmSignIn({ challengeResponse: answer })).nextStep.signInStep).toBe(
        "CONFIRM_SIGN_IN_WITH_PASSWORD",
      );
      expect((await confirmSignIn({ challengeResponse: GOOD_PASSWORD })).nextStep.signInStep).toBe("DONE");
      await signedInAs(ids.username, ids.clientId);
    });
  }

  it("signUp without a password, confirmSignUp with the code, autoSignIn: signed in without another code", async () => {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { ...PASSWORDLESS_POOL, autoVerifiedAttributes: ["email"] },
      USER_AUTH_CLIENT,
    );
    configure(poolId, clientId);
    const username = uniqueName("ampless");
    const email = `${username}@example.com`;
    const signedUp = await signUp({
      username,
      options: { userAttributes: { email }, autoSignIn: { authFlowType: "USER_AUTH" } },
    });
    expect(signedUp.nextStep.signUpStep).toBe("CONFIRM_SIGN_UP");
    const confirmed = await confirmSignUp({
      username,
      confirmationCode: (await latestMessage(gateway, poolId, email)).code!,
    });
    expect(confirmed.nextStep.signUpStep).toBe("COMPLETE_AUTO_SIGN_IN");
    const messagesBefore = (await latestMessage(gateway, poolId, email)).body;
    const result = await autoSignIn();
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: "DONE" } });
    await signedInAs(username, clientId);
    // No sign-in code was sent: the newest message is still the sign-up code.
    expect((await latestMessage(gateway, poolId, email)).body).toBe(messagesBefore);
  });
});
