import type { Clock } from "../../lib/clock.js";
import { randomAlphanumeric } from "../../lib/random.js";
import { assertPoolAccess, assertUnscoped } from "../admin-keys/access.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter, resourceNotFound } from "../errors.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import type { Database, Repositories } from "../ports.js";
import { requirePoolId } from "../validation.js";
import { DEFAULT_POOL_SETTINGS, mergePoolSettings } from "./user-pool.defaults.js";
import type {
  CreateUserPoolInput,
  CustomAttributeInput,
  UpdateUserPoolInput,
  UserPool,
  UserPoolSettings,
} from "./user-pool.types.js";
import { appendCustomAttributes, buildInitialSchema, validatePoolSettings } from "./user-pool.validation.js";

export interface UserPoolServiceDeps {
  db: Database;
  clock: Clock;
  /** Prefix of every pool id, like Cognito's region. */
  region: string;
  maxUserPools: number;
  /** Told after a pool changed or went, so no process keeps serving its clients with the old pool. */
  contexts: Pick<ClientContextCache, "invalidatePool">;
}

export type UserPoolService = ReturnType<typeof createUserPoolService>;

/** Loads a pool the caller may access, or throws ResourceNotFoundException / NotAuthorizedException. */
export async function loadAccessiblePool(
  repositories: Repositories,
  principal: AdminPrincipal,
  poolId: string,
): Promise<UserPool> {
  requirePoolId(poolId);
  assertPoolAccess(principal, poolId);
  const pool = await repositories.pools.findById(poolId);
  if (!pool) throw resourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

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

/**
 * The pool, its row locked until the transaction ends, for a change an import job must not overlap
 * (Cognito's UserImportInProgressException): the job writes users against the pool's schema, and a
 * deleted pool leaves it failing on rows that are gone. startUserImportJob checks for an active job
 * under the same lock, so a start and one of these changes run one after the other, never interleaved.
 * @throws ResourceNotFoundException, NotAuthorizedException, UserImportInProgressException
 */
async function lockPoolOutsideImport(
  repositories: Repositories,
  principal: AdminPrincipal,
  poolId: string,
): Promise<UserPool> {
  const pool = await lockAccessiblePool(repositories, principal, poolId);
  if (await repositories.userImports.hasActive(poolId)) {
    throw new CognitoError(
      "UserImportInProgressException",
      `User pool ${poolId} has an import job in progress (Pending, InProgress or Stopping); wait for it to end or stop it with StopUserImportJob, then try again.`,
    );
  }
  return pool;
}

/** Settings as stored in the audit log: the whole configuration, which holds no secret. */
const describeSettings = (pool: UserPool): Record<string, unknown> => {
  const { createdAt: _createdAt, updatedAt: _updatedAt, schemaAttributes, ...settings } = pool;
  return {
    ...settings,
    customAttributes: schemaAttributes.filter((attribute) => attribute.isCustom).map((attribute) => attribute.name),
  };
};

export function createUserPoolService({ db, clock, region, maxUserPools, contexts }: UserPoolServiceDeps) {
  return {
    /** @throws InvalidParameterException, LimitExceededException, NotAuthorizedException (scoped key) */
    async createUserPool(principal: AdminPrincipal, input: CreateUserPoolInput): Promise<UserPool> {
      assertUnscoped(principal, "create user pools");
      const schemaAttributes = buildInitialSchema(input.schema ?? []);
      const settings = mergePoolSettings({ ...DEFAULT_POOL_SETTINGS, name: input.name }, input);
      validatePoolSettings(settings, schemaAttributes);
      const now = clock.now();
      const pool: UserPool = {
        ...settings,
        id: `${region}_${randomAlphanumeric(9)}`,
        schemaAttributes,
        createdAt: now,
        updatedAt: now,
      };
      return db.transaction(async (repositories) => {
        if ((await repositories.pools.count()) >= maxUserPools) {
          throw new CognitoError("LimitExceededException", `This gateway holds at most ${maxUserPools} user pools.`);
        }
        await repositories.pools.insert(pool);
        await repositories.events.append(
          { type: "USER_POOL_CREATED", poolId: pool.id, actor: actorOf(principal), detail: describeSettings(pool) },
          now,
        );
        return pool;
      });
    },

    /** @throws ResourceNotFoundException, InvalidParameterException, NotAuthorizedException, UserImportInProgressException */
    async updateUserPool(principal: AdminPrincipal, poolId: string, input: UpdateUserPoolInput): Promise<UserPool> {
      const updated = await db.transaction(async (repositories) => {
        const current = await lockPoolOutsideImport(repositories, principal, poolId);
        const settings: UserPoolSettings = mergePoolSettings(current, input);
        validatePoolSettings(settings, current.schemaAttributes);
        const now = clock.now();
        const updated: UserPool = { ...current, ...settings, updatedAt: now };
        await repositories.pools.update(updated);
        const changedFields = Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined);
        await repositories.events.append(
          {
            type: "USER_POOL_UPDATED",
            poolId,
            actor: actorOf(principal),
            detail: { changedFields, settings: describeSettings(updated) },
          },
          now,
        );
        return updated;
      });
      await contexts.invalidatePool(poolId);
      return updated;
    },

    /**
     * Deletes the pool and everything in it, its webhook subscriptions and their deliveries included.
     * @throws ResourceNotFoundException, InvalidParameterException (deletion protection), NotAuthorizedException,
     *         UserImportInProgressException
     */
    async deleteUserPool(principal: AdminPrincipal, poolId: string): Promise<void> {
      await db.transaction(async (repositories) => {
        const pool = await lockPoolOutsideImport(repositories, principal, poolId);
        if (pool.deletionProtection === "ACTIVE") {
          throw invalidParameter(
            `User pool ${poolId} has deletion protection ACTIVE; set deletionProtection to INACTIVE before deleting it.`,
          );
        }
        // The event first, while the pool's subscriptions still exist: a delivery row written for one
        // (a subscription stored before USER_POOL_DELETED was refused for webhooks) then goes with it,
        // as every delivery cascades from its subscription and that from the pool. Appended after the
        // delete, it would reference a subscription already gone: a foreign key error on SQLite, a row
        // silently dropped on MariaDB. The event itself has no foreign key and outlives the pool.
        await repositories.events.append(
          { type: "USER_POOL_DELETED", poolId, actor: actorOf(principal), detail: { name: pool.name } },
          clock.now(),
        );
        await repositories.pools.delete(poolId);
      });
      await contexts.invalidatePool(poolId);
    },

    /** @throws ResourceNotFoundException, NotAuthorizedException */
    async getUserPool(principal: AdminPrincipal, poolId: string): Promise<UserPool> {
      return db.read((repositories) => loadAccessiblePool(repositories, principal, poolId));
    },

    /** Pools the caller may see, by id, 1–60 a page. @throws InvalidParameterException */
    async listUserPools(principal: AdminPrincipal, args: PageArgs): Promise<Page<UserPool>> {
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read((repositories) =>
        repositories.pools.list({ afterId, limit: limit + 1 }, principal.poolScope),
      );
      return toPage(rows, limit, (pool) => pool.id);
    },

    /**
     * Adds 1–25 custom attributes; they can never be changed or removed.
     * @throws InvalidParameterException, LimitExceededException, ResourceNotFoundException, NotAuthorizedException,
     *         UserImportInProgressException
     */
    async addCustomAttributes(
      principal: AdminPrincipal,
      poolId: string,
      customAttributes: CustomAttributeInput[],
    ): Promise<UserPool> {
      if (customAttributes.length < 1) throw invalidParameter("customAttributes must hold at least one attribute.");
      // 1–25 a call is a request-shape rule (InvalidParameterException); only the 50-per-pool quota is a LimitExceededException.
      if (customAttributes.length > 25)
        throw invalidParameter(`customAttributes holds at most 25 entries a call; got ${customAttributes.length}.`);
      const updated = await db.transaction(async (repositories) => {
        const current = await lockPoolOutsideImport(repositories, principal, poolId);
        const schemaAttributes = appendCustomAttributes(
          current.schemaAttributes,
          customAttributes.map((attribute) => ({ ...attribute, name: attribute.name.replace(/^custom:/, "") })),
        );
        const now = clock.now();
        const updated = { ...current, schemaAttributes, updatedAt: now };
        await repositories.pools.update(updated);
        const added = schemaAttributes.slice(current.schemaAttributes.length);
        await repositories.events.append(
          { type: "CUSTOM_ATTRIBUTES_ADDED", poolId, actor: actorOf(principal), detail: { attributes: added } },
          now,
        );
        return updated;
      });
      await contexts.invalidatePool(poolId);
      return updated;
    },

    async countUsers(poolId: string): Promise<number> {
      return db.read((repositories) => repositories.pools.countUsers(poolId));
    },
  };
}
