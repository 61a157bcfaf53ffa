import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphqlContext } from "../graphql/context.js";
import type { DirectExecution } from "../graphql/direct-execution.js";

/** Runs one GraphQL-over-HTTP request whose body has been read and parsed (undefined: none was). */
export type GraphqlHttpHandler = (request: IncomingMessage, response: ServerResponse, body: unknown) => Promise<void>;

/**
 * Apollo's HTTP request handling on plain node:http objects: what @as-integrations/express5 did, without
 * Express's response helpers (res.send hashed every body for an ETag a POST answer never uses). Serves
 * the edge's own POST /graphql path (http/edge.ts) and the Express routes for every other GraphQL
 * request alike, so both answer the same way.
 */
export function createGraphqlHttpHandler(
  apollo: ApolloServer<GraphqlContext>,
  contextOf: (request: IncomingMessage, response: ServerResponse) => GraphqlContext,
  direct?: DirectExecution,
): GraphqlHttpHandler {
  return async (request, response, body) => {
    // A POST of a document Apollo has already validated and compiled is answered straight from its code.
    const matched = request.method === "POST" ? direct?.match(request, body) : undefined;
    if (matched && (await direct!.answer(response, matched, contextOf(request, response)))) return;
    const headers = new HeaderMap();
    for (const name in request.headers) {
      const value = request.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = request.url ?? "";
    const queryAt = url.indexOf("?");
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (request.method ?? "").toUpperCase(),
        headers,
        search: queryAt === -1 ? "" : url.slice(queryAt),
        body,
      },
      context: async () => contextOf(request, response),
    });
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === "complete") {
      response.setHeader("Content-Length", Buffer.byteLength(answer.body.string));
      response.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
