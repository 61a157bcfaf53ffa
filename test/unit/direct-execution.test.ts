import { ApolloServer, HeaderMap } from "@apollo/server";
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CognitoError } from "../../src/core/errors.js";
import type { Logger } from "../../src/core/ports.js";
import { createCompiledExecution, createReadyOperations } from "../../src/api/graphql/compiled-execution.js";
import type { GraphqlContext } from "../../src/api/graphql/context.js";
import { createDirectExecution } from "../../src/api/graphql/direct-execution.js";
import { formatGraphqlError } from "../../src/api/graphql/errors.js";
import { createHttpRequestPlugin, withHttpResponse } from "../../src/api/graphql/http-request.plugin.js";

const Item = new GraphQLObjectType({
  name: "Item",
  fields: {
    id: { type: new GraphQLNonNull(GraphQLInt) },
    secret: {
      type: GraphQLString,
      resolve: (item: { id: number }) => {
        if (item.id === 2) throw new CognitoError("NotAuthorizedException", `item ${item.id} is not yours`);
        if (item.id === 3) throw new Error("database went away");
        return "ok";
      },
    },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { count: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { count }: { count: number }) =>
          Array.from({ length: count }, (_, index) => ({ id: index + 1 })),
      },
      requestId: { type: GraphQLString, resolve: (_root, _args, context: GraphqlContext) => context.requestId },
    },
  }),
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What one request left behind: the hooks' calls and the error log lines. */
interface Notes {
  operations: string[];
  results: (readonly GraphQLFormattedError[] | undefined)[];
  logged: string[];
}

const silent = (): Logger => ({ debug() {}, info() {}, warn() {}, error() {} }) as unknown as Logger;

/** Apollo, its one per-request plugin and the direct path, wired as server.ts wires them. */
async function gateway() {
  const notes: Notes = { operations: [], results: [], logged: [] };
  const logger = { ...silent(), error: (fields: { requestId?: string }) => notes.logged.push(fields.requestId ?? "") };
  const hooks = {
    logger: logger as unknown as Logger,
    noteOperation: (_response: ServerResponse, operation: OperationDefinitionNode) =>
      notes.operations.push(operation.name?.value ?? "(anonymous)"),
    noteResult: (
      _response: ServerResponse,
      _operation: unknown,
      errors: readonly GraphQLFormattedError[] | undefined,
    ) => notes.results.push(errors),
  };
  const ready = createReadyOperations();
  const apollo = new ApolloServer<GraphqlContext>({
    gateway: createCompiledExecution(schema, undefined, ready),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: formatGraphqlError,
    plugins: [createHttpRequestPlugin(hooks)],
  });
  await apollo.start();
  const direct = createDirectExecution({ ready, ...hooks });
  const contextOf = (requestId: string) => ({ requestId }) as GraphqlContext;

  const viaApollo = async (body: unknown, headers: Record<string, string>, requestId: string): Promise<Answer> => {
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers: new HeaderMap(Object.entries(headers)), search: "", body },
      context: async () => withHttpResponse(contextOf(requestId), {} as ServerResponse),
    });
    return {
      status: answer.status ?? 200,
      headers: Object.fromEntries(answer.headers),
      body: answer.body.kind === "complete" ? answer.body.string : "(chunked)",
    };
  };
  /** The direct path's answer, or null where it leaves the request to Apollo. */
  const viaDirect = async (body: unknown, headers: Record<string, string>, requestId: string) => {
    const request = { method: "POST", headers } as unknown as IncomingMessage;
    const matched = direct.match(request, body);
    if (!matched) return null;
    const written: Answer = { status: 0, headers: {}, body: "" };
    const response = {
      set statusCode(status: number) {
        written.status = status;
      },
      setHeader: (name: string, value: string | number) => (written.headers[name.toLowerCase()] = String(value)),
      end: (text: string) => (written.body = text),
    } as unknown as ServerResponse;
    if (!(await direct.answer(response, matched, contextOf(requestId)))) return "left to Apollo" as const;
    delete written.headers["content-length"];
    return written;
  };
  return { apollo, notes, viaApollo, viaDirect };
}

const JSON_HEADERS = { "content-type": "application/json" };

describe("direct execution of documents Apollo has validated", () => {
  it("answers a document's third request with Apollo's status, headers, bytes, hooks and logged errors", async () => {
    const { apollo, notes, viaApollo, viaDirect } = await gateway();
    const body = {
      query: "query Items($count: Int!) { items(count: $count) { id secret } requestId }",
      variables: { count: 3 },
    };
    // Not yet: graphql-js runs the first request, the compiled code the second (both through Apollo).
    expect(await viaDirect(body, JSON_HEADERS, "r0")).toBeNull();
    const first = await viaApollo(body, JSON_HEADERS, "r1");
    const second = await viaApollo(body, JSON_HEADERS, "r2");
    const direct = await viaDirect(body, JSON_HEADERS, "r2");
    expect(direct).toEqual(second);
    expect({ ...first, body: first.body.replaceAll("r1", "r2") }).toEqual(second);
    expect(JSON.parse(second.body)).toMatchObject({
      errors: [
        {
          message: "item 2 is not yours",
          path: ["items", 1, "secret"],
          extensions: { code: "NotAuthorizedException" },
        },
        {
          message: "An internal error occurred; the request id is r2.",
          extensions: { code: "InternalErrorException", requestId: "r2" },
        },
      ],
      data: {
        items: [
          { id: 1, secret: "ok" },
          { id: 2, secret: null },
          { id: 3, secret: null },
        ],
        requestId: "r2",
      },
    });
    expect(second.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
    });
    // The same hooks, once per request, and the unexpected error logged with its request id (not the Cognito one).
    expect(notes.operations).toEqual(["Items", "Items", "Items"]);
    expect(notes.results).toHaveLength(3);
    expect(notes.results[2]).toEqual(notes.results[1]);
    expect(notes.logged).toEqual(["r1", "r2", "r2"]);
    await apollo.stop();
  });

  it("leaves to Apollo every request it could not answer exactly as Apollo does", async () => {
    const { apollo, viaApollo, viaDirect } = await gateway();
    const query = "query Items($count: Int!) { items(count: $count) { id } }";
    await viaApollo({ query, variables: { count: 1 } }, JSON_HEADERS, "a");
    await viaApollo({ query, variables: { count: 1 } }, JSON_HEADERS, "b");
    expect(await viaDirect({ query, variables: { count: 1 } }, JSON_HEADERS, "c")).not.toBeNull();
    const left = [
      // Another operation name (an empty one names none), another text (even one space), other members or a
      // persisted-query extension.
      [{ query, variables: { count: 1 }, operationName: "Other" }, JSON_HEADERS],
      [{ query, variables: { count: 1 }, operationName: "" }, JSON_HEADERS],
      [{ query: query + " ", variables: { count: 1 } }, JSON_HEADERS],
      [{ query, variables: { count: 1 }, id: "x" }, JSON_HEADERS],
      [{ query, variables: { count: 1 }, extensions: { persistedQuery: { version: 1 } } }, JSON_HEADERS],
      [{ query, variables: "{}" }, JSON_HEADERS],
      // Other answers' media types, and bodies no JSON Content-Type announced (Apollo's CSRF check decides those).
      [
        { query, variables: { count: 1 } },
        { ...JSON_HEADERS, accept: "application/graphql-response+json" },
      ],
      [{ query, variables: { count: 1 } }, { "content-type": "text/plain" }],
      [{ query, variables: { count: 1 } }, {}],
    ] as const;
    for (const [body, headers] of left) expect(await viaDirect(body, headers, "d")).toBeNull();
    // Variables the compiled code refuses before running anything: Apollo words them (400).
    expect(await viaDirect({ query, variables: { count: "three" } }, JSON_HEADERS, "e")).toBe("left to Apollo");
    expect((await viaApollo({ query, variables: { count: "three" } }, JSON_HEADERS, "e")).status).toBe(400);
    await apollo.stop();
  });
});
