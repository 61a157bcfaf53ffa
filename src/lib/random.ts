import { randomBytes, randomInt, randomUUID } from "node:crypto";

/** The only source of randomness: a CSPRNG (OpenSSL) for everything, ids and secrets alike. */
const LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomFromAlphabet(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomLowerAlphanumeric = (length: number): string => randomFromAlphabet(LOWER_ALPHANUMERIC, length);
export const randomAlphanumeric = (length: number): string => randomFromAlphabet(ALPHANUMERIC, length);
export const randomUuid = (): string => randomUUID();
export { randomInt };
/** A decimal code of `digits` digits, uniformly drawn (leading zeros kept). */
export const randomDigits = (digits: number): string =>
  Array.from({ length: digits }, () => String(randomInt(10))).join("");
export const randomBytesOf = (length: number): Buffer => randomBytes(length);
export const randomTokenBase64Url = (byteLength: number): string => randomBytes(byteLength).toString("base64url");

let sequence = 0;
/**
 * Sortable by creation time, then by an in-process sequence (so ids made within one millisecond, or
 * under a frozen test clock, keep their order), then random (unique across processes).
 */
export const timeOrderedId = (nowMs: number): string => {
  sequence = (sequence + 1) % 36 ** 6;
  return `${nowMs.toString(36).padStart(9, "0")}${sequence.toString(36).padStart(6, "0")}${randomLowerAlphanumeric(12)}`;
};
