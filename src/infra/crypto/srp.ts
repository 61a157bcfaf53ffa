import { createDiffieHellman, createHash, randomBytes } from "node:crypto";

/**
 * Cognito's SRP-6a ("Caldera") primitives, exactly as cognito-reference §4 states them.
 * Modular exponentiation runs in OpenSSL (createDiffieHellman), never on JS BigInt.
 */
export const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";
export const N_BYTES = Buffer.from(N_HEX, "hex");
export const G_BYTES = Buffer.from([2]);

/**
 * Java's BigInteger.toByteArray() as hex (§4.2): minimal, even length, with a 00 prefix when the
 * top bit is set. Non-negative inputs only: the gateway never produces negative values.
 */
export function padHex(hex: string): string {
  let digits = hex.toLowerCase().replace(/^0+/, "");
  if (digits === "") digits = "0";
  if (digits.length % 2 === 1) digits = `0${digits}`;
  return /^[89a-f]/.test(digits) ? `00${digits}` : digits;
}

/** Minimal lowercase hex without padding, as SRP values are transported (BigInteger.toString(16)). */
export const toTransportHex = (bytes: Buffer): string => bytes.toString("hex").replace(/^0+(?=.)/, "");

export const sha256Hex = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");

/** The part of the pool id after "_" that Cognito mixes into x and the claim signature. */
export const poolNameOf = (poolId: string): string => poolId.slice(poolId.indexOf("_") + 1);

/** x = H(PAD(salt) || H(poolName || username || ":" || password)) (§4.3). */
export function computeX(saltHex: string, poolName: string, username: string, password: string): Buffer {
  const inner = sha256Hex(Buffer.from(`${poolName}${username}:${password}`, "utf8"));
  return createHash("sha256")
    .update(Buffer.from(padHex(saltHex) + inner, "hex"))
    .digest();
}

/** g^exponent mod N through OpenSSL. */
export function modPowG(exponent: Buffer): Buffer {
  const dh = createDiffieHellman(N_BYTES, G_BYTES);
  dh.setPrivateKey(exponent);
  dh.generateKeys();
  return dh.getPublicKey();
}

/** A fresh salt and the verifier v = g^x mod N for a password (§4.4), both as transport hex. */
export function createVerifier(
  poolId: string,
  username: string,
  password: string,
  salt: Buffer = randomBytes(16),
): { saltHex: string; verifierHex: string } {
  const saltHex = toTransportHex(salt);
  const x = computeX(saltHex, poolNameOf(poolId), username, password);
  return { saltHex, verifierHex: toTransportHex(modPowG(x)) };
}
