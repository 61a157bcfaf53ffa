import type { Request, Response } from "express";
import { randomTokenBase64Url } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";
import type { MessageAuthenticator } from "../../../core/ports.js";
import type { OAuthPool } from "../oauth-pool.js";

/** Cognito's names (reference-oauth §8.2, §8.3): the double-submit cookie and the form field. */
export const CSRF_COOKIE = "XSRF-TOKEN";
export const CSRF_FIELD = "_csrf";

/** A managed-login interaction not finished within this long starts again (reference-oauth §2.3). */
export const INTERACTION_MS = 5 * 60 * 1000;

/** The pool base a page is served under, as the OAuth router resolved it. */
export interface PageBase {
  poolId: string;
  /** Absolute external base, no trailing slash: `http://host:port/us-east-1_abc` or `https://auth.example.com`. */
  baseUrl: string;
  /** Its path: `/us-east-1_abc`, or "" at the root of a pool domain. */
  basePath: string;
  /** https: cookies are Secure. */
  isSecure: boolean;
}

/**
 * The page's base, as the OAuth router made it: nothing is parsed here, so no Host header, however
 * malformed, can make this throw (the router answers 400 for a Host that is no usable authority).
 */
export function pageBaseOf(res: Response): PageBase {
  const pool = res.locals.oauthPool as OAuthPool | undefined;
  if (!pool) throw new Error("managed sign-in page reached without res.locals.oauthPool");
  return {
    poolId: pool.poolId,
    baseUrl: pool.baseUrl,
    basePath: pool.basePath,
    isSecure: pool.baseUrl.startsWith("https:"),
  };
}

/** Cookies stay within the pool's base: `/<poolId>` on the issuer host, `/` on a pool domain. */
export const cookiePathOf = (base: PageBase): string => base.basePath || "/";

/** A start further ahead than this is refused: gateway processes' clocks may differ by a little, never more. */
export const CLOCK_SKEW_MS = 30 * 1000;
const CSRF_SCOPE = "page-csrf";
const csrfSignedText = (random: string, startedMs: number, poolId: string) =>
  `${random}\u0000${startedMs}\u0000${poolId}`;

/**
 * A new CSRF token for a page shown by GET: `<192 random bits>.<start, base 36>.<HMAC>`, the HMAC over
 * the random part, the start and the pool, under a key derived from SECRETS_KEY. Signed so that the
 * 5-minute interaction is the server's rule and not the browser's: a token the gateway never issued (a
 * cookie planted by a sibling subdomain of a custom domain with a matching _csrf), one of another pool,
 * or one whose start was moved is refused.
 */
export function issueCsrfToken(
  res: Response,
  base: PageBase,
  nowMs: number,
  authenticator: MessageAuthenticator,
): string {
  const random = randomTokenBase64Url(24);
  const token = `${random}.${nowMs.toString(36)}.${authenticator.sign(CSRF_SCOPE, csrfSignedText(random, nowMs, base.poolId))}`;
  res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: base.isSecure, path: cookiePathOf(base) });
  return token;
}

export type CsrfCheck = { kind: "valid"; token: string } | { kind: "forbidden" } | { kind: "expired" };

/**
 * A page's POST is accepted only from the page itself:
 * - from its own origin: a present Origin must be the page's (a sibling subdomain can plant cookies but
 *   cannot post with this origin), and a browser's Sec-Fetch-Site must not say cross-site;
 * - double submit: the form's _csrf equals the XSRF-TOKEN cookie (constant time). SameSite=Lax keeps
 *   the cookie off cross-site POSTs;
 * - the token is one this gateway issued for this pool (its HMAC), and the interaction it dates is at
 *   most 5 minutes old and not more than CLOCK_SKEW_MS ahead ("expired": start again).
 */
export function checkCsrf(req: Request, base: PageBase, nowMs: number, authenticator: MessageAuthenticator): CsrfCheck {
  const origin = req.headers.origin;
  // A base WHATWG's parser refuses (a host it reads as a bad IPv4 address) has no origin a browser could send.
  if (origin !== undefined && (!URL.canParse(base.baseUrl) || origin !== new URL(base.baseUrl).origin))
    return { kind: "forbidden" };
  if (req.headers["sec-fetch-site"] === "cross-site") return { kind: "forbidden" };
  const cookie: unknown = req.cookies?.[CSRF_COOKIE];
  const field: unknown = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (
    typeof cookie !== "string" ||
    typeof field !== "string" ||
    cookie.length < 40 ||
    cookie.length > 160 ||
    !constantTimeEqual(cookie, field)
  )
    return { kind: "forbidden" };
  const [random, started, mac, ...rest] = cookie.split(".");
  if (rest.length > 0 || !random || !started || !mac || !/^[0-9a-z]{1,12}$/.test(started)) return { kind: "forbidden" };
  const startedMs = parseInt(started, 36);
  if (!authenticator.verify(CSRF_SCOPE, csrfSignedText(random, startedMs, base.poolId), mac))
    return { kind: "forbidden" };
  if (nowMs - startedMs > INTERACTION_MS || startedMs - nowMs > CLOCK_SKEW_MS) return { kind: "expired" };
  return { kind: "valid", token: cookie };
}

/**
 * form-action source for the client's redirect URI: Chromium applies form-action to the redirects that
 * follow a form submission, so the final 302 to the app must be allowed. http(s) → its origin; an
 * app's own scheme (myapp://…) → the scheme.
 */
export function formActionSourceOf(redirectUri: string | null): string | null {
  if (!redirectUri) return null;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return null;
  }
  if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
  return /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) ? url.protocol : null;
}

/**
 * The headers of every page: no script at all (the passkey pages: their one script file, by nonce), styles only from the stylesheet and the one nonce'd
 * <style> (the pool's branding), images from here or data: (logo, QR code), forms only here or to the
 * app, never framed, never cached. No referrer leaves for another origin (the query carries state);
 * same-origin requests keep theirs, because under no-referrer browsers send `Origin: null` on the
 * pages' own form posts, and checkCsrf needs their real Origin to tell them from a sibling's.
 */
export function setPageHeaders(
  res: Response,
  options: { nonce: string; redirectUri: string | null; allowsScript?: boolean },
): void {
  const formAction = ["'self'", formActionSourceOf(options.redirectUri)].filter(Boolean).join(" ");
  // The passkey pages load one first-party file, allowed by this response's nonce alone: no inline
  // script, no eval, no other file of the origin (not even 'self').
  const script = options.allowsScript ? ` script-src 'nonce-${options.nonce}';` : "";
  res.setHeader(
    "Content-Security-Policy",
    `default-src 'none';${script} style-src 'self' 'nonce-${options.nonce}'; img-src 'self' data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cache-Control", "no-store");
}

export const newNonce = (): string => randomTokenBase64Url(16);
