import type { Request } from "express";
import { getOperationAST, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger as PinoLogger } from "pino";
import { randomUuid } from "../../lib/random.js";
import { monotonicSeconds } from "../../lib/stopwatch.js";

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
/** Where the edge keeps a request's id (set once, by the access log, before any route runs). */
const REQUEST_ID = Symbol("requestId");
type IdentifiedRequest = IncomingMessage & { [REQUEST_ID]?: string };
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
  return (request as IdentifiedRequest)[REQUEST_ID] ?? randomUuid();
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
  return {
    operationName: operation.name?.value.slice(0, MAX_NAME_CHARS) ?? null,
    rootFields: rootFieldsOf(operation.selectionSet),
  };
}

/** Notes an HTTP GraphQL request's operation once Apollo has resolved it (after parsing and validation). */
export function noteGraphqlOperation(response: ServerResponse, operation: OperationDefinitionNode): void {
  noteAccess(response, operationNoteOf(operation));
}

/** The path without its query string: a query can carry anything, codes and tokens included. */
function pathOf(request: IncomingMessage): string {
  const url = (request as Partial<Request>).originalUrl ?? request.url ?? "";
  const end = url.indexOf("?");
  return (end === -1 ? url : url.slice(0, end)).slice(0, MAX_PATH_CHARS);
}

export interface AccessLog {
  /** Gives the request its id (`x-request-id` on the response) and writes its line when the response closes. Returns the id. */
  begin(request: IncomingMessage, response: ServerResponse): string;
}

/**
 * The first thing the HTTP edge does with every request (http/edge.ts): gives it its id and, with a
 * pino logger, writes its access line when the response closes. Probes (/healthz, /readyz) log at
 * debug; 5xx and aborted requests at warn.
 *
 * Written by hand rather than by pino-http, which built two child loggers and ran serializers for
 * every request (even at LOG_LEVEL=silent): ~18% of the gateway thread's CPU on a `{ __typename }`.
 * The line has the same fields and messages; nothing is built when its level is off.
 */
export function createAccessLog(
  logger: PinoLogger | null,
  addressOf: (request: IncomingMessage) => string | null,
): AccessLog {
  return {
    begin(request, response) {
      const requestId = randomUuid();
      (request as IdentifiedRequest)[REQUEST_ID] = requestId;
      response.setHeader("x-request-id", requestId);
      if (logger) {
        const startedAt = monotonicSeconds();
        const write = (error?: Error) => {
          response.removeListener("close", write);
          response.removeListener("error", write);
          writeAccessLine(
            logger,
            request,
            response,
            requestId,
            (monotonicSeconds() - startedAt) * 1000,
            addressOf,
            error,
          );
        };
        // "close" follows every response, answered or aborted; "error" carries a failure of the response itself.
        response.once("close", write);
        response.once("error", write);
      }
      return requestId;
    },
  };
}

function writeAccessLine(
  logger: PinoLogger,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  durationMs: number,
  addressOf: (request: IncomingMessage) => string | null,
  error: Error | undefined,
): void {
  const path = pathOf(request);
  const isAnswered = response.writableEnded;
  const isFailure = error !== undefined || response.statusCode >= 500;
  const level = isFailure || !isAnswered ? "warn" : PROBE_PATHS.has(path) ? "debug" : "info";
  if (!logger.isLevelEnabled(level)) return;
  const line: Record<string, unknown> = {
    requestId,
    method: request.method,
    path,
    ...notes.get(response),
    status: response.statusCode,
    durationMs: Math.round(durationMs * 10) / 10,
    clientAddress: addressOf(request),
  };
  if (isFailure) line.error = error?.message ?? `failed with status code ${response.statusCode}`;
  logger[level](line, isAnswered ? "request completed" : "request aborted");
}

/**
 * A graphql-ws operation's line: the socket is one long request, so each operation on it gets its
 * own line when it starts (or is refused), with the context's request id.
 */
export function logSocketOperation(
  logger: PinoLogger | null,
  fields: {
    requestId: string | null;
    path: string;
    clientAddress: string | null;
    document?: DocumentNode;
    operationName?: string | null;
    refused?: boolean;
  },
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
