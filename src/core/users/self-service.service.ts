import type { Clock } from "../../lib/clock.js";
import { CognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import { mfaSummaryOf } from "../mfa/mfa-factors.js";
import type { MfaSummary } from "../mfa/mfa.types.js";
import type { CodeService } from "../messaging/code.service.js";
import type { Database, PasswordHasher } from "../ports.js";
import { loadSelfContext, type AccessTokenPrincipal } from "../tokens/access-token.service.js";
import { readableAttributeNames, type AttributeInput } from "./attribute-rules.js";
import { prepareCredentials, retireCurrentPassword } from "./credentials.js";
import { createSelfAttributeOperations } from "./self-attributes.service.js";
import { saveUser } from "./user-store.js";

export interface SelfServiceDeps {
  db: Database;
  clock: Clock;
  hasher: PasswordHasher;
  codes: CodeService;
}

/** What GetUser shows: the username, the attributes the token's client may read, and the MFA factors. */
export interface UserProfile extends MfaSummary {
  username: string;
  userAttributes: AttributeInput[];
}

export type SelfService = ReturnType<typeof createSelfService>;

/** Per-user call limits (cognito-reference §9.1). */
const CHANGE_PASSWORD_PER_HOUR = 5;

const INCORRECT = "Incorrect username or password.";
const actorOf = (principal: AccessTokenPrincipal) => `user:${principal.userId}`;

export function createSelfService({ db, clock, hasher, codes }: SelfServiceDeps) {
  return {
    /**
     * The caller's username, the attributes its client may read (`sub` first) and the MFA factors
     * switched on (GetUser).
     * @throws NotAuthorizedException, UserNotFoundException
     */
    async getUser(principal: AccessTokenPrincipal): Promise<UserProfile> {
      // A read: the user and its MFA row as the token check found them moments ago in this request (one statement).
      const { pool, client, user, mfa } = principal.verified;
      const readable = readableAttributeNames(pool, client);
      const visible = Object.entries(user.attributes).filter(([name]) => name !== "sub" && readable.has(name));
      return {
        username: user.username,
        userAttributes: [{ name: "sub", value: user.id }, ...visible.map(([name, value]) => ({ name, value }))],
        ...mfaSummaryOf(mfa),
      };
    },

    ...createSelfAttributeOperations({ db, clock, codes }),

    /**
     * Changes the caller's password (ChangePassword) after checking the previous one; the policy and the
     * history apply. Refresh tokens stay valid, as in Cognito.
     * @throws NotAuthorizedException (wrong previous password), InvalidPasswordException, PasswordHistoryPolicyViolationException,
     *         LimitExceededException (5 per hour), UserNotFoundException
     */
    async changePassword(
      principal: AccessTokenPrincipal,
      input: { previousPassword: string; proposedPassword: string },
    ): Promise<void> {
      // PreviousPassword is optional in Cognito's model; the wire hands an absent one over as "".
      checkInput({
        previousPassword: input.previousPassword === "" ? null : input.previousPassword,
        proposedPassword: input.proposedPassword,
      });
      // Counted before the check: the limit is what stops guessing the previous password with a stolen token.
      await codes.countAttempt("changePassword", principal.userId, CHANGE_PASSWORD_PER_HOUR);
      const { pool, client, user } = await db.read((repositories) => loadSelfContext(repositories, principal));
      if (!user.credentials) {
        await hasher.spendDummyVerify(input.previousPassword);
        throw new CognitoError("NotAuthorizedException", INCORRECT);
      }
      if (!(await hasher.verify(input.previousPassword, user.credentials.passwordHash)))
        throw new CognitoError("NotAuthorizedException", INCORRECT);
      const credentials = await db.read((repositories) =>
        prepareCredentials(hasher, repositories, pool, user, input.proposedPassword, "proposedPassword"),
      );
      await db.transaction(async (repositories) => {
        const { user: current } = await loadSelfContext(repositories, principal);
        // Changed meanwhile (another session, a reset): the previous password we checked is no longer the one in force.
        if (current.credentials?.passwordHash !== user.credentials!.passwordHash)
          throw new CognitoError("NotAuthorizedException", INCORRECT);
        const now = clock.now();
        await retireCurrentPassword(repositories, pool, current, now);
        await saveUser(
          repositories,
          pool,
          { ...current, credentials, passwordChangedAt: now, updatedAt: now },
          { isNew: false },
        );
        await repositories.codes.deleteForUser(current.id, "FORGOT_PASSWORD");
        await repositories.events.append(
          {
            type: "PASSWORD_CHANGED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: current.id, via: "ChangePassword", clientId: client.clientId },
          },
          now,
        );
      });
    },

    /**
     * Deletes the caller (DeleteUser); aliases, codes, tokens, memberships and history go by cascade,
     * so the caller's tokens are refused from now on.
     * @throws NotAuthorizedException, UserNotFoundException
     */
    async deleteUser(principal: AccessTokenPrincipal): Promise<void> {
      await db.transaction(async (repositories) => {
        const { pool, client, user } = await loadSelfContext(repositories, principal);
        await repositories.users.delete(user.id);
        await repositories.events.append(
          {
            type: "USER_DELETED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: user.id, username: user.username, via: "DeleteUser", clientId: client.clientId },
          },
          clock.now(),
        );
      });
    },
  };
}
