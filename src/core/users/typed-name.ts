import type { UserPool } from "../pools/user-pool.types.js";
import { normalizeIdentifier } from "./identity.js";

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^\+[0-9]+$/;

/**
 * A typed sign-in name as lookups compare it: an email that signs in is matched in lower case even
 * in a case-sensitive pool, a username as the pool says. Keys what the gateway remembers about a
 * name with no user behind it (limits, simulated codes and destinations), so "Jane@X.com" and
 * "jane@x.com" are one name there exactly when they would be one user.
 */
export function normalizeTypedName(pool: UserPool, identifier: string): string {
  return normalizeIdentifier(pool, typedNameKind(pool, identifier), identifier);
}

/** What a typed sign-in name is looked up as: an email or phone number the pool signs in with, else a username. */
export function typedNameKind(pool: UserPool, identifier: string): "email" | "phone_number" | "username" {
  const signsIn = (kind: "email" | "phone_number") =>
    pool.usernameAttributes.includes(kind) || pool.aliasAttributes.includes(kind);
  if (signsIn("email") && EMAIL_LIKE.test(identifier)) return "email";
  if (signsIn("phone_number") && PHONE_LIKE.test(identifier)) return "phone_number";
  return "username";
}
