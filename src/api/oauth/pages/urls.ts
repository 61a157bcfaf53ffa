import type { Request } from "express";

/**
 * The pages' own query parameters, carried beside the authorize request's and never passed on as part
 * of it. None is shown as text as it stands: `delivery` is signed (delivery.ts) and `notice` is a key
 * of a fixed table, so a link cannot put an attacker's sentence on the gateway's page. `signed_in` is a
 * signed proof of a sign-in just made (fresh-sign-in.ts), never shown.
 */
const PAGE_PARAMETERS = ["username", "delivery", "notice", "signed_in"] as const;
export type PageParameter = (typeof PAGE_PARAMETERS)[number];

/** Every page path the router serves, relative to the pool's base. */
export const PAGE_PATHS = {
  login: "/login",
  signup: "/signup",
  confirm: "/confirm",
  resendCode: "/resendcode",
  forgotPassword: "/forgotPassword",
  confirmForgotPassword: "/confirmforgotPassword",
  confirmUser: "/confirmUser",
  newPassword: "/newPassword",
  mfa: "/mfa",
  mfaSelect: "/mfa/select",
  mfaSetup: "/mfa/setup",
  /** Choice-based sign-in (passwordless pools): the factor picked, the passkey's answer, adding a passkey. */
  loginFactor: "/login/factor",
  loginPasskey: "/login/passkey",
  passkeysAdd: "/passkeys/add",
  error: "/error",
} as const;

/** The request's query string exactly as sent (forms post back to the same path and query string). */
export function rawQueryOf(req: Request): URLSearchParams {
  const index = req.originalUrl.indexOf("?");
  return new URLSearchParams(index < 0 ? "" : req.originalUrl.slice(index + 1));
}

/** The authorize request carried by a page URL: its query without the pages' own parameters. */
export function authorizeQueryOf(query: URLSearchParams): URLSearchParams {
  const authorize = new URLSearchParams(query);
  for (const name of PAGE_PARAMETERS) authorize.delete(name);
  return authorize;
}

/** A page parameter, when it is there once (repetitions are ignored as ambiguous). */
export function pageParameterOf(query: URLSearchParams, name: PageParameter): string | null {
  const values = query.getAll(name);
  return values.length === 1 && values[0]!.length <= 2048 ? values[0]! : null;
}

/** `<basePath><page>?<authorize query>[&page parameters]`: a path on this host, for links, form actions and redirects. */
export function pageUrl(
  basePath: string,
  page: string,
  authorizeQuery: URLSearchParams,
  extra: Partial<Record<PageParameter, string | null>> = {},
): string {
  const query = new URLSearchParams(authorizeQuery);
  for (const [name, value] of Object.entries(extra)) if (value) query.set(name, value);
  const text = query.toString();
  return `${basePath}${page}${text ? `?${text}` : ""}`;
}
