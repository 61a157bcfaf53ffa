import { createDiffieHellman, createHmac, randomBytes } from "node:crypto";
import type { SrpServer } from "../../core/ports.js";
import { G_BYTES, modPowG, N_BYTES, N_HEX, padHex, sha256Hex, toTransportHex } from "./srp.js";

/**
 * The server half of Cognito's SRP-6a (cognito-reference §4.4–4.6). Every modular exponentiation runs
 * in OpenSSL through createDiffieHellman (constant time in the private exponent, ~5x faster than BigInt);
 * BigInt is only used for the cheap k·v + g^b and A·v^u products and their reductions.
 */

const N = BigInt(`0x${N_HEX}`);

/** k = H(PAD(N) || PAD(g)), with Java's minimal padding, not RFC 5054's fixed width (§4.1). */
const K_HEX = sha256Hex(Buffer.from(padHex(N_HEX) + padHex("2"), "hex"));
// A wrong k gives a server that works with itself and with no real client: fail at load, not at sign-in.
if (K_HEX !== "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6") {
  throw new Error("SRP multiplier k does not match cognito-reference §4.1");
}
const k = BigInt(`0x${K_HEX}`);

const HEX = /^[0-9a-fA-F]+$/;
/** Longest hex we parse (SRP_A above all): 4096 bits, comfortably above |N| = 3072, bounding the BigInt work. */
const MAX_A_HEX_CHARS = 1024;
const B_PRIVATE_BYTES = 32;
const HKDF_INFO = Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]);

const isHex = (text: unknown): text is string =>
  typeof text === "string" && text.length <= MAX_A_HEX_CHARS && HEX.test(text);
const toBigInt = (hex: string): bigint => BigInt(`0x${hex}`);
/** Minimal big-endian bytes of a non-negative integer (no sign byte: OpenSSL reads unsigned). */
const bytesOf = (value: bigint): Buffer => {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, "hex");
};
/** PAD(n) bytes (§4.2): what every hashed or HMAC-keyed integer goes through. */
const paddedBytesOf = (value: bigint): Buffer => Buffer.from(padHex(value.toString(16)), "hex");

/**
 * B = (k·v + g^b) mod N for a given private b. Exported for known-answer tests; production code gets
 * b from startChallenge. Returns null when B ≡ 0 (mod N), which a client would refuse.
 */
export function computeServerB(verifierHex: string, bBytes: Buffer): string | null {
  if (!isHex(verifierHex)) throw new Error("computeServerB: verifier is not hex");
  const v = toBigInt(verifierHex) % N;
  const gb = toBigInt(modPowG(bBytes).toString("hex"));
  const bigB = (k * v + gb) % N;
  return bigB === 0n ? null : bigB.toString(16);
}

/**
 * base^exponent mod N in OpenSSL, as the DH "shared secret" of the public value `base`. We keep the
 * generator at 2 and feed the base in as a peer key rather than making it the generator: for a
 * non-standard generator OpenSSL runs a full DH_check (primality tests of N and (N−1)/2), measured at
 * ~1–4 s per call — a CPU denial of service on every sign-in — whereas (N, 2) is recognised as the
 * RFC 3526 group and costs nothing to set up. OpenSSL refuses peer keys 0, 1 and N−1 (it throws),
 * which only a crafted A or a corrupt verifier can produce; callers treat a throw as a failed proof.
 */
function modPowOpenSsl(base: bigint, exponent: Buffer): bigint {
  const dh = createDiffieHellman(N_BYTES, G_BYTES);
  dh.setPrivateKey(exponent);
  // Node left-pads the secret to |N| bytes; the BigInt round trip drops those zeros before PAD.
  return toBigInt(dh.computeSecret(bytesOf(base)).toString("hex"));
}

/**
 * u and the 16-byte HMAC key K the client derives for this exchange (§4.4 step 1, §4.5), or null when
 * the inputs cannot lead to a valid proof (not hex, A ≡ 0, u = 0, OpenSSL refusing the base).
 * Exported for the known-answer test.
 */
export function deriveSessionKey(args: {
  verifierHex: string;
  aHex: string;
  bHex: string;
  bigBHex: string;
}): { uHex: string; sessionKey: Buffer } | null {
  const { verifierHex, aHex, bHex, bigBHex } = args;
  if (!isHex(aHex) || !isHex(verifierHex) || !isHex(bHex) || !isHex(bigBHex)) return null;
  const bigA = toBigInt(aHex);
  // A ≡ 0 would force S = 0 whatever the password: the classic SRP bypass.
  if (bigA % N === 0n) return null;
  const uHex = sha256Hex(Buffer.from(padHex(aHex) + padHex(bigBHex), "hex"));
  const u = toBigInt(uHex);
  // u = 0 removes the verifier from S (S = A^b): the client aborts on it, and so do we.
  if (u === 0n) return null;
  let secret: bigint;
  try {
    const vToU = modPowOpenSsl(toBigInt(verifierHex) % N, bytesOf(u));
    secret = modPowOpenSsl((bigA * vToU) % N, bytesOf(toBigInt(bHex)));
  } catch {
    return null;
  }
  const prk = createHmac("sha256", paddedBytesOf(u)).update(paddedBytesOf(secret)).digest();
  const sessionKey = createHmac("sha256", prk).update(HKDF_INFO).digest().subarray(0, 16);
  return { uHex: u.toString(16), sessionKey };
}

/** base64(HMAC-SHA256(K, name || userId || secretBlock || timestamp)), exactly as the SDKs sign (§4.6). */
function claimSignature(
  sessionKey: Buffer,
  name: string,
  userId: string,
  secretBlockBase64: string,
  timestamp: string,
): string {
  const message = Buffer.concat([
    Buffer.from(name, "utf8"),
    Buffer.from(userId, "utf8"),
    Buffer.from(secretBlockBase64, "base64"),
    Buffer.from(timestamp, "utf8"),
  ]);
  return createHmac("sha256", sessionKey).update(message).digest("base64");
}

/**
 * Same shape and length as a real signature, but unguessable: the caller's constant-time compare
 * then fails without a separate error path that could be told apart or forgotten.
 */
const unmatchableSignature = (): string => randomBytes(32).toString("base64");

/** The SrpServer port's work done synchronously, in the calling thread: what srp-workers.ts runs inline or in its threads. */
export type SrpMath = {
  [Method in keyof SrpServer]: (...args: Parameters<SrpServer[Method]>) => Awaited<ReturnType<SrpServer[Method]>>;
};

/** The SrpServer port (core/ports.ts) over OpenSSL, synchronous. Stateless: the caller stores b and B in its session. */
export function createSrpServer(): SrpMath {
  return {
    isAcceptableA(aHex) {
      return isHex(aHex) && toBigInt(aHex) % N !== 0n;
    },

    startChallenge(verifierHex) {
      for (;;) {
        // 256-bit b, as FLOCI does: ~128-bit security, on par with the 3072-bit group; a longer b only costs time.
        const b = randomBytes(B_PRIVATE_BYTES);
        const bigBHex = computeServerB(verifierHex, b);
        if (bigBHex !== null) return { bHex: toTransportHex(b), bigBHex };
      }
    },

    expectedSignature({ name, userId, verifierHex, aHex, bHex, bigBHex, secretBlockBase64, timestamp }) {
      // saltHex is not needed here: x (and so the salt) is already folded into v.
      const derived = deriveSessionKey({ verifierHex, aHex, bHex, bigBHex });
      if (derived === null) return unmatchableSignature();
      return claimSignature(derived.sessionKey, name, userId, secretBlockBase64, timestamp);
    },
  };
}
