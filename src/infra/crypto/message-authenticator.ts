import { createHmac } from "node:crypto";
import { constantTimeEqual } from "../../lib/secrets.js";
import type { MessageAuthenticator } from "../../core/ports.js";
import { deriveKey } from "./password-hasher.js";

/**
 * HMAC-SHA-256 (base64url) under a key derived from SECRETS_KEY for one purpose, so its MACs are
 * valid in every gateway process sharing the key and worthless for any other purpose. The scope is
 * part of what is signed: a MAC made for one kind of value never passes for another.
 */
export function createMessageAuthenticator(secretsKey: Buffer, purpose: string): MessageAuthenticator {
  const key = deriveKey(secretsKey, purpose);
  const sign = (scope: string, message: string): string =>
    createHmac("sha256", key).update(`${scope}\u0000${message}`, "utf8").digest("base64url");
  return {
    sign,
    verify: (scope, message, mac) => constantTimeEqual(sign(scope, message), mac),
  };
}
