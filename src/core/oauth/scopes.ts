import type { AppClient } from "../clients/app-client.types.js";
import { scopeStringsOf, type ResourceServer } from "./resource-server.types.js";

/** The scope that lets an access token call the self-service operations (cognito-reference §6.3). */
export const SELF_SERVICE_SCOPE = "aws.cognito.signin.user.admin";

/** The scopes Cognito defines itself (reference-oauth §10.1); everything else is `<resource server>/<scope>`. */
export const OPENID = "openid";
export const STANDARD_SCOPES: ReadonlySet<string> = new Set([OPENID, "email", "phone", "profile", SELF_SERVICE_SCOPE]);
/** Scopes that only mean something beside openid: asked without it, Cognito answers invalid_scope. */
const NEEDS_OPENID = ["email", "phone", "profile"];

/** The attributes `openid profile` unlocks at /oauth2/userInfo (reference-oauth §4), besides every custom attribute. */
const PROFILE_ATTRIBUTES: ReadonlySet<string> = new Set([
  "name",
  "family_name",
  "given_name",
  "middle_name",
  "nickname",
  "preferred_username",
  "profile",
  "picture",
  "website",
  "gender",
  "birthdate",
  "zoneinfo",
  "locale",
  "updated_at",
]);
const EMAIL_ATTRIBUTES = ["email", "email_verified"];
const PHONE_ATTRIBUTES = ["phone_number", "phone_number_verified"];

/** A `scope` parameter as the list it names: space-separated (a URL's `+` is already a space), duplicates dropped. */
export function parseScopeParameter(raw: string): string[] {
  return [...new Set(raw.split(" ").filter((scope) => scope !== ""))];
}

/**
 * The custom scopes that exist right now. A scope deleted from its resource server stays on clients but is
 * inactive: never written into a token, yet asking for it is no error (reference-oauth §10.2).
 */
export const activeCustomScopesOf = (servers: readonly ResourceServer[]): ReadonlySet<string> =>
  new Set(servers.flatMap(scopeStringsOf));

export type ScopeDecision = { ok: true; scopes: string[] } | { ok: false };

/**
 * The scopes an authorization request is granted (reference-oauth §2.1): all of the client's
 * AllowedOAuthScopes when it names none; every named scope must be allowed to the client, and
 * email/phone/profile need openid. Allowed custom scopes of deleted resource-server scopes are dropped.
 * `{ ok: false }` is invalid_scope; so is a request left with no scope at all.
 */
export function grantAuthorizeScopes(
  requested: string[] | null,
  client: Pick<AppClient, "allowedOAuthScopes">,
  activeCustom: ReadonlySet<string>,
): ScopeDecision {
  const allowed = new Set(client.allowedOAuthScopes);
  const asked = requested ?? [...allowed];
  if (asked.some((scope) => !allowed.has(scope))) return { ok: false };
  if (!asked.includes(OPENID) && asked.some((scope) => NEEDS_OPENID.includes(scope))) return { ok: false };
  const scopes = asked.filter((scope) => STANDARD_SCOPES.has(scope) || activeCustom.has(scope));
  return scopes.length > 0 ? { ok: true, scopes } : { ok: false };
}

/**
 * The scopes of an earlier grant (an authorization code, a refresh token) that tokens minted now may carry:
 * those the client is still allowed (an admin narrowing AllowedOAuthScopes withdraws them from what was
 * granted before), and of the custom ones only those whose resource-server scope still exists (a deleted
 * scope is inactive and never written into a token, reference-oauth §10.2). The grant itself keeps them:
 * a scope allowed or created again is carried again. `activeCustom` is asked only when a custom scope is
 * left to check, so a grant of standard scopes alone costs no lookup.
 */
export async function scopesStillGranted(
  granted: readonly string[],
  client: Pick<AppClient, "allowedOAuthScopes">,
  activeCustom: () => Promise<ReadonlySet<string>>,
): Promise<string[]> {
  const allowed = new Set(client.allowedOAuthScopes);
  const kept = granted.filter((scope) => allowed.has(scope));
  if (kept.every((scope) => STANDARD_SCOPES.has(scope))) return kept;
  const active = await activeCustom();
  return kept.filter((scope) => STANDARD_SCOPES.has(scope) || active.has(scope));
}

/**
 * client_credentials scopes (reference-oauth §3.2, §10.1): only custom scopes the client is allowed and
 * that exist; unknown or unallowed ones are dropped, not refused; none named = all of them.
 */
export function grantClientCredentialsScopes(
  requested: string[] | null,
  client: Pick<AppClient, "allowedOAuthScopes">,
  activeCustom: ReadonlySet<string>,
): string[] {
  const usable = client.allowedOAuthScopes.filter((scope) => !STANDARD_SCOPES.has(scope) && activeCustom.has(scope));
  if (requested === null) return usable;
  const asked = new Set(requested);
  return usable.filter((scope) => asked.has(scope));
}

/**
 * Which of the client-readable attributes an OAuth ID token carries (reference-oauth §10.1, and the
 * Developer Guide's note on openid: "When you request openid and other scopes like profile, email, and
 * phone, the contents of the ID token and userInfo response are limited to the constraints of the
 * additional scopes"). openid alone, or with profile (which "authorizes all user attributes that the app
 * client can read"), keeps them all; openid with only email and/or phone keeps those sets.
 */
export function idTokenAttributeFilter(scopes: readonly string[]): (name: string) => boolean {
  if (scopes.includes("profile") || !scopes.some((scope) => scope === "email" || scope === "phone")) return () => true;
  return scopeAttributeFilter(scopes, false);
}

/**
 * Which readable attributes /oauth2/userInfo returns (reference-oauth §4): openid alone → all of them;
 * otherwise the union of the sets named: profile → the profile set and custom attributes, email, phone.
 */
export function userInfoAttributeFilter(scopes: readonly string[]): (name: string) => boolean {
  if (!scopes.some((scope) => NEEDS_OPENID.includes(scope))) return () => true;
  return scopeAttributeFilter(scopes, true);
}

function scopeAttributeFilter(scopes: readonly string[], profileSet: boolean): (name: string) => boolean {
  const names = new Set<string>();
  if (scopes.includes("email")) EMAIL_ATTRIBUTES.forEach((name) => names.add(name));
  if (scopes.includes("phone")) PHONE_ATTRIBUTES.forEach((name) => names.add(name));
  const withProfile = profileSet && scopes.includes("profile");
  return (name) => names.has(name) || (withProfile && (PROFILE_ATTRIBUTES.has(name) || name.startsWith("custom:")));
}
