import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  type CognitoIdentityProviderClient,
  type InitiateAuthCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { InitiateAuthDocument, RespondToAuthChallengeDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { createConfirmedUser, expectChallenge, expectTokens, passwordSignIn, signInEnv } from "../support/sign-in.js";
import {
  createSoftwareAuthenticator,
  type CreationOptions,
  type RequestOptions,
  type SoftwareAuthenticator,
} from "../support/software-authenticator.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const RP_ID = "app.example.com";
const ORIGIN = `https://${RP_ID}`;

async function rejectionOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error("expected the call to fail");
}

describe.each(BACKENDS)("passkey sign-in (USER_AUTH, WEB_AUTHN) on $name", (backend) => {
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  let client: CognitoIdentityProviderClient;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
    admin = cognitoClient(gateway, await createAwsCredentials(gateway));
    client = cognitoClient(gateway);
  });
  afterAll(async () => {
    admin?.destroy();
    client?.destroy();
    await gateway?.close();
  });

  interface Setup {
    poolId: string;
    clientId: string;
    username: string;
    sub: string;
    accessToken: string;
  }

  async function setup(options: { userVerification?: "required" | "preferred" } = {}): Promise<Setup> {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } },
      {
        explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        preventUserExistenceErrors: "ENABLED",
      },
    );
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        WebAuthnConfiguration: { RelyingPartyId: RP_ID, UserVerification: options.userVerification },
      }),
    );
    const username = uniqueName("pks");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    return {
      poolId,
      clientId,
      username,
      sub,
      accessToken: expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).accessToken,
    };
  }

  async function register(
    ids: Setup,
    authenticator: SoftwareAuthenticator = createSoftwareAuthenticator(),
  ): Promise<SoftwareAuthenticator> {
    const options = (await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: ids.accessToken })))
      .CredentialCreationOptions as unknown as CreationOptions;
    await client.send(
      new CompleteWebAuthnRegistrationCommand({
        AccessToken: ids.accessToken,
        Credential: authenticator.register(options, { origin: ORIGIN }) as never,
      }),
    );
    return authenticator;
  }

  const startPasskey = (ids: Setup, username = ids.username) =>
    client.send(
      new InitiateAuthCommand({
        ClientId: ids.clientId,
        AuthFlow: "USER_AUTH",
        AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: "WEB_AUTHN" },
      }),
    );
  const optionsOf = (started: InitiateAuthCommandOutput): RequestOptions =>
    JSON.parse(started.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as RequestOptions;
  const answer = (ids: Setup, session: string, credential: object) =>
    client.send(
      new RespondToAuthChallengeCommand({
        ClientId: ids.clientId,
        ChallengeName: "WEB_AUTHN",
        Session: session,
        ChallengeResponses: { USERNAME: ids.username, CREDENTIAL: JSON.stringify(credential) },
      }),
    );
  const stored = (ids: Setup, credentialId: string) =>
    gateway.app.db.read((repositories) => repositories.webAuthnCredentials.find(ids.poolId, credentialId));

  /** One sign-in with the passkey: options, assertion (bent by `ceremony`), answer. */
  async function signInWith(
    ids: Setup,
    authenticator: SoftwareAuthenticator,
    ceremony: Partial<Parameters<SoftwareAuthenticator["assert"]>[1]> = {},
  ) {
    const started = await startPasskey(ids);
    expect(started.ChallengeName).toBe("WEB_AUTHN");
    return answer(ids, started.Session!, authenticator.assert(optionsOf(started), { origin: ORIGIN, ...ceremony }));
  }

  it("PREFERRED_CHALLENGE=WEB_AUTHN: Cognito's CREDENTIAL_REQUEST_OPTIONS string, then tokens for the CREDENTIAL answer; counter and last use stored (AWS SDK)", async () => {
    const ids = await setup();
    const authenticator = await register(ids);
    const started = await startPasskey(ids);
    expect(started.ChallengeName).toBe("WEB_AUTHN");
    expect(typeof started.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS).toBe("string");
    expect(optionsOf(started)).toEqual({
      hints: [],
      attestation: "none",
      attestationFormats: [],
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      timeout: 180000,
      rpId: RP_ID,
      allowCredentials: [{ id: authenticator.credentialId, type: "public-key" }],
      userVerification: "preferred",
    });
    expect((await stored(ids, authenticator.credentialId))!.lastUsedAt).toBeNull();
    const done = await answer(ids, started.Session!, authenticator.assert(optionsOf(started), { origin: ORIGIN }));
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(done.AuthenticationResult?.RefreshToken).toBeTruthy();
    expect(await stored(ids, authenticator.credentialId)).toMatchObject({ signCount: 1, lastUsedAt: expect.any(Date) });
  });

  it("an unknown name gets options shaped like a real user's, with the same invented credential on every call (a real user's ids do not change either)", async () => {
    const ids = await setup();
    const authenticator = await register(ids);
    const real = [optionsOf(await startPasskey(ids)), optionsOf(await startPasskey(ids))];
    expect(real.map((options) => options.allowCredentials)).toEqual([
      [{ id: authenticator.credentialId, type: "public-key" }],
      [{ id: authenticator.credentialId, type: "public-key" }],
    ]);
    const ghost = uniqueName("ghost");
    const [first, second] = [await startPasskey(ids, ghost), await startPasskey(ids, ghost)];
    expect([first.ChallengeName, second.ChallengeName]).toEqual(["WEB_AUTHN", "WEB_AUTHN"]);
    const invented = optionsOf(first).allowCredentials;
    expect(invented).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), type: "public-key" }]);
    expect(optionsOf(second).allowCredentials).toEqual(invented);
    expect(optionsOf(await startPasskey(ids, ghost.toUpperCase())).allowCredentials).toEqual(invented);
    expect(optionsOf(await startPasskey(ids, uniqueName("ghost"))).allowCredentials).not.toEqual(invented);
    expect(Object.keys(optionsOf(first)).sort()).toEqual(Object.keys(real[0]!).sort());
  });

  it("SELECT_CHALLENGE offers WEB_AUTHN only to a user with a passkey for the pool's current RP ID; ANSWER=WEB_AUTHN leads to the ceremony (GraphQL)", async () => {
    const ids = await setup();
    const available = async () =>
      expectChallenge(
        await gateway.gql(
          InitiateAuthDocument,
          { input: { clientId: ids.clientId, authFlow: "USER_AUTH", authParameters: { USERNAME: ids.username } } },
          null,
        ),
        "SELECT_CHALLENGE",
      );
    expect((await available()).availableChallenges).not.toContain("WEB_AUTHN");
    const authenticator = await register(ids);
    const choice = await available();
    expect(choice.availableChallenges).toContain("WEB_AUTHN");
    const chosen = expectChallenge(
      await gateway.gql(
        RespondToAuthChallengeDocument,
        {
          input: {
            clientId: ids.clientId,
            challengeName: "SELECT_CHALLENGE",
            session: choice.session,
            challengeResponses: { USERNAME: ids.username, ANSWER: "WEB_AUTHN" },
          },
        },
        null,
      ),
      "WEB_AUTHN",
    );
    const options = JSON.parse(chosen.challengeParameters.CREDENTIAL_REQUEST_OPTIONS!) as RequestOptions;
    const tokens = expectTokens(
      await gateway.gql(
        RespondToAuthChallengeDocument,
        {
          input: {
            clientId: ids.clientId,
            challengeName: "WEB_AUTHN",
            session: chosen.session,
            challengeResponses: {
              USERNAME: ids.username,
              CREDENTIAL: JSON.stringify(authenticator.assert(options, { origin: ORIGIN })),
            },
          },
        },
        null,
      ),
    );
    expect(tokens.accessToken).toBeTruthy();
    // A new RP ID orphans the passkey: WEB_AUTHN is no longer offered.
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: ids.poolId,
        WebAuthnConfiguration: { RelyingPartyId: "other.example.com" },
      }),
    );
    expect((await available()).availableChallenges).not.toContain("WEB_AUTHN");
    await admin.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: ids.poolId, WebAuthnConfiguration: { RelyingPartyId: RP_ID } }),
    );
    expect((await available()).availableChallenges).toContain("WEB_AUTHN");
    await client.send(
      new DeleteWebAuthnCredentialCommand({ AccessToken: ids.accessToken, CredentialId: authenticator.credentialId }),
    );
    expect((await available()).availableChallenges).not.toContain("WEB_AUTHN");
    expect(
      expectData(
        await gateway.gql(
          InitiateAuthDocument,
          {
            input: {
              clientId: ids.clientId,
              authFlow: "USER_AUTH",
              authParameters: { USERNAME: ids.username, PREFERRED_CHALLENGE: "WEB_AUTHN" },
            },
          },
          null,
        ),
      ).initiateAuth,
    ).toMatchObject({ challengeName: "SELECT_CHALLENGE" });
  });

  it("refuses (NotAuthorizedException) a wrong origin, another RP ID, another challenge, missing user verification where required, another user's passkey", async () => {
    // A fresh user each: five refusals of one user would lock them out (Cognito's lockout counts passkey failures too).
    const bent: [string, Partial<Parameters<SoftwareAuthenticator["assert"]>[1]>][] = [
      ["another site", { origin: "https://evil.example" }],
      ["plain http", { origin: `http://${RP_ID}` }],
      ["a look-alike host", { origin: `https://${RP_ID}.evil.example` }],
      ["another RP ID", { rpId: "example.com" }],
      ["another challenge", { challenge: Buffer.alloc(16, 1).toString("base64url") }],
      ["no user verification", { userVerified: false }],
    ];
    for (const [label, ceremony] of bent) {
      const ids = await setup({ userVerification: "required" });
      const authenticator = await register(ids);
      expect([label, (await rejectionOf(signInWith(ids, authenticator, ceremony))).name]).toEqual([
        label,
        "NotAuthorizedException",
      ]);
      // The control: the same ceremony, unbent, signs in (so the refusal was the check it names).
      expect((await signInWith(ids, authenticator)).AuthenticationResult?.AccessToken).toBeTruthy();
    }
    // Another user of the pool with a passkey of their own: theirs does not sign this user in.
    const ids = await setup();
    await register(ids);
    const otherUsername = uniqueName("pks");
    await createConfirmedUser(gateway, ids.poolId, otherUsername, GOOD_PASSWORD);
    const other: Setup = {
      ...ids,
      username: otherUsername,
      accessToken: expectTokens(await passwordSignIn(gateway, ids.clientId, otherUsername, GOOD_PASSWORD)).accessToken,
    };
    const theirs = await register(other);
    const started = await startPasskey(ids);
    expect(
      (await rejectionOf(answer(ids, started.Session!, theirs.assert(optionsOf(started), { origin: ORIGIN })))).name,
    ).toBe("NotAuthorizedException");
    expect((await signInWith(other, theirs)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("a signed answer signs in once: replayed in its session, in a new session, or eight times at once", async () => {
    const ids = await setup();
    const authenticator = await register(ids);
    const started = await startPasskey(ids);
    const signed = authenticator.assert(optionsOf(started), { origin: ORIGIN });
    expect((await answer(ids, started.Session!, signed)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await rejectionOf(answer(ids, started.Session!, signed))).name).toBe("NotAuthorizedException");
    const next = await startPasskey(ids);
    expect((await rejectionOf(answer(ids, next.Session!, signed))).name).toBe("NotAuthorizedException");

    const parallel = await startPasskey(ids);
    const once = authenticator.assert(optionsOf(parallel), { origin: ORIGIN });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => answer(ids, parallel.Session!, once)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
  });

  it("parallel sessions of one counting authenticator: an answer whose counter another sign-in already passed is refused", async () => {
    const ids = await setup();
    const authenticator = await register(ids);
    const sessions = await Promise.all(Array.from({ length: 6 }, () => startPasskey(ids)));
    // Every answer carries the same next counter (1), as a cloned key used at the same moment would.
    const answers = sessions.map((started) => authenticator.assert(optionsOf(started), { origin: ORIGIN, counter: 1 }));
    const outcomes = await Promise.allSettled(
      answers.map((signed, index) => answer(ids, sessions[index]!.Session!, signed)),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect((await stored(ids, authenticator.credentialId))!.signCount).toBe(1);
  });

  it("a cloned authenticator (same key, counter behind) is refused and the stored counter stays; the genuine one carries on; counter-less passkeys sign in again and again", async () => {
    const ids = await setup();
    const genuine = await register(ids);
    const clone = genuine.clone();
    expect((await signInWith(ids, genuine)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await signInWith(ids, genuine)).AuthenticationResult?.AccessToken).toBeTruthy();
    // The clone was copied at counter 0 and now says 1: not above the stored 2.
    expect((await rejectionOf(signInWith(ids, clone))).name).toBe("NotAuthorizedException");
    expect((await rejectionOf(signInWith(ids, genuine, { counter: 2 }))).name).toBe("NotAuthorizedException");
    expect((await stored(ids, genuine.credentialId))!.signCount).toBe(2);
    expect((await signInWith(ids, genuine)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect((await stored(ids, genuine.credentialId))!.signCount).toBe(3);

    const synced = await register(ids, createSoftwareAuthenticator({ countsUses: false }));
    for (let round = 0; round < 3; round++)
      expect((await signInWith(ids, synced)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await stored(ids, synced.credentialId)).toMatchObject({ signCount: 0, lastUsedAt: expect.any(Date) });
  });
});
