import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import { isCognitoError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";

/** Apollo's own codes for a request the client got wrong: all reported as InvalidParameterException. */
const CLIENT_FAULT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Every error leaves as a Cognito exception name. Anything unexpected becomes InternalErrorException
 * with the request id; its cause was logged by recordUnexpectedError and never reaches the client.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
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
  const original = unwrapResolverError(error);
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
