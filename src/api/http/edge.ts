import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Logger } from "../../core/ports.js";
import type { AccessLog } from "./access-log.js";
import { limitUnreadBody, type BodyDeadlines } from "./body-deadline.js";
import type { ClientAddresses } from "./client-address.js";
import { answerEdgeError, MAX_REQUEST_BYTES, sendGraphqlError, type EdgeErrorSender } from "./edge-errors.js";
import type { GraphqlHttpHandler } from "./graphql-http.js";
import type { RequestMetrics } from "./metrics.routes.js";
import { hasBody, isIdentityEncoded, isPlainJsonType, parseJsonBody, readBody } from "./request-body.js";
import type { OAuthEndpointRequest } from "../oauth/router.js";
import { formFrom, type OAuthEndpoints } from "../oauth/token.routes.js";

/** The AWS protocol's handler and its error shape (aws-json/router.ts), as the edge calls them. */
export interface EdgeWire {
  /** AWS_JSON_PATH; null = served by Express only (a path a route before the wire's would answer first). */
  path: string | null;
  handle(
    call: {
      requestId: string;
      method: string;
      url: string;
      headers: IncomingMessage["headers"];
      body: Buffer;
      sourceIp: string | null;
    },
    response: ServerResponse,
  ): Promise<void>;
  sendError: EdgeErrorSender;
}

/** The OAuth endpoints as the edge calls them: the pool of a request (null: Express decides), then the endpoint. */
export interface EdgeOAuth {
  resolve(request: IncomingMessage, path: string): Promise<OAuthEndpointRequest | null>;
  endpoints: OAuthEndpoints;
}

export interface EdgeDeps {
  logger: Logger;
  accessLog: AccessLog;
  clientAddresses: ClientAddresses;
  requestMetrics: RequestMetrics;
  /** Answers every OPTIONS request (true); sets the CORS headers of any other (http/cors.ts). */
  cors(request: IncomingMessage, response: ServerResponse, path: string): boolean;
  graphql: { path: string; handle: GraphqlHttpHandler };
  wire: EdgeWire;
  /** /oauth2/token, /oauth2/revoke and /oauth2/userInfo below a pool's base (oauth/router.ts, oauth/token.routes.ts). */
  oauth: EdgeOAuth;
  /** Every request the edge does not serve itself: the Express app. */
  fallback: RequestListener;
  /** How long bodies may take to arrive (http/body-deadline.ts). */
  bodyDeadlines: BodyDeadlines;
  /** Whether a request is one of the streaming uploads, whose routes keep their own deadlines. */
  isUploadRequest(method: string | undefined, path: string): boolean;
}

const OAUTH_PATH_PART = "/oauth2/";
/** The form Content-Types read here (type-is would take more; those go to Express). */
const PLAIN_FORM_TYPES = new Set([
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=utf-8",
  "application/x-www-form-urlencoded;charset=utf-8",
]);

/** The path without its query (the whole target for a request that is not origin-form). */
export function pathOf(url: string): string {
  if (url.startsWith("/")) {
    const queryAt = url.indexOf("?");
    return queryAt === -1 ? url : url.slice(0, queryAt);
  }
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * The gateway's node:http request listener. Every request gets, in this order, its id and access line,
 * the untrusted-forwarding notice, its request metrics and CORS, the same for every path. Then nearly
 * all traffic, POST /graphql with a JSON body and POST on the AWS protocol's path, is read and handed to
 * Apollo or the wire handler right here; everything else (other methods and paths, compressed bodies,
 * other content types, the loose matches Express's router allows such as /GRAPHQL/) goes to Express,
 * whose routes answer exactly as before.
 *
 * So are /oauth2/token, /oauth2/revoke and /oauth2/userInfo below a pool's base, once their pool is
 * known (oauth/router.ts resolves it as the OAuth router does; anything else goes on to Express).
 *
 * Why: Express's router, its request/response prototypes, body-parser and res.send cost more gateway-
 * thread CPU per call than Apollo's pipeline for a cheap operation; the edge is now close to a bare
 * node:http handler. The answers are the same: the same handlers, the same body faults (request-body.ts
 * raises body-parser's types), the same error shapes and log lines (edge-errors.ts).
 */
export function createEdge({
  logger,
  accessLog,
  clientAddresses,
  requestMetrics,
  cors,
  graphql,
  wire,
  oauth,
  fallback,
  bodyDeadlines,
  isUploadRequest,
}: EdgeDeps): RequestListener {
  const { bodyTimeoutMs } = bodyDeadlines;
  // A body no route reads (or one Express reads) still ends by its deadline; an upload's is its overall cap.
  const limitBodyOf = (request: IncomingMessage, response: ServerResponse, path: string, requestId: string) =>
    limitUnreadBody(
      request,
      response,
      {
        timeoutMs: isUploadRequest(request.method, path) ? bodyDeadlines.uploadTimeoutMs : bodyTimeoutMs,
        bodyTimeoutMs,
      },
      () =>
        logger.info(
          { requestId, method: request.method, path, reason: "request.timeout" },
          "request body cut off: still arriving past its deadline",
        ),
    );
  const serveGraphql = async (request: IncomingMessage, response: ServerResponse) => {
    try {
      const body = parseJsonBody(await readBody(request, MAX_REQUEST_BYTES, bodyTimeoutMs));
      await graphql.handle(request, response, body);
    } catch (error) {
      answerEdgeError(logger, request, response, error, sendGraphqlError);
    }
  };
  const serveWire = async (request: IncomingMessage, response: ServerResponse, requestId: string, url: string) => {
    try {
      const body = await readBody(request, MAX_REQUEST_BYTES, bodyTimeoutMs);
      await wire.handle(
        {
          requestId,
          method: "POST",
          url,
          headers: request.headers,
          body,
          sourceIp: clientAddresses.addressOf(request),
        },
        response,
      );
    } catch (error) {
      answerEdgeError(logger, request, response, error, wire.sendError);
    }
  };
  // The pool is looked up first (cached per process); anything the edge does not serve as is goes to Express.
  const serveOAuth = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    try {
      const resolved = await oauth.resolve(request, path);
      if (resolved === null) return fallback(request, response);
      const { pool, endpoint } = resolved;
      if (endpoint === "userInfo") return await oauth.endpoints.userInfo(pool, request, response);
      const contentType = request.headers["content-type"];
      const isPlainForm = contentType !== undefined && PLAIN_FORM_TYPES.has(contentType.trim().toLowerCase());
      if (request.method !== "POST" || !isPlainForm || !hasBody(request) || !isIdentityEncoded(request))
        return fallback(request, response);
      const form = formFrom(await readBody(request, MAX_REQUEST_BYTES, bodyTimeoutMs));
      await (endpoint === "token" ? oauth.endpoints.token : oauth.endpoints.revoke)(pool, request, response, form);
    } catch (error) {
      answerEdgeError(logger, request, response, error);
    }
  };
  return (request, response) => {
    const url = request.url ?? "";
    const path = pathOf(url);
    const requestId = accessLog.begin(request, response);
    clientAddresses.noticeForwarding(request);
    requestMetrics.begin(request, response, path);
    const isWithBody = hasBody(request);
    // The two paths read right here (readBody holds their deadline); every other body gets one below.
    let serveHere: "graphql" | "wire" | null = null;
    if (request.method === "POST" && url.startsWith("/") && isWithBody && isIdentityEncoded(request)) {
      if (path === graphql.path) {
        if (isPlainJsonType(request.headers["content-type"])) serveHere = "graphql";
      } else if (path === wire.path) serveHere = "wire";
    }
    if (isWithBody && serveHere === null) limitBodyOf(request, response, path, requestId);
    if (cors(request, response, path)) return;
    if (serveHere === "graphql") return void serveGraphql(request, response);
    if (serveHere === "wire") return void serveWire(request, response, requestId, url);
    if (
      (request.method === "POST" || request.method === "GET") &&
      path !== wire.path &&
      path.includes(OAUTH_PATH_PART) &&
      url.startsWith("/")
    )
      return void serveOAuth(request, response, path);
    fallback(request, response);
  };
}
