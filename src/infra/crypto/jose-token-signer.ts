import { createPrivateKey, type KeyObject } from "node:crypto";
import { exportJWK, exportPKCS8, generateKeyPair, type JWK } from "jose";
import { CognitoError, resourceNotFound } from "../../core/errors.js";
import type { Database, SecretBox, SigningKeyRecord, TokenSigner, TokenUse } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { decodeJwtPayloadUnverified } from "../../lib/jwt.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { checkClaims, hasValidRs256Signature, parseCompactJwt, publicKeyOfJwk, signRs256Jwt } from "./rs256-jwt.js";

const ALGORITHM = "RS256";
const MODULUS_LENGTH = 2048;
const TOKEN_USES: readonly TokenUse[] = ["id", "access"];
/** Cognito's longest ID/access token lifetime (cognito-reference §6.4); sign() refuses longer ones. */
export const MAX_TOKEN_LIFETIME_SECONDS = 86_400;
/** How long decrypted signing keys and public key sets stay cached per pool in one process. */
const CACHE_SECONDS = 30;
/**
 * A retired key stays published while a token it signed may be alive: the longest lifetime, plus the
 * time another process may keep signing with it from its cache after the rotation, plus slack.
 */
const RETIRED_KEY_PUBLISHED_SECONDS = MAX_TOKEN_LIFETIME_SECONDS + CACHE_SECONDS + 30;
/** An unknown kid re-reads the pool's keys at most this often, so made-up kids cannot make every request a query. */
const UNKNOWN_KID_RELOAD_MS = 1000;
/** 24 random bytes: a 32-character base64url kid. */
const KID_BYTES = 24;
/** Far above any real token (a few KB); longer input is refused before any parsing. */
const MAX_TOKEN_LENGTH = 16_384;
/** Tokens without an expiry are refused (any token lacking these is none of ours). */
const REQUIRED_CLAIMS = ["exp", "iat", "token_use"] as const;
/**
 * Tokens whose signature this process has verified, remembered so the next call with the same token skips
 * the RSA verify and the decoding (~50 µs of the event loop per getUser). Bounded: about 2 KB each.
 */
const MAX_VERIFIED_TOKENS = 1000;

export interface JoseTokenSignerDeps {
  db: Database;
  secretBox: SecretBox;
  clock: Clock;
  /** PUBLIC_URL: a pool's issuer is `<issuerBase>/<poolId>`. */
  issuerBase: string;
}

interface SigningKeyInUse {
  kid: string;
  key: KeyObject;
}

interface PublishedKey {
  kid: string;
  tokenUse: TokenUse;
  jwk: JWK;
  /** For node:crypto's verify (rs256-jwt.ts). */
  key: KeyObject;
}

/** A token whose signature `key` verified, and its payload (frozen: every caller shares it). */
interface VerifiedToken {
  key: KeyObject;
  kid: string;
  tokenUse: TokenUse;
  payload: Readonly<Record<string, unknown>>;
}

interface Cached<T> {
  value: T;
  loadedAtMs: number;
}

/**
 * TokenSigner: per pool one RS256 key for ID tokens and another for access tokens, created on
 * first use; private keys stored as PKCS#8 sealed with the SecretBox and cached decrypted for at most
 * CACHE_SECONDS, so a rotation made by another process is picked up within that time.
 */
export function createJoseTokenSigner({ db, secretBox, clock, issuerBase }: JoseTokenSignerDeps): TokenSigner {
  const issuerOf = (poolId: string) => `${issuerBase.replace(/\/+$/, "")}/${poolId}`;
  const signers = new Map<string, Cached<Record<TokenUse, SigningKeyInUse>>>();
  const signerLoads = new Map<string, Promise<Record<TokenUse, SigningKeyInUse>>>();
  const published = new Map<string, Cached<PublishedKey[]>>();
  /** Bumped by forget(): a load that started before a rotation must not cache what it read. */
  const generations = new Map<string, number>();
  /**
   * Keyed by the whole token, so a hit is that exact token. A hit counts only while the pool still
   * publishes the very key object that verified it: a key reloaded, retired or deleted is a new object or
   * none, so its tokens are verified again. The claims (expiry, issuer, token_use) are checked on every call.
   */
  const verifiedTokens = new Map<string, VerifiedToken>();

  async function verifiedSignature(poolId: string, token: string): Promise<VerifiedToken | null> {
    const remembered = verifiedTokens.get(token);
    if (remembered) {
      const key = await findPublishedKey(poolId, remembered.kid);
      if (key?.key === remembered.key) return remembered;
      verifiedTokens.delete(token);
    }
    const jwt = parseCompactJwt(token);
    const kid = jwt?.header.kid;
    if (!jwt || typeof kid !== "string") return null;
    const key = await findPublishedKey(poolId, kid);
    if (!key || !hasValidRs256Signature(jwt, key.key)) return null;
    const verified = { key: key.key, kid, tokenUse: key.tokenUse, payload: deepFreeze(jwt.payload) };
    if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) verifiedTokens.delete(verifiedTokens.keys().next().value!);
    verifiedTokens.set(token, verified);
    return verified;
  }

  /** A clock set back (tests) makes an entry stale rather than fresh for ever. */
  const isFresh = (entry: Cached<unknown>, maxAgeMs: number): boolean => {
    const ageMs = clock.nowMs() - entry.loadedAtMs;
    return ageMs >= 0 && ageMs < maxAgeMs;
  };

  function forget(poolId: string): void {
    signers.delete(poolId);
    signerLoads.delete(poolId);
    published.delete(poolId);
    generations.set(poolId, (generations.get(poolId) ?? 0) + 1);
  }

  async function createKeyRecord(poolId: string, tokenUse: TokenUse, now: Date): Promise<SigningKeyRecord> {
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, {
      modulusLength: MODULUS_LENGTH,
      extractable: true,
    });
    const kid = randomTokenBase64Url(KID_BYTES);
    const { kty, n, e } = await exportJWK(publicKey);
    return {
      kid,
      poolId,
      tokenUse,
      algorithm: ALGORITHM,
      // Cognito's member order: alg, e, kid, kty, n, use.
      publicJwk: JSON.stringify({ alg: ALGORITHM, e, kid, kty, n, use: "sig" }),
      privateKeyCiphertext: secretBox.encrypt(await exportPKCS8(privateKey)),
      createdAt: now,
      retiredAt: null,
    };
  }

  const lacksSomeUse = (keys: SigningKeyRecord[]) =>
    TOKEN_USES.some((use) => !keys.some((key) => key.tokenUse === use));

  async function readOrCreateSigners(poolId: string): Promise<Record<TokenUse, SigningKeyInUse>> {
    const generation = generations.get(poolId) ?? 0;
    let active = await db.read((repositories) => repositories.signingKeys.listActive(poolId));
    if (lacksSomeUse(active)) {
      // Generated outside the transaction: RSA generation takes tens of milliseconds and must not hold a lock.
      const now = clock.now();
      const missing = TOKEN_USES.filter((use) => !active.some((key) => key.tokenUse === use));
      const created = await Promise.all(missing.map((use) => createKeyRecord(poolId, use, now)));
      active = await db.transaction(async (repositories) => {
        if (!(await repositories.signingKeys.lockPoolForKeyChange(poolId)))
          throw resourceNotFound(`User pool ${poolId} does not exist.`);
        // Under the lock: if another process created keys meanwhile, its keys win and ours are dropped.
        const current = await repositories.signingKeys.listActive(poolId);
        for (const record of created) {
          if (!current.some((key) => key.tokenUse === record.tokenUse)) await repositories.signingKeys.insert(record);
        }
        return repositories.signingKeys.listActive(poolId);
      });
      published.delete(poolId);
    }
    const entries = TOKEN_USES.map((use) => {
      const record = active.find((key) => key.tokenUse === use)!;
      const key = createPrivateKey({ key: secretBox.decrypt(record.privateKeyCiphertext), format: "pem" });
      return [use, { kid: record.kid, key }] as const;
    });
    const value = Object.fromEntries(entries) as Record<TokenUse, SigningKeyInUse>;
    if ((generations.get(poolId) ?? 0) === generation) signers.set(poolId, { value, loadedAtMs: clock.nowMs() });
    return value;
  }

  /** The keys that sign the pool's tokens now, creating them on first use (one in-flight load per pool). */
  function loadSigners(poolId: string): Promise<Record<TokenUse, SigningKeyInUse>> {
    const cached = signers.get(poolId);
    if (cached && isFresh(cached, CACHE_SECONDS * 1000)) return Promise.resolve(cached.value);
    let load = signerLoads.get(poolId);
    if (!load) {
      load = readOrCreateSigners(poolId).finally(() => {
        if (signerLoads.get(poolId) === load) signerLoads.delete(poolId);
      });
      signerLoads.set(poolId, load);
    }
    return load;
  }

  /** Published public keys, re-read when the cached set is older than `maxAgeMs`. */
  async function loadPublished(poolId: string, maxAgeMs: number = CACHE_SECONDS * 1000): Promise<PublishedKey[]> {
    const cached = published.get(poolId);
    if (cached && isFresh(cached, maxAgeMs)) return cached.value;
    const generation = generations.get(poolId) ?? 0;
    const retiredAfter = new Date(clock.nowMs() - RETIRED_KEY_PUBLISHED_SECONDS * 1000);
    const records = await db.read((repositories) => repositories.signingKeys.listPublished(poolId, retiredAfter));
    const value = records.map((record) => {
      const jwk = JSON.parse(record.publicJwk) as JWK;
      return { kid: record.kid, tokenUse: record.tokenUse, jwk, key: publicKeyOfJwk(jwk) };
    });
    if ((generations.get(poolId) ?? 0) === generation) published.set(poolId, { value, loadedAtMs: clock.nowMs() });
    return value;
  }

  async function findPublishedKey(poolId: string, kid: string): Promise<PublishedKey | undefined> {
    // A kid we do not know may belong to a key another process created after our last read.
    return (
      (await loadPublished(poolId)).find((key) => key.kid === kid) ??
      (await loadPublished(poolId, UNKNOWN_KID_RELOAD_MS)).find((key) => key.kid === kid)
    );
  }

  return {
    async sign(poolId, tokenUse, claims, expiresInSeconds) {
      if (
        !Number.isInteger(expiresInSeconds) ||
        expiresInSeconds < 1 ||
        expiresInSeconds > MAX_TOKEN_LIFETIME_SECONDS
      ) {
        // A longer token would outlive its key's publication after a rotation (RETIRED_KEY_PUBLISHED_SECONDS).
        throw new Error(`Token lifetime must be 1 to ${MAX_TOKEN_LIFETIME_SECONDS} seconds; got ${expiresInSeconds}`);
      }
      const { kid, key } = (await loadSigners(poolId))[tokenUse];
      const nowSeconds = Math.floor(clock.nowMs() / 1000);
      // Header exactly {kid, alg} as Cognito's; iss/iat/exp are set last so claims cannot override them.
      const payload = { ...claims, iss: issuerOf(poolId), iat: nowSeconds, exp: nowSeconds + expiresInSeconds };
      return signRs256Jwt({ kid, alg: ALGORITHM }, payload, key);
    },

    unverifiedPayload: (token) => verifiedTokens.get(token)?.payload ?? decodeJwtPayloadUnverified(token),

    async verify(poolId, token, tokenUse) {
      const label = tokenUse === "id" ? "Id" : "Access";
      const invalid = () => new CognitoError("NotAuthorizedException", `Invalid ${label} Token`);
      if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) throw invalid();
      const verified = await verifiedSignature(poolId, token);
      // The ID key never signs access tokens and vice versa: a kid of the other use is a forgery.
      if (!verified || verified.tokenUse !== tokenUse) throw invalid();
      const claims = checkClaims(verified.payload, {
        issuer: issuerOf(poolId),
        nowSeconds: Math.floor(clock.nowMs() / 1000),
        required: REQUIRED_CLAIMS,
      });
      if (claims === "expired") throw new CognitoError("NotAuthorizedException", `${label} Token has expired`);
      if (claims !== "valid" || verified.payload.token_use !== tokenUse) throw invalid();
      return verified.payload;
    },

    async jwks(poolId) {
      const current = await loadSigners(poolId);
      let keys = await loadPublished(poolId);
      // Our cached set may predate keys another process created; the keys that sign must always be listed.
      if (TOKEN_USES.some((use) => !keys.some((key) => key.kid === current[use].kid)))
        keys = await loadPublished(poolId, 0);
      return { keys: keys.map((key) => ({ ...key.jwk })) };
    },

    async rotate(poolId, within) {
      const now = clock.now();
      const [idKey, accessKey] = await Promise.all(TOKEN_USES.map((use) => createKeyRecord(poolId, use, now)));
      await db.transaction(async (repositories) => {
        if (!(await repositories.signingKeys.lockPoolForKeyChange(poolId)))
          throw resourceNotFound(`User pool ${poolId} does not exist.`);
        const retiredKids = await repositories.signingKeys.retireActive(poolId, now);
        await repositories.signingKeys.insert(idKey!);
        await repositories.signingKeys.insert(accessKey!);
        await repositories.signingKeys.deleteRetiredBefore(
          poolId,
          new Date(now.getTime() - RETIRED_KEY_PUBLISHED_SECONDS * 1000),
        );
        await within?.(repositories, { retiredKids, newKids: { id: idKey!.kid, access: accessKey!.kid } });
      });
      forget(poolId);
    },
  };
}

/** Freezes a decoded JSON value all the way down (a remembered payload is shared by every later call). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
