/**
 * What Apollo's request pipeline alone costs per request: a compiled `query Probe { __typename }` through
 * `executeHTTPGraphQLRequest` with the gateway's schema, limit rules, formatError and per-request plugin,
 * against the same compiled query and `JSON.stringify` called directly. No HTTP, database or resolvers: the
 * difference is what a second GraphQL request path beside Apollo could save. Not part of the suite; run it with
 *   npm run bench:apollo-pipeline
 * BENCH_CALLS (20,000) requests per round, 4 rounds alternating the two.
 */
import { ApolloServer, HeaderMap } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { parse } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { expect, it } from "vitest";
import { createCompiledExecution } from "../../src/api/graphql/compiled-execution.js";
import type { GraphqlContext } from "../../src/api/graphql/context.js";
import { formatGraphqlError } from "../../src/api/graphql/errors.js";
import { createLimitRules } from "../../src/api/graphql/hardening.js";
import { createHttpRequestPlugin } from "../../src/api/graphql/http-request.plugin.js";
import { buildGatewaySchema } from "../../src/api/graphql/schema.js";
import { loadConfig } from "../../src/config/index.js";
import type { Logger } from "../../src/core/ports.js";
import { fixed, log, machineLine } from "./bench-stats.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const ROUNDS = 4;
const QUERY = "query Probe { __typename }";

it("prints Apollo's per-request cost beside the compiled query alone", async () => {
  const schema = await buildGatewaySchema();
  const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;
  const apollo = new ApolloServer<GraphqlContext>({
    gateway: createCompiledExecution(schema),
    introspection: false,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: createLimitRules(loadConfig({}).graphql),
    formatError: formatGraphqlError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      createHttpRequestPlugin({ logger: quiet, noteOperation() {}, noteResult() {} }),
    ],
  });
  await apollo.start();
  const context = { requestId: "bench" } as GraphqlContext;
  const headers = () => {
    const map = new HeaderMap();
    map.set("content-type", "application/json");
    map.set("accept", "*/*");
    map.set("authorization", "Bearer not.a.token");
    return map;
  };
  const throughApollo = async () => {
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: "POST",
        headers: headers(),
        search: "",
        body: { query: QUERY, operationName: "Probe", variables: {} },
      },
      context: async () => context,
    });
    if (answer.body.kind !== "complete") throw new Error("expected a complete answer");
    return answer.body.string;
  };
  const compiled = compileQuery(schema, parse(QUERY), "Probe");
  if (!isCompiledQuery(compiled)) throw new Error("graphql-jit refused the probe");
  const direct = async () => `${JSON.stringify(await compiled.query(undefined, context, {}))}\n`;
  expect(await throughApollo()).toBe(await direct());

  log(machineLine());
  log(`Apollo's pipeline per request (${CALLS} calls per round, in process, no HTTP):`);
  for (let round = 1; round <= ROUNDS; round++) {
    const line: string[] = [];
    for (const [label, call] of [
      ["through Apollo", throughApollo],
      ["compiled query alone", direct],
    ] as const) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) await call();
      const wallUs = ((performance.now() - started) / CALLS) * 1000;
      const cpu = process.cpuUsage(cpuBefore);
      line.push(`${label} ${fixed(wallUs, 1)} µs (CPU ${fixed((cpu.user + cpu.system) / CALLS, 1)} µs)`);
    }
    log(`  round ${round}: ${line.join("; ")}`);
  }
  await apollo.stop();
});
