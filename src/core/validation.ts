import { CognitoError, invalidParameter } from "./errors.js";

/** Small checks shared by every service; each names the field it rejects. */
export function requireLength(field: string, value: string, min: number, max: number): void {
  if (value.length < min || value.length > max) {
    throw invalidParameter(`${field} must be ${min === max ? `exactly ${min}` : `${min} to ${max}`} characters long.`);
  }
}

export function requirePattern(field: string, value: string, pattern: RegExp, description: string): void {
  if (!pattern.test(value)) throw invalidParameter(`${field} ${description}.`);
}

export function requireIntegerInRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`${field} must be an integer from ${min} to ${max}; got ${value}.`);
  }
}

export function requireUnique<T>(field: string, values: readonly T[]): void {
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) throw invalidParameter(`${field} lists ${String(value)} more than once.`);
    seen.add(value);
  }
}

export function requireSubset<T extends string>(field: string, values: readonly string[], allowed: readonly T[]): T[] {
  requireUnique(field, values);
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParameter(`${field} may only contain ${allowed.join(", ")}; got ${value}.`);
    }
  }
  return values as T[];
}

export function requireUrl(field: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidParameter(`${field} must be an absolute URL; got ${JSON.stringify(value.slice(0, 100))}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw invalidParameter(`${field} must be an http or https URL.`);
  // fetch refuses such a URL (so it could never be called), and the credentials would be stored and shown in clear.
  if (url.username !== "" || url.password !== "")
    throw invalidParameter(`${field} must not carry a user name or password; the gateway signs its calls instead.`);
  requireLength(field, value, 1, 2048);
}

export function requireMaxItems(field: string, values: readonly unknown[], max: number): void {
  if (values.length > max)
    throw new CognitoError("LimitExceededException", `${field} holds at most ${max} entries; got ${values.length}.`);
}

export const POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;
export const CLIENT_ID_PATTERN = /^[\w+]+$/;

export function requirePoolId(poolId: string): void {
  requireLength("userPoolId", poolId, 1, 55);
  requirePattern("userPoolId", poolId, POOL_ID_PATTERN, "must look like <region>_<id>, e.g. local_a1B2c3D4e");
}

export function requireClientId(clientId: string): void {
  requireLength("clientId", clientId, 1, 128);
  requirePattern("clientId", clientId, CLIENT_ID_PATTERN, "may only contain letters, digits, _ and +");
}
