import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { getOperationAST, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger as PinoLogger } from "pino";
import { pinoHttp } from "pino-http";
import { randomUuid } from "../../lib/random.js";

/**
 * One access-log line per request: method, path (never the query), the GraphQL operation or the
 * Cognito action, status, duration, request id and client address. Built field by field from named
 * values, never from the request: bodies, the query string, Authorization, cookies, tokens and codes
 * have no way into it. The project's pino logger writes it, so LOG_LEVEL and redaction apply.
 */

/** What the API that answered a request adds to its line. */
interface AccessNote {
  /** GraphQL: the operation's name (null = anonymous) and its root fields, e.g. ["initiateAuth"]. */
  operationName?: string | null;
  rootFields?: string[];
  /** The Cognito wire: the X-Amz-Target action served, e.g. "InitiateAuth". */
  action?: string;
}

const notes = new WeakMap<ServerResponse, AccessNote>();
/**
 * The request id of an HTTP GraphQL request → its response, so the Apollo plugin can note the
 * operation. Keyed by id, not by the context object: Apollo hands its plugins a copy of the context.
 */
const graphqlResponses = new Map<string, ServerResponse>();

const MAX_PATH_CHARS = 200;
const MAX_NAME_CHARS = 100;
const MAX_ROOT_FIELDS = 20;
const PROBE_PATHS = new Set(["/healthz", "/readyz"]);

/** Adds to the access line of this response (the wire router names its action here). */
export function noteAccess(response: ServerResponse, note: AccessNote): void {
  notes.set(response, { ...notes.get(response), ...note });
}

/** The id of an HTTP request: in its access line, its `x-request-id` header and every error report. */
export function requestIdOf(request: IncomingMessage): string {
  return typeof request.id === "string" ? request.id : randomUuid();
}

/** Links a GraphQL context to its HTTP response until the response closes; call it where the context is built. */
export function linkGraphqlContext<T extends { requestId: string }>(context: T, response: ServerResponse): T {
  if (response.destroyed) return context;
  graphqlResponses.set(context.requestId, response);
  response.once("close", () => graphqlResponses.delete(context.requestId));
  return context;
}

/** The root fields an operation selects (aliases resolved to the field; fragments spread at the root are skipped). */
function rootFieldsOf(selectionSet: SelectionSetNode, into: Set<string> = new Set()): string[] {
  for (const selection of selectionSet.selections) {
    if (into.size >= MAX_ROOT_FIELDS) break;
    if (selection.kind === Kind.FIELD) into.add(selection.name.value.slice(0, MAX_NAME_CHARS));
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldsOf(selection.selectionSet, into);
  }
  return [...into];
}

function operationNoteOf(operation: OperationDefinitionNode): AccessNote {
  return { operationName: operation.name?.value.slice(0, MAX_NAME_CHARS) ?? null, rootFields: rootFieldsOf(operation.selectionSet) };
}

/** Notes each HTTP GraphQL request's operation once Apollo has resolved it (after parsing and validation). */
export const graphqlAccessPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart({ contextValue }) {
    const { requestId } = contextValue as { requestId?: unknown };
    const response = typeof requestId === "string" ? graphqlResponses.get(requestId) : undefined;
    if (!response) return;
    return {
      async didResolveOperation({ operation }) {
        if (operation) noteAccess(response, operationNoteOf(operation));
      },
    };
  },
};

/** The path without its query string: a query can carry anything, codes and tokens included. */
function pathOf(request: IncomingMessage): string {
  const url = (request as Partial<Request>).originalUrl ?? request.url ?? "";
  const end = url.indexOf("?");
  return (end === -1 ? url : url.slice(0, end)).slice(0, MAX_PATH_CHARS);
}

function accessLineOf(request: Request, response: Response, durationMs: unknown): Record<string, unknown> {
  return {
    method: request.method,
    path: pathOf(request),
    ...notes.get(response),
    status: response.statusCode,
    durationMs,
    clientAddress: request.ip ?? null,
  };
}

/**
 * The first middleware of the HTTP edge: gives the request its id (`x-request-id` on the response)
 * and, with a pino logger, writes its access line when the response ends. Probes (/healthz,
 * /readyz) log at debug; 5xx and aborted requests at warn.
 */
export function createAccessLog(logger: PinoLogger | null): RequestHandler {
  const httpLogger = logger
    ? pinoHttp<Request, Response>({
        logger,
        genReqId: (request) => requestIdOf(request),
        // No `req`/`res` objects in the line (their default serializers copy every header): a
        // per-request child holds only the request id, and the line is built by accessLineOf.
        quietReqLogger: true,
        quietResLogger: true,
        wrapSerializers: false,
        serializers: { req: (request: Request) => ({ method: request.method, path: pathOf(request) }), res: (response: Response) => ({ status: response.statusCode }) },
        customAttributeKeys: { reqId: "requestId", responseTime: "durationMs" },
        customLogLevel: (request, response, error) => (error || response.statusCode >= 500 || !response.writableEnded ? "warn" : PROBE_PATHS.has(pathOf(request)) ? "debug" : "info"),
        customSuccessObject: (request, response, value: { durationMs?: unknown }) => accessLineOf(request, response, value.durationMs),
        customErrorObject: (request, response, error, value: { durationMs?: unknown }) => ({ ...accessLineOf(request, response, value.durationMs), error: error.message }),
        // One message for every answered request, whatever its status (the level tells a 5xx apart).
        customSuccessMessage: (_request, response) => (response.writableEnded ? "request completed" : "request aborted"),
        customErrorMessage: (_request, response) => (response.writableEnded ? "request completed" : "request aborted"),
      })
    : null;
  return (request, response, next) => {
    request.id = requestIdOf(request);
    response.setHeader("x-request-id", request.id);
    if (httpLogger) httpLogger(request, response, next);
    else next();
  };
}

/**
 * A graphql-ws operation's line: the socket is one long request, so each operation on it gets its
 * own line when it starts (or is refused), with the context's request id.
 */
export function logSocketOperation(
  logger: PinoLogger | null,
  fields: { requestId: string | null; path: string; clientAddress: string | null; document?: DocumentNode; operationName?: string | null; refused?: boolean },
): void {
  if (!logger) return;
  const operation = fields.document ? getOperationAST(fields.document, fields.operationName ?? undefined) : null;
  logger.info(
    {
      requestId: fields.requestId,
      method: "WS",
      path: fields.path,
      ...(operation ? { operationType: operation.operation, ...operationNoteOf(operation) } : {}),
      status: fields.refused ? "refused" : "started",
      clientAddress: fields.clientAddress,
    },
    fields.refused ? "graphql-ws operation refused" : "graphql-ws operation",
  );
}
