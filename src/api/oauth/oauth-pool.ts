import type { Response } from "express";

/**
 * The pool a request below a pool's base is for, set by the OAuth router (res.locals.oauthPool):
 * `baseUrl` is the absolute external base the request came in on, without a trailing slash —
 * `<scheme>://<host>/<poolId>` on the issuer path or `<scheme>://<pool domain>` on a domain.
 */
export interface OAuthPool {
  poolId: string;
  baseUrl: string;
}

/**
 * The pool's base as the request reached it: the pool domain's root, or the issuer path `/<poolId>` on
 * any other host (`issuerPathOf`). The Host header is the browser's, so links stay on the host it used.
 */
export function oauthPoolAt(
  scheme: string,
  hostHeader: string | undefined,
  poolId: string,
  on: "domain" | "issuer path",
): OAuthPool {
  const base = `${scheme}://${(hostHeader ?? "").trim().toLowerCase()}`;
  return { poolId, baseUrl: on === "domain" ? base : `${base}/${poolId}` };
}

export function oauthPoolOf(response: Response): OAuthPool {
  const pool = (response.locals as { oauthPool?: OAuthPool }).oauthPool;
  if (!pool) throw new Error("oauthPool is not set: the route is mounted outside the OAuth router");
  return pool;
}

/** The cookie path of a base: `/<poolId>` on the issuer path, `/` on a pool domain. */
export const cookiePathOfBase = (baseUrl: string): string => new URL(baseUrl).pathname.replace(/\/+$/, "") || "/";
