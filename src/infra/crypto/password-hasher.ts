import bcrypt from "bcrypt";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { CodeHasher, PasswordHasher } from "../../core/ports.js";
import { createSecretBox } from "./secret-box.js";
import { createVerifier } from "./srp.js";

/**
 * A hash made by another gateway (restored from a pool export): `$gwp1$<its pepper, sealed>$<bcrypt>`.
 * Its pepper is sealed under this gateway's SECRETS_KEY, so a database dump alone still cannot attack it.
 */
const FOREIGN_PREFIX = "$gwp1$";

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
  const pepperBox = createSecretBox(deriveKey(options.secretsKey, "foreign-password-peppers"));
  const preHashWith = (key: Buffer, password: string) =>
    createHmac("sha256", key).update(password, "utf8").digest("base64");
  const preHash = (password: string) => preHashWith(pepper, password);
  // A real hash at the configured cost, computed once, so dummy compares cost what real ones do.
  const dummyHash = bcrypt.hashSync(preHash("dummy password for unknown users"), options.bcryptCost);
  const splitForeign = (stored: string): { pepper: Buffer; bcryptHash: string } => {
    const rest = stored.slice(FOREIGN_PREFIX.length);
    const split = rest.indexOf("$");
    return {
      pepper: Buffer.from(pepperBox.decrypt(rest.slice(0, split)), "base64"),
      bcryptHash: rest.slice(split + 1),
    };
  };
  return {
    hash: (password) => bcrypt.hash(preHash(password), options.bcryptCost),
    verify(password, passwordHash) {
      if (!passwordHash.startsWith(FOREIGN_PREFIX)) return bcrypt.compare(preHash(password), passwordHash);
      const foreign = splitForeign(passwordHash);
      return bcrypt.compare(preHashWith(foreign.pepper, password), foreign.bcryptHash);
    },
    toPortableHash(passwordHash) {
      if (!passwordHash.startsWith(FOREIGN_PREFIX))
        return { pepper: pepper.toString("base64"), bcryptHash: passwordHash };
      const foreign = splitForeign(passwordHash);
      return { pepper: foreign.pepper.toString("base64"), bcryptHash: foreign.bcryptHash };
    },
    fromPortableHash({ pepper: foreignPepper, bcryptHash }) {
      const given = Buffer.from(foreignPepper, "base64");
      if (given.length !== pepper.length) throw new Error("A password pepper has 32 bytes");
      if (!/^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(bcryptHash)) throw new Error("Not a bcrypt hash");
      // The same SECRETS_KEY made it: the hash is this gateway's own, stored as such.
      if (timingSafeEqual(given, pepper)) return bcryptHash;
      return `${FOREIGN_PREFIX}${pepperBox.encrypt(given.toString("base64"))}$${bcryptHash}`;
    },
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
