/**
 * Reading a compact JWS without checking it. Nothing here verifies anything: callers use what it
 * returns only to decide *which* key or pool to verify against, then verify properly.
 */

/** A compact JWS has three base64url segments separated by two dots (admin keys never do). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Far above any real token; longer input is not even decoded. */
const MAX_TOKEN_LENGTH = 16_384;

export const looksLikeJwt = (value: string): boolean => value.length <= MAX_TOKEN_LENGTH && COMPACT_JWS.test(value);

/** The payload of a compact JWS as a JSON object, unverified; null when it is not one. */
export function decodeJwtPayloadUnverified(token: string): Record<string, unknown> | null {
  if (!looksLikeJwt(token)) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
    return typeof payload === "object" && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
