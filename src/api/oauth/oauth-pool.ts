import type { Response } from "express";

/**
 * The pool a request below a pool's base is for, set by the OAuth router (res.locals.oauthPool):
 * `baseUrl` is the absolute external base the request came in on, without a trailing slash —
 * `<scheme>://<host>/<poolId>` on the issuer path or `<scheme>://<pool domain>` on a domain.
 */
export interface OAuthPool {
  poolId: string;
  baseUrl: string;
  /** The base's path: `/<poolId>` on the issuer path, "" at the root of a pool domain. */
  basePath: string;
}

/**
 * A Host header as an authority the gateway can build links on (RFC 3986, narrowed): a host name or IPv4
 * address (letters, digits, `-`, `.`, `_`) or a bracketed IPv6 address, then an optional port up to 65535.
 * Nothing else, because the header is the client's: a space, `/`, `@`, `?` or `#` would break the base
 * URL or move its path. Not WHATWG's URL parser: it refuses names such as `x.auth.127.0.0.1` (the default
 * POOL_DOMAIN_SUFFIX under an IP PUBLIC_URL), whose token endpoint works without any URL being parsed.
 */
const HOST_AUTHORITY = /^(?:[a-z0-9_][a-z0-9_.-]*|\[[0-9a-f:.]+\])(?::(\d{0,5}))?$/;

/** The Host header lower-cased, or null when no usable URL authority can be made of it (absent, `a b`, `localhost:99999`). */
export function usableHostOf(hostHeader: string | undefined): string | null {
  const host = (hostHeader ?? "").trim().toLowerCase();
  const match = HOST_AUTHORITY.exec(host);
  return match && Number(match[1] ?? "0") <= 65535 ? host : null;
}

/**
 * The pool's base as the request reached it: the pool domain's root, or the issuer path `/<poolId>` on
 * any other host. The Host header is the browser's, so links stay on the host it used.
 * Null when the Host header is no usable authority (usableHostOf): the caller answers 400, as the
 * client's fault, and nothing downstream ever parses a base made of it.
 */
export function oauthPoolAt(
  scheme: string,
  hostHeader: string | undefined,
  poolId: string,
  on: "domain" | "issuer path",
): OAuthPool | null {
  const host = usableHostOf(hostHeader);
  if (host === null) return null;
  const basePath = on === "domain" ? "" : `/${poolId}`;
  return { poolId, baseUrl: `${scheme}://${host}${basePath}`, basePath };
}

export function oauthPoolOf(response: Response): OAuthPool {
  const pool = (response.locals as { oauthPool?: OAuthPool }).oauthPool;
  if (!pool) throw new Error("oauthPool is not set: the route is mounted outside the OAuth router");
  return pool;
}

/** The cookie path of a pool's base: `/<poolId>` on the issuer path, `/` on a pool domain. */
export const cookiePathOfPool = (pool: OAuthPool): string => pool.basePath || "/";
