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
export function createLockout(store: ShortLivedStore, clock: Clock, options: { failuresPerIpWindow: number }) {
  const failuresKey = (poolId: string, userId: string) => `lockout:failures:${poolId}:${userId}`;
  const lockedKey = (poolId: string, userId: string) => `lockout:until:${poolId}:${userId}`;
  const ipKey = (ip: string) => `lockout:ip:${ip}`;
  const ipCountKey = (ip: string) => `${ipKey(ip)}:count`;
  const isLocked = (until: string | null) => until !== null && Number(until) > clock.nowMs();
  const isIpBlocked = (failures: string | null) => Number(failures ?? 0) >= options.failuresPerIpWindow;
  const locked = () => new CognitoError("NotAuthorizedException", "Password attempts exceeded");
  const ipBlocked = () => new CognitoError("TooManyRequestsException", "Too many failed sign-in attempts from this address; try again later.");
  return {
    /**
     * assertIpAllowed and assertNotLocked in one store round trip (the address is checked first).
     * @throws TooManyRequestsException, NotAuthorizedException "Password attempts exceeded"
     */
    async assertMayAttempt(poolId: string, userId: string, ip: string | null): Promise<void> {
      const [until, ipFailures] = await store.getMany(ip ? [lockedKey(poolId, userId), ipCountKey(ip)] : [lockedKey(poolId, userId)]);
      if (isIpBlocked(ipFailures ?? null)) throw ipBlocked();
      if (isLocked(until ?? null)) throw locked();
    },

    /** @throws NotAuthorizedException "Password attempts exceeded" while locked */
    async assertNotLocked(poolId: string, userId: string): Promise<void> {
      if (isLocked(await store.get(lockedKey(poolId, userId)))) throw locked();
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
      const failures = await store.increment(failuresKey(poolId, userId), QUIET_RESET_SECONDS, { sliding: true });
      const seconds = lockoutSecondsAfter(failures);
      if (seconds > 0) await store.set(lockedKey(poolId, userId), String(clock.nowMs() + seconds * 1000), seconds);
      return seconds;
    },

    async recordSuccess(poolId: string, userId: string): Promise<void> {
      await store.delete(failuresKey(poolId, userId), lockedKey(poolId, userId));
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
