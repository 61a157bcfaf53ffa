/**
 * What core needs from the outside world. Adapters live in infra/; only app.ts wires them.
 * Every method that can fail in a way a client must see throws a CognitoError (named in its TSDoc);
 * anything else is an internal failure.
 */
import type { AdminApiKey } from "./admin-keys/admin-key.types.js";
import type { AppClient } from "./clients/app-client.types.js";
import type { AppEvent, StoredEvent } from "./events/event.types.js";
import type { Group } from "./groups/group.types.js";
import type { SentMessage } from "./messaging/message.types.js";
import type { UserPool } from "./pools/user-pool.types.js";
import type { AliasKind, User } from "./users/user.types.js";

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
  findById(poolId: string): Promise<UserPool | null>;
  /** Pools ordered by id; `onlyIds` restricts to a scoped admin key's pools (null = all). */
  list(page: PageRequest, onlyIds: readonly string[] | null): Promise<UserPool[]>;
  count(): Promise<number>;
  countUsers(poolId: string): Promise<number>;
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
  countAll(): Promise<number>;
}

export interface EventRepository {
  /** Appends to the outbox; called inside the transaction of the change it records. */
  append(event: AppEvent, occurredAt: Date): Promise<void>;
  /** Events in insertion order; `poolIds` null = every pool and pool-less events. */
  list(filter: { poolId?: string; poolIds: readonly string[] | null }, page: { afterSeq?: number; limit: number }): Promise<StoredEvent[]>;
}

/** One searchable value of a user, already folded by core's rules (see users/user-search.ts). */
export interface SearchEntry {
  name: string;
  value: string;
}

/** A position in a listUsers result: results are ordered by (value, userId). */
export interface SearchPosition {
  value: string;
  userId: string;
}

export interface UserSearchQuery {
  /** null = every user of the pool, ordered by user id. */
  attribute: string | null;
  operator: "=" | "^=";
  value: string;
  after?: SearchPosition;
  limit: number;
}

export interface UserRepository {
  /** @throws UsernameExistsException when the pool already has the normalised username. */
  insert(user: User): Promise<void>;
  update(user: User): Promise<void>;
  delete(userId: string): Promise<void>;
  findById(poolId: string, userId: string): Promise<User | null>;
  findByUsername(poolId: string, usernameNormalized: string): Promise<User | null>;
  findByAlias(poolId: string, kind: AliasKind, valueNormalized: string): Promise<User | null>;
  /** Replaces the user's alias rows. @throws AliasExistsException when another user holds one of them. */
  replaceAliases(poolId: string, userId: string, aliases: { kind: AliasKind; valueNormalized: string }[]): Promise<void>;
  /** Removes one alias value from whoever holds it (ForceAliasCreation); returns that user's id. */
  releaseAlias(poolId: string, kind: AliasKind, valueNormalized: string): Promise<string | null>;
  replaceSearchEntries(poolId: string, userId: string, entries: SearchEntry[]): Promise<void>;
  /** Users matching a ListUsers filter, ordered by (matched value, user id), `limit` at most. */
  search(poolId: string, query: UserSearchQuery): Promise<{ user: User; position: SearchPosition }[]>;
  /** Remembers a retired password hash, keeping only the newest `keep`. */
  addPasswordHistory(userId: string, passwordHash: string, createdAt: Date, keep: number): Promise<void>;
  listPasswordHistory(userId: string, limit: number): Promise<string[]>;
}

export type CodePurpose = "SIGN_UP" | "FORGOT_PASSWORD" | "VERIFY_EMAIL" | "VERIFY_PHONE_NUMBER";

export interface VerificationCode {
  userId: string;
  purpose: CodePurpose;
  /** Keyed hash of the code; the code itself is only ever in the message sent. */
  codeHash: string;
  expiresAt: Date;
  failedAttempts: number;
  createdAt: Date;
  consumedAt: Date | null;
}

export interface VerificationCodeRepository {
  /** Stores the newest code for the purpose, replacing the previous one: only the latest is valid. */
  replace(code: VerificationCode): Promise<void>;
  find(userId: string, purpose: CodePurpose): Promise<VerificationCode | null>;
  /** Atomically adds one failed attempt; returns the new count. */
  recordFailure(userId: string, purpose: CodePurpose): Promise<number>;
  /** Marks the code used if it is still unused, unexpired and matches; true for exactly one caller. */
  consume(userId: string, purpose: CodePurpose, codeHash: string, now: Date): Promise<boolean>;
  deleteForUser(userId: string, purpose: CodePurpose): Promise<void>;
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

export interface SentMessageRepository {
  insert(message: SentMessage): Promise<void>;
  list(poolId: string, filter: { userId?: string; destination?: string }, page: PageRequest): Promise<SentMessage[]>;
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
}

export interface Database {
  /** Runs `work` in one transaction: all of its writes (and their events) commit together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Runs read-only `work` outside a transaction. */
  read<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Short-lived shared state: challenge sessions, codes, attempt counters, rate-limit buckets, pub/sub.
 * Expiry follows the injected clock on every adapter, so tests move time instead of sleeping.
 */
export interface ShortLivedStore {
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when no live value exists; true when this call created it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /** Atomically reads and deletes: of many parallel callers exactly one receives the value. */
  consume(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  /** Atomically adds 1 within a fixed window that starts at the first increment; returns the new count. */
  increment(key: string, windowSeconds: number): Promise<number>;
  /** Token bucket: takes one token if available. `retryAfterSeconds` is 0 when allowed. */
  takeToken(key: string, capacity: number, refillPerSecond: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  publish(channel: string, message: string): Promise<void>;
  /** Returns an unsubscribe function. Messages published after the promise resolves are delivered. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Symmetric authenticated encryption for secrets the gateway must use again (client secrets, keys). */
export interface SecretBox {
  encrypt(plaintext: string): string;
  /** Throws when the ciphertext was tampered with or made under another key. */
  decrypt(ciphertext: string): string;
}

/** Password storage: a slow hash for comparing plaintext, plus Cognito's SRP verifier for sign-in. */
export interface PasswordHasher {
  /** Never truncates: passwords differing anywhere in their (up to 256) characters hash differently. */
  hash(password: string): Promise<string>;
  verify(password: string, passwordHash: string): Promise<boolean>;
  /** Same cost as a failed verify, for users that do not exist (timing must not tell). */
  spendDummyVerify(password: string): Promise<void>;
  /** SRP salt and verifier for the immutable username in the pool (cognito-reference §4.4). */
  createSrpVerifier(poolId: string, username: string, password: string): { srpSalt: string; srpVerifier: string };
}

/** Keyed hashing for short secrets (6-digit codes) that a database dump must not let anyone brute-force. */
export interface CodeHasher {
  hashCode(scope: string, code: string): string;
}

export type DeliveryMedium = "EMAIL" | "SMS";

export interface OutgoingMessage {
  poolId: string;
  userId: string | null;
  medium: DeliveryMedium;
  destination: string;
  subject: string | null;
  body: string;
  /** Why it was sent, e.g. SIGN_UP, FORGOT_PASSWORD, INVITATION. */
  purpose: string;
}

/**
 * Delivers codes and invitations. @throws CodeDeliveryFailureException when the message could not be
 * handed to the provider; nothing else is thrown.
 */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
