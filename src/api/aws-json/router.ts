import express, { Router, type Request, type Response } from "express";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { Logger } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import type { ApiServices } from "../graphql/context.js";
import { readBearerToken } from "../graphql/context.js";
import { noteAccess, requestIdOf } from "../http/access-log.js";
import { withBodyDeadline } from "../http/body-deadline.js";
import {
  createEdgeErrorHandler,
  MAX_REQUEST_BYTES,
  methodNotAllowed,
  type EdgeErrorSender,
} from "../http/edge-errors.js";
import type { ActionTable, WireAction } from "./action.js";
import { authActions } from "./actions/auth.actions.js";
import { deviceActions } from "./actions/devices.actions.js";
import { oauthAdminActions } from "./actions/oauth-admin.actions.js";
import { poolActions } from "./actions/pools.actions.js";
import { selfServiceActions } from "./actions/self-service.actions.js";
import { userActions } from "./actions/users.actions.js";
import { webAuthnActions } from "./actions/webauthn.actions.js";
import { userImportActions } from "./actions/user-import.actions.js";
import { checkMembers } from "./constraints.js";
import { verifySigV4 } from "./sigv4.js";
import { serializationError, toWireError, WireError } from "./wire-errors.js";

export const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
/** As Express wrote it (res.type + send add the charset); SDKs read the JSON whatever the parameters. */
const CONTENT_TYPE = "application/x-amz-json-1.1; charset=utf-8";

/** Merges the action tables; a name in two tables is a wiring mistake, caught at start rather than shadowed. */
function mergeTables(...tables: ActionTable[]): ActionTable {
  const merged: Record<string, WireAction> = {};
  for (const table of tables) {
    for (const [name, definition] of Object.entries(table)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Cognito action ${name} is defined twice`);
      merged[name] = definition;
    }
  }
  return Object.freeze(merged);
}

/** Every Cognito action the gateway serves, by name. */
export const WIRE_ACTIONS: ActionTable = mergeTables(
  poolActions,
  userActions,
  authActions,
  selfServiceActions,
  deviceActions,
  oauthAdminActions,
  webAuthnActions,
  userImportActions,
);

export interface AwsJsonRouterDeps {
  services: ApiServices;
  logger: Logger;
  clock: Clock;
  /** AWS_JSON_PATH: where the protocol is served ("/" as on cognito-idp.<region>.amazonaws.com). */
  path: string;
  /** How long the body may take to arrive (BodyDeadlines.bodyTimeoutMs, http/body-deadline.ts). */
  bodyTimeoutMs: number;
  /** Defaults to WIRE_ACTIONS (tests may serve a smaller table). */
  actions?: ActionTable;
}

function actionOf(
  actions: ActionTable,
  target: string | string[] | undefined,
): { name: string; definition: WireAction } {
  const value = Array.isArray(target) ? target[0] : target;
  if (!value || !value.startsWith(TARGET_PREFIX))
    throw new WireError(
      "UnknownOperationException",
      "Missing or unrecognised X-Amz-Target header: expected AWSCognitoIdentityProviderService.<Action>.",
    );
  const name = value.slice(TARGET_PREFIX.length);
  if (!Object.hasOwn(actions, name))
    throw new WireError("UnknownOperationException", `The operation ${name} is not served by this gateway.`);
  return { name, definition: actions[name]! };
}

/** The query as SigV4 canonicalises it: every value of a repeated name. */
function queryOf(raw: string | undefined): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(raw ?? "")) {
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

function parseBody(raw: unknown): Record<string, unknown> {
  const text = Buffer.isBuffer(raw) ? raw.toString("utf8") : "";
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw serializationError("The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw serializationError("Start of structure or map expected: the request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** A wire answer: the protocol's content type, its length, and the error type header on a fault. */
function writeWire(response: ServerResponse, status: number, body: string, errorType?: string): void {
  response.statusCode = status;
  response.setHeader("Content-Type", CONTENT_TYPE);
  response.setHeader("Content-Length", Buffer.byteLength(body));
  if (errorType !== undefined) response.setHeader("x-amzn-ErrorType", errorType);
  response.end(body);
}

/**
 * An edge fault in the protocol's form: a client fault about the body is a 400 SerializationException,
 * as Cognito answers; an oversized body (413), a method other than POST (405) and a body that missed its
 * deadline (408 RequestTimeoutException, which AWS SDKs retry as transient) keep their own.
 */
export const sendWireError: EdgeErrorSender = (response, error, requestId) => {
  const isKept = error.status >= 500 || error.status === 413 || error.status === 405 || error.status === 408;
  const wire = isKept ? error : new WireError("SerializationException", error.message);
  response.setHeader("x-amzn-RequestId", requestId);
  writeWire(response, wire.status, JSON.stringify({ __type: wire.type, message: wire.message }), wire.type);
};

/** What one wire call carries besides its response: read from node:http by the edge or from Express. */
export interface WireCall {
  requestId: string;
  method: string;
  /** The request target as sent (path and query): a SigV4 signature covers both. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw bytes: a SigV4 signature covers the exact payload. */
  body: Buffer;
  /** The client's address as TRUST_PROXY resolves it (the socket's peer when unset). */
  sourceIp: string | null;
}

export type WireHandler = (call: WireCall, response: ServerResponse) => Promise<void>;

/**
 * One Cognito action, end to end: the action from X-Amz-Target, authentication for admin actions,
 * the body checked against its members, the core service, and the answer or the Cognito error.
 * Never rejects: every failure is answered in the protocol's shape.
 */
export function createWireHandler({
  services,
  logger,
  clock,
  actions = WIRE_ACTIONS,
}: Omit<AwsJsonRouterDeps, "path" | "bodyTimeoutMs">): WireHandler {
  return async ({ requestId, method, url, headers, body, sourceIp }, response) => {
    // The access log's id (x-request-id), under the header AWS SDKs read as well.
    response.setHeader("x-amzn-RequestId", requestId);
    let actionName: string | undefined;
    try {
      const { name, definition } = actionOf(actions, headers["x-amz-target"]);
      actionName = name;
      noteAccess(response, { action: name });
      let admin = null;
      if (definition.auth === "admin") {
        // Authentication first, as AWS does: an unsigned caller learns nothing about the request's shape.
        const bearer = readBearerToken(headers.authorization);
        const [rawPath, rawQuery] = url.split("?", 2) as [string, string | undefined];
        admin = bearer
          ? await services.adminKeys.authenticate(bearer)
          : await verifySigV4(
              { method, headers, path: rawPath, query: queryOf(rawQuery), body },
              clock.now(),
              (keyId) => services.adminKeys.findSigningKey(keyId),
            );
      }
      const input = parseBody(body);
      checkMembers(definition.members, input);
      const result = await definition.handle(input, { services, admin, sourceIp });
      writeWire(response, 200, JSON.stringify(result));
    } catch (error) {
      const wire = toWireError(error, requestId);
      if (wire.status >= 500)
        logger.error(
          {
            err: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? error.stack : undefined,
            requestId,
            action: actionName,
          },
          "aws-json action failed",
        );
      else logger.debug({ requestId, action: actionName, type: wire.type }, "aws-json action refused");
      writeWire(response, wire.status, JSON.stringify({ __type: wire.type, message: wire.message }), wire.type);
    }
  };
}

/**
 * Cognito's own protocol (AWS JSON 1.1): `POST <path>` with `X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Action>`, so AWS SDKs and Amplify work by changing their endpoint.
 * Each action maps its request onto the same core service the GraphQL resolvers call, and back.
 *
 * The edge (http/edge.ts) serves most calls straight from node:http with the same handler; this router
 * takes the rest (a compressed body, a path Express matches loosely, another method).
 */
export function createAwsJsonRouter({
  services,
  logger,
  clock,
  path,
  bodyTimeoutMs,
  actions = WIRE_ACTIONS,
}: AwsJsonRouterDeps): Router {
  const router = Router();
  const handle = createWireHandler({ services, logger, clock, actions });
  // The raw bytes are kept: a SigV4 signature covers the exact payload.
  router.post(
    path,
    withBodyDeadline(express.raw({ type: () => true, limit: MAX_REQUEST_BYTES }), bodyTimeoutMs),
    (request: Request, response: Response) =>
      handle(
        {
          requestId: requestIdOf(request),
          method: request.method,
          url: request.originalUrl,
          headers: request.headers,
          body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          // request.ip: the client's address as TRUST_PROXY resolves it (the socket's peer when unset).
          sourceIp: request.ip ?? request.socket.remoteAddress ?? null,
        },
        response,
      ),
  );
  router.all(path, methodNotAllowed(["POST"]));
  // Body-parser failures (an oversized body, an unknown Content-Encoding) answer in the protocol's form
  // too, with a log line that names the fault and never holds the body.
  router.use(path, createEdgeErrorHandler(logger, sendWireError));
  return router;
}
