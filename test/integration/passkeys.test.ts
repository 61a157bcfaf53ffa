import {
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserPoolMfaConfigCommand,
  ListWebAuthnCredentialsCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminDeleteUserDocument,
  CompleteWebAuthnRegistrationDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDomainDocument,
  DeleteWebAuthnCredentialDocument,
  GetWebAuthnConfigurationDocument,
  ListWebAuthnCredentialsDocument,
  SetWebAuthnConfigurationDocument,
  StartWebAuthnRegistrationDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  signInEnv,
} from "../support/sign-in.js";
import {
  createSoftwareAuthenticator,
  type CreationOptions,
  type SoftwareAuthenticator,
} from "../support/software-authenticator.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const RP_ID = "app.example.com";
const ORIGIN = `https://${RP_ID}`;
const PASSKEY_POLICY = { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD" as const, "WEB_AUTHN" as const] } };

/** The rejection of a promise (the AWS SDK throws the wire's __type as the error name). */
async function rejectionOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error("expected the call to fail");
}

describe.each(BACKENDS)("passkey registration on $name", (backend) => {
  const clock = createManualClock();
  let gateway: TestApp;
  let admin: CognitoIdentityProviderClient;
  let client: CognitoIdentityProviderClient;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
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

  async function signIn(clientId: string, username: string): Promise<string> {
    return expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).accessToken;
  }

  /** A pool allowing WEB_AUTHN, with RP ID app.example.com (unless `rpId: null`), a user and their access token. */
  async function setup(
    options: { rpId?: string | null; userVerification?: "required" | "preferred"; poolInput?: object } = {},
  ): Promise<Setup> {
    const { poolId, clientId } = await createPoolWithClient(gateway, { ...PASSKEY_POLICY, ...options.poolInput });
    const rpId = options.rpId === undefined ? RP_ID : options.rpId;
    if (rpId !== null)
      await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          WebAuthnConfiguration: { RelyingPartyId: rpId, UserVerification: options.userVerification },
        }),
      );
    const username = uniqueName("pk");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    return { poolId, clientId, username, sub, accessToken: await signIn(clientId, username) };
  }

  const start = async (accessToken: string) =>
    (await client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken })))
      .CredentialCreationOptions as unknown as CreationOptions & Record<string, unknown>;
  const complete = (accessToken: string, credential: object) =>
    client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }));
  const list = async (accessToken: string, extra: { MaxResults?: number; NextToken?: string } = {}) =>
    client.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, ...extra }));

  async function register(
    setup: Setup,
    authenticator: SoftwareAuthenticator = createSoftwareAuthenticator(),
    origin = ORIGIN,
  ): Promise<SoftwareAuthenticator> {
    const options = await start(setup.accessToken);
    await complete(setup.accessToken, authenticator.register(options, { origin }));
    return authenticator;
  }

  describe("WebAuthnConfiguration (SetUserPoolMfaConfig / GetUserPoolMfaConfig)", () => {
    it("is absent until set, stores the RP ID in lower case with Cognito's defaults, and is replaced whole; the other MFA settings stay", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      expect(
        (await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).WebAuthnConfiguration,
      ).toBeUndefined();
      expect(
        expectData(await gateway.gql(GetWebAuthnConfigurationDocument, { userPoolId: poolId })).getUserPoolMfaConfig
          .webAuthnConfiguration,
      ).toBeNull();

      const set = await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          MfaConfiguration: "OPTIONAL",
          SoftwareTokenMfaConfiguration: { Enabled: true },
          WebAuthnConfiguration: { RelyingPartyId: "Login.Example.COM" },
        }),
      );
      expect(set.WebAuthnConfiguration).toEqual({
        RelyingPartyId: "login.example.com",
        UserVerification: "preferred",
        FactorConfiguration: "SINGLE_FACTOR",
      });
      expect(set.MfaConfiguration).toBe("OPTIONAL");

      // A Set without WebAuthnConfiguration keeps it; GraphQL reads the same.
      await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          MfaConfiguration: "OPTIONAL",
          SoftwareTokenMfaConfiguration: { Enabled: true },
        }),
      );
      expect(
        expectData(await gateway.gql(GetWebAuthnConfigurationDocument, { userPoolId: poolId })).getUserPoolMfaConfig
          .webAuthnConfiguration,
      ).toEqual({
        relyingPartyId: "login.example.com",
        userVerification: "preferred",
        factorConfiguration: "SINGLE_FACTOR",
      });

      // GraphQL: replaced whole, so the RP ID goes back to the domain default.
      const viaGraphql = expectData(
        await gateway.gql(SetWebAuthnConfigurationDocument, {
          userPoolId: poolId,
          input: {
            webAuthnConfiguration: {
              userVerification: "required",
              factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
            },
          },
        }),
      ).setUserPoolMfaConfig;
      expect(viaGraphql).toEqual({
        mfaConfiguration: "OPTIONAL",
        webAuthnConfiguration: {
          relyingPartyId: null,
          userVerification: "required",
          factorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION",
        },
      });
      expect((await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).WebAuthnConfiguration).toEqual(
        { UserVerification: "required", FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION" },
      );
      expect(
        (await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).SoftwareTokenMfaConfiguration,
      ).toEqual({ Enabled: true });
    });

    it("refuses an RP ID that is not a host name, on both APIs", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      for (const bad of [
        "https://app.example.com",
        "app.example.com:443",
        "app.example.com/path",
        "com",
        "10.0.0.1",
        "-bad.example.com",
        "under_score.example.com",
      ]) {
        const error = await rejectionOf(
          admin.send(
            new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: { RelyingPartyId: bad } }),
          ),
        );
        expect([bad, error.name]).toEqual([bad, "InvalidParameterException"]);
        expectError(
          await gateway.gql(SetWebAuthnConfigurationDocument, {
            userPoolId: poolId,
            input: { webAuthnConfiguration: { relyingPartyId: bad } },
          }),
          "InvalidParameterException",
        );
      }
      // 1–127 characters, a wire constraint too.
      const long = `${"a".repeat(60)}.${"b".repeat(60)}.example.com`;
      expect(
        (
          await rejectionOf(
            admin.send(
              new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, WebAuthnConfiguration: { RelyingPartyId: long } }),
            ),
          )
        ).name,
      ).toBe("InvalidParameterException");
      expect(
        (
          await rejectionOf(
            admin.send(
              new SetUserPoolMfaConfigCommand({
                UserPoolId: poolId,
                WebAuthnConfiguration: { UserVerification: "discouraged" as never },
              }),
            ),
          )
        ).name,
      ).toBe("InvalidParameterException");
      // localhost and its subdomains are fine (browsers run WebAuthn there over http).
      expect(
        (
          await admin.send(
            new SetUserPoolMfaConfigCommand({
              UserPoolId: poolId,
              WebAuthnConfiguration: { RelyingPartyId: "localhost" },
            }),
          )
        ).WebAuthnConfiguration?.RelyingPartyId,
      ).toBe("localhost");
      expect(
        (await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).WebAuthnConfiguration
          ?.RelyingPartyId,
      ).toBe("localhost");
    });

    it("RP ID: the configured one, else the custom domain, else the prefix domain host, else WebAuthnConfigurationMissingException", async () => {
      const ids = await setup({ rpId: null });
      expect((await rejectionOf(start(ids.accessToken))).name).toBe("WebAuthnConfigurationMissingException");
      const prefix = uniqueName("pk").toLowerCase();
      expectData(
        await gateway.gql(CreateUserPoolDomainDocument, { userPoolId: ids.poolId, input: { domain: prefix } }),
      );
      expect((await start(ids.accessToken)).rp).toEqual({
        id: `${prefix}.${gateway.config.poolDomainSuffix}`,
        name: `${prefix}.${gateway.config.poolDomainSuffix}`,
      });
      const custom = `auth.${uniqueName("c").toLowerCase()}.example.com`;
      expectData(
        await gateway.gql(CreateUserPoolDomainDocument, {
          userPoolId: ids.poolId,
          input: {
            domain: custom,
            customDomainConfig: { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" },
          },
        }),
      );
      expect((await start(ids.accessToken)).rp).toEqual({ id: custom, name: custom });
      await admin.send(
        new SetUserPoolMfaConfigCommand({ UserPoolId: ids.poolId, WebAuthnConfiguration: { RelyingPartyId: RP_ID } }),
      );
      expect((await start(ids.accessToken)).rp).toEqual({ id: RP_ID, name: RP_ID });
    });
  });

  describe("registration", () => {
    it("StartWebAuthnRegistration answers Cognito's options document; Complete stores the passkey; List shows it; a second Start excludes it (AWS SDK)", async () => {
      const ids = await setup();
      const options = await start(ids.accessToken);
      expect(options).toEqual({
        rp: { id: RP_ID, name: RP_ID },
        user: { id: Buffer.from(ids.sub, "utf8").toString("base64url"), name: ids.username, displayName: "" },
        challenge: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        pubKeyCredParams: [
          { type: "public-key", alg: -7 },
          { type: "public-key", alg: -257 },
        ],
        timeout: 60000,
        excludeCredentials: [],
        authenticatorSelection: { requireResidentKey: true, residentKey: "required", userVerification: "preferred" },
      });
      const authenticator = createSoftwareAuthenticator({ transports: ["internal", "hybrid"] });
      clock.advanceSeconds(1);
      expect(await complete(ids.accessToken, authenticator.register(options, { origin: ORIGIN }))).toMatchObject({
        $metadata: { httpStatusCode: 200 },
      });

      const listed = await list(ids.accessToken);
      expect(listed.Credentials).toEqual([
        {
          CredentialId: authenticator.credentialId,
          FriendlyCredentialName: "Passkey",
          RelyingPartyId: RP_ID,
          AuthenticatorAttachment: "platform",
          AuthenticatorTransports: ["internal", "hybrid"],
          CreatedAt: clock.now(),
        },
      ]);
      expect(listed.NextToken).toBeUndefined();
      expect((await start(ids.accessToken)).excludeCredentials).toEqual([
        { type: "public-key", id: authenticator.credentialId },
      ]);
      expect((await listEvents(gateway, ids.poolId)).filter((event) => event.type === "PASSKEY_REGISTERED")).toEqual([
        expect.objectContaining({
          actor: `user:${ids.sub}`,
          detail: {
            userSub: ids.sub,
            clientId: ids.clientId,
            credentialId: authenticator.credentialId,
            relyingPartyId: RP_ID,
          },
        }),
      ]);
    });

    it("the same over GraphQL with a Bearer access token: start, complete, list, delete", async () => {
      const ids = await setup({ userVerification: "required" });
      const options = expectData(await gateway.gql(StartWebAuthnRegistrationDocument, {}, ids.accessToken))
        .startWebAuthnRegistration as CreationOptions & { authenticatorSelection: unknown };
      expect(options.authenticatorSelection).toEqual({
        requireResidentKey: true,
        residentKey: "required",
        userVerification: "required",
      });
      const authenticator = createSoftwareAuthenticator({ attachment: "cross-platform", transports: ["usb", "nfc"] });
      expect(
        expectData(
          await gateway.gql(
            CompleteWebAuthnRegistrationDocument,
            { credential: authenticator.register(options, { origin: ORIGIN }) as never },
            ids.accessToken,
          ),
        ).completeWebAuthnRegistration,
      ).toBe(true);
      const listed = expectData(
        await gateway.gql(ListWebAuthnCredentialsDocument, {}, ids.accessToken),
      ).listWebAuthnCredentials;
      expect(listed).toEqual({
        credentials: [
          {
            credentialId: authenticator.credentialId,
            friendlyCredentialName: "Security key",
            relyingPartyId: RP_ID,
            authenticatorAttachment: "cross-platform",
            authenticatorTransports: ["usb", "nfc"],
            createdAt: clock.now().toISOString(),
          },
        ],
        nextToken: null,
      });
      expect(
        expectData(
          await gateway.gql(
            DeleteWebAuthnCredentialDocument,
            { credentialId: authenticator.credentialId },
            ids.accessToken,
          ),
        ).deleteWebAuthnCredential,
      ).toBe(true);
      expect(
        expectData(await gateway.gql(ListWebAuthnCredentialsDocument, {}, ids.accessToken)).listWebAuthnCredentials
          .credentials,
      ).toEqual([]);
      expectError(
        await gateway.gql(
          DeleteWebAuthnCredentialDocument,
          { credentialId: authenticator.credentialId },
          ids.accessToken,
        ),
        "ResourceNotFoundException",
      );
      // An admin key is not an access token, nor is no token.
      expectError(await gateway.gql(StartWebAuthnRegistrationDocument, {}), "NotAuthorizedException");
      expectError(await gateway.gql(ListWebAuthnCredentialsDocument, {}, null), "NotAuthorizedException");
      expect(
        (await listEvents(gateway, ids.poolId))
          .map((event) => event.type)
          .filter((type) => type.startsWith("PASSKEY_")),
      ).toEqual(["PASSKEY_REGISTERED", "PASSKEY_DELETED"]);
    });

    it("accepts https subdomains of the RP ID, and plain http only for a localhost RP ID", async () => {
      const ids = await setup();
      await register(ids, createSoftwareAuthenticator(), `https://login.${RP_ID}`);
      await register(ids, createSoftwareAuthenticator(), `https://${RP_ID}:8443`);
      expect((await rejectionOf(register(ids, createSoftwareAuthenticator(), `http://${RP_ID}`))).name).toBe(
        "WebAuthnOriginNotAllowedException",
      );
      const local = await setup({ rpId: "shop.localhost" });
      await register(local, createSoftwareAuthenticator(), "http://shop.localhost:3000");
      await register(local, createSoftwareAuthenticator(), "http://eu.shop.localhost:3000");
      expect(
        (await rejectionOf(register(local, createSoftwareAuthenticator(), "http://other.localhost:3000"))).name,
      ).toBe("WebAuthnOriginNotAllowedException");
      expect((await list(ids.accessToken)).Credentials).toHaveLength(2);
    });
  });

  describe("registration refusals", () => {
    it("WebAuthnChallengeNotFoundException: no Start, a challenge answered twice, another challenge, an expired one", async () => {
      const ids = await setup();
      const authenticator = createSoftwareAuthenticator();
      const options = await start(ids.accessToken);
      const response = authenticator.register(options, { origin: ORIGIN });
      // Answering another challenge: the pending one is used up by the attempt.
      expect(
        (
          await rejectionOf(
            complete(
              ids.accessToken,
              authenticator.register(options, { origin: ORIGIN, challenge: Buffer.alloc(16, 7).toString("base64url") }),
            ),
          )
        ).name,
      ).toBe("WebAuthnChallengeNotFoundException");
      expect((await rejectionOf(complete(ids.accessToken, response))).name).toBe("WebAuthnChallengeNotFoundException");

      const fresh = await start(ids.accessToken);
      const answer = authenticator.register(fresh, { origin: ORIGIN });
      await complete(ids.accessToken, answer);
      expect((await rejectionOf(complete(ids.accessToken, answer))).name).toBe("WebAuthnChallengeNotFoundException");

      const late = await start(ids.accessToken);
      clock.advanceSeconds(91);
      expect(
        (await rejectionOf(complete(ids.accessToken, createSoftwareAuthenticator().register(late, { origin: ORIGIN }))))
          .name,
      ).toBe("WebAuthnChallengeNotFoundException");
      expect((await list(ids.accessToken)).Credentials).toHaveLength(1);
    });

    it("one Start registers at most one passkey, whatever the number of parallel Completes", async () => {
      const ids = await setup();
      const options = await start(ids.accessToken);
      const answers = Array.from({ length: 8 }, () =>
        createSoftwareAuthenticator().register(options, { origin: ORIGIN }),
      );
      const outcomes = await Promise.allSettled(answers.map((answer) => complete(ids.accessToken, answer)));
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      expect(
        new Set(outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [(outcome.reason as Error).name] : []))),
      ).toEqual(new Set(["WebAuthnChallengeNotFoundException"]));
      expect((await list(ids.accessToken)).Credentials).toHaveLength(1);
    });

    it("WebAuthnClientMismatchException when Complete comes with a token of another app client", async () => {
      const ids = await setup();
      const other = expectData(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: ids.poolId,
          input: { clientName: "other", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
        }),
      ).createUserPoolClient;
      const otherToken = await signIn(other.clientId, ids.username);
      const options = await start(ids.accessToken);
      expect(
        (await rejectionOf(complete(otherToken, createSoftwareAuthenticator().register(options, { origin: ORIGIN }))))
          .name,
      ).toBe("WebAuthnClientMismatchException");
      expect((await list(ids.accessToken)).Credentials).toEqual([]);
    });

    it("WebAuthnOriginNotAllowedException for another site; WebAuthnRelyingPartyMismatchException for another RP ID or an RP ID changed since Start", async () => {
      const ids = await setup();
      expect((await rejectionOf(register(ids, createSoftwareAuthenticator(), "https://evil.example"))).name).toBe(
        "WebAuthnOriginNotAllowedException",
      );
      expect(
        (await rejectionOf(register(ids, createSoftwareAuthenticator(), `https://${RP_ID}.evil.example`))).name,
      ).toBe("WebAuthnOriginNotAllowedException");
      // A page on the RP ID, an authenticator scoped to another: the authenticatorData's RP ID hash says so.
      const options = await start(ids.accessToken);
      expect(
        (
          await rejectionOf(
            complete(
              ids.accessToken,
              createSoftwareAuthenticator().register(options, { origin: ORIGIN, rpId: "example.com" }),
            ),
          )
        ).name,
      ).toBe("WebAuthnRelyingPartyMismatchException");
      const before = await start(ids.accessToken);
      await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: ids.poolId,
          WebAuthnConfiguration: { RelyingPartyId: "other.example.com" },
        }),
      );
      expect(
        (
          await rejectionOf(
            complete(ids.accessToken, createSoftwareAuthenticator().register(before, { origin: ORIGIN })),
          )
        ).name,
      ).toBe("WebAuthnRelyingPartyMismatchException");
      expect((await list(ids.accessToken)).Credentials).toEqual([]);
    });

    it("WebAuthnCredentialNotSupportedException for a key algorithm other than ES256/RS256 and for no user verification where it is required", async () => {
      const ids = await setup({ userVerification: "required" });
      expect((await rejectionOf(register(ids, createSoftwareAuthenticator({ algorithm: "EdDSA" })))).name).toBe(
        "WebAuthnCredentialNotSupportedException",
      );
      const options = await start(ids.accessToken);
      expect(
        (
          await rejectionOf(
            complete(
              ids.accessToken,
              createSoftwareAuthenticator().register(options, { origin: ORIGIN, userVerified: false }),
            ),
          )
        ).name,
      ).toBe("WebAuthnCredentialNotSupportedException");
      // With "preferred" the same authenticator is welcome.
      const relaxed = await setup();
      const relaxedOptions = await start(relaxed.accessToken);
      await complete(
        relaxed.accessToken,
        createSoftwareAuthenticator().register(relaxedOptions, { origin: ORIGIN, userVerified: false }),
      );
      expect((await list(relaxed.accessToken)).Credentials).toHaveLength(1);
    });

    it("InvalidParameterException for a Credential that is not a registration response; the Credential member is required", async () => {
      const ids = await setup();
      await start(ids.accessToken);
      expect((await rejectionOf(complete(ids.accessToken, { id: "x" }))).name).toBe("InvalidParameterException");
      expect(
        await rejectionOf(
          client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: ids.accessToken } as never)),
        ),
      ).toMatchObject({ name: "InvalidParameterException" });
    });

    it("WebAuthnNotEnabledException while the pool's AllowedFirstAuthFactors lack WEB_AUTHN", async () => {
      const ids = await setup({ poolInput: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD"] } } });
      expect((await rejectionOf(start(ids.accessToken))).name).toBe("WebAuthnNotEnabledException");
      expectError(
        await gateway.gql(StartWebAuthnRegistrationDocument, {}, ids.accessToken),
        "WebAuthnNotEnabledException",
      );
    });

    it("LimitExceededException past 20 passkeys a user, at Start", async () => {
      const ids = await setup();
      for (let index = 0; index < 20; index++) await register(ids);
      expect((await rejectionOf(start(ids.accessToken))).name).toBe("LimitExceededException");
      expectError(await gateway.gql(StartWebAuthnRegistrationDocument, {}, ids.accessToken), "LimitExceededException");
      expect((await list(ids.accessToken)).Credentials).toHaveLength(20);
    });
  });

  describe("list and delete", () => {
    it("pages with MaxResults and NextToken (0–20; a token is the user's own), deletes only the caller's passkeys, and a deleted user's passkeys go with them", async () => {
      const ids = await setup();
      const registered: string[] = [];
      for (let index = 0; index < 3; index++) {
        clock.advanceSeconds(1);
        registered.push((await register(ids)).credentialId);
      }
      const first = await list(ids.accessToken, { MaxResults: 2 });
      expect(first.Credentials!.map((credential) => credential.CredentialId)).toEqual(registered.slice(0, 2));
      const second = await list(ids.accessToken, { MaxResults: 2, NextToken: first.NextToken });
      expect([second.Credentials!.map((credential) => credential.CredentialId), second.NextToken]).toEqual([
        registered.slice(2),
        undefined,
      ]);
      expect((await rejectionOf(list(ids.accessToken, { MaxResults: 21 }))).name).toBe("InvalidParameterException");

      const other = await setup();
      expect((await rejectionOf(list(other.accessToken, { NextToken: first.NextToken }))).name).toBe(
        "InvalidParameterException",
      );
      // Another user's passkey is not found for this user, and stays.
      expect(
        (
          await rejectionOf(
            client.send(
              new DeleteWebAuthnCredentialCommand({ AccessToken: other.accessToken, CredentialId: registered[0] }),
            ),
          )
        ).name,
      ).toBe("ResourceNotFoundException");
      expect(
        (
          await rejectionOf(
            client.send(
              new DeleteWebAuthnCredentialCommand({ AccessToken: ids.accessToken, CredentialId: "bm90LWEtcGFzc2tleQ" }),
            ),
          )
        ).name,
      ).toBe("ResourceNotFoundException");
      await client.send(
        new DeleteWebAuthnCredentialCommand({ AccessToken: ids.accessToken, CredentialId: registered[1] }),
      );
      expect((await list(ids.accessToken)).Credentials!.map((credential) => credential.CredentialId)).toEqual([
        registered[0],
        registered[2],
      ]);
      // Credential ids are case-sensitive: a case-folded id is another id.
      expect(
        (
          await rejectionOf(
            client.send(
              new DeleteWebAuthnCredentialCommand({
                AccessToken: ids.accessToken,
                CredentialId: registered[0]!.toUpperCase(),
              }),
            ),
          )
        ).name,
      ).toBe("ResourceNotFoundException");

      expectData(await gateway.gql(AdminDeleteUserDocument, { userPoolId: ids.poolId, username: ids.username }));
      expect(
        await gateway.app.db.read((repositories) => repositories.webAuthnCredentials.find(ids.poolId, registered[0]!)),
      ).toBeNull();
    });
  });
});
