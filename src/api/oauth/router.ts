import cookieParser from "cookie-parser";
import { Router, type NextFunction, type Request, type Response } from "express";
import type { IncomingMessage } from "node:http";
import type { OAuthService } from "../../core/oauth/authorization.service.js";
import type { LoginSessionService } from "../../core/oauth/login-session.service.js";
import type { OAuthTokenService } from "../../core/oauth/oauth-token.service.js";
import type { PoolHosts } from "../../core/oauth/pool-hosts.js";
import type { AccessTokenService } from "../../core/tokens/access-token.service.js";
import { POOL_ID_PATTERN } from "../../core/validation.js";
import { EdgeError } from "../http/edge-errors.js";
import { createAuthorizeRoutes } from "./authorize.routes.js";
import { oauthPoolAt, type OAuthPool } from "./oauth-pool.js";
import { sendBarePage } from "./pages/page-kit.js";
import { messageView } from "./pages/views-account.js";
import { createTokenRoutes } from "./token.routes.js";

export interface OAuthRouterDeps {
  services: {
    oauth: OAuthService;
    oauthTokens: OAuthTokenService;
    loginSessions: LoginSessionService;
    accessTokens: AccessTokenService;
  };
  poolHosts: PoolHosts;
  /** PUBLIC_URL: an https PUBLIC_URL makes every base https (TLS ends at a proxy in front). */
  publicUrl: string;
  /** The managed sign-in pages (pages/router.ts), run for every path the endpoints leave. */
  pages: Router;
  /** How long a token or revoke request's body may take to arrive (http/body-deadline.ts). */
  bodyTimeoutMs: number;
}

/** Paths a pool domain serves whatever the pool (a Host naming no pool gets 404 for them, never someone's pages). */
const POOL_DOMAIN_PATHS = /^\/(?:oauth2\/|logout$|login$)/;
/** Below a pool's base, the endpoints that answer their faults in JSON; every other path is a page. */
const JSON_FAULT_PATHS = /^\/(?:oauth2\/|logout$)/;

/**
 * A Host header no base URL can be built on (`a b`, `localhost:99999`, none at all): the client's fault,
 * so 400, in JSON on the endpoints and as a bare page on the pages. No pool is set, so nothing after this
 * (the pages' error path included) can try to parse a base made of it.
 */
function refuseHost(request: Request, response: Response, next: NextFunction, basePath: string): void {
  const message = "The Host header is not a valid host name and port.";
  if (JSON_FAULT_PATHS.test(request.path))
    return next(new EdgeError(400, "InvalidParameterException", message, "oauth.host.invalid"));
  // The base's path needs no Host (the page's stylesheet is below it): `/<poolId>`, or the domain's root.
  sendBarePage(response, 400, messageView({ title: "Bad request", message }), null, basePath);
}

/**
 * The pools' authorization servers (reference-oauth §1), at two bases: `<PUBLIC_URL>/<poolId>/…` (the
 * issuer path) and the root of each pool domain, chosen by the Host header. Sets res.locals.oauthPool and
 * runs the OAuth endpoints, then the managed sign-in pages. Discovery and JWKS stay on the issuer path
 * only (well-known.routes.ts), as Cognito serves them.
 *
 * The base URL of a request is built from its own Host header, so links and redirects stay on the host the
 * browser used. A forged Host only misleads whoever forged it; every redirect answer is no-store, so no
 * cache on the way keeps one for others.
 */
export function createOAuthRouter({ services, poolHosts, publicUrl, pages, bodyTimeoutMs }: OAuthRouterDeps): Router {
  const router = Router();
  const isPublicHttps = publicUrl.startsWith("https:");
  const poolRoutes = Router();
  poolRoutes.use(cookieParser());
  poolRoutes.use(
    createTokenRoutes({ oauthTokens: services.oauthTokens, accessTokens: services.accessTokens }, bodyTimeoutMs),
  );
  poolRoutes.use(createAuthorizeRoutes({ oauth: services.oauth, loginSessions: services.loginSessions }));
  poolRoutes.use(pages);

  // req.protocol is https for a TLS socket or a trusted X-Forwarded-Proto (TRUST_PROXY).
  const schemeOf = (request: Request) => (isPublicHttps || request.protocol === "https" ? "https" : "http");
  const setPool = (response: Response, pool: OAuthPool) => {
    (response.locals as { oauthPool?: OAuthPool }).oauthPool = pool;
  };

  // 1. A pool domain: the whole host belongs to one pool.
  router.use(async (request: Request, response: Response, next: NextFunction) => {
    try {
      const host = poolHosts.normalizeHost(request.headers.host);
      if (!host || poolHosts.isGatewayHost(host)) return next();
      const poolId = await poolHosts.poolIdOf(host);
      if (poolId === null) {
        if (POOL_DOMAIN_PATHS.test(request.path))
          return next(new EdgeError(404, "NotFoundException", "No user pool has this domain.", "oauth.domain.unknown"));
        return next();
      }
      const pool = oauthPoolAt(schemeOf(request), request.headers.host, poolId, "domain");
      if (!pool) return refuseHost(request, response, next, "");
      setPool(response, pool);
      poolRoutes(request, response, next);
    } catch (error) {
      next(error);
    }
  });

  // 2. The issuer path of an existing pool, on any host that is not a pool domain.
  router.use("/:poolId", async (request: Request<{ poolId: string }>, response: Response, next: NextFunction) => {
    try {
      const { poolId } = request.params;
      if (
        (response.locals as { oauthPool?: OAuthPool }).oauthPool ||
        poolId.length > 55 ||
        !POOL_ID_PATTERN.test(poolId) ||
        request.path.startsWith("/.well-known/")
      )
        return next();
      if (!(await poolHosts.poolExists(poolId))) return next();
      const pool = oauthPoolAt(schemeOf(request), request.headers.host, poolId, "issuer path");
      if (!pool) return refuseHost(request, response, next, `/${poolId}`);
      setPool(response, pool);
      poolRoutes(request, response, next);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** The three endpoints the edge serves itself, below a pool's base: `/<poolId>/oauth2/…` or a pool domain's `/oauth2/…`. */
const ENDPOINT_PATH = /^(?:\/([^/]+))?\/oauth2\/(token|revoke|userInfo)$/;

export interface OAuthEndpointRequest {
  pool: OAuthPool;
  endpoint: "token" | "revoke" | "userInfo";
}

export interface OAuthEndpointPathDeps {
  poolHosts: PoolHosts;
  publicUrl: string;
  /** TRUST_PROXY's trust function, for X-Forwarded-Proto (as Express's req.protocol reads it). */
  trust: (address: string, hop: number) => boolean;
}

/**
 * The pool of a request for /oauth2/token, /oauth2/revoke or /oauth2/userInfo, resolved as the router
 * above resolves it (a pool domain by Host first, then the issuer path of an existing pool), for the
 * edge (http/edge.ts), which then serves the endpoint without Express. Null for anything else, which
 * Express then routes as before: other paths, a path on a pool domain with a segment before /oauth2/,
 * an unknown pool or domain (their 404s are the router's), a segment that is no plain pool ID.
 */
export function createOAuthEndpointPath({
  poolHosts,
  publicUrl,
  trust,
}: OAuthEndpointPathDeps): (request: IncomingMessage, path: string) => Promise<OAuthEndpointRequest | null> {
  const isPublicHttps = publicUrl.startsWith("https:");
  // What Express's req.protocol answers: https on a TLS socket, or the first X-Forwarded-Proto from a trusted peer.
  const schemeOf = (request: IncomingMessage): string => {
    if (isPublicHttps) return "https";
    const socketProtocol = (request.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    if (!trust(request.socket.remoteAddress ?? "", 0)) return socketProtocol;
    const forwarded = request.headers["x-forwarded-proto"];
    const proto = (typeof forwarded === "string" && forwarded !== "" ? forwarded : socketProtocol)
      .split(",", 1)[0]!
      .trim();
    return proto === "https" ? "https" : "http";
  };
  return async (request, path) => {
    const match = ENDPOINT_PATH.exec(path);
    if (!match) return null;
    const [, poolSegment, endpoint] = match as unknown as [
      string,
      string | undefined,
      OAuthEndpointRequest["endpoint"],
    ];
    const host = poolHosts.normalizeHost(request.headers.host);
    // An unusable Host (oauthPoolAt answers null) is left to Express too: the router above answers its 400.
    if (host && !poolHosts.isGatewayHost(host)) {
      const poolId = await poolHosts.poolIdOf(host);
      if (poolId !== null) {
        const pool =
          poolSegment === undefined ? oauthPoolAt(schemeOf(request), request.headers.host, poolId, "domain") : null;
        return pool ? { pool, endpoint } : null;
      }
    }
    if (poolSegment === undefined || poolSegment.length > 55 || !POOL_ID_PATTERN.test(poolSegment)) return null;
    if (!(await poolHosts.poolExists(poolSegment))) return null;
    const pool = oauthPoolAt(schemeOf(request), request.headers.host, poolSegment, "issuer path");
    return pool ? { pool, endpoint } : null;
  };
}
