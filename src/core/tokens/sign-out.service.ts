import type { Clock } from "../../lib/clock.js";
import { looksLikeJwt } from "../../lib/jwt.js";
import { constantTimeEqual, sha256Hex } from "../../lib/secrets.js";
import { actorOf as adminActorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { loadClientContext } from "../clients/client-context.js";
import { CognitoError, invalidParameter } from "../errors.js";
import type { Database, Repositories, SecretBox } from "../ports.js";
import { loadAdminUserContext, type AdminUserRef } from "../users/admin-user-context.js";
import type { AccessTokenPrincipal, AccessTokenService } from "./access-token.service.js";

export interface SignOutServiceDeps {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
  accessTokens: AccessTokenService;
}

export interface RevokeTokenInput {
  /** The refresh token to revoke. */
  token: string;
  clientId: string;
  clientSecret?: string | null;
}

export type SignOutService = ReturnType<typeof createSignOutService>;

/** Far above our refresh tokens (86 characters); longer input is not even hashed. */
const MAX_TOKEN_LENGTH = 16_384;

/**
 * Ends every session of the user, inside the caller's transaction: every refresh-token family is
 * revoked (and with it each access token that names one), and the user row records the time, which
 * refuses the access tokens that name none (revocation off for their client, the implicit grant).
 * Once the transaction has committed, call AccessTokenService.recordGlobalSignOut for a refresh in
 * flight. Shared by GlobalSignOut, AdminUserGlobalSignOut and AdminDisableUser.
 */
export async function endAllSessions(repositories: Repositories, userId: string, now: Date): Promise<void> {
  await repositories.refreshTokens.revokeAllOfUser(userId, now);
  await repositories.users.recordSignOut(userId, now);
}

export function createSignOutService({ db, clock, secretBox, accessTokens }: SignOutServiceDeps) {
  /** Ends every session of the user (endAllSessions), with its event. */
  async function signOutEverywhere(
    poolId: string,
    userId: string,
    actor: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await db.transaction(async (repositories) => {
      const now = clock.now();
      await endAllSessions(repositories, userId, now);
      await repositories.events.append(
        { type: "SIGNED_OUT", poolId, actor, detail: { userSub: userId, ...detail } },
        now,
      );
    });
    await accessTokens.recordGlobalSignOut(userId);
  }

  return {
    /**
     * Signs the caller out of every device (GlobalSignOut): all of the user's refresh tokens are revoked
     * and every access token issued so far is refused by this API ("Access Token has been revoked").
     * Other verifiers keep accepting those JWTs until they expire, as with Cognito.
     * @throws NotAuthorizedException
     */
    async globalSignOut(principal: AccessTokenPrincipal): Promise<void> {
      await signOutEverywhere(principal.poolId, principal.userId, `user:${principal.userId}`, {
        via: "GlobalSignOut",
        clientId: principal.clientId,
      });
    },

    /**
     * GlobalSignOut on behalf of a user (AdminUserGlobalSignOut).
     * @throws ResourceNotFoundException, NotAuthorizedException (scoped key), UserNotFoundException
     */
    async adminUserGlobalSignOut(admin: AdminPrincipal, ref: AdminUserRef): Promise<void> {
      const { pool, user } = await db.read((repositories) => loadAdminUserContext(repositories, admin, ref));
      await signOutEverywhere(pool.id, user.id, adminActorOf(admin), { via: "AdminUserGlobalSignOut" });
    },

    /**
     * Revokes one refresh token and every access token of its sign-in (RevokeToken); the user's other
     * sign-ins are untouched. Authorised by the token itself plus the client's secret, if it has one.
     * A token we do not know is answered with success, as RFC 7009 and Cognito do: the caller learns
     * nothing, and a token that does not exist is as good as revoked.
     * @throws ResourceNotFoundException (client), UnauthorizedException (secret missing or wrong, another client's token),
     *         UnsupportedOperationException (revocation off for the client), UnsupportedTokenTypeException (a JWT)
     */
    async revokeToken(input: RevokeTokenInput): Promise<void> {
      const { client, pool } = await db.read((repositories) => loadClientContext(repositories, input.clientId));
      if (client.secretCiphertext !== null) {
        // Both sides are hashed before the comparison, so neither content nor length leaks through timing.
        if (!input.clientSecret || !constantTimeEqual(secretBox.decrypt(client.secretCiphertext), input.clientSecret)) {
          throw new CognitoError(
            "UnauthorizedException",
            `The client secret is missing or wrong for client ${client.clientId}.`,
          );
        }
      }
      if (!client.enableTokenRevocation)
        throw new CognitoError("UnsupportedOperationException", "Token revocation is not enabled for this app client.");
      if (input.token.length === 0 || input.token.length > MAX_TOKEN_LENGTH)
        throw invalidParameter("token must be 1 to 16384 characters long.");
      // Our refresh tokens are opaque: anything shaped like a JWT is an ID or access token.
      if (looksLikeJwt(input.token))
        throw new CognitoError("UnsupportedTokenTypeException", "Only refresh tokens can be revoked.");
      await db.transaction(async (repositories) => {
        const record = await repositories.refreshTokens.findByHash(sha256Hex(input.token));
        if (!record) return;
        if (record.clientId !== client.clientId)
          throw new CognitoError("UnauthorizedException", "The token was not issued to this client.");
        if (await repositories.refreshTokens.isFamilyRevoked(record.familyId)) return;
        const now = clock.now();
        await repositories.refreshTokens.revokeFamily(record.familyId, now);
        await repositories.events.append(
          {
            type: "TOKEN_REVOKED",
            poolId: pool.id,
            actor: `client:${client.clientId}`,
            detail: {
              userSub: record.userId,
              clientId: client.clientId,
              originJti: record.familyId,
              via: "RevokeToken",
            },
          },
          now,
        );
      });
    },
  };
}
