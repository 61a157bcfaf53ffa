import { invalidResponse, type TriggerName } from "./trigger-runner.js";

/**
 * Readers for one field of a trigger's `response`: absent or null reads as undefined, a value of
 * the wrong type is InvalidLambdaResponseException (as Cognito answers an ill-typed Lambda result).
 */
export function readBoolean(name: TriggerName, response: Record<string, unknown>, field: string): boolean | undefined {
  const value = response[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw invalidResponse(name, `${field} must be a boolean`);
  return value;
}

export function readString(name: TriggerName, response: Record<string, unknown>, field: string): string | undefined {
  const value = response[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidResponse(name, `${field} must be a string`);
  return value;
}

export function readStringArray(
  name: TriggerName,
  response: Record<string, unknown>,
  field: string,
): string[] | undefined {
  const value = response[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string"))
    throw invalidResponse(name, `${field} must be an array of strings`);
  return value as string[];
}

export function readObject(
  name: TriggerName,
  response: Record<string, unknown>,
  field: string,
): Record<string, unknown> | undefined {
  const value = response[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalidResponse(name, `${field} must be an object`);
  return value as Record<string, unknown>;
}

/** A map of string values (attributes, challenge parameters). */
export function readStringMap(
  name: TriggerName,
  response: Record<string, unknown>,
  field: string,
): Record<string, string> | undefined {
  const value = readObject(name, response, field);
  if (value === undefined) return undefined;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") throw invalidResponse(name, `${field}.${key} must be a string`);
  }
  return value as Record<string, string>;
}

export function readEnum<T extends string>(
  name: TriggerName,
  response: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
): T | undefined {
  const value = readString(name, response, field);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw invalidResponse(name, `${field} must be one of ${allowed.join(", ")}`);
  return value as T;
}
