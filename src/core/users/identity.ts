import { invalidParameter } from "../errors.js";
import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { requireLength, requirePattern } from "../validation.js";
import type { AliasKind, User, UserAttributes } from "./user.types.js";

const USERNAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;
const PHONE_LIKE = /^\+[0-9]+$/;

/** Usernames, emails and preferred_username compare in lower case unless the pool is case-sensitive. */
export function normalizeIdentifier(pool: UserPool, kind: "username" | AliasKind, value: string): string {
  if (kind === "phone_number") return value;
  return pool.usernameCaseSensitive && kind === "username" ? value : value.toLowerCase();
}

export function checkUsernameShape(username: string): void {
  requireLength("username", username, 1, 128);
  requirePattern("username", username, USERNAME_PATTERN, "may not contain whitespace");
}

/**
 * What a sign-up's Username means in this pool: in email/phone-as-username pools it is an email or
 * phone number (and the immutable username becomes a new UUID); otherwise it is the username itself.
 * @throws InvalidParameterException when the value fits none of the pool's username forms.
 */
export function classifySignUpUsername(
  pool: UserPool,
  username: string,
): { kind: "username" } | { kind: "email" | "phone_number"; value: string } {
  checkUsernameShape(username);
  if (pool.usernameAttributes.length > 0) {
    if (pool.usernameAttributes.includes("email") && EMAIL_LIKE.test(username))
      return { kind: "email", value: username };
    if (pool.usernameAttributes.includes("phone_number") && PHONE_LIKE.test(username))
      return { kind: "phone_number", value: username };
    throw invalidParameter(
      `Username should be ${pool.usernameAttributes.map((attribute) => (attribute === "email" ? "an email" : "a phone number")).join(" or ")}.`,
    );
  }
  if (pool.aliasAttributes.includes("email") && EMAIL_LIKE.test(username))
    throw invalidParameter(
      "Username should not be an email when email is an alias; sign up with a username and give email as an attribute.",
    );
  if (pool.aliasAttributes.includes("phone_number") && PHONE_LIKE.test(username))
    throw invalidParameter("Username should not be a phone number when phone_number is an alias.");
  return { kind: "username" };
}

/**
 * The alias rows a user should hold now: in email/phone-as-username pools the email/phone whether or
 * not verified (they are sign-in names); in alias pools only verified values.
 */
export function aliasesOf(pool: UserPool, attributes: UserAttributes): { kind: AliasKind; valueNormalized: string }[] {
  const aliases: { kind: AliasKind; valueNormalized: string }[] = [];
  for (const kind of pool.usernameAttributes) {
    const value = attributes[kind];
    if (value) aliases.push({ kind, valueNormalized: normalizeIdentifier(pool, kind, value) });
  }
  for (const kind of pool.aliasAttributes) {
    const value = attributes[kind];
    const verified = kind === "preferred_username" || attributes[`${kind}_verified`] === "true";
    if (value && verified) aliases.push({ kind, valueNormalized: normalizeIdentifier(pool, kind, value) });
  }
  return aliases;
}

/**
 * Finds a user by anything Cognito accepts in place of the username: the username itself, its
 * email/phone in email/phone-as-username pools, or a verified alias.
 */
export async function findUserByIdentifier(
  repositories: Repositories,
  pool: UserPool,
  identifier: string,
): Promise<User | null> {
  if (identifier.length === 0 || identifier.length > 128) return null;
  const byUsername = await repositories.users.findByUsername(
    pool.id,
    normalizeIdentifier(pool, "username", identifier),
  );
  if (byUsername) return byUsername;
  const kinds: AliasKind[] = [...pool.usernameAttributes, ...pool.aliasAttributes];
  for (const kind of kinds) {
    if (kind === "email" && !identifier.includes("@")) continue;
    if (kind === "phone_number" && !identifier.startsWith("+")) continue;
    const user = await repositories.users.findByAlias(pool.id, kind, normalizeIdentifier(pool, kind, identifier));
    if (user) return user;
  }
  return null;
}
