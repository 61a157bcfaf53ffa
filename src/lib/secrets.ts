import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Compares two secrets without leaking, through timing, how many leading bytes matched. */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  // Hashing first makes both sides the same length, so the length itself is not leaked either.
  return timingSafeEqual(left, right);
}

/** SHA-256 hex: for high-entropy secrets (API keys, refresh tokens) that are only ever compared. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Base64 HMAC-SHA-256, as Cognito's SECRET_HASH is computed. */
export function hmacSha256Base64(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("base64");
}
