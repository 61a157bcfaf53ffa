import type { Clock } from "../../lib/clock.js";
import { limitBlockOf } from "../../lib/ip-address.js";
import { CognitoError } from "../errors.js";
import type { Metrics } from "../metrics.js";
import type { AttemptGate, AttemptTaken, GivenBackAttempt, ShortLivedStore } from "../ports.js";

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

/** The schedule as a table by failure count, up to the first count that reaches the cap. */
const LOCK_SECONDS_BY_FAILURES: readonly number[] = (() => {
  const table: number[] = [];
  for (let failures = 0; table.at(-1) !== MAX_LOCKOUT_SECONDS; failures++) table.push(lockoutSecondsAfter(failures));
  return table;
})();

/** A value for the short-lived store to set along with a check (ShortLivedStore.takeAttempt's `thenSet`). */
export interface ValueWrite {
  key: string;
  value: string;
  ttlSeconds: number;
}

/** How long a clean first attempt lets this process skip the reset on success. */
const CLEAN_MEMO_MS = 5_000;
const MAX_CLEAN_MEMO_ENTRIES = 10_000;

/**
 * One attempt at a slow check (a password, an SRP proof, a device proof, an MFA code, a custom
 * challenge), already counted against the user and the address before the check runs. Settle it
 * once: `failed` keeps it counted, `passed` gives it back; `release` gives back whatever is unsettled.
 */
export interface AttemptReservation {
  poolId: string;
  subject: string;
  ip: string | null;
  /** The user's failure count including this attempt. */
  count: number;
  /** The gates it was counted in, with the lock and window end it set on each (undone when given back). */
  taken: GivenBackAttempt[];
  settled: boolean;
}

/**
 * Per-user sign-in lockout and per-address failure limit, shared by every gateway process through the
 * short-lived store. An attempt is reserved atomically before its check, as if it would fail: a burst
 * of N parallel guesses then meets the lockout its own first guesses set, so N parallel attempts are
 * compared no more often than N serial ones. Attempts refused during a lockout are not counted.
 */
export function createLockout(
  store: ShortLivedStore,
  clock: Clock,
  options: { failuresPerIpWindow: number; metrics?: Pick<Metrics, "countLockout"> },
) {
  // A user's gate and an address's gate are taken in one atomic step, and an address spans every pool
  // and user, so all lockout keys share one hash tag: on a Redis Cluster they live on one node. Tagging
  // by pool would spread them but turn the per-address limit into a per-pool one (a sprayer would get
  // the limit once per pool); a sign-in costs far more CPU than its two script calls, so that one node
  // is never the bottleneck.
  const userGate = (poolId: string, subject: string): AttemptGate => ({
    key: `{lockout}:user:${poolId}:${subject}`,
    windowSeconds: QUIET_RESET_SECONDS,
    lockSecondsByCount: LOCK_SECONDS_BY_FAILURES,
  });
  // Counted per IPv4 address and per IPv6 /64 (a host picks any address of its /64).
  const ipGate = (ip: string): AttemptGate => ({
    key: `{lockout}:ip:${limitBlockOf(ip)}`,
    windowSeconds: QUIET_RESET_SECONDS,
    limit: options.failuresPerIpWindow,
  });
  const gatesOf = (poolId: string, subject: string | null, ip: string | null): AttemptGate[] => [
    ...(ip ? [ipGate(ip)] : []),
    ...(subject ? [userGate(poolId, subject)] : []),
  ];
  const locked = () => new CognitoError("NotAuthorizedException", "Password attempts exceeded");
  const ipBlocked = () =>
    new CognitoError(
      "TooManyRequestsException",
      "Too many failed sign-in attempts from this address; try again later.",
    );

  /**
   * Subjects whose attempt in this process was their first in the window and passed: the sign-in's
   * success then skips the reset, one round trip off every clean sign-in.
   */
  const cleanUntil = new Map<string, number>();
  const subjectOf = (poolId: string, subject: string) => `${poolId}:${subject}`;

  async function check(
    poolId: string,
    subject: string | null,
    ip: string | null,
    dryRun: boolean,
    thenSet?: ValueWrite,
  ): Promise<{ counts: number[]; taken: GivenBackAttempt[] }> {
    const gates = gatesOf(poolId, subject, ip);
    return settle(gates, await store.takeAttempt(gates, { dryRun, ...(thenSet ? { thenSet } : {}) }));
  }

  /** What the gates answered, as counts and what to give back. @throws as `check` when they refused. */
  function settle(gates: AttemptGate[], taken: AttemptTaken): { counts: number[]; taken: GivenBackAttempt[] } {
    if (!taken.allowed) throw gates[taken.refusedBy]!.limit !== undefined ? ipBlocked() : locked();
    return {
      counts: taken.counts,
      taken: gates.map((gate, index) => ({
        key: gate.key,
        lockedUntilMs: taken.lockedUntilMs[index]!,
        windowEndsAtMs: taken.windowEndsAtMs[index]!,
        previousWindowEndsAtMs: taken.previousWindowEndsAtMs[index]!,
      })),
    };
  }

  async function giveBack(reservation: AttemptReservation): Promise<void> {
    reservation.settled = true;
    await store.giveBackAttempt(reservation.taken);
  }

  return {
    /**
     * Checks without counting (a step that compares nothing, such as the start of SRP). `thenSet` is
     * written only when allowed, with the check (the SRP session: one round trip for both).
     * @throws TooManyRequestsException (the address), NotAuthorizedException "Password attempts exceeded"
     */
    async assertMayAttempt(
      poolId: string,
      subject: string,
      ip: string | null,
      options?: { thenSet?: ValueWrite },
    ): Promise<void> {
      await check(poolId, subject, ip, true, options?.thenSet);
    },

    /**
     * Counts an attempt before its check; settle it with `failed` or `passed`, and `release` it in a
     * `finally` so an error between the two gives it back.
     * @throws TooManyRequestsException (the address), NotAuthorizedException "Password attempts exceeded"
     */
    async reserve(poolId: string, subject: string, ip: string | null): Promise<AttemptReservation> {
      const { counts, taken } = await check(poolId, subject, ip, false);
      return { poolId, subject, ip, count: counts.at(-1)!, taken, settled: false };
    },

    /** The gates `reserve` counts an attempt in, for a store call that takes it along with another step. */
    gatesOf: (poolId: string, subject: string, ip: string | null): AttemptGate[] => gatesOf(poolId, subject, ip),

    /**
     * The reservation an attempt taken elsewhere (ShortLivedStore.consumeTakingAttempt on `gatesOf`) stands for.
     * @throws TooManyRequestsException (the address), NotAuthorizedException "Password attempts exceeded", when the gates refused
     */
    reservationOf(poolId: string, subject: string, ip: string | null, answer: AttemptTaken): AttemptReservation {
      const { counts, taken } = settle(gatesOf(poolId, subject, ip), answer);
      return { poolId, subject, ip, count: counts.at(-1)!, taken, settled: false };
    },

    /** The check failed: the attempt stays counted. Returns the lockout it started, in seconds. */
    failed(reservation: AttemptReservation): number {
      const lockedSeconds = lockoutSecondsAfter(reservation.count);
      // Settling twice (a wrong custom answer, then the failed sign-in it leads to) counts one lockout.
      if (reservation.settled) return lockedSeconds;
      reservation.settled = true;
      cleanUntil.delete(subjectOf(reservation.poolId, reservation.subject));
      if (lockedSeconds > 0) options.metrics?.countLockout();
      return lockedSeconds;
    },

    /** The check passed: the attempt is given back (the sign-in's success resets the count later). */
    async passed(reservation: AttemptReservation): Promise<void> {
      if (reservation.settled) return;
      const key = subjectOf(reservation.poolId, reservation.subject);
      if (reservation.count === 1) {
        if (cleanUntil.size >= MAX_CLEAN_MEMO_ENTRIES) cleanUntil.clear();
        cleanUntil.set(key, clock.nowMs() + CLEAN_MEMO_MS);
      } else cleanUntil.delete(key);
      await giveBack(reservation);
    },

    /** Gives back an attempt that was neither failed nor passed (an error in between). */
    async release(reservation: AttemptReservation): Promise<void> {
      if (reservation.settled) return;
      // Runs in a finally: a store error here must not replace the answer the caller is getting. The
      // attempt then stays counted, which errs on the safe side.
      await giveBack(reservation).catch(() => undefined);
    },

    /** A completed sign-in forgets the user's failures. */
    async recordSuccess(poolId: string, userId: string): Promise<void> {
      const key = subjectOf(poolId, userId);
      const until = cleanUntil.get(key);
      cleanUntil.delete(key);
      if (until !== undefined && until > clock.nowMs()) return;
      await store.delete(userGate(poolId, userId).key);
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;
