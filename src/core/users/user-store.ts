import { randomUuid } from "../../lib/random.js";
import type { PasswordHasher, Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { credentialsFor } from "./credentials.js";
import { aliasesOf, normalizeIdentifier } from "./identity.js";
import { searchEntriesOf } from "./user-search.js";
import type { User, UserAttributes, UserStatus } from "./user.types.js";

/**
 * Writes a user with everything derived from it (alias rows, search index) in the caller's
 * transaction, so the directory never shows a user whose index or aliases disagree with it.
 * @throws UsernameExistsException, AliasExistsException
 */
export async function saveUser(
  repositories: Repositories,
  pool: UserPool,
  user: User,
  options: { isNew: boolean },
): Promise<void> {
  if (options.isNew) await repositories.users.insert(user);
  else await repositories.users.update(user);
  await repositories.users.replaceAliases(pool.id, user.id, aliasesOf(pool, user.attributes), {
    isNewUser: options.isNew,
  });
  await repositories.users.replaceSearchEntries(pool.id, user.id, searchEntriesOf(pool, user), {
    isNewUser: options.isNew,
  });
}

/**
 * A new user record with its password hashed and SRP verifier computed. The immutable username is
 * the given one, or the new `sub` in email/phone-as-username pools. bcrypt runs here, before any
 * transaction.
 */
export async function buildNewUser(
  hasher: PasswordHasher,
  pool: UserPool,
  args: {
    givenUsername: string | null;
    password: string | null;
    status: UserStatus;
    attributes: UserAttributes;
    now: Date;
  },
): Promise<User> {
  const id = randomUuid();
  const username = args.givenUsername ?? id;
  // A passwordless user (reference-oauth §13.6) has no credentials: it signs in with codes or passkeys.
  if (args.password === null)
    return {
      id,
      poolId: pool.id,
      username,
      usernameNormalized: normalizeIdentifier(pool, "username", username),
      status: args.status,
      enabled: true,
      attributes: { ...args.attributes, sub: id },
      credentials: null,
      passwordChangedAt: null,
      createdAt: args.now,
      updatedAt: args.now,
    };
  const passwordHash = await hasher.hash(args.password);
  return {
    id,
    poolId: pool.id,
    username,
    usernameNormalized: normalizeIdentifier(pool, "username", username),
    status: args.status,
    enabled: true,
    attributes: { ...args.attributes, sub: id },
    credentials: credentialsFor(hasher, pool, username, args.password, passwordHash),
    // For FORCE_CHANGE_PASSWORD the temporary password's validity counts from here.
    passwordChangedAt: args.now,
    createdAt: args.now,
    updatedAt: args.now,
  };
}
