import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, Kind, type GraphQLFormattedError } from "graphql";
import { isCognitoError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";

/** Apollo's own codes for a request the client got wrong: all reported as InvalidParameterException. */
const CLIENT_FAULT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  // Automatic persisted queries are off (server.ts): clients such as Apollo Client's link read the message
  // (PersistedQueryNotSupported), which the formatter keeps, and send the whole query instead.
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * A variable graphql-js refused before running anything (wrong type, missing, unknown input field), as
 * Apollo recognises it: Apollo tags those BAD_USER_INPUT over HTTP; graphql-ws passes them on untagged.
 * Their messages quote the value sent, a password included, so they must never reach the log.
 */
export function asClientFaultIfBadVariable(error: GraphQLError): GraphQLError {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (error.extensions?.code !== undefined || node?.kind !== Kind.VARIABLE_DEFINITION) return error;
  const variable = `Variable "$${node.variable.name.value}" `;
  const isCoercion = ["has invalid value", "got invalid value ", "of required type ", "of non-null type "].some(
    (phrase) => error.message.startsWith(variable + phrase),
  );
  return isCoercion
    ? new GraphQLError(error.message, {
        nodes: error.nodes,
        originalError: error.originalError,
        extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
      })
    : error;
}

/**
 * The error a GraphQL error stands for. A resolver's error has a path (unwrapResolverError); a Cognito
 * error raised outside any field (graphql-ws's limits, a live stream's end) is carried as the cause.
 */
function causeOf(error: unknown): unknown {
  if (error instanceof GraphQLError && isCognitoError(error.originalError)) return error.originalError;
  return unwrapResolverError(error);
}

/**
 * Every error leaves as a Cognito exception name. Anything unexpected becomes InternalErrorException
 * with the request id; its cause was logged by recordUnexpectedError and never reaches the client.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = causeOf(error);
  const path = formatted.path;
  if (isCognitoError(original)) return { message: original.message, path, extensions: { code: original.code } };
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === "string" && CLIENT_FAULT_CODES.has(apolloCode)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path,
      extensions: { code: "InvalidParameterException" },
    };
  }
  const requestId = (error as { extensions?: { requestId?: string } }).extensions?.requestId;
  return {
    message: `An internal error occurred; the request id is ${requestId ?? "unknown"}.`,
    path,
    extensions: { code: "InternalErrorException", requestId },
  };
}

/**
 * Logs an unexpected failure with the request id, and tags the error so the formatter can show the id.
 * Cognito errors and client faults are the caller's business and are not logged. Used over HTTP and graphql-ws.
 */
export function recordUnexpectedError(
  logger: Logger,
  error: GraphQLError,
  requestId: string,
  operationName: string | null | undefined,
): void {
  const original = causeOf(error);
  if (
    isCognitoError(original) ||
    (typeof error.extensions?.code === "string" && CLIENT_FAULT_CODES.has(error.extensions.code))
  )
    return;
  (error.extensions as Record<string, unknown>).requestId = requestId;
  logger.error(
    {
      requestId,
      operationName,
      err: {
        name: (original as Error)?.name,
        message: (original as Error)?.message,
        stack: (original as Error)?.stack,
      },
    },
    "unexpected error in GraphQL request",
  );
}
