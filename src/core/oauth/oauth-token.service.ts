import type { Clock } from "../../lib/clock.js";
import { sha256Base64Url } from "../../lib/oauth-hashes.js";
import { constantTimeEqual } from "../../lib/secrets.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import type { ClientContext } from "../clients/client-context.js";
import { isCognitoError } from "../errors.js";
import type { Database, SecretBox, ShortLivedStore } from "../ports.js";
import type { RefreshService } from "../tokens/refresh.service.js";
import type { SignOutService } from "../tokens/sign-out.service.js";
import type { OAuthTokens, TokenService } from "../tokens/token.service.js";
import {
  codeKeyOf,
  familyIdOfCode,
  usedCodeKeyOf,
  USED_CODE_MEMORY_SECONDS,
  type AuthorizationCodeGrant,
} from "./authorization.service.js";
import { OAuthError } from "./oauth-error.js";
import type { CustomScopeCache } from "./custom-scope-cache.js";
import { grantClientCredentialsScopes, parseScopeParameter, scopesStillGranted } from "./scopes.js";

/** How the caller presented itself (RFC 6749 §2.3.1): Basic header, form fields, or only a client_id. */
export interface PresentedClient {
  method: "basic" | "post" | "none";
  clientId: string | null;
  clientSecret: string | null;
}

/** The token endpoint's JSON answer (reference-oauth §3.3), in its field names. */
export interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: "Bearer";
  expires_in: number;
}

export interface OAuthTokenServiceDeps {
  db: Database;
  store: ShortLivedStore;
  clock: Clock;
  secretBox: SecretBox;
  contexts: Pick<ClientContextCache, "get">;
  /** Each pool's active custom scopes, kept in memory until its resource servers change. */
  customScopes: Pick<CustomScopeCache, "activeScopes">;
  tokens: TokenService;
  refreshTokens: RefreshService;
  signOut: SignOutService;
  /** client_credentials requests per second per client (Cognito's ClientAuthentication category: 150). */
  clientCredentialsPerSecond?: number;
}

export type OAuthTokenService = ReturnType<typeof createOAuthTokenService>;

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const CODE = /^[0-9a-f-]{36}$/i;
const MAX_REFRESH_TOKEN_LENGTH = 16_384;
const CLIENT_CREDENTIALS_PER_SECOND = 150;
/** Cognito's refusal of a grant it knows nothing about or no longer honours; one text so nothing is told apart. */
const INVALID_GRANT = () => new OAuthError("invalid_grant");
/**
 * The refresh service's refusals of the token or of its user (unknown, revoked, reused, other client or
 * device; the user gone, disabled, unconfirmed or told to reset the password): all the one invalid_grant,
 * so the endpoint tells none of them apart. Lambda faults of PreTokenGeneration are not among them (the
 * endpoint answers those as the API shows them), nor is a store's TooManyRequestsException or any other
 * transient failure, which must not make a relying party throw its refresh token away.
 */
const REFUSALS_OF_THE_GRANT: ReadonlySet<string> = new Set([
  "NotAuthorizedException",
  "RefreshTokenReuseException",
  "UserNotFoundException",
  "UserNotConfirmedException",
  "PasswordResetRequiredException",
]);

const tokenResponseOf = (tokens: OAuthTokens): TokenResponse => ({
  access_token: tokens.accessToken,
  ...(tokens.idToken ? { id_token: tokens.idToken } : {}),
  ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
  token_type: "Bearer",
  expires_in: tokens.expiresIn,
});

/**
 * /oauth2/token and /oauth2/revoke (reference-oauth §3, §5): client authentication, the authorization-code,
 * refresh-token and client-credentials grants, and revocation. Errors are OAuthErrors.
 */
export function createOAuthTokenService(deps: OAuthTokenServiceDeps) {
  const { db, store, secretBox, contexts, customScopes, tokens, refreshTokens, signOut } = deps;
  const perSecond = deps.clientCredentialsPerSecond ?? CLIENT_CREDENTIALS_PER_SECOND;

  /**
   * The calling client of this pool, proven by its secret when it has one. Basic failures are 401 with
   * WWW-Authenticate (RFC 6749 §5.2 "MUST"); the others 400, as Cognito's documented sample.
   * @throws OAuthError invalid_client, invalid_request, unauthorized_client (client not enabled for OAuth)
   */
  async function authenticateClient(poolId: string, presented: PresentedClient): Promise<ClientContext> {
    const invalidClient = () => new OAuthError("invalid_client", null, presented.method === "basic" ? 401 : 400);
    if (!presented.clientId) throw new OAuthError("invalid_client", null, presented.method === "basic" ? 401 : 400);
    let context: ClientContext;
    try {
      context = await contexts.get(presented.clientId);
    } catch (error) {
      if (isCognitoError(error)) throw invalidClient();
      throw error;
    }
    if (context.pool.id !== poolId) throw invalidClient();
    const sealed = context.client.secretCiphertext;
    // Hashing inside constantTimeEqual hides both the content and the length of the secret.
    if (
      sealed !== null &&
      (presented.clientSecret === null || !constantTimeEqual(secretBox.decrypt(sealed), presented.clientSecret))
    )
      throw invalidClient();
    if (sealed === null && presented.clientSecret !== null) throw invalidClient();
    if (!context.client.allowedOAuthFlowsUserPoolClient) throw new OAuthError("unauthorized_client");
    return context;
  }

  /** A replayed code: revoke what it was exchanged for, and make a redemption still under way revoke its own. */
  async function revokeCodeFamily(code: string): Promise<void> {
    const familyId = familyIdOfCode(code);
    await store.set(`oauth-code-replayed:${familyId}`, "1", USED_CODE_MEMORY_SECONDS);
    await db.transaction((repositories) => repositories.refreshTokens.revokeFamily(familyId, deps.clock.now()));
  }

  async function authorizationCodeGrant(context: ClientContext, form: URLSearchParams): Promise<TokenResponse> {
    const code = form.get("code");
    const redirectUri = form.get("redirect_uri");
    if (!code || !redirectUri) throw new OAuthError("invalid_request");
    if (!CODE.test(code)) throw INVALID_GRANT();
    // consume() is the decision: of any number of racing redemptions exactly one gets the grant.
    const raw = await store.consume(codeKeyOf(code), {
      marker: { key: usedCodeKeyOf(code), extraSeconds: USED_CODE_MEMORY_SECONDS },
    });
    if (raw === null) {
      if ((await store.get(usedCodeKeyOf(code))) !== null) await revokeCodeFamily(code);
      throw INVALID_GRANT();
    }
    const grant = JSON.parse(raw) as AuthorizationCodeGrant;
    if (grant.clientId !== context.client.clientId || grant.poolId !== context.pool.id) throw INVALID_GRANT();
    if (grant.redirectUri !== redirectUri) throw new OAuthError("unauthorized_client", "invalid_redirect");
    const verifier = form.get("code_verifier");
    if (grant.codeChallenge !== null) {
      if (
        !verifier ||
        !CODE_VERIFIER.test(verifier) ||
        !constantTimeEqual(sha256Base64Url(verifier), grant.codeChallenge)
      )
        throw INVALID_GRANT();
    } else if (verifier !== null) {
      // A verifier for a code minted without a challenge: a downgrade attempt or a confused client.
      throw INVALID_GRANT();
    }
    const user = await db.read((repositories) => repositories.users.findByIdWithGroups(context.pool.id, grant.userId));
    if (!user || !user.enabled || user.status !== "CONFIRMED") throw INVALID_GRANT();
    // Checked at /oauth2/authorize up to five minutes ago: a scope deleted or withdrawn from the client since
    // is not written into the tokens; a grant left with none is refused as authorize would refuse it now.
    const scopes = await scopesStillGranted(grant.scopes, context.client, () =>
      customScopes.activeScopes(context.pool.id),
    );
    if (scopes.length === 0) throw INVALID_GRANT();
    const issued = await tokens.issueOAuth({
      pool: context.pool,
      client: context.client,
      user,
      authTime: new Date(grant.authTimeMs),
      familyId: familyIdOfCode(code),
      withRefreshToken: true,
      tokenGeneration: { source: "TokenGeneration_HostedAuth" },
      oauth: { scopes, nonce: grant.nonce, resource: grant.resource },
    });
    // The refresh token is bound to what was granted; each refresh narrows it again to what is still granted.
    const record = { ...issued.refreshRecord!, oauth: { scopes: grant.scopes, resource: grant.resource } };
    await db.transaction((repositories) => repositories.refreshTokens.insert(record));
    // A replay that ran before the insert could not revoke the row; it left a note instead.
    if ((await store.get(`oauth-code-replayed:${record.familyId}`)) !== null) {
      await db.transaction((repositories) =>
        repositories.refreshTokens.revokeFamily(record.familyId, deps.clock.now()),
      );
      throw INVALID_GRANT();
    }
    return tokenResponseOf(issued.tokens);
  }

  async function refreshTokenGrant(context: ClientContext, form: URLSearchParams): Promise<TokenResponse> {
    const refreshToken = form.get("refresh_token");
    if (!refreshToken) throw new OAuthError("invalid_request");
    if (refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) throw INVALID_GRANT();
    try {
      // The client is already authenticated; the refresh service checks the token's client, family, user and device.
      return tokenResponseOf(
        await refreshTokens.refreshForOAuth(context, { refreshToken, verifyClient: () => undefined }),
      );
    } catch (error) {
      if (isCognitoError(error) && REFUSALS_OF_THE_GRANT.has(error.code)) throw INVALID_GRANT();
      throw error;
    }
  }

  async function clientCredentialsGrant(context: ClientContext, form: URLSearchParams): Promise<TokenResponse> {
    const { client, pool } = context;
    if (client.secretCiphertext === null || !client.allowedOAuthFlows.includes("client_credentials"))
      throw new OAuthError("unauthorized_client");
    if (form.get("resource") !== null)
      throw new OAuthError("invalid_request", "resource is not supported with client_credentials");
    const metadata = form.get("aws_client_metadata");
    if (metadata !== null && !isStringRecord(metadata))
      throw new OAuthError("invalid_request", "aws_client_metadata must be a JSON object of strings");
    const bucket = await store.takeToken(`oauth-client-credentials:${client.clientId}`, perSecond, perSecond);
    if (!bucket.allowed) throw new OAuthError("slow_down", "Rate exceeded", 429);
    const scopeParameter = form.get("scope");
    const scopes = grantClientCredentialsScopes(
      scopeParameter === null ? null : parseScopeParameter(scopeParameter),
      client,
      await customScopes.activeScopes(pool.id),
    );
    if (scopes.length === 0) throw new OAuthError("invalid_scope");
    const issued = await tokens.issueClientCredentials(pool, client, scopes);
    return { access_token: issued.accessToken, token_type: "Bearer", expires_in: issued.expiresIn };
  }

  return {
    authenticateClient,

    /**
     * POST /oauth2/token for the pool.
     * @throws OAuthError (invalid_request, invalid_client, invalid_grant, unauthorized_client, unsupported_grant_type, invalid_scope, slow_down);
     *         Lambda errors of PreTokenGeneration pass through
     */
    async token(poolId: string, presented: PresentedClient, form: URLSearchParams): Promise<TokenResponse> {
      const grantType = form.get("grant_type");
      if (!grantType) throw new OAuthError("invalid_request");
      for (const name of [
        "grant_type",
        "code",
        "redirect_uri",
        "code_verifier",
        "refresh_token",
        "scope",
        "client_id",
        "client_secret",
      ]) {
        if (form.getAll(name).length > 1) throw new OAuthError("invalid_request");
      }
      if (!["authorization_code", "refresh_token", "client_credentials"].includes(grantType))
        throw new OAuthError("unsupported_grant_type");
      const context = await authenticateClient(poolId, presented);
      if (grantType === "authorization_code") {
        if (!context.client.allowedOAuthFlows.includes("code")) throw new OAuthError("unauthorized_client");
        return authorizationCodeGrant(context, form);
      }
      if (grantType === "refresh_token") return refreshTokenGrant(context, form);
      return clientCredentialsGrant(context, form);
    },

    /**
     * POST /oauth2/revoke (reference-oauth §5): the refresh token and every token of its sign-in. Success
     * also for a token that is unknown or already revoked.
     * @throws OAuthError invalid_client (401), invalid_request (no token, revocation off), unsupported_token_type
     */
    async revoke(poolId: string, presented: PresentedClient, form: URLSearchParams): Promise<void> {
      const token = form.get("token");
      // Revocation answers every client-authentication failure with 401 (reference-oauth §5).
      const context = await authenticateClient(poolId, presented).catch((error: unknown) => {
        throw error instanceof OAuthError && error.error === "invalid_client"
          ? new OAuthError("invalid_client", null, 401)
          : error;
      });
      if (!token || form.getAll("token").length > 1) throw new OAuthError("invalid_request");
      try {
        await signOut.revokeToken({ token, clientId: context.client.clientId, clientSecret: presented.clientSecret });
      } catch (error) {
        if (!isCognitoError(error)) throw error;
        if (error.code === "UnsupportedTokenTypeException") throw new OAuthError("unsupported_token_type");
        if (error.code === "UnauthorizedException") throw new OAuthError("invalid_client", null, 401);
        throw new OAuthError(
          "invalid_request",
          error.code === "UnsupportedOperationException"
            ? "Token revocation is not enabled for this app client."
            : null,
        );
      }
    },
  };
}

function isStringRecord(json: string): boolean {
  try {
    const parsed = JSON.parse(json) as unknown;
    return (
      typeof parsed === "object" &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((value) => typeof value === "string")
    );
  } catch {
    return false;
  }
}
