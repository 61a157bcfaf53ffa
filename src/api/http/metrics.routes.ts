import { Router } from "express";
import type { GraphQLFormattedError, OperationDefinitionNode } from "graphql";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { COGNITO_ERROR_CODES } from "../../core/errors.js";
import type { EdgeMetrics, RequestApi, RequestOutcome } from "../../core/metrics.js";
import { constantTimeEqual } from "../../lib/secrets.js";
import { monotonicSeconds } from "../../lib/stopwatch.js";
import { EDGE_ERROR_TYPES, notFound } from "./edge-errors.js";

export const METRICS_PATH = "/metrics";
const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

/** Every error code a label may carry: Cognito's, the edge's and the wire protocol's own. Anything else is "other". */
const KNOWN_CODES: ReadonlySet<string> = new Set<string>([
  ...COGNITO_ERROR_CODES,
  ...EDGE_ERROR_TYPES,
  "UnknownOperationException",
  "IncompleteSignatureException",
  "InvalidSignatureException",
  "MissingAuthenticationTokenException",
  "UnrecognizedClientException",
]);
const codeLabel = (code: unknown): string => (typeof code === "string" && KNOWN_CODES.has(code) ? code : "other");
const outcomeOfStatus = (status: number): RequestOutcome =>
  status < 400 ? "ok" : status < 500 ? "client_error" : "server_error";

/** Plain HTTP routes by a fixed name: the path itself can hold a pool id (/{poolId}/.well-known/…). */
function httpOperationOf(path: string): string {
  if (path === "/healthz") return "healthz";
  if (path === "/readyz") return "readyz";
  if (path === METRICS_PATH) return "metrics";
  if (path.endsWith("/.well-known/jwks.json")) return "jwks";
  if (path.endsWith("/.well-known/openid-configuration")) return "openid_configuration";
  return "other";
}

/** What the Apollo plugin learnt about one GraphQL request, keyed by its response. */
interface GraphqlAnnotation {
  operation: string;
  outcome: RequestOutcome;
  code: string;
}

/** The first root field the operation selects: a schema field (the document is validated), never a client-chosen operation name. */
function rootFieldOf(operation: OperationDefinitionNode | undefined): string {
  const field = operation?.selectionSet.selections.find((selection) => selection.kind === "Field");
  return field?.kind === "Field" ? field.name.value : "other";
}

export interface RequestMetricsOptions {
  metrics: EdgeMetrics;
  graphqlPath: string;
  /** AWS_JSON_PATH and the actions served there (a label takes only one of these names). */
  awsJsonPath: string;
  wireActions: ReadonlySet<string>;
  /**
   * Serve GET /metrics on this (public) port: only when METRICS_PORT is unset and METRICS_TOKEN is
   * set, and then only to a request that carries the token. Null: the public port answers 404 there.
   */
  publicToken: string | null;
}

export interface RequestMetrics {
  /** Times one request until its response finishes; called first by the edge (http/edge.ts) for every request. `path` is without the query. */
  begin(request: IncomingMessage, response: ServerResponse, path: string): void;
  /** With a token, answers GET /metrics (an Express route, before the others). */
  router: Router;
  /**
   * Tells the timer which GraphQL field an HTTP request ran and how it ended (GraphQL errors come
   * with 200): the operation's first root field (or null when none was resolved) and the codes of
   * the formatted errors. Called by the one Apollo plugin (graphql/http-request.plugin.ts).
   */
  noteGraphqlResult(
    response: ServerResponse,
    operation: OperationDefinitionNode | null,
    errors: readonly GraphQLFormattedError[] | undefined,
  ): void;
}

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
function hasBearer(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match !== null && constantTimeEqual(match[1]!, token);
}

/** Request counts and latency by API, operation and outcome, and the token-guarded /metrics of the public port. */
export function createRequestMetrics({
  metrics,
  graphqlPath,
  awsJsonPath,
  wireActions,
  publicToken,
}: RequestMetricsOptions): RequestMetrics {
  // Keyed by the response the timer also holds: nothing to clean up when a request is dropped.
  const graphqlAnnotations = new WeakMap<ServerResponse, GraphqlAnnotation>();

  const noteGraphqlResult: RequestMetrics["noteGraphqlResult"] = (response, operation, errors) => {
    const code = errors && errors.length > 0 ? codeLabel(errors[0]!.extensions?.code) : "none";
    const outcome: RequestOutcome =
      code === "none" ? "ok" : code === "InternalErrorException" || code === "other" ? "server_error" : "client_error";
    graphqlAnnotations.set(response, { operation: rootFieldOf(operation ?? undefined), outcome, code });
  };

  const record = (response: ServerResponse, api: RequestApi, operation: string, startedAt: number) => {
    const seconds = monotonicSeconds() - startedAt;
    if (api === "graphql") {
      const annotation = graphqlAnnotations.get(response);
      // Without one, Apollo never ran (an unreadable body, a CSRF refusal): the status tells.
      if (annotation)
        return metrics.recordRequest(api, annotation.operation, annotation.outcome, annotation.code, seconds);
    }
    const outcome = outcomeOfStatus(response.statusCode);
    const code =
      outcome === "ok"
        ? "none"
        : api === "aws_json"
          ? codeLabel(response.getHeader("x-amzn-ErrorType"))
          : String(response.statusCode);
    metrics.recordRequest(api, operation, outcome, code, seconds);
  };

  const begin: RequestMetrics["begin"] = (request, response, path) => {
    const startedAt = monotonicSeconds();
    let api: RequestApi = "http";
    let operation = "other";
    if (path === graphqlPath) api = "graphql";
    else if (path === awsJsonPath && request.method === "POST") {
      api = "aws_json";
      const target = request.headers["x-amz-target"];
      const action =
        typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
      operation = wireActions.has(action) ? action : "other";
    } else operation = httpOperationOf(path);
    response.once("finish", () => record(response, api, operation, startedAt));
  };

  const router = Router();
  router.get(METRICS_PATH, async (request, response, next) => {
    // No token configured, or not this one: the same 404 as an unknown path, so the public port does
    // not even tell that metrics exist.
    if (publicToken === null || !hasBearer(request.headers.authorization, publicToken))
      return notFound(request, response, next);
    const { contentType, body } = await metrics.render();
    response.status(200).set("Cache-Control", "no-store").type(contentType).send(body);
  });
  return { begin, router, noteGraphqlResult };
}

function answer(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store" });
  response.end(body);
}

/**
 * METRICS_PORT: a server of its own that answers GET /metrics and nothing else, for a port only the
 * scraper can reach. With METRICS_TOKEN set the token is required here too.
 */
function createMetricsServer({ metrics, token }: { metrics: EdgeMetrics; token: string | null }): Server {
  const notFoundBody = JSON.stringify({ __type: "NotFoundException", message: "No resource is served at this path." });
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "").split("?", 1)[0];
    const isAllowed = token === null || hasBearer(request.headers.authorization, token);
    if (request.method !== "GET" || path !== METRICS_PATH || !isAllowed)
      return answer(response, 404, "application/json", notFoundBody);
    metrics.render().then(
      ({ contentType, body }) => answer(response, 200, contentType, body),
      () =>
        answer(
          response,
          500,
          "application/json",
          JSON.stringify({ __type: "InternalErrorException", message: "An internal error occurred." }),
        ),
    );
  });
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the METRICS_PORT server on `host` (HOST, as the public port); resolves with the port it got. */
export function startMetricsServer(options: {
  metrics: EdgeMetrics;
  token: string | null;
  port: number;
  host: string;
}): Promise<MetricsServer> {
  const server = createMetricsServer(options);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : options.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // A scraper's keep-alive connection must not hold app.close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}
