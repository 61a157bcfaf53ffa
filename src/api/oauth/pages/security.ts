import type { Request, Response } from "express";
import { randomTokenBase64Url } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";

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

export function pageBaseOf(res: Response): PageBase {
  const pool = res.locals.oauthPool as { poolId: string; baseUrl: string } | undefined;
  if (!pool) throw new Error("managed sign-in page reached without res.locals.oauthPool");
  const url = new URL(pool.baseUrl);
  return { poolId: pool.poolId, baseUrl: pool.baseUrl, basePath: url.pathname.replace(/\/+$/, ""), isSecure: url.protocol === "https:" };
}

/** Cookies stay within the pool's base: `/<poolId>` on the issuer host, `/` on a pool domain. */
export const cookiePathOf = (base: PageBase): string => base.basePath || "/";

/**
 * A new CSRF token for a page shown by GET: 192 random bits, then when the interaction started. The
 * time only bounds the person's own interaction (every secret step has its own server-side expiry), so
 * it needs no signature: changing it in one's own cookie gains nothing.
 */
export function issueCsrfToken(res: Response, base: PageBase, nowMs: number): string {
  const token = `${randomTokenBase64Url(24)}.${nowMs.toString(36)}`;
  res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: base.isSecure, path: cookiePathOf(base) });
  return token;
}

export type CsrfCheck = { kind: "valid"; token: string } | { kind: "forbidden" } | { kind: "expired" };

/**
 * Double submit: the form's _csrf must equal the XSRF-TOKEN cookie (compared in constant time). A page
 * on another site can make a browser post, but can neither read nor set this site's cookie, and
 * SameSite=Lax keeps the cookie off cross-site POSTs altogether.
 */
export function checkCsrf(req: Request, nowMs: number): CsrfCheck {
  const cookie: unknown = req.cookies?.[CSRF_COOKIE];
  const field: unknown = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (typeof cookie !== "string" || typeof field !== "string" || cookie.length < 32 || cookie.length > 64 || !constantTimeEqual(cookie, field)) return { kind: "forbidden" };
  const startedMs = parseInt(cookie.slice(cookie.indexOf(".") + 1), 36);
  if (!Number.isFinite(startedMs) || nowMs - startedMs > INTERACTION_MS || startedMs - nowMs > INTERACTION_MS) return { kind: "expired" };
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
 * The headers of every page: no script at all, styles only from the stylesheet and the one nonce'd
 * <style> (the pool's branding), images from here or data: (logo, QR code), forms only here or to the
 * app, never framed, no referrer (the query carries state), never cached.
 */
export function setPageHeaders(res: Response, options: { nonce: string; redirectUri: string | null }): void {
  const formAction = ["'self'", formActionSourceOf(options.redirectUri)].filter(Boolean).join(" ");
  res.setHeader(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'self' 'nonce-${options.nonce}'; img-src 'self' data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cache-Control", "no-store");
}

export const newNonce = (): string => randomTokenBase64Url(16);
