import { assertUnscoped } from "../admin-keys/access.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { CognitoError } from "../errors.js";
import type { AppClient } from "../clients/app-client.types.js";
import type { Device } from "../devices/device.types.js";
import type { Group } from "../groups/group.types.js";
import type { UserMfa } from "../mfa/mfa.types.js";
import type { ResourceServer } from "../oauth/resource-server.types.js";
import type { Repositories, SecretBox } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { saveUser } from "../users/user-store.js";
import type { PasswordCredentials, User } from "../users/user.types.js";
import type { WebAuthnCredential } from "../webauthn/webauthn.types.js";
import {
  createLineVerifier,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  KEY_CHECK,
  parseLine,
  refusedExport,
  revive,
  type ExportHeader,
  type ExportRecord,
} from "./export-format.js";
import { sealingFor, type PoolTransferDeps } from "./pool-export.service.js";

/** Records per transaction: small enough for short locks, large enough that commits do not dominate. */
const BATCH = 200;

export interface PoolImportSummary {
  userPoolId: string;
  counts: Record<string, number>;
}

type UserRecord = {
  user: Record<string, unknown>;
  mfa: Record<string, unknown> | null;
  devices: Record<string, unknown>[];
  passkeys: Record<string, unknown>[];
};

export type PoolImportService = ReturnType<typeof createPoolImportService>;

/** A later import of the same pool took it over (this one's process looked dead, or the same file was sent twice). */
const replacedByAnotherImport = (poolId: string) =>
  new CognitoError(
    "ConcurrentModificationException",
    `Another import of user pool ${poolId} started and replaced this one before it completed.`,
  );

/**
 * Restores a pool export (export-format.ts) into this gateway as the same pool — same pool id (the SRP
 * verifiers are bound to its name), client ids, subs and usernames — so users sign in with their old
 * passwords (SRP and USER_PASSWORD_AUTH) and their authenticators. Streamed: one batch of records in
 * memory, one transaction per batch. Every line's MAC is checked before it is applied; if anything is
 * wrong or the stream ends early, the half-imported pool is deleted (by cascade, everything in it).
 * Until the last batch the pool is marked as being imported: nothing can see or use it, and if the
 * process dies part way, importing the export again replaces what it left.
 */
export function createPoolImportService({
  db,
  clock,
  secretBox,
  hasher,
  exportKeys,
  contexts,
  maxUserPools,
}: PoolTransferDeps & { maxUserPools: number }) {
  return {
    /**
     * @param lines the export's lines, in order (empty lines are skipped)
     * @param options.passphrase the export key it was sealed with; null when it was sealed with this gateway's SECRETS_KEY
     * @throws NotAuthorizedException (a scoped key: a new pool is an unscoped key's act),
     *         InvalidParameterException (not an export, wrong key, a changed or cut-off line, the pool id exists),
     *         LimitExceededException (MAX_USER_POOLS reached), ConcurrentModificationException (a later
     *         import of the same pool replaced this one before it completed)
     */
    async importPool(
      principal: AdminPrincipal,
      lines: AsyncIterable<string>,
      options: { passphrase: string | null },
    ): Promise<PoolImportSummary> {
      assertUnscoped(principal, "import user pools");
      const iterator = lines[Symbol.asyncIterator]();
      let lineNumber = 0;
      const next = async (): Promise<Record<string, unknown> | null> => {
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) return null;
          lineNumber++;
          if (value.trim() !== "") return parseLine(value, lineNumber);
        }
      };
      const first = await next();
      if (!first || first.type !== "header" || first.format !== EXPORT_FORMAT)
        throw refusedExport("it does not start with an identity-gateway pool export header");
      if (first.version !== EXPORT_VERSION) throw refusedExport(`version ${String(first.version)} is not supported`);
      const headerSealing = first.sealing as ExportHeader["sealing"];
      if (headerSealing?.kind === "passphrase" && options.passphrase === null)
        throw refusedExport("it is sealed with an export key; give the passphrase");
      if (headerSealing?.kind === "secretsKey" && options.passphrase !== null)
        throw refusedExport("it is sealed with the exporting gateway's SECRETS_KEY, not with an export key");
      const { sealing } = sealingFor(exportKeys, options.passphrase, headerSealing);
      try {
        if (sealing.box.decrypt(String(first.keyCheck)) !== KEY_CHECK) throw new Error("key check");
      } catch {
        throw refusedExport("the export key (or SECRETS_KEY) is not the one it was sealed with");
      }
      const verify = createLineVerifier(sealing);
      verify(first);
      const seal = sealing.box;
      const poolRecord = await next();
      const poolLine = poolRecord && verify(poolRecord);
      if (!poolLine || poolLine.type !== "pool") throw refusedExport("the pool record is missing");
      const pool = revive<UserPool>(poolLine.pool as Record<string, unknown>, ["createdAt", "updatedAt"]);
      const now = clock.now();
      const importId = randomTokenBase64Url(24);
      await db.transaction(async (repositories) => {
        await repositories.pools.lockForUpdate(pool.id);
        const existing = await repositories.pools.importOf(pool.id);
        if (existing) {
          if (existing.importId === null) throw refusedExport(`a user pool with id ${pool.id} already exists here`);
          // A pool still marked as being imported is what an import left when its process died (or one still
          // running, which then fails at its next batch): this import brings the whole export, so it takes its place.
          await repositories.pools.deleteImport(pool.id, existing.importId);
        }
        // The quota as createUserPool checks it, in the transaction that takes the place.
        if ((await repositories.pools.count()) >= maxUserPools)
          throw new CognitoError("LimitExceededException", `This gateway holds at most ${maxUserPools} user pools.`);
        await repositories.pools.insertImporting(pool, importId);
      });
      const counts: Record<string, number> = {
        clients: 0,
        resourceServers: 0,
        groups: 0,
        users: 0,
        memberships: 0,
        devices: 0,
        passkeys: 0,
      };
      try {
        const groupIds = new Map<string, string>();
        // Memberships may only name users of this import (an export lists users before memberships):
        // a user id of another pool would put that user in this pool's group and its groups in their tokens.
        const userIds = new Set<string>();
        let batch: ExportRecord[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const records = batch;
          batch = [];
          // Unsealing and re-sealing happen before the transaction; bcrypt never runs here at all.
          const prepared = records.map((record) => prepare(record));
          await db.transaction(async (repositories) => {
            if (!(await repositories.pools.holdImport(pool.id, importId))) throw replacedByAnotherImport(pool.id);
            for (const apply of prepared) await apply(repositories);
          });
        };
        const prepare = (record: ExportRecord): ((repositories: Repositories) => Promise<void>) => {
          switch (record.type) {
            case "triggerSecret":
              return (repositories) =>
                repositories.triggerSecrets.put({
                  poolId: pool.id,
                  secretCiphertext: reseal(seal, secretBox, String(record.secret)),
                  createdAt: new Date(String(record.createdAt)),
                });
            case "client": {
              const client = revive<AppClient>(record.client as Record<string, unknown>, ["createdAt", "updatedAt"]);
              counts.clients!++;
              return (repositories) =>
                repositories.clients.insert({
                  ...client,
                  poolId: pool.id,
                  secretCiphertext:
                    client.secretCiphertext === null ? null : reseal(seal, secretBox, client.secretCiphertext),
                });
            }
            case "resourceServer":
              counts.resourceServers!++;
              return (repositories) =>
                repositories.resourceServers.insert({
                  ...revive<ResourceServer>(record.resourceServer as Record<string, unknown>, [
                    "createdAt",
                    "updatedAt",
                  ]),
                  poolId: pool.id,
                });
            case "group": {
              const group = revive<Group>(record.group as Record<string, unknown>, ["createdAt", "updatedAt"]);
              counts.groups!++;
              groupIds.set(group.name, group.id);
              return (repositories) => repositories.groups.insert({ ...group, poolId: pool.id });
            }
            case "user":
              return prepareUser(record as unknown as UserRecord);
            case "membership": {
              const groupId = groupIds.get(String(record.group));
              if (!groupId)
                throw refusedExport(`a membership names group ${String(record.group)}, which the export does not hold`);
              if (!userIds.has(String(record.userId)))
                throw refusedExport(`a membership names user ${String(record.userId)}, which the export does not hold`);
              counts.memberships!++;
              return (repositories) => repositories.groups.addMember(groupId, String(record.userId), now);
            }
            default:
              throw refusedExport(`a record of type ${record.type} is not known`);
          }
        };
        const prepareUser = (record: UserRecord): ((repositories: Repositories) => Promise<void>) => {
          const plain = revive<Omit<User, "credentials"> & { credentials: string | null }>(record.user, [
            "createdAt",
            "updatedAt",
            "passwordChangedAt",
          ]);
          let credentials: PasswordCredentials | null = null;
          if (plain.credentials !== null) {
            const sealed = JSON.parse(seal.decrypt(plain.credentials)) as {
              pepper: string;
              bcryptHash: string;
              srpSalt: string;
              srpVerifier: string;
            };
            credentials = {
              passwordHash: hasher.fromPortableHash({ pepper: sealed.pepper, bcryptHash: sealed.bcryptHash }),
              srpSalt: sealed.srpSalt,
              srpVerifier: sealed.srpVerifier,
            };
          }
          const user: User = { ...plain, poolId: pool.id, credentials };
          userIds.add(user.id);
          const mfa = record.mfa && revive<UserMfa>(record.mfa, ["updatedAt"]);
          const totp = mfa?.totpSecretCiphertext ? reseal(seal, secretBox, mfa.totpSecretCiphertext) : null;
          const pendingTotp = mfa?.pendingTotpSecretCiphertext
            ? reseal(seal, secretBox, mfa.pendingTotpSecretCiphertext)
            : null;
          const devices = (record.devices ?? []).map((device) => {
            const revived = revive<Device>(device, ["createdAt", "updatedAt", "lastAuthenticatedAt"]);
            return {
              ...revived,
              poolId: pool.id,
              userId: user.id,
              srpVerifier: revived.srpVerifier === null ? null : seal.decrypt(revived.srpVerifier),
            };
          });
          const passkeys = (record.passkeys ?? []).map((passkey) => ({
            ...revive<WebAuthnCredential>(passkey, ["createdAt", "lastUsedAt"]),
            poolId: pool.id,
            userId: user.id,
          }));
          counts.users!++;
          counts.devices! += devices.length;
          counts.passkeys! += passkeys.length;
          return async (repositories) => {
            await saveUser(repositories, pool, user, { isNew: true });
            if (mfa) {
              await repositories.mfa.findForUpdate(user.id, mfa.updatedAt);
              if (totp) {
                await repositories.mfa.setPendingTotp(user.id, totp, mfa.updatedAt);
                await repositories.mfa.promotePendingTotp(user.id, totp, {
                  friendlyName: mfa.totpFriendlyName,
                  step: mfa.totpLastUsedStep ?? 0,
                  now: mfa.updatedAt,
                });
              }
              if (pendingTotp) await repositories.mfa.setPendingTotp(user.id, pendingTotp, mfa.updatedAt);
              await repositories.mfa.setFactors(
                user.id,
                {
                  smsEnabled: mfa.smsEnabled,
                  emailEnabled: mfa.emailEnabled,
                  totpEnabled: mfa.totpEnabled,
                  preferred: mfa.preferred,
                },
                mfa.updatedAt,
              );
            }
            for (const device of devices) await repositories.devices.insert(device);
            for (const passkey of passkeys) await repositories.webAuthnCredentials.insert(passkey);
          };
        };

        let ended = false;
        for (let parsed = await next(); parsed; parsed = await next()) {
          if (ended) throw refusedExport("there are lines after the end record");
          const record = verify(parsed);
          if (record.type === "end") {
            await flush();
            const expected = record.counts as Record<string, number>;
            for (const [name, count] of Object.entries(counts))
              if (expected?.[name] !== count)
                throw refusedExport(`it holds ${count} ${name}, its end record says ${String(expected?.[name])}`);
            ended = true;
            continue;
          }
          // Users, then memberships: a membership's user is committed before it, batches run in order.
          batch.push(record);
          if (batch.length >= BATCH) await flush();
        }
        if (!ended) throw refusedExport("it ends before its end record (cut off)");
        await db.transaction(async (repositories) => {
          if (!(await repositories.pools.holdImport(pool.id, importId))) throw replacedByAnotherImport(pool.id);
          await repositories.pools.finishImport(pool.id);
          await repositories.events.append(
            {
              type: "USER_POOL_IMPORTED",
              poolId: pool.id,
              actor: actorOf(principal),
              detail: { counts, sealing: headerSealing.kind },
            },
            clock.now(),
          );
        });
      } catch (error) {
        // No half pool: everything imported so far goes with it — unless a later import replaced it, whose it is now.
        await db.transaction((repositories) => repositories.pools.deleteImport(pool.id, importId));
        await contexts?.invalidatePool(pool.id);
        if (error instanceof CognitoError) throw error;
        if (error instanceof SyntaxError || (error instanceof Error && /sealed|auth|decrypt/i.test(error.message)))
          throw refusedExport("a sealed value does not open with the export key");
        throw error;
      }
      return { userPoolId: pool.id, counts };
    },
  };
}

/** A secret sealed under the export key, sealed again under this gateway's SECRETS_KEY. */
const reseal = (exportBox: SecretBox, ownBox: SecretBox, sealed: string): string =>
  ownBox.encrypt(exportBox.decrypt(sealed));
