import { createDiffieHellman, createHmac, randomBytes } from "node:crypto";
import {
  computeX,
  G_BYTES,
  modPowG,
  N_BYTES,
  N_HEX,
  padHex,
  poolNameOf,
  sha256Hex,
  toTransportHex,
} from "../../src/infra/crypto/srp.js";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";

/**
 * The client half of Cognito's SRP (cognito-reference §4.3, §4.5, §4.6) fast enough to drive load:
 * every modular exponentiation runs in OpenSSL, BigInt only multiplies, subtracts and reduces.
 * amazon-cognito-identity-js does the same work in jsbn at ~50 modexps/s, which would make the load
 * generator, not the gateway, the bottleneck. Same shape as cognito-srp-client's SrpClient.
 */
export interface FastSrpClient {
  srpA: string;
  /** ChallengeResponses for PASSWORD_VERIFIER. */
  answer(
    challenge: {
      SALT?: string | null;
      SRP_B?: string | null;
      SECRET_BLOCK?: string | null;
      USER_ID_FOR_SRP?: string | null;
    },
    password: string,
    timestamp?: string,
  ): { USERNAME: string; PASSWORD_CLAIM_SECRET_BLOCK: string; PASSWORD_CLAIM_SIGNATURE: string; TIMESTAMP: string };
}

export interface FastSrpClientOptions {
  /**
   * Length of the private a in bytes. The SDKs use 128 (a 1024-bit exponent); a load generator may
   * take 32, as the server does for b: the server's work does not depend on it, the client's halves.
   */
  privateKeyBytes?: number;
  /** A fixed a, for known-answer tests. */
  privateKey?: Buffer;
  /**
   * A = g^a for `privateKey`, computed ahead (a load generator draws its clients' ephemeral keys before
   * the timed window, as a device can while its user types).
   */
  srpA?: string;
  /**
   * Memo of g^x by x: x depends only on pool, user, salt and password, so a load generator signing the
   * same users in again and again can skip one of its three modexps. Real clients recompute it.
   */
  gxCache?: Map<string, bigint>;
}

const N = BigInt(`0x${N_HEX}`);
const k = BigInt(`0x${sha256Hex(Buffer.from(padHex(N_HEX) + padHex("2"), "hex"))}`);
const HKDF_INFO = Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]);
const MAX_GX_CACHE_ENTRIES = 100_000;

const toBigInt = (hex: string): bigint => BigInt(`0x${hex}`);
const bytesOf = (value: bigint): Buffer => {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, "hex");
};
const paddedBytesOf = (value: bigint): Buffer => Buffer.from(padHex(value.toString(16)), "hex");

/**
 * base^exponent mod N in OpenSSL, as the DH shared secret of the peer key `base` under the standard
 * generator 2 — the server's trick (srp-server.ts). Making `base` the generator instead
 * (createDiffieHellman(N, base)) runs OpenSSL's DH_check on a non-standard group: ~2 s per call.
 */
function modPow(base: bigint, exponent: bigint): bigint {
  const dh = createDiffieHellman(N_BYTES, G_BYTES);
  dh.setPrivateKey(bytesOf(exponent));
  return toBigInt(dh.computeSecret(bytesOf(base)).toString("hex"));
}

function gxOf(x: Buffer, cache: Map<string, bigint> | undefined): bigint {
  const key = x.toString("hex");
  const cached = cache?.get(key);
  if (cached !== undefined) return cached;
  const gx = toBigInt(modPowG(x).toString("hex"));
  if (cache) {
    if (cache.size >= MAX_GX_CACHE_ENTRIES) cache.clear();
    cache.set(key, gx);
  }
  return gx;
}

/** One sign-in's client: a fresh a and A = g^a (or the pair given); answer() turns the PASSWORD_VERIFIER challenge into the claim. */
/** An ephemeral key pair (a, A) drawn ahead, for `privateKey` and `srpA`. */
export function drawSrpEphemeral(privateKeyBytes: number): { privateKey: Buffer; srpA: string } {
  const privateKey = randomBytes(privateKeyBytes);
  return { privateKey, srpA: toTransportHex(modPowG(privateKey)) };
}

export function createFastSrpClient(poolId: string, options: FastSrpClientOptions = {}): FastSrpClient {
  const poolName = poolNameOf(poolId);
  const aBytes = options.privateKey ?? randomBytes(options.privateKeyBytes ?? 128);
  const a = toBigInt(aBytes.toString("hex"));
  const srpA = options.privateKey && options.srpA ? options.srpA : toTransportHex(modPowG(aBytes));
  return {
    srpA,
    answer(challenge, password, timestamp = formatSrpTimestamp(new Date())) {
      const { SALT: saltHex, SRP_B: bigBHex, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: userId } = challenge;
      if (!saltHex || !bigBHex || !secretBlock || !userId)
        throw new Error("PASSWORD_VERIFIER challenge lacks SALT, SRP_B, SECRET_BLOCK or USER_ID_FOR_SRP");
      const bigB = toBigInt(bigBHex);
      if (bigB % N === 0n) throw new Error("SRP_B ≡ 0 (mod N)");
      const u = toBigInt(sha256Hex(Buffer.from(padHex(srpA) + padHex(bigBHex), "hex")));
      if (u === 0n) throw new Error("u = 0");
      const xBytes = computeX(saltHex, poolName, userId, password);
      const x = toBigInt(xBytes.toString("hex"));
      // S = (B − k·g^x)^(a + u·x) mod N; the base is reduced into [0, N) before OpenSSL sees it.
      const base = (((bigB - k * gxOf(xBytes, options.gxCache)) % N) + N) % N;
      const secret = modPow(base, a + u * x);
      const prk = createHmac("sha256", paddedBytesOf(u)).update(paddedBytesOf(secret)).digest();
      const sessionKey = createHmac("sha256", prk).update(HKDF_INFO).digest().subarray(0, 16);
      const message = Buffer.concat([
        Buffer.from(poolName, "utf8"),
        Buffer.from(userId, "utf8"),
        Buffer.from(secretBlock, "base64"),
        Buffer.from(timestamp, "utf8"),
      ]);
      return {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        PASSWORD_CLAIM_SIGNATURE: createHmac("sha256", sessionKey).update(message).digest("base64"),
        TIMESTAMP: timestamp,
      };
    },
  };
}
