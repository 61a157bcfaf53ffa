import { SECONDS_PER_DAY } from "../../../lib/durations.js";
import type { ClientContext } from "../../clients/client-context.js";
import { CognitoError } from "../../errors.js";
import type { Repositories } from "../../ports.js";
import type { UserPool } from "../../pools/user-pool.types.js";
import type { TriggerName, TriggerRunner } from "../../triggers/trigger-runner.js";
import type { User } from "../../users/user.types.js";

const SESSION_EXPIRED = "Invalid session for the user, session is expired.";
const DISABLED = "User is disabled.";

/**
 * Account states that stop a sign-in even with the right password (cognito-reference §3.3, §8.2).
 * @throws NotAuthorizedException (disabled, temporary password expired), UserNotConfirmedException, PasswordResetRequiredException
 */
export function assertUserMaySignIn(context: ClientContext, user: User, nowMs: number): void {
  if (!user.enabled) throw new CognitoError("NotAuthorizedException", DISABLED);
  if (user.status === "UNCONFIRMED") throw new CognitoError("UserNotConfirmedException", "User is not confirmed.");
  if (user.status === "RESET_REQUIRED")
    throw new CognitoError("PasswordResetRequiredException", "Password reset required for the user");
  if (user.status === "FORCE_CHANGE_PASSWORD") {
    const validityMs = context.pool.passwordPolicy.temporaryPasswordValidityDays * SECONDS_PER_DAY * 1000;
    if (!user.passwordChangedAt || user.passwordChangedAt.getTime() + validityMs < nowMs) {
      throw new CognitoError(
        "NotAuthorizedException",
        "Temporary password has expired and must be reset by an administrator.",
      );
    }
  }
}

/**
 * A step's writes in the transaction that ends it (with its tokens, or before its next challenge),
 * given the user row as it is in that transaction; resolves to the row as the step leaves it
 * (`current` itself when it changes nothing of the user). Never a save of a copy read earlier: an
 * admin's change made meanwhile stays.
 */
export type CommitChanges = (repositories: Repositories, current: User) => Promise<User>;

/**
 * The user row in the transaction that ends a sign-in step, with the step's changes applied: still
 * there, enabled, and in a status that may sign in once the step's own changes are made (a code that
 * confirms an UNCONFIRMED user, a new password that ends FORCE_CHANGE_PASSWORD). Whatever happened
 * since the step read the user (a trigger's handler calling AdminDisableUser, an admin meanwhile)
 * is judged here, where the tokens are committed, not on the copy the step read.
 * @throws NotAuthorizedException (user gone: the session is stale; disabled), and as assertUserMaySignIn
 */
export async function userAtCommit(
  repositories: Repositories,
  context: ClientContext,
  userId: string,
  nowMs: number,
  changes?: CommitChanges,
): Promise<User> {
  // A step that writes the user back locks its row: an admin's change committed between this read and
  // that write would otherwise be overwritten (MariaDB; SQLite runs one transaction at a time).
  const current = changes
    ? await repositories.users.findByIdLocked(context.pool.id, userId)
    : await repositories.users.findById(context.pool.id, userId);
  if (!current) throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
  // Before the step's own checks and writes: a disabled user hears so, whatever else changed.
  if (!current.enabled) throw new CognitoError("NotAuthorizedException", DISABLED);
  const left = changes ? await changes(repositories, current) : current;
  assertUserMaySignIn(context, left, nowMs);
  return left;
}

/**
 * The triggers that can run between a sign-in step's read of the user and the commit of its tokens
 * (PreAuthentication after the read in the password flows, the CUSTOM_AUTH triggers, a lazy
 * migration, and PostAuthentication and PreTokenGeneration right before the commit). Their handlers
 * may change the user meanwhile, AdminDisableUser included.
 */
const CALLED_DURING_SIGN_IN: readonly TriggerName[] = [
  "PreAuthentication",
  "UserMigration",
  "DefineAuthChallenge",
  "CreateAuthChallenge",
  "VerifyAuthChallengeResponse",
  "PostAuthentication",
  "PreTokenGeneration",
];

/** Whether anything outside the gateway runs during a sign-in step of this pool (CALLED_DURING_SIGN_IN). */
export const callsOutDuringSignIn = (triggers: Pick<TriggerRunner, "isConfigured">, pool: UserPool): boolean =>
  CALLED_DURING_SIGN_IN.some((name) => triggers.isConfigured(pool, name));
