import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/ports.js";
import { requestIdOf } from "./access-log.js";

/**
 * The largest request the gateway reads, in bytes: an HTTP body (GraphQL or the AWS protocol) and one
 * graphql-ws message alike, so the socket is no way around the HTTP cap.
 */
export const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * The HTTP edge's own faults, raised before a request reaches GraphQL or the AWS protocol. Like core's
 * Cognito codes they are API contract: clients switch on the type, so a type is never renamed.
 */
export const EDGE_ERROR_TYPES = [
  "SerializationException",
  "RequestEntityTooLargeException",
  "RequestTimeoutException",
  "NotFoundException",
  "MethodNotAllowedException",
  "ForbiddenException",
  "InvalidParameterException",
  "LimitExceededException",
  "InternalErrorException",
] as const;
export type EdgeErrorType = (typeof EDGE_ERROR_TYPES)[number];

export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly type: EdgeErrorType,
    message: string,
    /** What went wrong, safe to log: never the request's body, URL or headers. */
    readonly reason: string,
  ) {
    super(message);
    this.name = type;
  }
}

const TOO_LARGE_MESSAGE = `The request body is larger than ${MAX_REQUEST_BYTES / 1024} KB.`;
const TIMEOUT_MESSAGE = "The request body did not arrive in time; the connection is closed. Send it again.";

/**
 * body-parser's and raw-body's fault types. Their messages are never used, not even in the log:
 * JSON.parse quotes the body it fails on ("Unexpected token … "{"PASSWORD":"…" is not valid JSON"),
 * and the error itself carries the whole body as `body`.
 */
const BODY_FAULTS: Record<string, { status: number; message: string }> = {
  "entity.parse.failed": { status: 400, message: "The request body is not valid JSON." },
  "entity.too.large": { status: 413, message: TOO_LARGE_MESSAGE },
  "charset.unsupported": { status: 415, message: "The request body's charset is not supported; send UTF-8." },
  "encoding.unsupported": { status: 415, message: "The request body's Content-Encoding is not supported." },
  "request.aborted": { status: 400, message: "The request body could not be read." },
  // http/body-deadline.ts: the body was still arriving at its deadline.
  "request.timeout": { status: 408, message: TIMEOUT_MESSAGE },
  "request.size.invalid": { status: 400, message: "The request body could not be read." },
};

const CLIENT_FAULT_TYPES: Partial<Record<number, EdgeErrorType>> = {
  404: "NotFoundException",
  405: "MethodNotAllowedException",
  408: "RequestTimeoutException",
  413: "RequestEntityTooLargeException",
};
const CLIENT_FAULT_MESSAGES: Record<EdgeErrorType, string> = {
  SerializationException: "The request body could not be read.",
  RequestEntityTooLargeException: TOO_LARGE_MESSAGE,
  RequestTimeoutException: TIMEOUT_MESSAGE,
  NotFoundException: "No resource is served at this path.",
  MethodNotAllowedException: "This path does not answer this method.",
  ForbiddenException: "The request is not allowed.",
  InvalidParameterException: "The request could not be read.",
  LimitExceededException: "Too many requests; try again later.",
  InternalErrorException: "An internal error occurred.",
};

/** Any failure as the edge reports it. Anything not recognised as the client's fault is an internal error. */
export function toEdgeError(error: unknown, requestId: string): EdgeError {
  if (error instanceof EdgeError) return error;
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type === "string" && Object.hasOwn(BODY_FAULTS, type)) {
    const fault = BODY_FAULTS[type]!;
    const edgeType = CLIENT_FAULT_TYPES[fault.status] ?? "SerializationException";
    return new EdgeError(fault.status, edgeType, fault.message, type);
  }
  // Another client fault from Express or its parsers (http-errors), e.g. a path that is not valid percent-encoding.
  if (typeof status === "number" && Number.isInteger(status) && status >= 400 && status < 500) {
    const type = CLIENT_FAULT_TYPES[status] ?? "InvalidParameterException";
    return new EdgeError(status, type, CLIENT_FAULT_MESSAGES[type], `http.${status}`);
  }
  // The cause is logged under this id; the caller gets the id only: no stack, no path, no SQL.
  const message = `An internal error occurred (request id ${requestId}).`;
  return new EdgeError(500, "InternalErrorException", message, "internal");
}

/** Answers the routes no router serves: 404 in the edge's JSON shape rather than Express's HTML page. */
export const notFound: RequestHandler = (_request, _response, next) => {
  next(new EdgeError(404, "NotFoundException", CLIENT_FAULT_MESSAGES.NotFoundException, "route.not.found"));
};

/** Answers a served path asked with another method: 405 with the Allow header. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (_request, response, next) => {
    response.setHeader("Allow", allowed.join(", "));
    const message = `This path only answers ${allowed.join(", ")}.`;
    next(new EdgeError(405, "MethodNotAllowedException", message, "method.not.allowed"));
  };
}

/** Writes an edge error in the shape of the API whose path it is. Plain node:http, so the edge's own paths (http/edge.ts) and Express's alike. */
export type EdgeErrorSender = (response: ServerResponse, error: EdgeError, requestId: string) => void;

/** A whole JSON answer in one write, with the length and no caching. */
export function writeJson(
  response: ServerResponse,
  status: number,
  body: string,
  contentType = "application/json; charset=utf-8",
): void {
  response.statusCode = status;
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Type", contentType);
  response.setHeader("Content-Length", Buffer.byteLength(body));
  response.end(body);
}

/** `{"__type", "message"}`, as the AWS protocol and the well-known documents answer. */
export const sendJsonError: EdgeErrorSender = (response, error, requestId) => {
  response.setHeader("x-request-id", requestId);
  writeJson(response, error.status, JSON.stringify({ __type: error.type, message: error.message }));
};

/**
 * A GraphQL response: every client fault is InvalidParameterException, as formatGraphqlError reports Apollo's
 * own, but a timed-out body: RequestTimeoutException tells the client that the same request may succeed again.
 */
export const sendGraphqlError: EdgeErrorSender = (response, error, requestId) => {
  response.setHeader("x-request-id", requestId);
  const code =
    error.status >= 500
      ? "InternalErrorException"
      : error.type === "RequestTimeoutException"
        ? error.type
        : "InvalidParameterException";
  const extensions = error.status >= 500 ? { code, requestId } : { code };
  writeJson(response, error.status, JSON.stringify({ errors: [{ message: error.message, extensions }] }));
};

/** The path without its query, as every edge log line names it (the whole path, also under an Express mount). */
function loggedPathOf(request: IncomingMessage): string {
  const url = (request as Partial<Request>).originalUrl ?? request.url ?? "";
  const end = url.indexOf("?");
  return end === -1 ? url : url.slice(0, end);
}

/** One structured line per refused or failed request: the method, the path without its query, the reason. */
function logEdgeError(
  logger: Logger,
  request: IncomingMessage,
  edge: EdgeError,
  cause: unknown,
  requestId: string,
): void {
  const fields = {
    requestId,
    method: request.method,
    path: loggedPathOf(request),
    status: edge.status,
    reason: edge.reason,
  };
  if (edge.status >= 500) {
    // Named fields only: an error object may carry more (body-parser's errors hold the whole body).
    const error = cause instanceof Error ? cause : undefined;
    const err = { name: error?.name, message: error?.message ?? String(cause), stack: error?.stack };
    logger.error({ ...fields, err }, "unexpected error in HTTP request");
  } else if (edge.status === 404 || edge.status === 405) {
    logger.debug(fields, "no route for the request");
  } else {
    logger.info(fields, "request refused at the HTTP edge");
  }
}

/**
 * Answers a failure at the edge: logs it (never the body) and writes it in the API's shape, or cuts
 * the connection when the answer has already started.
 */
export function answerEdgeError(
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
  send: EdgeErrorSender = sendJsonError,
): void {
  const requestId = requestIdOf(request);
  const edge = toEdgeError(error, requestId);
  logEdgeError(logger, request, edge, error, requestId);
  // Too late for an error response: cut the connection so the client sees an incomplete answer.
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // The rest of a body that missed its deadline is not read: the answer closes the connection.
  if (edge.type === "RequestTimeoutException") response.setHeader("Connection", "close");
  send(response, edge, requestId);
}

/**
 * The error handler that ends every chain, so Express's default handler never runs: it answered with
 * an HTML page (a stack trace and absolute paths unless NODE_ENV=production) and printed the error,
 * body-parser's `body` included, to the console.
 */
export function createEdgeErrorHandler(logger: Logger, send: EdgeErrorSender = sendJsonError): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => answerEdgeError(logger, request, response, error, send);
}
