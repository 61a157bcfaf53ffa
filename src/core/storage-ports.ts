/**
 * The storage ports: repositories (one per aggregate) and the Database that runs them in a
 * transaction. Re-exported by ports.ts, which holds the other ports; the ports of a user's own records
 * are in storage-ports.users.ts, those of the sign-in surfaces in storage-ports.sign-in-surfaces.ts.
 */
import type { AdminApiKey } from "./admin-keys/admin-key.types.js";
import type { AppClient } from "./clients/app-client.types.js";
import type { AppEvent, StoredEvent } from "./events/event.types.js";
import type { Group } from "./groups/group.types.js";
import type { SentMessage } from "./messaging/message.types.js";
import type { UserPool } from "./pools/user-pool.types.js";
import type { WebhookDelivery, WebhookRepository } from "./webhooks/webhook.types.js";
import type { User, UserWithGroups } from "./users/user.types.js";
import type { UserImportRepository } from "./user-import/user-import.ports.js";
import type {
  ResourceServerRepository,
  UiCustomizationRepository,
  UserMigrationSourceRepository,
  UserPoolDomainRepository,
  WebAuthnCredentialRepository,
} from "./storage-ports.sign-in-surfaces.js";
import type {
  DeviceRepository,
  UserMfaRepository,
  UserRepository,
  VerificationCodeRepository,
} from "./storage-ports.users.js";

export interface PageRequest {
  /** Exclusive lower bound on the sort key (the id), from a decoded cursor. */
  afterId?: string;
  limit: number;
}

export interface UserPoolRepository {
  insert(pool: UserPool): Promise<void>;
  update(pool: UserPool): Promise<void>;
  /** Deletes the pool and, by cascade, everything in it (clients, users, groups, keys, tokens, devices). */
  delete(poolId: string): Promise<void>;
  /** A complete pool: never one an import is still filling. */
  findById(poolId: string): Promise<UserPool | null>;
  /** Complete pools ordered by id; `onlyIds` restricts to a scoped admin key's pools (null = all). */
  list(page: PageRequest, onlyIds: readonly string[] | null): Promise<UserPool[]>;
  /** Every pool, those being imported included: each holds its place in the MAX_USER_POOLS quota. */
  count(): Promise<number>;
  /**
   * Inserts a pool that the import `importId` is about to fill: findById and list do not see it until
   * finishImport, so nobody signs in to (or changes) a pool that is half there.
   */
  insertImporting(pool: UserPool, importId: string): Promise<void>;
  /** Whether a row holds this pool id: null when none, else the id of the import filling it (null once complete). */
  importOf(poolId: string): Promise<{ importId: string | null } | null>;
  /**
   * Whether the import `importId` still owns the pool (a later import of the same pool replaces one that
   * died or was left behind). Locks the pool's row until the transaction ends (MariaDB), so a replacing
   * import waits for the batch in flight, and a batch never lands in the pool that replaced its own.
   */
  holdImport(poolId: string, importId: string): Promise<boolean>;
  /** Makes the pool complete and visible. Call holdImport first, in the same transaction. */
  finishImport(poolId: string): Promise<void>;
  /** Deletes the pool (by cascade, everything in it) only while the import `importId` still owns it. */
  deleteImport(poolId: string, importId: string): Promise<void>;
  countUsers(poolId: string): Promise<number>;
  /**
   * Locks the pool's row until the transaction ends, so that quota checks in the pool (count, then
   * insert) run one at a time: SELECT … FOR UPDATE on MariaDB; nothing on SQLite, whose transactions
   * already run one at a time. Call it before any other read of the transaction: MariaDB's plain
   * reads see the snapshot of the first of them, which could predate the previous holder's commit.
   */
  lockForUpdate(poolId: string): Promise<void>;
}

export interface AppClientRepository {
  insert(client: AppClient): Promise<void>;
  update(client: AppClient): Promise<void>;
  delete(clientId: string): Promise<void>;
  findById(clientId: string): Promise<AppClient | null>;
  listByPool(poolId: string, page: PageRequest): Promise<AppClient[]>;
  countByPool(poolId: string): Promise<number>;
}

export interface AdminApiKeyRepository {
  insert(key: AdminApiKey): Promise<void>;
  findById(keyId: string): Promise<AdminApiKey | null>;
  findByHash(keyHash: string): Promise<AdminApiKey | null>;
  list(page: PageRequest): Promise<AdminApiKey[]>;
  markRevoked(keyId: string, revokedAt: Date): Promise<void>;
  /** Stores the sealed key of a key that has none yet (ADMIN_API_KEY registered before keys were sealed). */
  setSecretCiphertext(keyId: string, secretCiphertext: string): Promise<void>;
  countAll(): Promise<number>;
  /**
   * The ids of the active (not revoked) unscoped keys as last committed, locked until the transaction
   * ends (a locking read on MariaDB; SQLite's transactions run one at a time), so two revocations
   * cannot both see the other's key as still active.
   */
  lockActiveUnscoped(): Promise<string[]>;
}

export interface EventRepository {
  /** Appends to the outbox; called inside the transaction of the change it records. Returns the event's seq. */
  append(event: AppEvent, occurredAt: Date): Promise<number>;
  /**
   * Appends the event and the webhook deliveries it owes (made from its seq) atomically: inside the
   * enclosing transaction, or, called outside one, in a transaction of their own. Returns the seq.
   */
  appendWithDeliveries(
    event: AppEvent,
    occurredAt: Date,
    deliveriesFor: (seq: number) => WebhookDelivery[],
  ): Promise<number>;
  /**
   * Events in seq order, after `afterSeq` and up to `throughSeq`; `poolIds` null = every pool and
   * pool-less events; `types` restricts to those types.
   */
  list(
    filter: { poolId?: string; poolIds: readonly string[] | null; types?: readonly string[] },
    page: { afterSeq?: number; throughSeq?: number; limit: number },
  ): Promise<StoredEvent[]>;
  /** The audit-log query: newest first (below `pastSeq`) or oldest first (above it). */
  search(
    filter: EventSearchFilter,
    page: { order: "NEWEST_FIRST" | "OLDEST_FIRST"; pastSeq?: number; limit: number },
  ): Promise<StoredEvent[]>;
  findBySeqs(seqs: readonly number[]): Promise<StoredEvent[]>;
  /** The highest seq allocated so far that is visible (0 when there is none). */
  maxSeq(): Promise<number>;
}

export interface EventSearchFilter {
  poolId?: string;
  /** null = every pool and pool-less events. */
  poolIds: readonly string[] | null;
  types?: readonly string[];
  userSub?: string;
  /** Inclusive lower and exclusive upper bound on occurredAt. */
  from?: Date;
  to?: Date;
}
export interface GroupRepository {
  /** @throws GroupExistsException */
  insert(group: Group): Promise<void>;
  update(group: Group): Promise<void>;
  delete(groupId: string): Promise<void>;
  findByName(poolId: string, name: string): Promise<Group | null>;
  list(poolId: string, page: PageRequest): Promise<Group[]>;
  countInPool(poolId: string): Promise<number>;
  addMember(groupId: string, userId: string, at: Date): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<void>;
  isMember(groupId: string, userId: string): Promise<boolean>;
  countGroupsOfUser(userId: string): Promise<number>;
  /** The user's groups ordered by name (then id). */
  listGroupsOfUser(userId: string, page: PageRequest): Promise<Group[]>;
  /** Members ordered by user id. */
  listMembers(groupId: string, page: PageRequest): Promise<User[]>;
}

export interface RefreshTokenRecord {
  id: string;
  poolId: string;
  clientId: string;
  userId: string;
  /** SHA-256 of the opaque token. */
  tokenHash: string;
  /** The sign-in this token descends from: its `origin_jti`. */
  familyId: string;
  deviceKey: string | null;
  /** The original authentication time, kept across refreshes (the tokens' `auth_time`). */
  authTime: Date;
  createdAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  /**
   * What an OAuth grant (authorization code, /oauth2/token) bound the token to; every refresh keeps it.
   * Null for tokens from the JSON API sign-in, whose access tokens carry only aws.cognito.signin.user.admin.
   */
  oauth: { scopes: string[]; resource: string | null } | null;
}

export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token rotated if it was neither rotated nor revoked yet (a conditional UPDATE); true for exactly one caller. */
  markRotated(id: string, at: Date): Promise<boolean>;
  /**
   * When the token was rotated and revoked, as last committed (not as the transaction's snapshot saw
   * it), with the row locked until the transaction ends: SELECT … FOR UPDATE on MariaDB; SQLite
   * transactions run one at a time anyway. Null for an unknown token.
   */
  findRotationStateLocked(id: string): Promise<{ rotatedAt: Date | null; revokedAt: Date | null } | null>;
  /** findByHash, isFamilyRevoked for the token's family and the token's user in `poolId` with its groups ordered by name (null when gone), in one round trip. */
  findByHashWithHolder(
    tokenHash: string,
    poolId: string,
  ): Promise<{ record: RefreshTokenRecord; isFamilyRevoked: boolean; user: UserWithGroups | null } | null>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  revokeAllOfUser(userId: string, at: Date): Promise<void>;
  /** Revokes every family of the user's refresh tokens bound to the device (ForgetDevice): a family never changes device. */
  revokeAllOfDevice(userId: string, deviceKey: string, at: Date): Promise<void>;
  /** True when the family's tokens were revoked (RevokeToken, GlobalSignOut, reuse detection). */
  isFamilyRevoked(familyId: string): Promise<boolean>;
}

export interface SentMessageRepository {
  insert(message: SentMessage): Promise<void>;
  list(poolId: string, filter: { userId?: string; destination?: string }, page: PageRequest): Promise<SentMessage[]>;
}

export type TokenUse = "id" | "access";

/** One RS256 key pair of a pool; the private half only ever stored sealed with the SecretBox. */
export interface SigningKeyRecord {
  kid: string;
  poolId: string;
  tokenUse: TokenUse;
  algorithm: "RS256";
  /** The public JWK (kty, n, e, kid, alg, use) as JSON. */
  publicJwk: string;
  /** PKCS#8 PEM sealed with the SecretBox. */
  privateKeyCiphertext: string;
  createdAt: Date;
  /** Set when rotated out: signs no more, stays published until its last token has expired. */
  retiredAt: Date | null;
}

export interface SigningKeyRepository {
  /**
   * Locks the pool until the transaction ends, so key creation and rotation (in any process) run one
   * after another; call it first in the transaction. False when the pool does not exist.
   */
  lockPoolForKeyChange(poolId: string): Promise<boolean>;
  insert(key: SigningKeyRecord): Promise<void>;
  /** Keys that sign (not retired), oldest first. */
  listActive(poolId: string): Promise<SigningKeyRecord[]>;
  /** Active keys and keys retired after `retiredAfter`, oldest first. */
  listPublished(poolId: string, retiredAfter: Date): Promise<SigningKeyRecord[]>;
  /** Retires every active key of the pool; returns their kids. */
  retireActive(poolId: string, at: Date): Promise<string[]>;
  deleteRetiredBefore(poolId: string, before: Date): Promise<void>;
}
/** A pool's trigger signing secret, sealed with the SecretBox; one per pool, replaced on rotation. */
export interface TriggerSecretRecord {
  poolId: string;
  secretCiphertext: string;
  createdAt: Date;
}

export interface TriggerSecretRepository {
  find(poolId: string): Promise<TriggerSecretRecord | null>;
  /** Stores the pool's secret, replacing the previous one. */
  put(record: TriggerSecretRecord): Promise<void>;
}

export interface Repositories {
  pools: UserPoolRepository;
  clients: AppClientRepository;
  adminKeys: AdminApiKeyRepository;
  events: EventRepository;
  users: UserRepository;
  codes: VerificationCodeRepository;
  groups: GroupRepository;
  sentMessages: SentMessageRepository;
  refreshTokens: RefreshTokenRepository;
  signingKeys: SigningKeyRepository;
  mfa: UserMfaRepository;
  devices: DeviceRepository;
  triggerSecrets: TriggerSecretRepository;
  webhooks: WebhookRepository;
  resourceServers: ResourceServerRepository;
  domains: UserPoolDomainRepository;
  uiCustomizations: UiCustomizationRepository;
  webAuthnCredentials: WebAuthnCredentialRepository;
  userImports: UserImportRepository;
  migrationSources: UserMigrationSourceRepository;
}

export interface Database {
  /** Runs `work` in one transaction: all of its writes (and their events) commit together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `work` outside a transaction: for reads, and for a lone write that commits by itself (an
   * appended event commits together with its webhook deliveries all the same).
   */
  read<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * The work only inserts rows it needs nothing back from — `events.append`, `refreshTokens.insert` —
   * and may run twice (as after a deadlock): the database may then hold those writes back and send
   * them with the commit as one request. Asking for anything else makes the work run again as a plain
   * transaction. Held back, `events.append` resolves at once with 0: the seq is known only at commit.
   */
  writesOnly?: boolean;
}
export * from "./storage-ports.users.js";
export * from "./storage-ports.sign-in-surfaces.js";
