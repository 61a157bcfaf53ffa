import type { Clock } from "../../lib/clock.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { assertUnscoped } from "../admin-keys/access.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import { invalidParameter } from "../errors.js";
import type { Database, ExportKeys, ExportSealing, PasswordHasher, SecretBox } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { User } from "../users/user.types.js";
import {
  createLineSigner,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  KEY_CHECK,
  type ExportHeader,
  type ExportRecord,
  type ExportSealingHeader,
} from "./export-format.js";

/** Rows read per query: memory stays bounded by one page, whatever the pool's size. */
const PAGE = 500;
/** A passphrase is stretched with scrypt, but a short one is still guessable offline. */
export const MIN_PASSPHRASE_LENGTH = 12;

export interface PoolTransferDeps {
  db: Database;
  clock: Clock;
  /** The gateway's own SecretBox (SECRETS_KEY): what stored secrets are sealed with. */
  secretBox: SecretBox;
  hasher: PasswordHasher;
  exportKeys: ExportKeys;
  /** Told when a half-imported pool is deleted again: processes may have cached it, or its clients, meanwhile. */
  contexts?: Pick<ClientContextCache, "invalidatePool">;
}

/** The sealing an export or import uses: SECRETS_KEY, or a passphrase stretched with scrypt. */
export function sealingFor(
  exportKeys: ExportKeys,
  passphrase: string | null,
  header?: ExportSealingHeader,
): { sealing: ExportSealing; header: ExportSealingHeader } {
  if (passphrase === null) return { sealing: exportKeys.fromSecretsKey(), header: { kind: "secretsKey" } };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw invalidParameter(`An export key (passphrase) needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const salt = header?.kind === "passphrase" ? header.salt : randomTokenBase64Url(16);
  return { sealing: exportKeys.fromPassphrase(passphrase, salt), header: { kind: "passphrase", kdf: "scrypt", salt } };
}

async function* pages<T>(
  read: (afterId: string | undefined) => Promise<T[]>,
  idOf: (item: T) => string,
): AsyncGenerator<T> {
  let afterId: string | undefined;
  for (;;) {
    const page = await read(afterId);
    yield* page;
    if (page.length < PAGE) return;
    afterId = idOf(page[page.length - 1]!);
  }
}

export type PoolExportService = ReturnType<typeof createPoolExportService>;

/**
 * Admin export of a pool as signed JSON lines (export-format.ts): everything another gateway needs to
 * take over its users — settings, clients, groups, users with attributes, memberships, MFA, devices,
 * passkeys, password hashes and SRP verifiers. Every secret is unsealed from SECRETS_KEY and sealed
 * again under the export key. Read page by page outside any transaction (a consistent snapshot of a
 * live pool would hold a transaction open for minutes): take it when the pool is quiet, or restore a
 * backup instead. Not exported: signing keys, refresh tokens, events, sent messages, domains, UI
 * customization, webhooks, the migration source, password history.
 */
export function createPoolExportService({ db, clock, secretBox, hasher, exportKeys }: PoolTransferDeps) {
  /** A user's credentials, sealed whole: the bcrypt hash with its pepper, and the SRP salt and verifier. */
  const sealCredentials = (seal: SecretBox, user: User): string | null =>
    user.credentials
      ? seal.encrypt(
          JSON.stringify({
            ...hasher.toPortableHash(user.credentials.passwordHash),
            srpSalt: user.credentials.srpSalt,
            srpVerifier: user.credentials.srpVerifier,
          }),
        )
      : null;

  async function* records(poolId: string, seal: SecretBox, header: ExportHeader): AsyncGenerator<ExportRecord> {
    yield { ...header };
    const counts = { clients: 0, resourceServers: 0, groups: 0, users: 0, memberships: 0, devices: 0, passkeys: 0 };
    const pool = await db.read((repositories) => repositories.pools.findById(poolId));
    yield { type: "pool", pool };
    const triggerSecret = await db.read((repositories) => repositories.triggerSecrets.find(poolId));
    if (triggerSecret)
      yield {
        type: "triggerSecret",
        secret: seal.encrypt(secretBox.decrypt(triggerSecret.secretCiphertext)),
        createdAt: triggerSecret.createdAt,
      };
    for await (const client of pages(
      (afterId) => db.read((repositories) => repositories.clients.listByPool(poolId, { afterId, limit: PAGE })),
      (client) => client.clientId,
    )) {
      counts.clients++;
      yield {
        type: "client",
        client: {
          ...client,
          secretCiphertext:
            client.secretCiphertext === null ? null : seal.encrypt(secretBox.decrypt(client.secretCiphertext)),
        },
      };
    }
    for (const server of await db.read((repositories) => repositories.resourceServers.listAllByPool(poolId))) {
      counts.resourceServers++;
      yield { type: "resourceServer", resourceServer: server };
    }
    const groups = [];
    for await (const group of pages(
      (afterId) => db.read((repositories) => repositories.groups.list(poolId, { afterId, limit: PAGE })),
      (group) => group.id,
    )) {
      counts.groups++;
      groups.push({ id: group.id, name: group.name });
      yield { type: "group", group };
    }
    const readUsers = (afterId: string | undefined) =>
      db.read(async (repositories) =>
        (
          await repositories.users.search(poolId, {
            attribute: null,
            operator: "=",
            value: "",
            after: afterId ? { value: "", userId: afterId } : undefined,
            limit: PAGE,
          })
        ).map(({ user }) => user),
      );
    for await (const user of pages(readUsers, (user) => user.id)) {
      const { mfa, devices, passkeys } = await db.read(async (repositories) => ({
        mfa: await repositories.mfa.find(user.id),
        devices: await repositories.devices.listConfirmedOfUser(user.id, { limit: 1000 }),
        passkeys: await repositories.webAuthnCredentials.listOfUser(user.id),
      }));
      counts.users++;
      counts.devices += devices.length;
      counts.passkeys += passkeys.length;
      const { credentials: _credentials, ...plain } = user;
      yield {
        type: "user",
        user: { ...plain, credentials: sealCredentials(seal, user) },
        mfa: mfa && {
          ...mfa,
          totpSecretCiphertext:
            mfa.totpSecretCiphertext === null ? null : seal.encrypt(secretBox.decrypt(mfa.totpSecretCiphertext)),
          pendingTotpSecretCiphertext:
            mfa.pendingTotpSecretCiphertext === null
              ? null
              : seal.encrypt(secretBox.decrypt(mfa.pendingTotpSecretCiphertext)),
        },
        // Device verifiers are SRP verifiers too: sealed like the user's.
        devices: devices.map((device) => ({
          ...device,
          srpVerifier: device.srpVerifier === null ? null : seal.encrypt(device.srpVerifier),
        })),
        passkeys,
      };
    }
    for (const group of groups) {
      for await (const member of pages(
        (afterId) => db.read((repositories) => repositories.groups.listMembers(group.id, { afterId, limit: PAGE })),
        (member) => member.id,
      )) {
        counts.memberships++;
        yield { type: "membership", group: group.name, userId: member.id };
      }
    }
    yield { type: "end", counts };
  }

  return {
    /**
     * The pool as export lines (without newlines), produced as they are read: the caller streams them.
     * With `passphrase` (at least 12 characters) the secrets are sealed under a key scrypt derives from
     * it, for another gateway; without, under this gateway's SECRETS_KEY. The export is recorded
     * (USER_POOL_EXPORTED) before the first line.
     * @throws ResourceNotFoundException, NotAuthorizedException (key scoped to other pools), InvalidParameterException (short passphrase)
     */
    async exportPool(
      principal: AdminPrincipal,
      poolId: string,
      options: { passphrase: string | null },
    ): Promise<AsyncIterable<string>> {
      // A passphrase export opens outside this gateway, and its password hashes carry this gateway's
      // pepper, which guards every pool's hashes: only a gateway-wide key may take one. A scoped key's
      // export is sealed with SECRETS_KEY and opens only here (a backup, a move between this gateway's pools).
      if (options.passphrase !== null) assertUnscoped(principal, "export a pool with a passphrase");
      const { sealing, header: sealingHeader } = sealingFor(exportKeys, options.passphrase);
      const now = clock.now();
      await db.transaction(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        await repositories.events.append(
          { type: "USER_POOL_EXPORTED", poolId, actor: actorOf(principal), detail: { sealing: sealingHeader.kind } },
          now,
        );
      });
      const header: ExportHeader = {
        type: "header",
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        poolId,
        exportedAt: now.toISOString(),
        sealing: sealingHeader,
        keyCheck: sealing.box.encrypt(KEY_CHECK),
      };
      const sign = createLineSigner(sealing);
      // Dates become ISO strings here, as JSON.stringify writes them.
      const lines = async function* () {
        for await (const record of records(poolId, sealing.box, header))
          yield sign(JSON.parse(JSON.stringify(record)) as ExportRecord);
      };
      return lines();
    },
  };
}
