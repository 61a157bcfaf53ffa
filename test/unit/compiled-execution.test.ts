import { ApolloServer } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { compileQuery } from "graphql-jit";
import { describe, expect, it } from "vitest";
import { createCompiledExecution, type Compile } from "../../src/api/graphql/compiled-execution.js";

class RefusedError extends Error {
  readonly code = "NotAuthorizedException";
}

const Item = new GraphQLObjectType({
  name: "Item",
  fields: {
    id: { type: new GraphQLNonNull(GraphQLInt) },
    name: { type: GraphQLString, resolve: (item: { id: number }) => `item ${item.id}` },
    secret: {
      type: GraphQLString,
      resolve: (item: { id: number }) => {
        if (item.id === 2) throw new RefusedError(`item ${item.id} is not yours`);
        return "ok";
      },
    },
    required: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
  },
});

let added = 0;
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
      viewer: { type: GraphQLString, resolve: (_root, _args, context: { viewer: string }) => context.viewer },
    },
  }),
  mutation: new GraphQLObjectType({
    name: "Mutation",
    fields: {
      add: {
        type: GraphQLInt,
        args: { by: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: async (_root, { by }: { by: number }) => {
          const before = added;
          await new Promise((resolve) => setTimeout(resolve, 1));
          return (added = before + by);
        },
      },
    },
  }),
  subscription: new GraphQLObjectType({
    name: "Subscription",
    fields: { ticks: { type: GraphQLInt, resolve: () => 1 } },
  }),
});

async function gatewayWithCompileCount(compile: Compile = compileQuery) {
  const compiled: (string | undefined)[] = [];
  const apollo = new ApolloServer<{ viewer: string }>({
    gateway: createCompiledExecution(schema, (compiledSchema, document, operationName) => {
      compiled.push(operationName);
      return compile(compiledSchema, document, operationName);
    }),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      const original = unwrapResolverError(error);
      return original instanceof RefusedError ? { ...formatted, extensions: { code: original.code } } : formatted;
    },
  });
  await apollo.start();
  const run = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const response = await apollo.executeOperation(
      { query, variables, operationName },
      { contextValue: { viewer: "ada" } },
    );
    return { status: response.http.status, body: response.body.kind === "single" ? response.body.singleResult : null };
  };
  return { apollo, compiled, run };
}

describe("compiled execution", () => {
  it("runs a document on graphql-js first, compiles it on its second run and reuses that from then on", async () => {
    const { apollo, compiled, run } = await gatewayWithCompileCount();
    const query = "query Items($count: Int!) { items(count: $count) { id name } viewer }";
    const first = await run(query, { count: 3 });
    expect(compiled).toEqual([]);
    const second = await run(query, { count: 3 });
    expect(compiled).toEqual(["Items"]);
    const third = await run(query, { count: 5 });
    expect(compiled).toEqual(["Items"]);
    expect(second).toEqual(first);
    expect(first.body?.data).toEqual({
      items: [1, 2, 3].map((id) => ({ id, name: `item ${id}` })),
      viewer: "ada",
    });
    expect((third.body?.data as { items: unknown[] }).items).toHaveLength(5);
    await apollo.stop();
  });

  it("reports a resolver's error, a null in a non-null field and the data beside them exactly as graphql-js does", async () => {
    const { apollo, compiled, run } = await gatewayWithCompileCount();
    const query = `{
  items(count: 3) { id secret }
  viewer
}`;
    const onGraphqlJs = await run(query);
    const compiledRuns = [await run(query), await run(query)];
    expect(compiled).toHaveLength(1);
    expect(onGraphqlJs.body?.errors).toEqual([
      {
        message: "item 2 is not yours",
        locations: [{ line: 2, column: 24 }],
        path: ["items", 1, "secret"],
        extensions: { code: "NotAuthorizedException" },
      },
    ]);
    for (const result of compiledRuns) expect(result).toEqual(onGraphqlJs);

    const nonNull = "{ items(count: 1) { id required } }";
    const nonNullOnGraphqlJs = await run(nonNull);
    expect(nonNullOnGraphqlJs.body?.data).toEqual({ items: [null] });
    expect(await run(nonNull)).toEqual(nonNullOnGraphqlJs);
    expect(compiled).toHaveLength(2);
    await apollo.stop();
  });

  it("refuses bad variables with graphql-js's words and a 400, compiled or not", async () => {
    const { apollo, run } = await gatewayWithCompileCount();
    const query = "query Items($count: Int!) { items(count: $count) { id } }";
    await run(query, { count: 1 });
    await run(query, { count: 1 });
    for (const variables of [{ count: "three" }, {}, { count: 2 ** 40 }]) {
      const refused = await run(query, variables);
      expect(refused.status).toBe(400);
      expect(refused.body?.data).toBeUndefined();
      expect(refused.body?.errors?.[0]?.message).toMatch(/^Variable "\$count" /);
      expect(refused.body?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    await apollo.stop();
  });

  it("compiles each operation of a document apart and runs a mutation's fields one after another", async () => {
    const { apollo, compiled, run } = await gatewayWithCompileCount();
    const document = "query A { viewer } mutation B($by: Int!) { first: add(by: $by) second: add(by: $by) }";
    for (let round = 0; round < 3; round++) {
      expect((await run(document, undefined, "A")).body?.data).toEqual({ viewer: "ada" });
      const before = added;
      expect((await run(document, { by: 2 }, "B")).body?.data).toEqual({ first: before + 2, second: before + 4 });
    }
    expect(compiled).toEqual(["A", "B"]);
    await apollo.stop();
  });

  it("refuses a subscription sent over HTTP as a client fault, never running or compiling it", async () => {
    const { apollo, compiled, run } = await gatewayWithCompileCount();
    const results = [await run("subscription { ticks }"), await run("subscription { ticks }")];
    expect(compiled).toEqual([]);
    expect(results[0]!.body?.data).toBeUndefined();
    expect(results[0]!.body?.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/graphql-ws/), extensions: { code: "BAD_REQUEST" } }),
    ]);
    expect(results[1]).toEqual(results[0]);
    await apollo.stop();
  });

  it("answers on graphql-js, every run, a document graphql-jit throws on", async () => {
    const { apollo, compiled, run } = await gatewayWithCompileCount(() => {
      throw new Error("cannot compile");
    });
    const query = "query Items($count: Int!) { items(count: $count) { id name } }";
    const runs = [await run(query, { count: 2 }), await run(query, { count: 2 }), await run(query, { count: 2 })];
    expect(compiled).toEqual(["Items"]);
    expect(runs[0]!.body?.data).toEqual({ items: [1, 2].map((id) => ({ id, name: `item ${id}` })) });
    for (const result of runs.slice(1)) expect(result).toEqual(runs[0]);
    await apollo.stop();
  });
});
