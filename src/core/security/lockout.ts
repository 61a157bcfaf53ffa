import type { Clock } from "../../lib/clock.js";
import { CognitoError } from "../errors.js";
import type { ShortLivedStore } from "../ports.js";

/** Cognito's schedule (cognito-reference §11.2). */
export const FREE_FAILURES = 5;
export const MAX_LOCKOUT_SECONDS = 15 * 60;
/** Failures are forgotten after this long without a failed attempt. */
export const QUIET_RESET_SECONDS = 15 * 60;

/** Lockout for failures n ≥ 5: 2^(n−5) seconds, capped at 15 minutes. */
export function lockoutSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCKOUT_SECONDS);
}

/**
 * Per-user sign-in lockout, shared by every gateway process through the short-lived store.
 * Attempts during a lockout are refused without being counted, so they cannot extend it.
 */
/** How long a check that found no failures lets this process skip the reset on success. */
const CLEAN_MEMO_MS = 5_000;
const MAX_CLEAN_MEMO_ENTRIES = 10_000;

export function createLockout(store: ShortLivedStore, clock: Clock, options: { failuresPerIpWindow: number }) {
  const failuresKey = (poolId: string, userId: string) => `lockout:failures:${poolId}:${userId}`;
  /** The failure count as a plain value beside the counter, so a check reads it with the lock in one round trip. */
  const failuresSeenKey = (poolId: string, userId: string) => `lockout:failures-seen:${poolId}:${userId}`;
  const lockedKey = (poolId: string, userId: string) => `lockout:until:${poolId}:${userId}`;
  const ipKey = (ip: string) => `lockout:ip:${ip}`;
  const ipCountKey = (ip: string) => `${ipKey(ip)}:count`;
  const isLocked = (until: string | null) => until !== null && Number(until) > clock.nowMs();
  const isIpBlocked = (failures: string | null) => Number(failures ?? 0) >= options.failuresPerIpWindow;
  const locked = () => new CognitoError("NotAuthorizedException", "Password attempts exceeded");
  /**
   * Subjects a check in this process found without failures moments ago: their success skips the
   * reset, one round trip off every clean sign-in. A failure recorded meanwhile by another process
   * then stays counted, as if this success had come first.
   */
  const cleanUntil = new Map<string, number>();
  const subjectOf = (poolId: string, userId: string) => `${poolId}:${userId}`;
  const noteCheck = (poolId: string, userId: string, failuresSeen: string | null) => {
    const key = subjectOf(poolId, userId);
    if (failuresSeen !== null) {
      cleanUntil.delete(key);
      return;
    }
    if (cleanUntil.size >= MAX_CLEAN_MEMO_ENTRIES) cleanUntil.clear();
    cleanUntil.set(key, clock.nowMs() + CLEAN_MEMO_MS);
  };
  const ipBlocked = () => new CognitoError("TooManyRequestsException", "Too many failed sign-in attempts from this address; try again later.");
  return {
    /**
     * assertIpAllowed and assertNotLocked in one store round trip (the address is checked first).
     * @throws TooManyRequestsException, NotAuthorizedException "Password attempts exceeded"
     */
    async assertMayAttempt(poolId: string, userId: string, ip: string | null): Promise<void> {
      const [until, failuresSeen, ipFailures] = await store.getMany([lockedKey(poolId, userId), failuresSeenKey(poolId, userId), ...(ip ? [ipCountKey(ip)] : [])]);
      if (isIpBlocked(ipFailures ?? null)) throw ipBlocked();
      if (isLocked(until ?? null)) throw locked();
      noteCheck(poolId, userId, failuresSeen ?? null);
    },

    /** @throws NotAuthorizedException "Password attempts exceeded" while locked */
    async assertNotLocked(poolId: string, userId: string): Promise<void> {
      const [until, failuresSeen] = await store.getMany([lockedKey(poolId, userId), failuresSeenKey(poolId, userId)]);
      if (isLocked(until ?? null)) throw locked();
      noteCheck(poolId, userId, failuresSeen ?? null);
    },

    /** @throws TooManyRequestsException when one address has failed too often recently */
    async assertIpAllowed(ip: string | null): Promise<void> {
      if (!ip) return;
      if (isIpBlocked(await store.get(ipCountKey(ip)))) throw ipBlocked();
    },

    /** Counts a failed password for the user (and the address); returns the lockout it started, in seconds. */
    async recordFailure(poolId: string, userId: string | null, ip: string | null): Promise<number> {
      if (ip) {
        const count = await store.increment(`${ipKey(ip)}:counter`, QUIET_RESET_SECONDS, { sliding: true });
        await store.set(ipCountKey(ip), String(count), QUIET_RESET_SECONDS);
      }
      if (!userId) return 0;
      cleanUntil.delete(subjectOf(poolId, userId));
      const failures = await store.increment(failuresKey(poolId, userId), QUIET_RESET_SECONDS, { sliding: true });
      await store.set(failuresSeenKey(poolId, userId), String(failures), QUIET_RESET_SECONDS);
      const seconds = lockoutSecondsAfter(failures);
      if (seconds > 0) await store.set(lockedKey(poolId, userId), String(clock.nowMs() + seconds * 1000), seconds);
      return seconds;
    },

    async recordSuccess(poolId: string, userId: string): Promise<void> {
      const key = subjectOf(poolId, userId);
      const until = cleanUntil.get(key);
      cleanUntil.delete(key);
      if (until !== undefined && until > clock.nowMs()) return;
      await store.delete(failuresKey(poolId, userId), failuresSeenKey(poolId, userId), lockedKey(poolId, userId));
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
