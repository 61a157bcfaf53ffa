import { NobleCryptoPlugin, ScureBase32Plugin, verifySync } from "otplib";
import type { TotpEngine } from "../../core/ports.js";
import { randomBytesOf } from "../../lib/random.js";

/** What every authenticator app assumes and Cognito uses (cognito-reference §3.4): the URI states it anyway. */
const STEP_SECONDS = 30;
const DIGITS = 6;
/** RFC 4226 §4 R6 recommends 160 bits; Google Authenticator and its kin take it. */
const SECRET_BYTES = 20;
/** RFC 4226 §4 R6's floor: a stored secret shorter than 128 bits is refused, not used (otplib's minimum too). */
const MIN_SECRET_BYTES = 16;
/** One step either side of the server's, as Cognito accepts (±30 s); two steps away is refused. */
const DRIFT_STEPS = 1;

const crypto = new NobleCryptoPlugin();
const base32 = new ScureBase32Plugin();

export const totpStepAt = (atMs: number): number => Math.floor(atMs / 1000 / STEP_SECONDS);

/** The secret's bytes, or null when it is not base32 (RFC 4648) or too short to be one of ours. */
function decodeSecret(secret: string): Uint8Array | null {
  try {
    const key = base32.decode(secret);
    return key.length >= MIN_SECRET_BYTES ? key : null;
  } catch {
    return null;
  }
}

/**
 * The TOTP port over otplib (RFC 6238 HOTP over the step counter, SHA-1, 6 digits, 30-second steps).
 * otplib does the arithmetic, the drift window (`epochTolerance` of one period = exactly the current
 * step ± 1), the replay floor (`afterTimeStep` refuses every step at or below it), a constant-time
 * compare of each candidate, and base32. This wrapper adds what otplib leaves to the caller:
 * - secrets come from lib/random (the only source of randomness), encoded by otplib's base32 plugin;
 * - malformed codes and secrets are a plain refusal, not an exception;
 * - otplib throws when `afterTimeStep` lies beyond the window, where the port's answer is just "no";
 * - the key URI (see keyUri).
 * otplib stops at the first (earliest) matching step, where the hand-written engine compared all three
 * and kept the latest: a wrong code still costs every candidate of the window, so timing tells an
 * attacker nothing; only the holder of a valid code learns which step it matched, which they know.
 */
export function createTotpEngine(): TotpEngine {
  return {
    generateSecret: () => base32.encode(randomBytesOf(SECRET_BYTES), { padding: false }),

    verify(secret, code, atMs, options = {}) {
      const key = decodeSecret(secret);
      if (!key || !/^\d{6}$/.test(code)) return { ok: false };
      const current = totpStepAt(atMs);
      const afterStep = options.afterStep ?? null;
      // Every step of the window is used already: otplib would throw AfterTimeStepRangeExceededError.
      if (afterStep !== null && afterStep >= current + DRIFT_STEPS) return { ok: false };
      const result = verifySync({
        secret: key,
        token: code,
        crypto,
        algorithm: "sha1",
        digits: DIGITS,
        period: STEP_SECONDS,
        epoch: Math.floor(atMs / 1000),
        epochTolerance: DRIFT_STEPS * STEP_SECONDS,
        // Steps are never negative: a negative floor refuses nothing, and otplib refuses one.
        ...(afterStep !== null && afterStep >= 0 ? { afterTimeStep: afterStep } : {}),
      });
      // The union also holds HOTP's result, which has no timeStep; a TOTP match always carries one.
      return result.valid && "timeStep" in result ? { ok: true, step: result.timeStep } : { ok: false };
    },

    keyUri({ issuer, accountName, secret }) {
      // Written here rather than with otplib's generateURI, which splits the label on every ':' without
      // encoding it (usernames may contain ':', and apps would then read a wrong issuer/account split)
      // and drops algorithm, digits and period at their defaults, which this URI states for every app.
      // Key URI format (google-authenticator wiki): label "issuer:account", each part percent-encoded,
      // and the issuer repeated as a parameter for apps that read only that one.
      const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
      const query = [
        `secret=${secret}`,
        `issuer=${encodeURIComponent(issuer)}`,
        "algorithm=SHA1",
        `digits=${DIGITS}`,
        `period=${STEP_SECONDS}`,
      ].join("&");
      return `otpauth://totp/${label}?${query}`;
    },
  };
}
