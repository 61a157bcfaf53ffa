/**
 * What core needs from the outside world. Adapters live in infra/; only app.ts wires them.
 * Every method that can fail in a way a client must see throws a CognitoError (named in its TSDoc);
 * anything else is an internal failure.
 */
import type { AdminApiKey } from "./admin-keys/admin-key.types.js";
import type { AppClient } from "./clients/app-client.types.js";
import type { AppEvent, StoredEvent } from "./events/event.types.js";
import type { UserPool } from "./pools/user-pool.types.js";

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

export interface Repositories {
  pools: UserPoolRepository;
  clients: AppClientRepository;
  adminKeys: AdminApiKeyRepository;
  events: EventRepository;
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

export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
