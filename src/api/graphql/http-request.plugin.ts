import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError, OperationDefinitionNode } from "graphql";
import type { ServerResponse } from "node:http";
import type { Logger } from "../../core/ports.js";
import type { GraphqlContext } from "./context.js";
import { recordUnexpectedError } from "./errors.js";

/** Where an HTTP request's context keeps its response (a symbol: resolvers never see it, Apollo's shallow copy keeps it). */
const HTTP_RESPONSE = Symbol("httpResponse");
type HttpContext = GraphqlContext & { [HTTP_RESPONSE]?: ServerResponse };

/** Links a GraphQL context to the HTTP response it answers; call it where the context is built. */
export function withHttpResponse(context: GraphqlContext, response: ServerResponse): GraphqlContext {
  (context as HttpContext)[HTTP_RESPONSE] = response;
  return context;
}

export interface HttpRequestPluginDeps {
  logger: Logger;
  /** The access line's operation name and root fields (http/access-log.ts). */
  noteOperation(response: ServerResponse, operation: OperationDefinitionNode): void;
  /** The request metrics' operation, outcome and error code (http/metrics.routes.ts). */
  noteResult(
    response: ServerResponse,
    operation: OperationDefinitionNode | null,
    errors: readonly GraphQLFormattedError[] | undefined,
  ): void;
}

/**
 * The one Apollo plugin with per-request hooks. It does what three plugins did (error logging, request
 * metrics, the access line's operation) with one set of hooks instead of three, and what Apollo's default
 * cache-control plugin did for this schema, which has no cache hints: `Cache-Control: no-store` on every
 * response the pipeline answers. That plugin is disabled because it wrapped every field's resolver to
 * collect hints that never exist.
 */
export function createHttpRequestPlugin({
  logger,
  noteOperation,
  noteResult,
}: HttpRequestPluginDeps): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart({ contextValue }) {
      // Absent for an operation Apollo runs without HTTP (executeOperation); the errors are still logged.
      const response = (contextValue as HttpContext)[HTTP_RESPONSE];
      let resolved: OperationDefinitionNode | null = null;
      return {
        async didResolveOperation({ operation }) {
          resolved = operation ?? null;
          if (response && resolved) noteOperation(response, resolved);
        },
        // Before formatError, which shows the request id this tags an unexpected error with.
        async didEncounterErrors({ errors, contextValue: context, operationName }) {
          for (const error of errors) recordUnexpectedError(logger, error, context.requestId, operationName);
        },
        async willSendResponse({ response: result }) {
          result.http.headers.set("cache-control", "no-store");
          if (response)
            noteResult(response, resolved, result.body.kind === "single" ? result.body.singleResult.errors : undefined);
        },
      };
    },
  };
}
