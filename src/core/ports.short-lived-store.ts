/**
 * The short-lived store port (re-exported by ports.ts): challenge sessions, codes, attempt counters,
 * rate-limit buckets and pub/sub, with the attempt gates it counts.
 */

/**
 * Short-lived shared state: challenge sessions, codes, attempt counters, rate-limit buckets, pub/sub.
 * Expiry follows the injected clock on every adapter, so tests move time instead of sleeping.
 * Keys one call touches atomically together (`consume`'s key and marker, the gates of `takeAttempt` and
 * `giveBackAttempt`) must share a hash tag `{…}` (lib/hash-tag.ts), so that a store spread over nodes
 * (Redis Cluster) keeps them on one; every adapter throws RangeError otherwise. `getMany` and `delete`
 * take keys of any tags (they are not atomic across keys).
 */
export interface ShortLivedStore {
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when no live value exists; true when this call created it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /**
   * Atomically reads and deletes: of many parallel callers exactly one receives the value. With
   * `marker`, the same step sets `marker.key` to "1" until the taken value's own expiry plus
   * `marker.extraSeconds`, so a later caller can tell "already used" from "never existed".
   */
  consume(key: string, options?: { marker?: { key: string; extraSeconds: number } }): Promise<string | null>;
  /** Live values of several keys in one round trip, in order; null where there is none. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** Deletes every key given, in one round trip. */
  delete(...keys: string[]): Promise<void>;
  /**
   * Atomically adds 1 within a window that starts at the first increment; returns the new count.
   * With `sliding`, every increment restarts the window (the count resets only after a quiet window).
   */
  increment(key: string, windowSeconds: number, options?: { sliding?: boolean }): Promise<number>;
  /**
   * Takes one attempt from every gate, all or nothing, in one atomic step: a gate refuses while it is
   * locked or full, and then nothing is counted anywhere. Counts live in a sliding window (each taken
   * attempt restarts it). A gate with `lockSecondsByCount` locks itself as it counts: reaching count n
   * locks it for `lockSecondsByCount[n]` seconds (the last entry stands for every higher count), so a
   * burst sees the lock its own earlier attempts would set. `dryRun` only checks. `thenSet`, only
   * when allowed, sets a value as `set` does: in the same round trip and step where the store can (one
   * node, or a cluster slot shared with the gates), else right after (a cluster, from another node).
   */
  takeAttempt(
    gates: readonly AttemptGate[],
    options?: { dryRun?: boolean; thenSet?: { key: string; value: string; ttlSeconds: number } },
  ): Promise<AttemptTaken>;
  /**
   * `takeAttempt(gates)` and then `consume(key, { marker })` as one step: nothing is counted unless
   * `key` holds a live value (`taken` null), and nothing is consumed unless the gates allow (`value`
   * null, the value left as it was). Null when the store cannot do both in one step (a Redis Cluster
   * keeps `key` and the gates on different nodes): the caller then consumes and takes apart.
   */
  consumeTakingAttempt(
    key: string,
    options: { marker: { key: string; extraSeconds: number }; gates: readonly AttemptGate[] },
  ): Promise<{ value: string | null; taken: AttemptTaken | null } | null>;
  /**
   * Gives one taken attempt back to each gate (an attempt that turned out not to be a failure): the
   * count drops by one, never below zero; the lock that attempt set (`lockedUntilMs` as taken) is
   * lifted and the window it extended (`windowEndsAtMs`) goes back to where it was
   * (`previousWindowEndsAtMs`), unless a later attempt has set its own. Gates whose window has ended
   * are left alone. A given-back attempt thus leaves no trace: failures still expire after a quiet
   * window, however many successes came between them.
   */
  giveBackAttempt(taken: readonly GivenBackAttempt[]): Promise<void>;
  /** Token bucket: takes one token if available. `retryAfterSeconds` is 0 when allowed. */
  takeToken(
    key: string,
    capacity: number,
    refillPerSecond: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  publish(channel: string, message: string): Promise<void>;
  /**
   * Returns an unsubscribe function. Messages published after the promise resolves are delivered,
   * except while the connection to a shared store is lost: `onGap` is then called (when the loss is
   * noticed and again once the subscription is back), so a subscriber that caches can drop what it holds.
   */
  subscribe(
    channel: string,
    onMessage: (message: string) => void,
    options?: { onGap?: () => void },
  ): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One limit an attempt must pass (see ShortLivedStore.takeAttempt). */
export interface AttemptGate {
  key: string;
  windowSeconds: number;
  /** Refuses once this many attempts are counted in the window. */
  limit?: number;
  /** Lock lengths by count (index = count after this attempt); 0 where the count does not lock. */
  lockSecondsByCount?: readonly number[];
}

/** What giveBackAttempt needs of a taken attempt; without the window fields the window is left as it is. */
export interface GivenBackAttempt {
  key: string;
  lockedUntilMs: number;
  windowEndsAtMs?: number;
  previousWindowEndsAtMs?: number;
}

export type AttemptTaken =
  /**
   * counts[i] is gate i's count with this attempt (its count as it stands, on a dry run);
   * lockedUntilMs[i] the lock this attempt set on it (0 for none); windowEndsAtMs[i] the window end it
   * set and previousWindowEndsAtMs[i] the one it replaced (0 when the window had ended).
   */
  | {
      allowed: true;
      counts: number[];
      lockedUntilMs: number[];
      windowEndsAtMs: number[];
      previousWindowEndsAtMs: number[];
    }
  /** `refusedBy` is the index of the first gate that refused; `lockedUntilMs` set when it is locked rather than full. */
  | { allowed: false; refusedBy: number; lockedUntilMs: number | null };
