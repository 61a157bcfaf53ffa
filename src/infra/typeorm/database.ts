import { QueryFailedError, type DataSource, type EntityManager } from "typeorm";
import { CognitoError } from "../../core/errors.js";
import type { Database, Repositories } from "../../core/ports.js";
import { createBatchedWrites } from "./batched-writes.js";
import { createAdminApiKeyRepository } from "./repositories/admin-api-key.repository.js";
import { createAppClientRepository } from "./repositories/app-client.repository.js";
import { createDeviceRepository } from "./repositories/device.repository.js";
import { createEventRepository } from "./repositories/event.repository.js";
import { createGroupRepository } from "./repositories/group.repository.js";
import { createRefreshTokenRepository } from "./repositories/refresh-token.repository.js";
import { createSentMessageRepository } from "./repositories/sent-message.repository.js";
import { createSigningKeyRepository } from "./repositories/signing-key.repository.js";
import { createUserMfaRepository } from "./repositories/user-mfa.repository.js";
import { createTriggerSecretRepository } from "./repositories/trigger-secret.repository.js";
import { createUserPoolRepository } from "./repositories/user-pool.repository.js";
import { createUserRepository } from "./repositories/user.repository.js";
import { createVerificationCodeRepository } from "./repositories/verification-code.repository.js";
import { createWebhookRepository } from "./repositories/webhook.repository.js";
import { createResourceServerRepository } from "./repositories/resource-server.repository.js";
import { createUserPoolDomainRepository } from "./repositories/user-pool-domain.repository.js";
import { createUiCustomizationRepository } from "./repositories/ui-customization.repository.js";
import { createWebAuthnCredentialRepository } from "./repositories/webauthn-credential.repository.js";
import { createUserImportRepository } from "./repositories/user-import.repository.js";
import { createUserMigrationSourceRepository } from "./repositories/user-migration-source.repository.js";

/**
 * Unique constraints that carry a domain rule, by name (MariaDB reports the name) and by column list
 * (SQLite reports only the columns). Any other storage error stays internal.
 */
const UNIQUE_VIOLATIONS: { constraint: string; sqliteColumns: string; error: () => CognitoError }[] = [
  {
    constraint: "uq_users_pool_username",
    sqliteColumns: "users.pool_id, users.username_normalized",
    error: () => new CognitoError("UsernameExistsException", "User already exists"),
  },
  {
    constraint: "uq_user_aliases_value",
    sqliteColumns: "user_aliases.pool_id, user_aliases.kind, user_aliases.value_normalized",
    error: () =>
      new CognitoError("AliasExistsException", "An account with the given email or phone number already exists."),
  },
  {
    constraint: "uq_user_pool_domains_domain",
    sqliteColumns: "user_pool_domains.domain",
    error: () => new CognitoError("InvalidParameterException", "Domain already associated with another user pool."),
  },
  {
    constraint: "uq_groups_pool_name",
    sqliteColumns: "user_groups.pool_id, user_groups.name",
    error: () => new CognitoError("GroupExistsException", "A group with this name already exists in the user pool."),
  },
];

function translateStorageError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const message = String((error.driverError as { message?: string } | undefined)?.message ?? error.message);
  const match = UNIQUE_VIOLATIONS.find(
    (rule) =>
      message.includes(`'${rule.constraint}'`) || message.includes(`UNIQUE constraint failed: ${rule.sqliteColumns}`),
  );
  return match ? match.error() : error;
}

/** Serialises work on one connection: SQLite has a single writer and one shared connection here. */
function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createRepositories(manager: EntityManager): Repositories {
  return {
    pools: createUserPoolRepository(manager),
    clients: createAppClientRepository(manager),
    adminKeys: createAdminApiKeyRepository(manager),
    events: createEventRepository(manager),
    users: createUserRepository(manager),
    codes: createVerificationCodeRepository(manager),
    groups: createGroupRepository(manager),
    sentMessages: createSentMessageRepository(manager),
    refreshTokens: createRefreshTokenRepository(manager),
    signingKeys: createSigningKeyRepository(manager),
    mfa: createUserMfaRepository(manager),
    devices: createDeviceRepository(manager),
    triggerSecrets: createTriggerSecretRepository(manager),
    webhooks: createWebhookRepository(manager),
    resourceServers: createResourceServerRepository(manager),
    domains: createUserPoolDomainRepository(manager),
    uiCustomizations: createUiCustomizationRepository(manager),
    webAuthnCredentials: createWebAuthnCredentialRepository(manager),
    userImports: createUserImportRepository(manager),
    migrationSources: createUserMigrationSourceRepository(manager),
  };
}

/** MariaDB picks a deadlock victim and rolls it back whole; such a transaction is safe to run again. */
const isRetryableConflict = (error: unknown): boolean =>
  error instanceof QueryFailedError &&
  ["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"].includes(
    String((error.driverError as { code?: string } | undefined)?.code),
  );
const MAX_TRANSACTION_ATTEMPTS = 4;

export function createTypeormDatabase(dataSource: DataSource): Database {
  const serialise =
    dataSource.options.type === "better-sqlite3" ? createMutex() : <T>(work: () => Promise<T>) => work();
  const translated = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await serialise(work);
    } catch (error) {
      throw translateStorageError(error);
    }
  };
  // Reads share one set: the repositories hold no state, and building them costs more than a simple query.
  const readRepositories = createRepositories(dataSource.manager);
  // SQLite has no round trips to save: its transactions stay plain.
  const batched = dataSource.options.type === "mariadb" ? createBatchedWrites(dataSource, readRepositories) : null;
  return {
    transaction: (work, options) =>
      translated(async () => {
        if (batched && options?.writesOnly) {
          const recording = await batched.record(work);
          if (recording.recorded) {
            for (let attempt = 1; ; attempt++) {
              try {
                await batched.commit(recording.statements);
                return recording.result;
              } catch (error) {
                // Rolled back whole, and the statements do not change: send them again.
                if (attempt >= MAX_TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
              }
            }
          }
        }
        for (let attempt = 1; ; attempt++) {
          try {
            return await dataSource.transaction((manager) => work(createRepositories(manager)));
          } catch (error) {
            if (attempt >= MAX_TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
          }
        }
      }),
    read: (work) => translated(() => work(readRepositories)),
    ping: async () => {
      await serialise(() => dataSource.query("SELECT 1"));
    },
    close: async () => {
      await batched?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
