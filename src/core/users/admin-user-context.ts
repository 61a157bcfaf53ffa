import type { Clock } from "../../lib/clock.js";
import type { TriggerRunner } from "../triggers/trigger-runner.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import type { CodeService } from "../messaging/code.service.js";
import type { Database, MessageSender, PasswordHasher, Repositories } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { AccessTokenService } from "../tokens/access-token.service.js";
import { findUserByIdentifier } from "./identity.js";
import type { User } from "./user.types.js";

export interface AdminUserServiceDeps {
  db: Database;
  clock: Clock;
  hasher: PasswordHasher;
  codes: CodeService;
  /** Invitations go straight to the sender: they carry a temporary password, not a stored code. */
  sender: MessageSender;
  /** PreSignUp_AdminCreateUser and CustomMessage_AdminCreateUser. */
  triggers: TriggerRunner;
  /** AdminDisableUser signs the user out everywhere: the store's copy of the sign-out, for a refresh in flight. */
  signOuts: Pick<AccessTokenService, "recordGlobalSignOut">;
}

/** Which user an admin operation is about: the pool and any identifier Cognito accepts for the user. */
export interface AdminUserRef {
  userPoolId: string;
  username: string;
}

export const userNotFound = (): CognitoError => new CognitoError("UserNotFoundException", "User does not exist.");

/**
 * The pool (scope and existence checked) and the user an admin names by username, email/phone in
 * email/phone-as-username pools, or verified alias.
 * @throws ResourceNotFoundException, NotAuthorizedException (scoped key), UserNotFoundException
 */
export async function loadAdminUserContext(
  repositories: Repositories,
  principal: AdminPrincipal,
  ref: AdminUserRef,
): Promise<{ pool: UserPool; user: User }> {
  // Every admin call about one user passes here: Cognito's constraints before any read.
  checkInput({ userPoolId: ref.userPoolId, username: ref.username });
  const pool = await loadAccessiblePool(repositories, principal, ref.userPoolId);
  const user = await findUserByIdentifier(repositories, pool, ref.username);
  if (!user) throw userNotFound();
  return { pool, user };
}
