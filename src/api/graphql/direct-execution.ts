import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import { asGraphqlError, type JitError, type ReadyOperation, type ReadyOperations } from "./compiled-execution.js";
import type { GraphqlContext } from "./context.js";
import { formatGraphqlError, recordUnexpectedError } from "./errors.js";
import type { HttpRequestPluginDeps } from "./http-request.plugin.js";
import { isPlainJsonType } from "../http/request-body.js";

/** The per-request hooks of http-request.plugin.ts (run the same way here), and the documents ready to run. */
export interface DirectExecutionDeps extends HttpRequestPluginDeps {
  ready: ReadyOperations;
}

/** A POST body this path may answer: the query's text, the operation name sent and the variables. */
interface DirectRequest {
  ready: ReadyOperation;
  variables: Record<string, unknown>;
}

export interface DirectExecution {
  /** The operation to run if Apollo would answer this request exactly as `answer` does; otherwise undefined. */
  match(request: IncomingMessage, body: unknown): DirectRequest | undefined;
  /** Runs it; false when Apollo must answer after all (nothing ran: the variables were refused). */
  answer(response: ServerResponse, direct: DirectRequest, context: GraphqlContext): Promise<boolean>;
}

/** The Accept headers for which Apollo answers a single result as `application/json; charset=utf-8` (its negotiation). */
const JSON_ACCEPTS = new Set([undefined, "", "*/*", "application/json"]);
const BODY_MEMBERS = new Set(["query", "operationName", "variables", "extensions"]);
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Answers a POST /graphql whose document Apollo has already parsed, validated and run here, straight from its
 * compiled code. Apollo's pipeline costs the gateway thread 50–70 µs per request on this machine (a CPU
 * profile of getUser under load: processGraphQLRequest, the query's SHA-256, content negotiation, the CSRF
 * check's MIME parse, plugin hooks, and the garbage they leave), more than the compiled query itself.
 *
 * It answers exactly what Apollo would, and only where that is certain: a JSON body of the plain shape
 * (no persisted-query extension), an Accept header Apollo answers with JSON, a text Apollo validated in
 * full (the limit rules included; they do not depend on the variables). It runs the same hooks the one
 * per-request plugin has (http-request.plugin.ts: the access line's operation, error logging, metrics,
 * `Cache-Control: no-store`) and formats errors as Apollo's normalizeAndFormatErrors does before the same
 * formatError. Anything else, and variables the compiled code refuses before running, goes to Apollo.
 * A plugin with per-request hooks added to server.ts must be added here too.
 */
export function createDirectExecution({
  ready,
  logger,
  noteOperation,
  noteResult,
}: DirectExecutionDeps): DirectExecution {
  return {
    match(request, body) {
      // JSON bodies are never CORS-simple requests, so Apollo's CSRF check (which this path skips) passes them all.
      if (
        !JSON_ACCEPTS.has(request.headers.accept) ||
        !isPlainJsonType(request.headers["content-type"]) ||
        !isRecord(body)
      )
        return undefined;
      const { query, operationName, variables, extensions } = body;
      if (typeof query !== "string") return undefined;
      for (const member in body) if (!BODY_MEMBERS.has(member)) return undefined;
      // An empty name names no operation: Apollo refuses it, so it is not the same as no name.
      if (
        operationName !== undefined &&
        operationName !== null &&
        (typeof operationName !== "string" || !operationName)
      )
        return undefined;
      if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
      if (extensions !== undefined && extensions !== null && !(isRecord(extensions) && isEmpty(extensions)))
        return undefined;
      const found = ready.find(query, operationName ?? "");
      return found && { ready: found, variables: variables ?? {} };
    },

    async answer(response, { ready: { operation, compiled }, variables }, context) {
      const result = (await compiled.query(undefined, context, variables)) as {
        data?: unknown;
        errors?: readonly JitError[];
      };
      // No data: refused before any resolver ran; Apollo words and answers those (400).
      if (result.errors?.length && !("data" in result)) return false;
      noteOperation(response, operation);
      const source = operation.loc?.source;
      const errors = result.errors?.length ? result.errors.map((error) => asGraphqlError(error, source)) : undefined;
      let formatted: GraphQLFormattedError[] | undefined;
      let status = 200;
      if (errors) {
        const operationName = operation.name?.value ?? null;
        for (const error of errors) recordUnexpectedError(logger, error, context.requestId, operationName);
        formatted = errors.map((error) => {
          const normalized = normalizeAsApollo(error);
          if (normalized.status !== undefined) status = normalized.status;
          return formatGraphqlError(normalized.formatted, error);
        });
      }
      const text = JSON.stringify({ errors: formatted, data: result.data }) + "\n";
      response.statusCode = status;
      response.setHeader("content-type", JSON_CONTENT_TYPE);
      response.setHeader("cache-control", "no-store");
      noteResult(response, operation, formatted);
      response.setHeader("Content-Length", Buffer.byteLength(text));
      response.end(text);
      return true;
    },
  };
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const _member in record) return false;
  return true;
}

/** Apollo's enrichError: the error's JSON with a code (INTERNAL_SERVER_ERROR if none) and its `http` taken out. */
function normalizeAsApollo(error: GraphQLError): { formatted: GraphQLFormattedError; status?: number } {
  const extensions: Record<string, unknown> = {
    ...error.extensions,
    code: error.extensions.code ?? "INTERNAL_SERVER_ERROR",
  };
  const http = extensions.http as { status?: unknown } | undefined;
  delete extensions.http;
  const status = typeof http?.status === "number" ? http.status : undefined;
  return { formatted: { ...error.toJSON(), extensions }, status };
}
