import type { Clock } from "../../lib/clock.js";
import type { AppClient } from "../clients/app-client.types.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import { CognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import type { UserMfa } from "../mfa/mfa.types.js";
import type { Database, Repositories, ShortLivedStore, TokenSigner } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";
import { POOL_ID_PATTERN } from "../validation.js";
import { OPENID, SELF_SERVICE_SCOPE } from "../oauth/scopes.js";

/** Who a verified access token speaks for: the caller of a self-service operation. */
export interface AccessTokenPrincipal {
  poolId: string;
  /** The user's `sub`. */
  userId: string;
  username: string;
  clientId: string;
  /** The refresh-token family (`origin_jti`); null when the client had token revocation off. */
  originJti: string | null;
  /**
   * The pool, client and user (and the user's MFA row) as this request's token check found them: reads
   * may answer from them; a change re-reads them in its own transaction (loadSelfContext).
   */
  verified: VerifiedSelf;
}

/** The principal's pool, app client and user as they are now. */
export interface SelfContext {
  pool: UserPool;
  client: AppClient;
  user: User;
}

/** SelfContext as the token check read it, with the user's MFA row from the same statement (GetUser shows its factors). */
export interface VerifiedSelf extends SelfContext {
  mfa: UserMfa | null;
}

export interface AccessTokenServiceDeps {
  db: Database;
  clock: Clock;
  signer: TokenSigner;
  store: ShortLivedStore;
  /** App clients and pools kept in memory until an admin changes them. */
  contexts: Pick<ClientContextCache, "get">;
  /** PUBLIC_URL: every pool's issuer is `<issuerBase>/<poolId>`. */
  issuerBase: string;
}

export type AccessTokenService = ReturnType<typeof createAccessTokenService>;

/** Cognito's longest access-token lifetime (cognito-reference §6.4): a sign-out watermark never needs to outlive it. */
const MAX_ACCESS_TOKEN_SECONDS = 86_400;

const invalidToken = () => new CognitoError("NotAuthorizedException", "Invalid Access Token");
const revokedToken = () => new CognitoError("NotAuthorizedException", "Access Token has been revoked");
const signedOutKey = (userId: string) => `access-tokens-revoked-before:${userId}`;
/** Whole seconds, as `iat` counts them: a token issued in the second of a sign-out is refused (the safe side of the tie). */
const epochSecondsOf = (at: Date): number => Math.floor(at.getTime() / 1000);

/**
 * The principal's pool, client and user, re-read inside the caller's transaction (the token may be
 * older than a deletion or a disable).
 * @throws NotAuthorizedException (client or pool gone, user disabled), UserNotFoundException (user deleted),
 *         UserNotConfirmedException, PasswordResetRequiredException
 */
export async function loadSelfContext(
  repositories: Repositories,
  principal: Pick<AccessTokenPrincipal, "poolId" | "clientId" | "userId">,
): Promise<SelfContext> {
  const client = await repositories.clients.findById(principal.clientId);
  const pool =
    client && client.poolId === principal.poolId ? await repositories.pools.findById(principal.poolId) : null;
  if (!client || !pool) throw invalidToken();
  return { pool, client, user: requireUsableUser(await repositories.users.findById(pool.id, principal.userId)) };
}

/** The principal's user, if it may still use its tokens. @throws UserNotFoundException, NotAuthorizedException, UserNotConfirmedException, PasswordResetRequiredException */
export function requireUsableUser(user: User | null): User {
  // Cognito answers a deleted user's still-unexpired token with UserNotFoundException (GetUser lists it),
  // which is also what clients such as Amplify treat as "forget this session".
  if (!user) throw new CognitoError("UserNotFoundException", "User does not exist.");
  if (!user.enabled) throw new CognitoError("NotAuthorizedException", "User is disabled.");
  if (user.status === "UNCONFIRMED") throw new CognitoError("UserNotConfirmedException", "User is not confirmed.");
  if (user.status === "RESET_REQUIRED")
    throw new CognitoError("PasswordResetRequiredException", "Password reset required for the user");
  return user;
}

export function createAccessTokenService({ db, clock, signer, store, contexts, issuerBase }: AccessTokenServiceDeps) {
  const issuerPrefix = `${issuerBase.replace(/\/+$/, "")}/`;

  /** The pool named by the unverified `iss`; only used to pick the keys the token is then verified with. */
  function claimedPoolId(token: string): string {
    const iss = signer.unverifiedPayload(token)?.iss;
    if (typeof iss !== "string" || !iss.startsWith(issuerPrefix)) throw invalidToken();
    const poolId = iss.slice(issuerPrefix.length);
    if (poolId.length > 55 || !POOL_ID_PATTERN.test(poolId)) throw invalidToken();
    return poolId;
  }

  /** Signature, issuer, expiry, token_use, the scope, revocation, and that client and user still exist. */
  async function verifyWithScope(
    token: string | null,
    requiredScope: string,
  ): Promise<AccessTokenPrincipal & { scopes: string[] }> {
    if (!token)
      throw new CognitoError(
        "NotAuthorizedException",
        "An access token is required: send Authorization: Bearer <access token>.",
      );
    checkInput({ accessToken: token });
    const poolId = claimedPoolId(token);
    const claims = await signer.verify(poolId, token, "access");
    const { sub, client_id: clientId, username, scope, origin_jti: originJti, iat } = claims;
    if (
      typeof sub !== "string" ||
      typeof clientId !== "string" ||
      typeof username !== "string" ||
      typeof iat !== "number"
    )
      throw invalidToken();
    if (originJti !== undefined && typeof originJti !== "string") throw invalidToken();
    // OAuth tokens may carry only openid/email/…; the self-service API needs Cognito's admin scope, userInfo openid.
    const scopes = typeof scope === "string" ? scope.split(" ") : [];
    if (!scopes.includes(requiredScope))
      throw new CognitoError("NotAuthorizedException", "Access Token does not have required scopes");
    const claimed = { poolId, userId: sub, username, clientId, originJti: originJti ?? null };
    if (claimed.originJti === null) {
      // Without origin_jti (revocation off for the client, the implicit grant) only the sign-out watermark can tell.
      const signedOutAt = await store.get(signedOutKey(sub));
      if (signedOutAt !== null && iat <= Number(signedOutAt)) throw revokedToken();
    }
    // The client and pool come from the cache (kept current by invalidation); the user is read every time.
    const context = await contexts.get(clientId).catch((error: unknown) => {
      if (error instanceof CognitoError) throw invalidToken();
      throw error;
    });
    if (context.pool.id !== poolId) throw invalidToken();
    // One statement: the family's state, the user (with its sign-out time) and its MFA row.
    const holder = await db.read((repositories) =>
      repositories.users.findAccessTokenHolder(poolId, sub, claimed.originJti),
    );
    // First what the user is now: a disabled user hears so, though AdminDisableUser revoked the token too.
    const user = requireUsableUser(holder.user);
    // RevokeToken, GlobalSignOut and AdminDisableUser revoke refresh-token families; every access token of a family goes with it.
    if (holder.isFamilyRevoked) throw revokedToken();
    // The watermark the store had no record of: the user row keeps it (read with the user, no extra
    // statement), so neither a restarted embedded gateway nor a Redis that lost its keys revives the token.
    if (claimed.originJti === null && holder.signedOutAt !== null && iat <= epochSecondsOf(holder.signedOutAt))
      throw revokedToken();
    return { ...claimed, scopes, verified: { pool: context.pool, client: context.client, user, mfa: holder.mfa } };
  }

  return {
    /**
     * Verifies an access token for a self-service call: signature by the pool's access key, issuer,
     * expiry, token_use, the self-service scope, revocation (RevokeToken, GlobalSignOut), and that its
     * client and user still exist.
     * @throws NotAuthorizedException "Invalid Access Token" / "Access Token has expired" / "Access Token has been revoked" /
     *         "User is disabled.", UserNotFoundException (user deleted), UserNotConfirmedException, PasswordResetRequiredException
     */
    async authenticate(token: string | null): Promise<AccessTokenPrincipal> {
      return verifyWithScope(token, SELF_SERVICE_SCOPE);
    },

    /**
     * The same checks for /oauth2/userInfo: the token must carry `openid`, which only tokens of the OAuth
     * endpoints can (reference-oauth §4); API-issued tokens have the self-service scope alone. Same errors.
     */
    async authenticateOpenId(token: string | null): Promise<AccessTokenPrincipal & { scopes: string[] }> {
      return verifyWithScope(token, OPENID);
    },

    /**
     * GlobalSignOut's second half: access tokens without an `origin_jti`, issued up to now, stop working.
     * (Tokens with one are refused through their revoked refresh-token family.) Call after the
     * transaction that revoked the families and wrote the user's record (endAllSessions) committed:
     * that record is what outlives the store; this copy is what isSignedOutSince reads. A token issued
     * in the same second as the sign-out is refused too: with `iat` in whole seconds, refusing is the
     * safe side of the tie.
     */
    async recordGlobalSignOut(userId: string): Promise<void> {
      await store.set(signedOutKey(userId), String(epochSecondsOf(clock.now())), MAX_ACCESS_TOKEN_SECONDS + 60);
    },

    /**
     * Whether the user signed out globally at or after `atMs` (whole seconds: a sign-out in the same second
     * counts, the safe side of the tie, as for the tokens above). Asks the store only: it serves a
     * refresh that read its token before a sign-out committed (refresh.service.ts), a race of moments
     * that a restart cannot fall into; a refresh that reads after the commit finds the token revoked in
     * the database.
     */
    async isSignedOutSince(userId: string, atMs: number): Promise<boolean> {
      const signedOutAt = await store.get(signedOutKey(userId));
      return signedOutAt !== null && Math.floor(atMs / 1000) <= Number(signedOutAt);
    },
  };
}
