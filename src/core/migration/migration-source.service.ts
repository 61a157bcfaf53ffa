import type { Clock } from "../../lib/clock.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter } from "../errors.js";
import type { Database, SecretBox, SourcePoolCaller } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import { connectionsOf, estimateSourceUsers, type MigrationSourceCache } from "./cognito-source.js";
import {
  DEFAULT_SOURCE_TIMEOUT_MS,
  MAX_SOURCE_TIMEOUT_MS,
  type SetUserMigrationSourceInput,
  type UserMigrationProgress,
  type UserMigrationSource,
  type UserMigrationSourceView,
} from "./migration-source.types.js";

export type UserMigrationSourceService = ReturnType<typeof createUserMigrationSourceService>;

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$|^[a-z0-9-]{1,32}$/;
const MIN_TIMEOUT_MS = 100;

const viewOf = (source: UserMigrationSource): UserMigrationSourceView => ({
  userPoolId: source.poolId,
  endpoint: source.endpoint,
  region: source.region,
  sourceUserPoolId: source.sourcePoolId,
  clientId: source.clientId,
  hasClientSecret: source.clientSecretCiphertext !== null,
  accessKeyId: source.accessKeyId,
  subAttribute: source.subAttribute,
  timeoutMs: source.timeoutMs,
  createdAt: source.createdAt,
  updatedAt: source.updatedAt,
});

function checkEndpoint(endpoint: string): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalidParameter(
      "endpoint must be an absolute http(s) URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw invalidParameter("endpoint must be an absolute http(s) URL.");
  if (url.username || url.password || url.search || url.hash)
    throw invalidParameter("endpoint must not carry credentials, a query or a fragment.");
}

/** The admin side of the built-in migration source: its settings (secrets sealed) and its progress. */
export function createUserMigrationSourceService({
  db,
  clock,
  secretBox,
  caller,
  sources,
}: {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
  caller: SourcePoolCaller;
  sources: MigrationSourceCache;
}) {
  async function load(principal: AdminPrincipal, poolId: string): Promise<UserMigrationSource | null> {
    return db.read(async (repositories) => {
      await loadAccessiblePool(repositories, principal, poolId);
      return repositories.migrationSources.find(poolId);
    });
  }

  return {
    /**
     * Sets (or replaces) the pool's migration source. The client secret and the admin credentials'
     * secret key are sealed with SECRETS_KEY and never shown again. The progress counter is kept.
     * @throws ResourceNotFoundException, NotAuthorizedException (key scoped to other pools), InvalidParameterException
     */
    async setUserMigrationSource(
      principal: AdminPrincipal,
      poolId: string,
      input: SetUserMigrationSourceInput,
    ): Promise<UserMigrationSourceView> {
      checkEndpoint(input.endpoint);
      if (!REGION.test(input.region)) throw invalidParameter("region must be an AWS region name such as eu-west-1.");
      if (!POOL_ID.test(input.sourceUserPoolId) || input.sourceUserPoolId.length > 55)
        throw invalidParameter("sourceUserPoolId must be a user pool id such as eu-west-1_AbCdEf123.");
      if (!CLIENT_ID.test(input.clientId))
        throw invalidParameter("clientId must be an app client id of the source pool.");
      if (
        input.clientSecret !== undefined &&
        input.clientSecret !== null &&
        (input.clientSecret.length === 0 || input.clientSecret.length > 128)
      )
        throw invalidParameter("clientSecret must have 1 to 128 characters.");
      const credentials = input.adminCredentials ?? null;
      if (
        credentials &&
        (!/^[\w-]{1,128}$/.test(credentials.accessKeyId) ||
          credentials.secretAccessKey.length === 0 ||
          credentials.secretAccessKey.length > 256)
      ) {
        throw invalidParameter("adminCredentials need an accessKeyId and a secretAccessKey.");
      }
      const timeoutMs = input.timeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS;
      if (!Number.isInteger(timeoutMs) || timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_SOURCE_TIMEOUT_MS)
        throw invalidParameter(`timeoutMs must be an integer from ${MIN_TIMEOUT_MS} to ${MAX_SOURCE_TIMEOUT_MS}.`);
      const now = clock.now();
      return db
        .transaction(async (repositories) => {
          const pool = await loadAccessiblePool(repositories, principal, poolId);
          const subAttribute = input.subAttribute ?? null;
          if (
            subAttribute !== null &&
            !pool.schemaAttributes.some((attribute) => attribute.isCustom && attribute.name === subAttribute)
          ) {
            throw invalidParameter(
              `subAttribute must name a custom attribute of the user pool (custom:…); ${subAttribute} is not one.`,
            );
          }
          const previous = await repositories.migrationSources.find(poolId);
          const settings = {
            poolId,
            endpoint: input.endpoint,
            region: input.region,
            sourcePoolId: input.sourceUserPoolId,
            clientId: input.clientId,
            clientSecretCiphertext: input.clientSecret ? secretBox.encrypt(input.clientSecret) : null,
            accessKeyId: credentials?.accessKeyId ?? null,
            secretAccessKeyCiphertext: credentials ? secretBox.encrypt(credentials.secretAccessKey) : null,
            subAttribute,
            timeoutMs,
            createdAt: previous?.createdAt ?? now,
            updatedAt: now,
          };
          await repositories.migrationSources.put(settings);
          const view = viewOf({
            ...settings,
            migratedCount: previous?.migratedCount ?? 0,
            lastMigratedAt: previous?.lastMigratedAt ?? null,
          });
          await repositories.events.append(
            {
              type: "USER_MIGRATION_SOURCE_SET",
              poolId,
              actor: actorOf(principal),
              detail: { ...view, createdAt: undefined, updatedAt: undefined },
            },
            now,
          );
          return view;
        })
        .finally(() => sources.forget(poolId));
    },

    /** The pool's migration source without its secrets; null when it has none. @throws ResourceNotFoundException, NotAuthorizedException */
    async getUserMigrationSource(principal: AdminPrincipal, poolId: string): Promise<UserMigrationSourceView | null> {
      const source = await load(principal, poolId);
      return source ? viewOf(source) : null;
    },

    /** Stops migrating: unknown users are unknown again. @throws ResourceNotFoundException, NotAuthorizedException */
    async deleteUserMigrationSource(principal: AdminPrincipal, poolId: string): Promise<boolean> {
      return db
        .transaction(async (repositories) => {
          await loadAccessiblePool(repositories, principal, poolId);
          const deleted = await repositories.migrationSources.delete(poolId);
          if (deleted)
            await repositories.events.append(
              { type: "USER_MIGRATION_SOURCE_DELETED", poolId, actor: actorOf(principal), detail: {} },
              clock.now(),
            );
          return deleted;
        })
        .finally(() => sources.forget(poolId));
    },

    /**
     * Migrated so far, and what remains: the source pool's EstimatedNumberOfUsers (DescribeUserPool,
     * with the admin credentials) minus the migrated. Cognito's estimate lags and counts users who will
     * never sign in again, so `remaining` is an upper bound, null when the source cannot be asked.
     * @throws ResourceNotFoundException (also: the pool has no migration source), NotAuthorizedException
     */
    async userMigrationProgress(principal: AdminPrincipal, poolId: string): Promise<UserMigrationProgress> {
      const source = await load(principal, poolId);
      if (!source)
        throw new CognitoError("ResourceNotFoundException", `User pool ${poolId} has no user migration source.`);
      let estimate: number | null = null;
      try {
        estimate = await estimateSourceUsers(caller, connectionsOf(secretBox, source));
      } catch (error) {
        // Progress still answers with what this gateway knows when the old pool is down.
        if (!(error instanceof CognitoError)) throw error;
      }
      return {
        userPoolId: poolId,
        migrated: source.migratedCount,
        sourceEstimatedUsers: estimate,
        remaining: estimate === null ? null : Math.max(0, estimate - source.migratedCount),
        lastMigratedAt: source.lastMigratedAt,
      };
    },
  };
}
