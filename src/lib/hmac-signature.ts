import { createHmac } from "node:crypto";
import { constantTimeEqual } from "./secrets.js";

/**
 * Signatures for HTTP calls the gateway makes (event webhooks, triggers): the receiver recomputes
 * `v1=<hex HMAC-SHA-256(secret, "<timestamp>.<raw body>")>` over the exact bytes it received.
 * The timestamp (Unix seconds) is inside the MAC, so a receiver that rejects stale timestamps also
 * rejects a captured request replayed later.
 */
export const SIGNATURE_VERSION = "v1";

export function signTimestampedBody(secret: string, timestampSeconds: number | string, rawBody: string): string {
  return `${SIGNATURE_VERSION}=${createHmac("sha256", secret).update(`${timestampSeconds}.${rawBody}`, "utf8").digest("hex")}`;
}

/**
 * What a receiver does: true when `signature` is the body's signature under `secret` and the
 * timestamp is within `toleranceSeconds` of `nowSeconds`. Compares in constant time.
 */
export function verifyTimestampedSignature(args: {
  secret: string;
  timestampSeconds: string;
  rawBody: string;
  signature: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): boolean {
  const { secret, timestampSeconds, rawBody, signature, nowSeconds, toleranceSeconds = 300 } = args;
  if (!/^\d{1,12}$/.test(timestampSeconds)) return false;
  if (Math.abs(nowSeconds - Number(timestampSeconds)) > toleranceSeconds) return false;
  return constantTimeEqual(signTimestampedBody(secret, timestampSeconds, rawBody), signature);
}
