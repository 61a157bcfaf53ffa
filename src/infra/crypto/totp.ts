import { createHmac, timingSafeEqual } from "node:crypto";
import type { TotpEngine } from "../../core/ports.js";
import { base32Decode, base32Encode } from "../../lib/base32.js";
import { randomBytesOf } from "../../lib/random.js";

/** What every authenticator app assumes and Cognito uses (cognito-reference §3.4): the URI states it anyway. */
const STEP_SECONDS = 30;
const DIGITS = 6;
/** RFC 4226 §4 R6 recommends 160 bits; Google Authenticator and its kin take it. */
const SECRET_BYTES = 20;
/** One step either side of the server's, as Cognito accepts (±30 s); two steps away is refused. */
const DRIFT_STEPS = 1;

export const totpStepAt = (atMs: number): number => Math.floor(atMs / 1000 / STEP_SECONDS);

/** RFC 4226 HOTP over the step counter (RFC 6238 §4.2), SHA-1, `digits` decimal digits. */
export function totpCode(key: Buffer, step: number, digits: number = DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, "0");
}

/** The TOTP port over OpenSSL's HMAC: small enough to read in full, and the step it matched is ours to report. */
export function createTotpEngine(): TotpEngine {
  return {
    generateSecret: () => base32Encode(randomBytesOf(SECRET_BYTES)),

    verify(secret, code, atMs, options = {}) {
      const key = base32Decode(secret);
      if (!key || key.length === 0 || !/^\d{6}$/.test(code)) return { ok: false };
      const current = totpStepAt(atMs);
      const afterStep = options.afterStep ?? null;
      let matched: number | null = null;
      // Every candidate is computed and compared, matching or not, so the time taken says nothing about
      // which step (if any) matched. The latest matching step wins: recording it burns the earlier ones too.
      for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
        const isMatch = timingSafeEqual(Buffer.from(totpCode(key, step)), Buffer.from(code));
        if (isMatch && step >= 0 && (afterStep === null || step > afterStep)) matched = step;
      }
      return matched === null ? { ok: false } : { ok: true, step: matched };
    },

    keyUri({ issuer, accountName, secret }) {
      // Key URI format (google-authenticator wiki): label "issuer:account", each part percent-encoded,
      // and the issuer repeated as a parameter for apps that read only that one.
      const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
      const query = [`secret=${secret}`, `issuer=${encodeURIComponent(issuer)}`, "algorithm=SHA1", `digits=${DIGITS}`, `period=${STEP_SECONDS}`].join("&");
      return `otpauth://totp/${label}?${query}`;
    },
  };
}
