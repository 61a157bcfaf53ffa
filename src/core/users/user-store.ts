import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { aliasesOf } from "./identity.js";
import { searchEntriesOf } from "./user-search.js";
import type { User } from "./user.types.js";

/**
 * Writes a user with everything derived from it (alias rows, search index) in the caller's
 * transaction, so the directory never shows a user whose index or aliases disagree with it.
 * @throws UsernameExistsException, AliasExistsException
 */
export async function saveUser(repositories: Repositories, pool: UserPool, user: User, options: { isNew: boolean }): Promise<void> {
  if (options.isNew) await repositories.users.insert(user);
  else await repositories.users.update(user);
  await repositories.users.replaceAliases(pool.id, user.id, aliasesOf(pool, user.attributes), { isNewUser: options.isNew });
  await repositories.users.replaceSearchEntries(pool.id, user.id, searchEntriesOf(pool, user), { isNewUser: options.isNew });
}
