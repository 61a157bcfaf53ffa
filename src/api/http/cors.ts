import cors from "cors";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/ports.js";
import { EdgeError, sendJsonError } from "./edge-errors.js";
import { requestIdOf } from "./access-log.js";

/**
 * Response headers a page may read besides the CORS-safelisted ones: the AWS SDKs and Amplify take the
 * error type from x-amzn-ErrorType and correct clock skew from Date; x-request-id finds a call in the log.
 */
const EXPOSED_HEADERS = ["x-amzn-RequestId", "x-amzn-ErrorType", "x-amzn-ErrorMessage", "x-request-id", "Date"];

/** Chromium caps a cached preflight at two hours (Firefox at a day); longer would only be ignored. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/** Whether a request with this Origin may be served: any without an Origin (not a browser), or a listed one. */
export const isOriginAllowed = (origins: readonly string[] | null, origin: string | undefined): boolean =>
  origins === null || origin === undefined || origins.includes(origin);

export interface CorsDeps {
  /** CORS_ORIGINS: the exact origins allowed; null = any origin, as Cognito's endpoint. */
  origins: readonly string[] | null;
  logger: Logger;
  /**
   * Paths every origin may call whatever CORS_ORIGINS says: the OAuth token, revocation and userInfo
   * endpoints answer `Access-Control-Allow-Origin: *` as Cognito's do (reference-oauth §1.2); they take
   * no cookie, so any page gains only what the credentials it sends already give it.
   */
  anyOriginPaths?: RegExp;
}

/**
 * CORS for every path, as cognito-idp.<region>.amazonaws.com answers browsers: the wire protocol, GraphQL,
 * health and the well-known documents.
 *
 * No Access-Control-Allow-Credentials, ever: the APIs authenticate with bearer tokens, admin keys and
 * SigV4 in headers and with tokens in bodies, never with cookies, so a page on another origin gains
 * nothing it did not already hold. That is also why `*` is safe as the default.
 *
 * The preflight reflects the headers it is asked about rather than listing them: the SDKs add headers
 * over time (amz-sdk-invocation-id, amz-sdk-request, x-amz-user-agent…) and a fixed list would break
 * browsers on the next release. Nothing is lost: none of them can carry a credential a browser adds
 * by itself. Apollo's CSRF prevention still refuses the GraphQL requests a page can send without a
 * preflight, and the wire protocol cannot be called without X-Amz-Target, which needs one.
 *
 * Runs first at the edge (http/edge.ts), for every request: answers every OPTIONS request (true) and
 * otherwise sets the headers and lets the request go on (false). `path` is the path without its query.
 */
export function createCors({
  origins,
  logger,
  anyOriginPaths,
}: CorsDeps): (request: IncomingMessage, response: ServerResponse, path: string) => boolean {
  const handleAnyOrigin = cors({
    origin: "*",
    methods: ["GET", "POST"],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
    optionsSuccessStatus: 204,
  });
  const handle = cors({
    // A list makes the package answer with the request's own origin when it matches, plus Vary: Origin.
    origin: origins === null ? "*" : [...origins],
    methods: ["GET", "HEAD", "POST"],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
    optionsSuccessStatus: 204,
  });
  const exposed = EXPOSED_HEADERS.join(",");
  // A preflight was answered by the package, which never passes one on.
  const answered = () => undefined;
  return (request, response, path) => {
    const isAnyOriginPath = anyOriginPaths?.test(path) ?? false;
    if (request.method === "OPTIONS") {
      const origin = request.headers.origin;
      const isPreflight = request.headers["access-control-request-method"] !== undefined;
      // A foreign origin's preflight is refused outright, without CORS headers: the browser then never
      // sends the call, and the operator sees why in the log. Its simple requests (a GET of /healthz)
      // are still answered, but without Access-Control-Allow-Origin the page cannot read them.
      if (!isAnyOriginPath && isPreflight && !isOriginAllowed(origins, origin)) {
        const requestId = requestIdOf(request);
        logger.info(
          { requestId, origin, path, status: 403, reason: "cors.origin.refused" },
          "request refused at the HTTP edge",
        );
        sendJsonError(
          response,
          new EdgeError(
            403,
            "ForbiddenException",
            "This origin is not allowed to call the gateway (CORS_ORIGINS).",
            "cors.origin.refused",
          ),
          requestId,
        );
        return true;
      }
      // The package answers every OPTIONS (204 with the CORS headers), as it did as Express middleware.
      (isAnyOriginPath ? handleAnyOrigin : handle)(request, response, answered);
      return true;
    }
    // The headers the package sets on any other request, without its per-request option resolution.
    if (isAnyOriginPath) {
      response.setHeader("Access-Control-Allow-Origin", "*");
      return false;
    }
    if (origins === null) response.setHeader("Access-Control-Allow-Origin", "*");
    else {
      const origin = request.headers.origin;
      if (origin !== undefined && origins.includes(origin)) response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
    }
    response.setHeader("Access-Control-Expose-Headers", exposed);
    return false;
  };
}
