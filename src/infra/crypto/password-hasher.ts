import bcrypt from "bcrypt";
import { createHmac, hkdfSync } from "node:crypto";
import type { CodeHasher, PasswordHasher } from "../../core/ports.js";
import { createVerifier } from "./srp.js";

/** Keys for hashing, derived from SECRETS_KEY so a database dump alone is not enough to attack them. */
export function deriveKey(secretsKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secretsKey, Buffer.alloc(0), `identity-gateway:${purpose}`, 32));
}

/**
 * bcrypt reads only the first 72 bytes of its input. Passwords may be 256 characters, so bcrypt gets
 * base64(HMAC-SHA-256(pepper, password)) — 44 bytes that depend on every character — and never
 * silently ignores a tail.
 */
export function createPasswordHasher(options: { secretsKey: Buffer; bcryptCost: number }): PasswordHasher {
  const pepper = deriveKey(options.secretsKey, "password-pepper");
  const preHash = (password: string) => createHmac("sha256", pepper).update(password, "utf8").digest("base64");
  // A real hash at the configured cost, computed once, so dummy compares cost what real ones do.
  const dummyHash = bcrypt.hashSync(preHash("dummy password for unknown users"), options.bcryptCost);
  return {
    hash: (password) => bcrypt.hash(preHash(password), options.bcryptCost),
    verify: (password, passwordHash) => bcrypt.compare(preHash(password), passwordHash),
    async spendDummyVerify(password) {
      await bcrypt.compare(preHash(password), dummyHash);
    },
    createSrpVerifier(poolId, username, password) {
      const { saltHex, verifierHex } = createVerifier(poolId, username, password);
      return { srpSalt: saltHex, srpVerifier: verifierHex };
    },
  };
}

/** HMAC-SHA-256 under a key derived from SECRETS_KEY: a 6-digit code's hash cannot be brute-forced offline. */
export function createCodeHasher(secretsKey: Buffer): CodeHasher {
  const key = deriveKey(secretsKey, "verification-codes");
  return { hashCode: (scope, code) => createHmac("sha256", key).update(`${scope}\u0000${code}`, "utf8").digest("hex") };
}
