import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isCognitoError } from "../../core/errors.js";
import { isOAuthError, OAuthError } from "../../core/oauth/oauth-error.js";
import type { OAuthTokenService, PresentedClient } from "../../core/oauth/oauth-token.service.js";
import { readUserInfo } from "../../core/oauth/user-info.js";
import type { AccessTokenService } from "../../core/tokens/access-token.service.js";
import { readBearerToken } from "../graphql/context.js";
import { withBodyDeadline } from "../http/body-deadline.js";
import { MAX_REQUEST_BYTES, methodNotAllowed } from "../http/edge-errors.js";
import { requestIdOf } from "../http/access-log.js";
import { oauthPoolOf, type OAuthPool } from "./oauth-pool.js";

export interface TokenRoutesDeps {
  oauthTokens: OAuthTokenService;
  accessTokens: AccessTokenService;
}

/** Token responses and their errors must never be cached (RFC 6749 §5.1). */
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };
const JSON_UTF8 = "application/json;charset=UTF-8";
/** Lambda faults of PreTokenGeneration reach the caller as the API shows them; nothing else does. */
const TRIGGER_FAULTS = new Set([
  "UserLambdaValidationException",
  "UnexpectedLambdaException",
  "InvalidLambdaResponseException",
]);
const USER_INFO_DESCRIPTIONS = {
  invalid_request: "Bad OAuth2 request at UserInfo Endpoint",
  invalid_token: "Access token is expired, disabled, or deleted, or the user has globally signed out.",
};

/** JSON exactly as Cognito labels it (Express's res.json would rewrite the charset spelling), never cached. */
function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  for (const [name, value] of Object.entries({ ...NO_STORE, ...headers, "Content-Type": JSON_UTF8 }))
    response.setHeader(name, value);
  response.setHeader("Content-Length", Buffer.byteLength(text));
  response.end(text);
}

function sendOAuthError(response: ServerResponse, error: OAuthError, presented: PresentedClient | null): void {
  const headers: Record<string, string> = {};
  // RFC 6749 §5.2: a failed Basic authentication is 401 with the scheme the client should use.
  if (error.status === 401 && presented?.method === "basic")
    headers["WWW-Authenticate"] = 'Basic realm="oauth2", error="invalid_client"';
  sendJson(
    response,
    error.status,
    { error: error.error, ...(error.description ? { error_description: error.description } : {}) },
    headers,
  );
}

/** RFC 6749 §2.3.1: each half of the Basic credentials is form-urlencoded first. */
function decodeFormComponent(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

/**
 * Who the caller says it is: Basic credentials, or client_id (+ client_secret) in the body. Using both
 * ways at once is refused (RFC 6749 §2.3: "MUST NOT use more than one authentication method").
 * @throws OAuthError invalid_request, invalid_client
 */
function presentedClientOf(request: IncomingMessage, form: URLSearchParams): PresentedClient {
  const header = request.headers.authorization;
  const basic = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (header && /^Basic\s/i.test(header)) {
    const decoded = basic ? Buffer.from(basic[1]!, "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", null, 401);
    let clientId: string;
    let clientSecret: string;
    try {
      clientId = decodeFormComponent(decoded.slice(0, colon));
      clientSecret = decodeFormComponent(decoded.slice(colon + 1));
    } catch {
      throw new OAuthError("invalid_client", null, 401);
    }
    const bodyId = form.get("client_id");
    if (form.has("client_secret") || (bodyId !== null && bodyId !== clientId)) throw new OAuthError("invalid_request");
    // Some relying parties send `client_id:` for a public client: an empty secret is no secret.
    return { method: "basic", clientId, clientSecret: clientSecret === "" ? null : clientSecret };
  }
  if (form.getAll("client_id").length > 1 || form.getAll("client_secret").length > 1)
    throw new OAuthError("invalid_request");
  const clientSecret = form.get("client_secret") || null;
  return { method: clientSecret === null ? "none" : "post", clientId: form.get("client_id"), clientSecret };
}

/** The posted form as URLSearchParams (repeated fields stay visible); null when the body is no form. */
function formOf(request: Request): URLSearchParams | null {
  if (!request.is("application/x-www-form-urlencoded")) return null;
  const body = request.body as Buffer | undefined;
  return formFrom(Buffer.isBuffer(body) ? body : null);
}

/** A form body's fields; an empty form without a body. */
export function formFrom(body: Buffer | null): URLSearchParams {
  return new URLSearchParams(body ? body.toString("utf8") : "");
}

/**
 * /oauth2/token, /oauth2/revoke and /oauth2/userInfo (reference-oauth §3–§5) for a request whose pool is
 * known, on plain node:http objects: the OAuth router's Express routes (below) and the edge's own path
 * for these endpoints (router.ts createOAuthEndpointPath) call the same three. A failure that is no
 * OAuth error rejects, for the caller's edge error handler.
 */
export interface OAuthEndpoints {
  /** POST /oauth2/token; `form` is null when the body is not application/x-www-form-urlencoded. */
  token(
    pool: OAuthPool,
    request: IncomingMessage,
    response: ServerResponse,
    form: URLSearchParams | null,
  ): Promise<void>;
  /** POST /oauth2/revoke, as token. */
  revoke(
    pool: OAuthPool,
    request: IncomingMessage,
    response: ServerResponse,
    form: URLSearchParams | null,
  ): Promise<void>;
  /** GET or POST /oauth2/userInfo. */
  userInfo(pool: OAuthPool, request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export function createOAuthEndpoints({ oauthTokens, accessTokens }: TokenRoutesDeps): OAuthEndpoints {
  const formEndpoint =
    (
      handle: (
        poolId: string,
        presented: PresentedClient,
        form: URLSearchParams,
        response: ServerResponse,
      ) => Promise<void>,
    ) =>
    async (
      pool: OAuthPool,
      request: IncomingMessage,
      response: ServerResponse,
      form: URLSearchParams | null,
    ): Promise<void> => {
      let presented: PresentedClient | null = null;
      try {
        if (form === null)
          throw new OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        presented = presentedClientOf(request, form);
        await handle(pool.poolId, presented, form, response);
      } catch (error) {
        if (isOAuthError(error)) return sendOAuthError(response, error, presented);
        if (isCognitoError(error) && TRIGGER_FAULTS.has(error.code))
          return sendJson(response, 400, { error: "invalid_request", error_description: error.message });
        throw error;
      }
    };

  return {
    token: formEndpoint(async (poolId, presented, form, response) =>
      sendJson(response, 200, await oauthTokens.token(poolId, presented, form)),
    ),
    revoke: formEndpoint(async (poolId, presented, form, response) => {
      await oauthTokens.revoke(poolId, presented, form);
      response.statusCode = 200;
      for (const [name, value] of Object.entries(NO_STORE)) response.setHeader(name, value);
      response.end();
    }),
    async userInfo(pool, request, response) {
      const result = await readUserInfo(accessTokens, pool.poolId, readBearerToken(request.headers.authorization));
      const isHttps = pool.baseUrl.startsWith("https:");
      const common = {
        "X-Frame-Options": "DENY",
        "x-amz-cognito-request-id": requestIdOf(request),
        ...(isHttps ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
      };
      if (!result.ok) {
        // Errors are told only in WWW-Authenticate (reference-oauth §4), with no body.
        response.statusCode = result.status;
        const headers = {
          ...common,
          "Cache-Control": "no-store",
          "WWW-Authenticate": `Bearer error="${result.error}", error_description="${USER_INFO_DESCRIPTIONS[result.error]}"`,
        };
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.end();
        return;
      }
      sendJson(response, 200, result.claims, {
        ...common,
        "Cache-Control": "no-cache, no-store, max-age=0, must-revalidate",
        Expires: "0",
      });
    },
  };
}

/**
 * The same endpoints as Express routes below a pool's base, for the requests the edge leaves to Express
 * (a compressed body, another content type, the loose paths Express matches). CORS for them (`*`, as
 * Cognito) is applied by the edge, before any route.
 */
export function createTokenRoutes(deps: TokenRoutesDeps, bodyTimeoutMs: number): Router {
  const router = Router();
  const endpoints = createOAuthEndpoints(deps);
  const rawForm = withBodyDeadline(express.raw({ type: () => true, limit: MAX_REQUEST_BYTES }), bodyTimeoutMs);
  const route =
    (handle: (pool: OAuthPool, request: Request, response: Response) => Promise<void>) =>
    (request: Request, response: Response, next: NextFunction): void => {
      handle(oauthPoolOf(response), request, response).catch(next);
    };

  router.post(
    "/oauth2/token",
    rawForm,
    route((pool, request, response) => endpoints.token(pool, request, response, formOf(request))),
  );
  router.post(
    "/oauth2/revoke",
    rawForm,
    route((pool, request, response) => endpoints.revoke(pool, request, response, formOf(request))),
  );
  const userInfo = route((pool, request, response) => endpoints.userInfo(pool, request, response));
  router.get("/oauth2/userInfo", userInfo);
  router.post("/oauth2/userInfo", userInfo);

  router.all(["/oauth2/token", "/oauth2/revoke"], methodNotAllowed(["POST"]));
  router.all("/oauth2/userInfo", methodNotAllowed(["GET", "POST"]));
  return router;
}
