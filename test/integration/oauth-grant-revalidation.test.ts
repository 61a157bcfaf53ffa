import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import {
  AdminResetUserPasswordDocument,
  CreateUserPoolClientDocument,
  UpdateResourceServerDocument,
  UpdateUserPoolClientDocument,
  type CreateUserPoolClientInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  CALLBACK,
  createOAuthPool,
  createOAuthUser,
  createResourceServer,
  discoverPool,
  getOAuthTestApp,
  oauthClientSettings,
  obtainCode,
  postForm,
  type OAuthPool,
} from "../support/oauth.js";
import { expectTokens, refreshTokens } from "../support/sign-in.js";
import type { TestApp } from "../support/test-app.js";

const API = "https://api.example.com";
const READ = `${API}/read`;
const WRITE = `${API}/write`;

const scopesOf = (accessToken: string): string[] => String(decodeJwt(accessToken).scope).split(" ").sort();

/**
 * What an earlier grant carries (an authorization code, a refresh token) is checked again whenever tokens
 * are minted from it: the user's state, the client's AllowedOAuthScopes and the pool's resource servers as
 * they are now (reference-oauth §3.4, §10.2).
 */
describe.each(BACKENDS)("grants checked again at /oauth2/token and every refresh on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  /** A public code-flow client of a pool whose resource server offers read and write; the client may ask for both. */
  async function poolWithApi(clientInput: Partial<CreateUserPoolClientInput> = {}) {
    const { poolId, issuer } = await createOAuthPool(gateway);
    await createResourceServer(gateway, poolId, API, ["read", "write"]);
    const settings = {
      ...oauthClientSettings(),
      allowedOAuthScopes: [...oauthClientSettings().allowedOAuthScopes!, READ, WRITE],
      explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH" as const, "ALLOW_REFRESH_TOKEN_AUTH" as const],
      ...clientInput,
    };
    const { clientId } = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", ...settings },
      }),
    ).createUserPoolClient;
    const pool: OAuthPool = { poolId, clientId, clientSecret: null, issuer };
    return { pool, settings };
  }

  /** The browser leg for the user, returning the code and its verifier (nothing redeemed yet). */
  async function codeFor(pool: OAuthPool, user: { username: string; password: string }, scope: string) {
    const { code, verifier } = await obtainCode(await discoverPool(pool), user, { scope });
    return { code, verifier };
  }

  const redeem = (pool: OAuthPool, issued: { code: string; verifier: string }) =>
    postForm(`${pool.issuer}/oauth2/token`, {
      grant_type: "authorization_code",
      client_id: pool.clientId,
      code: issued.code,
      redirect_uri: CALLBACK,
      code_verifier: issued.verifier,
    });

  const refreshAtTokenEndpoint = (pool: OAuthPool, refreshToken: string) =>
    postForm(`${pool.issuer}/oauth2/token`, {
      grant_type: "refresh_token",
      client_id: pool.clientId,
      refresh_token: refreshToken,
    });

  /** The tokens of a code redeemed at once. */
  async function signIn(pool: OAuthPool, user: { username: string; password: string }, scope: string) {
    const response = await redeem(pool, await codeFor(pool, user, scope));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { access_token: string; id_token?: string; refresh_token: string };
  }

  /** The access token's scopes after a refresh by each of the three ways in (which share one refresh service). */
  async function refreshedScopesEveryWay(pool: OAuthPool, refreshToken: string): Promise<string[][]> {
    const viaTokenEndpoint = await refreshAtTokenEndpoint(pool, refreshToken);
    expect(viaTokenEndpoint.status, JSON.stringify(viaTokenEndpoint.body)).toBe(200);
    const viaGraphql = expectTokens(await refreshTokens(gateway, pool.clientId, refreshToken));
    const viaWire = await rawCall(gateway, "InitiateAuth", {
      ClientId: pool.clientId,
      AuthFlow: "REFRESH_TOKEN_AUTH",
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    expect(viaWire.status, JSON.stringify(viaWire.body)).toBe(200);
    const wireResult = viaWire.body.AuthenticationResult as { AccessToken: string };
    return [String(viaTokenEndpoint.body.access_token), viaGraphql.accessToken, wireResult.AccessToken].map(scopesOf);
  }

  const replaceApiScopes = async (poolId: string, names: string[]) =>
    expectData(
      await gateway.gql(UpdateResourceServerDocument, {
        userPoolId: poolId,
        input: {
          identifier: API,
          name: "api",
          scopes: names.map((scopeName) => ({ scopeName, scopeDescription: scopeName })),
        },
      }),
    );

  it("answers the refresh grant of a user told to reset the password, or unconfirmed again, with invalid_grant (not a 500); so does a code redeemed after the reset", async () => {
    const pool = await createOAuthPool(gateway);
    const email = (name: string) => [
      { name: "email", value: `${name}@example.com` },
      { name: "email_verified", value: "true" },
    ];
    const resetUser = await createOAuthUser(gateway, pool.poolId, email("reset"));
    const unconfirmedUser = await createOAuthUser(gateway, pool.poolId, email("unconfirmed"));
    const reset = await signIn(pool, resetUser, "openid email");
    const unconfirmed = await signIn(pool, unconfirmedUser, "openid email");
    const pendingCode = await codeFor(pool, resetUser, "openid email");

    expectData(
      await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: pool.poolId, username: resetUser.username }),
    );
    // No API makes a user UNCONFIRMED again; the state is written as an import or a migration could leave it.
    await gateway.app.db.transaction(async (repositories) => {
      const user = await repositories.users.findById(pool.poolId, unconfirmedUser.sub);
      await repositories.users.update({ ...user!, status: "UNCONFIRMED" });
    });

    for (const refreshToken of [reset.refresh_token, unconfirmed.refresh_token]) {
      const refused = await refreshAtTokenEndpoint(pool, refreshToken);
      expect([refused.status, refused.body]).toEqual([400, { error: "invalid_grant" }]);
      expect(refused.headers.get("cache-control")).toBe("no-store");
    }
    const redeemed = await redeem(pool, pendingCode);
    expect([redeemed.status, redeemed.body]).toEqual([400, { error: "invalid_grant" }]);
  });

  it("leaves a scope deleted from its resource server out of tokens refreshed at /oauth2/token, over GraphQL and on the wire, and out of a code redeemed after the deletion; a scope created again is carried again", async () => {
    const { pool } = await poolWithApi();
    const user = await createOAuthUser(gateway, pool.poolId);
    const granted = await signIn(pool, user, `openid email ${READ} ${WRITE}`);
    expect(scopesOf(granted.access_token)).toEqual(["email", "openid", READ, WRITE].sort());
    const pendingCode = await codeFor(pool, user, `openid ${READ} ${WRITE}`);

    await replaceApiScopes(pool.poolId, ["read"]);
    expect(await refreshedScopesEveryWay(pool, granted.refresh_token)).toEqual(
      Array.from({ length: 3 }, () => ["email", "openid", READ].sort()),
    );
    const redeemed = await redeem(pool, pendingCode);
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    expect(scopesOf(String(redeemed.body.access_token))).toEqual(["openid", READ].sort());

    // Inactive, not gone: the grant still holds it, and it is carried again once the resource server has it.
    await replaceApiScopes(pool.poolId, ["read", "write"]);
    expect(await refreshedScopesEveryWay(pool, String(redeemed.body.refresh_token))).toEqual(
      Array.from({ length: 3 }, () => ["openid", READ, WRITE].sort()),
    );
  });

  it("withdraws scopes an admin takes off the client from outstanding refresh tokens, rotated ones too (openid takes the ID token with it), and gives them back when allowed again", async () => {
    const { pool, settings } = await poolWithApi({
      refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 0 },
    });
    const user = await createOAuthUser(gateway, pool.poolId, [
      { name: "email", value: "ada@example.com" },
      { name: "phone_number", value: "+15555550100" },
    ]);
    const granted = await signIn(pool, user, `openid email phone ${READ} ${WRITE}`);
    const allowClient = async (scopes: string[]) =>
      expectData(
        await gateway.gql(UpdateUserPoolClientDocument, {
          userPoolId: pool.poolId,
          clientId: pool.clientId,
          input: { ...settings, allowedOAuthScopes: scopes },
        }),
      );

    await allowClient(["openid", "phone", READ]);
    const narrowed = await refreshAtTokenEndpoint(pool, granted.refresh_token);
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);
    expect(scopesOf(String(narrowed.body.access_token))).toEqual(["openid", "phone", READ].sort());
    // email was withdrawn: the ID token carries the phone number and no longer the address.
    expect(decodeJwt(String(narrowed.body.id_token))).toMatchObject({ phone_number: "+15555550100" });
    expect(decodeJwt(String(narrowed.body.id_token)).email).toBeUndefined();

    await allowClient(["profile", WRITE]);
    const withoutOpenid = await refreshAtTokenEndpoint(pool, String(narrowed.body.refresh_token));
    expect(withoutOpenid.status, JSON.stringify(withoutOpenid.body)).toBe(200);
    expect(scopesOf(String(withoutOpenid.body.access_token))).toEqual([WRITE]);
    expect(withoutOpenid.body.id_token).toBeUndefined();

    // Nothing of the grant left to carry: the grant is no longer honoured.
    await allowClient(["profile"]);
    const emptied = await refreshAtTokenEndpoint(pool, String(withoutOpenid.body.refresh_token));
    expect([emptied.status, emptied.body]).toEqual([400, { error: "invalid_grant" }]);

    // The successors stay bound to the whole grant.
    await allowClient(settings.allowedOAuthScopes!);
    const restored = await refreshAtTokenEndpoint(pool, String(withoutOpenid.body.refresh_token));
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(scopesOf(String(restored.body.access_token))).toEqual(["email", "openid", "phone", READ, WRITE].sort());
    expect(decodeJwt(String(restored.body.id_token)).email).toBe("ada@example.com");
  });
});
