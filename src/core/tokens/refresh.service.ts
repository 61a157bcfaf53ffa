import type { Clock } from "../../lib/clock.js";
import { constantTimeEqual } from "../../lib/secrets.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import type { ClientContext } from "../clients/client-context.js";
import { findConfirmedDevice } from "../devices/device.service.js";
import { createEventBatcher } from "../events/event-batcher.js";
import { CognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import type { CustomScopeCache } from "../oauth/custom-scope-cache.js";
import { scopesStillGranted } from "../oauth/scopes.js";
import type { Database, SecretBox } from "../ports.js";
import type { User } from "../users/user.types.js";
import { requireUsableUser } from "./access-token.service.js";
import type { AuthenticationResult, OAuthTokens, TokenService } from "./token.service.js";

export interface RefreshServiceDeps {
  db: Database;
  clock: Clock;
  tokens: TokenService;
  secretBox: SecretBox;
  /** The app client and pool of each call, kept in memory until an admin changes them. */
  contexts: ClientContextCache;
  /** GlobalSignOut's record for access tokens without a family (access-token.service.ts). */
  signOuts: { isSignedOutSince(userId: string, atMs: number): Promise<boolean> };
  /** Each pool's active custom scopes: an OAuth grant's deleted ones are dropped from its refreshed tokens. */
  customScopes: Pick<CustomScopeCache, "activeScopes">;
}

/** One refresh, whichever API asked for it (REFRESH_TOKEN_AUTH or GetTokensFromRefreshToken). */
export interface RefreshRequest {
  refreshToken: string;
  /** The device the caller says it is; required once the token's device is confirmed. */
  deviceKey?: string | null;
  /** For PreTokenGeneration (TokenGeneration_RefreshTokens). */
  clientMetadata?: Record<string, string> | null;
  /**
   * Proves the caller is the app client (SECRET_HASH or ClientSecret), once the token's user is known.
   * @throws NotAuthorizedException
   */
  verifyClient(user: User): void;
}

export interface GetTokensFromRefreshTokenInput {
  clientId: string;
  refreshToken: string;
  /** The client's secret itself (not a SECRET_HASH), for clients that have one. */
  clientSecret?: string | null;
  deviceKey?: string | null;
  clientMetadata?: Record<string, string> | null;
}

export type RefreshService = ReturnType<typeof createRefreshService>;

const INVALID = "Invalid Refresh Token";

/**
 * Refresh tokens in use (cognito-reference §3.3, reference-oauth §12): the checks every refresh makes,
 * and rotation for clients that turn it on. A rotating client refreshes only through
 * GetTokensFromRefreshToken, which is the one API that returns the successor token.
 */
export function createRefreshService({
  db,
  clock,
  tokens,
  secretBox,
  contexts,
  signOuts,
  customScopes,
}: RefreshServiceDeps) {
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;
  const refreshEvents = createEventBatcher(db);

  /**
   * A refresh token of a sign-in with a device works only with that device's key, which the SDKs send
   * once the device is confirmed; until then (a device nobody confirmed) it works without one.
   * @throws NotAuthorizedException "Invalid Refresh Token"
   */
  async function assertDevice(
    context: ClientContext,
    user: User,
    tokenDeviceKey: string,
    sentDeviceKey: string | null | undefined,
  ): Promise<void> {
    if (sentDeviceKey) {
      if (!constantTimeEqual(sentDeviceKey, tokenDeviceKey)) throw new CognitoError("NotAuthorizedException", INVALID);
      return;
    }
    const confirmed = await db.read((repositories) =>
      findConfirmedDevice(repositories, { poolId: context.pool.id, userId: user.id }, tokenDeviceKey),
    );
    if (confirmed) throw new CognitoError("NotAuthorizedException", INVALID);
  }

  /** Reuse of a rotated token outside its grace period: the whole family is treated as stolen. */
  async function revokeReusedFamily(context: ClientContext, familyId: string): Promise<never> {
    await db.transaction(async (repositories) => {
      await repositories.refreshTokens.revokeFamily(familyId, clock.now());
      await repositories.events.append(
        {
          type: "TOKEN_REVOKED",
          poolId: context.pool.id,
          actor: "system",
          detail: { reason: "refresh token reuse", originJti: familyId },
        },
        clock.now(),
      );
    });
    throw new CognitoError(
      "RefreshTokenReuseException",
      "The refresh token was already used; every token of this sign-in has been revoked.",
    );
  }

  /**
   * New ID and access tokens from a refresh token; with rotation on, a new refresh token too, which
   * expires when the first token of its sign-in does (no sliding), and the presented one is used up.
   * @throws NotAuthorizedException (unknown, expired, revoked, other client, wrong device, disabled user, client proof,
   *         an OAuth grant none of whose scopes is still granted), UserNotFoundException, UserNotConfirmedException,
   *         PasswordResetRequiredException, RefreshTokenReuseException (a rotated token used after its grace
   *         period: the family is revoked)
   */
  async function refresh(context: ClientContext, request: RefreshRequest): Promise<AuthenticationResult> {
    const tokens = await refreshWith(context, request, false);
    return { ...tokens, idToken: tokens.idToken!, tokenType: "Bearer", newDeviceMetadata: null };
  }

  /**
   * The refresh_token grant of /oauth2/token: the same checks and rotation as `refresh`, and the tokens
   * keep the scopes and resource their grant bound them to, as far as they are still granted (an API
   * sign-in's keep the self-service scope); the ID token only with openid. Same errors as `refresh`.
   */
  async function refreshForOAuth(context: ClientContext, request: RefreshRequest): Promise<OAuthTokens> {
    return refreshWith(context, request, true);
  }

  async function refreshWith(context: ClientContext, request: RefreshRequest, viaOAuth: boolean): Promise<OAuthTokens> {
    // One statement: the token, its family's state and its user with groups (the new tokens carry them).
    const readAtMs = clock.nowMs();
    const { record, user } = await db.read((repositories) =>
      tokens.findRefreshTokenWithUser(repositories, context.client, request.refreshToken),
    );
    if (!user) throw new CognitoError("NotAuthorizedException", INVALID);
    request.verifyClient(user);
    // Disabled, unconfirmed or told to reset the password: the tokens would be refused on their first use anyway.
    requireUsableUser(user);
    if (record.deviceKey) await assertDevice(context, user, record.deviceKey, request.deviceKey);
    const rotates = context.client.refreshTokenRotation.enabled;
    // A token rotation used up stays used up when the client turns rotation off: using it is reuse.
    if (!rotates && record.rotatedAt !== null) return revokeReusedFamily(context, record.familyId);
    // An OAuth grant's scopes as far as they are still granted: the client's AllowedOAuthScopes now (its
    // context is cached) and the pool's active custom scopes (cached per process, asked only for a grant
    // with a custom scope). A grant left with nothing is no longer honoured.
    const scopes = record.oauth
      ? await scopesStillGranted(record.oauth.scopes, context.client, () => customScopes.activeScopes(context.pool.id))
      : null;
    if (scopes !== null && scopes.length === 0) throw new CognitoError("NotAuthorizedException", INVALID);
    const issueArgs = {
      pool: context.pool,
      client: context.client,
      user,
      authTime: record.authTime,
      familyId: record.familyId,
      deviceKey: record.deviceKey,
      withRefreshToken: rotates,
      refreshExpiresAt: record.expiresAt,
      tokenGeneration: {
        source: "TokenGeneration_RefreshTokens" as const,
        clientMetadata: request.clientMetadata ?? null,
      },
      // An OAuth grant's resource (aud) and its still-granted scopes hold for every refresh of its tokens (reference-oauth §3.3).
      ...(record.oauth && scopes ? { oauth: { scopes, nonce: null, resource: record.oauth.resource } } : {}),
    };
    // A JSON-API sign-in refreshed at /oauth2/token keeps its one scope and its ID token (issue); an OAuth
    // grant's tokens refreshed through the JSON API still get an ID token, which that API's result always has.
    const issued =
      viaOAuth && issueArgs.oauth
        ? await tokens.issueOAuth({ ...issueArgs, oauth: issueArgs.oauth })
        : await tokens
            .issue(issueArgs)
            .then(({ result, refreshRecord }) => ({ tokens: result satisfies OAuthTokens, refreshRecord }));
    if (!rotates) {
      // Nothing changes but the log: the event is written with those of the refreshes running at the
      // same time, and the tokens go out once it is stored. A revocation racing this refresh is still
      // caught: the new tokens carry the token's family, which every use checks.
      await refreshEvents.append(
        {
          type: "TOKENS_REFRESHED",
          poolId: context.pool.id,
          actor: actorOf(context),
          detail: { userSub: user.id, rotated: false },
        },
        clock.now(),
      );
      // Without revocation the new access token has no family to be caught by, and it is newer than a
      // GlobalSignOut that ran since the read above: such a sign-out refuses the refresh here instead.
      // (One after this check is older than the token's iat, which access tokens are checked against.)
      if (!context.client.enableTokenRevocation && (await signOuts.isSignedOutSince(user.id, readAtMs)))
        throw new CognitoError("NotAuthorizedException", "Refresh Token has been revoked");
      return issued.tokens;
    }
    const rotation = await db.transaction(async (repositories) => {
      // The conditional UPDATE in rotate() decides which of racing uses wins; a revocation or expiry
      // since the read above wins over all of them.
      const state = await tokens.rotate(repositories, context.client, record);
      if (state === "reused") return state;
      // The successor stays bound to the whole grant, so a scope allowed or created again is carried again.
      if (issued.refreshRecord)
        await repositories.refreshTokens.insert({ ...issued.refreshRecord, oauth: record.oauth });
      await repositories.events.append(
        {
          type: "TOKENS_REFRESHED",
          poolId: context.pool.id,
          actor: actorOf(context),
          detail: { userSub: user.id, rotated: true },
        },
        clock.now(),
      );
      return state;
    });
    if (rotation === "reused") return revokeReusedFamily(context, record.familyId);
    return issued.tokens;
  }

  return {
    refresh,
    refreshForOAuth,

    /**
     * GetTokensFromRefreshToken (reference-oauth §12.1): works with and without rotation; without it
     * only ID and access tokens come back and the presented token stays valid.
     * @throws InvalidParameterException (input constraints), ResourceNotFoundException (client),
     *         NotAuthorizedException (ClientSecret missing or wrong, token refused), RefreshTokenReuseException,
     *         Lambda errors of PreTokenGeneration
     */
    async getTokensFromRefreshToken(input: GetTokensFromRefreshTokenInput): Promise<AuthenticationResult> {
      checkInput({
        clientId: input.clientId,
        refreshToken: input.refreshToken,
        clientSecret: input.clientSecret,
        deviceKey: input.deviceKey,
      });
      const context = await contexts.get(input.clientId);
      const { client } = context;
      // The secret itself, not a SECRET_HASH (as RevokeToken). Checked before the token is looked at,
      // so a caller without the secret learns nothing about the token.
      if (client.secretCiphertext !== null) {
        if (!input.clientSecret)
          throw new CognitoError(
            "NotAuthorizedException",
            `Client ${client.clientId} is configured with secret but ClientSecret was not received`,
          );
        // constantTimeEqual hashes both sides first: neither content nor length leaks through timing.
        if (!constantTimeEqual(secretBox.decrypt(client.secretCiphertext), input.clientSecret)) {
          throw new CognitoError(
            "NotAuthorizedException",
            `ClientSecret does not match for the client: ${client.clientId}`,
          );
        }
      }
      return refresh(context, {
        refreshToken: input.refreshToken,
        deviceKey: input.deviceKey,
        clientMetadata: input.clientMetadata,
        verifyClient: () => undefined,
      });
    },
  };
}
