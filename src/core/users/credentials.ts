import { CognitoError } from "../errors.js";
import type { PasswordHasher, Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { checkPasswordAgainstPolicy } from "./password-policy.js";
import type { PasswordCredentials, User } from "./user.types.js";

/**
 * Checks a new password against the policy and the user's history, then computes its bcrypt hash
 * and SRP verifier. Runs outside any transaction: bcrypt is slow on purpose.
 * @throws InvalidParameterException, InvalidPasswordException, PasswordHistoryPolicyViolationException
 */
export async function prepareCredentials(
  hasher: PasswordHasher,
  repositories: Repositories,
  pool: UserPool,
  user: Pick<User, "id" | "username" | "credentials"> | null,
  password: string,
  field = "password",
): Promise<PasswordCredentials> {
  checkPasswordAgainstPolicy(field, password, pool.passwordPolicy);
  const historySize = pool.passwordPolicy.passwordHistorySize;
  if (user?.credentials && historySize > 0) {
    const previous = [
      user.credentials.passwordHash,
      ...(await repositories.users.listPasswordHistory(user.id, historySize - 1)),
    ];
    const reused = await Promise.all(previous.map((hash) => hasher.verify(password, hash)));
    if (reused.some(Boolean)) {
      throw new CognitoError(
        "PasswordHistoryPolicyViolationException",
        `The password was used recently; choose one not among your last ${historySize}.`,
      );
    }
  }
  const passwordHash = await hasher.hash(password);
  return { passwordHash, ...hasher.createSrpVerifier(pool.id, user?.username ?? "", password) };
}

/** SRP binds the verifier to the immutable username, so it is computed once that name is known. */
export function credentialsFor(
  hasher: PasswordHasher,
  pool: UserPool,
  username: string,
  password: string,
  passwordHash: string,
): PasswordCredentials {
  return { passwordHash, ...hasher.createSrpVerifier(pool.id, username, password) };
}

/** Keeps the outgoing password's hash for the history rule, in the caller's transaction. */
export async function retireCurrentPassword(
  repositories: Repositories,
  pool: UserPool,
  user: User,
  at: Date,
): Promise<void> {
  const historySize = pool.passwordPolicy.passwordHistorySize;
  if (user.credentials && historySize > 0)
    await repositories.users.addPasswordHistory(user.id, user.credentials.passwordHash, at, historySize - 1);
}
