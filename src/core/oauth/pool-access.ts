import { assertPoolAccess } from "../admin-keys/access.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { requirePoolId } from "../validation.js";

/**
 * The pool, with its row locked until the transaction ends, for a check-then-insert in the pool (a
 * quota, an identifier or a domain kind taken): parallel creates then run one after the other on
 * MariaDB, as on SQLite, instead of racing to the storage's keys. The lock is the transaction's first
 * read (see lockForUpdate); only a principal allowed on the pool may take it.
 */
export async function lockAccessiblePool(
  repositories: Repositories,
  principal: AdminPrincipal,
  poolId: string,
): Promise<UserPool> {
  requirePoolId(poolId);
  assertPoolAccess(principal, poolId);
  await repositories.pools.lockForUpdate(poolId);
  return loadAccessiblePool(repositories, principal, poolId);
}
