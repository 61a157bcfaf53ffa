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
export const randomBytesOf = (length: number): Buffer => randomBytes(length);
export const randomTokenBase64Url = (byteLength: number): string => randomBytes(byteLength).toString("base64url");
