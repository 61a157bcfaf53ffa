import { createHash } from "node:crypto";

/** base64url(SHA-256(value)) without padding: the PKCE S256 code challenge of a verifier (RFC 7636 §4.2). */
export function sha256Base64Url(value: string): string {
  return createHash("sha256").update(value, "ascii").digest("base64url");
}

/**
 * OIDC `at_hash` (Core §3.1.3.6) for RS256: base64url of the left half of SHA-256 of the access token's
 * ASCII octets, so a relying party can tell the ID token was minted with this very access token.
 */
export function leftHalfSha256Base64Url(value: string): string {
  const digest = createHash("sha256").update(value, "ascii").digest();
  return digest.subarray(0, digest.length / 2).toString("base64url");
}
