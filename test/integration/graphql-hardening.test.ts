import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import {
  CreateUserPoolDocument,
  GetUserPoolDocument,
  ListEventsDocument,
  ListUserPoolsDocument,
  PoolNameDocument,
  PoolStringConstraintsDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql, wsGraphql, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const embedded = BACKENDS[0]!;
const INVALID = ["InvalidParameterException"];

/** Boots an embedded app for one describe block with the given config variables. */
function embeddedApp(env: Record<string, string> = {}): () => TestApp {
  let gateway: TestApp | undefined;
  beforeAll(async () => {
    gateway = await getTestApp(embedded, { env });
  });
  afterAll(async () => gateway?.close());
  return () => gateway!;
}

/** Refused before execution: one or more errors, all InvalidParameterException, and no data. */
const expectRefused = (result: Omit<GraphqlResult<unknown>, "status">, reason?: RegExp) => {
  expect(errorCodes(result).length).toBeGreaterThan(0);
  expect(new Set(errorCodes(result))).toEqual(new Set(INVALID));
  expect(result.data ?? null).toBeNull();
  if (reason) expect(result.errors!.map((error) => error.message)).toContainEqual(expect.stringMatching(reason));
};

/** USER_POOL_UPDATED events of a pool: the proof of how many times an update resolver really ran. */
async function countUpdates(gateway: TestApp, userPoolId: string): Promise<number> {
  const events = expectData(await gateway.gql(ListEventsDocument, { userPoolId, first: 1000 })).events.items;
  return events.filter((event) => event.type === "USER_POOL_UPDATED").length;
}

describe.each(BACKENDS)("alias limit on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  const aliasedUpdates = (userPoolId: string, count: number) =>
    `mutation { ${Array.from({ length: count }, (_, i) => `u${i}: updateUserPool(userPoolId: "${userPoolId}", input: { name: "alias-${i}" }) { id }`).join(" ")} }`;

  it("refuses a document with more aliases than GRAPHQL_MAX_ALIASES without running any of them", async () => {
    const poolId = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: "alias-target" } }))
      .createUserPool.id;
    expectRefused(
      await postGraphql(gateway.url, aliasedUpdates(poolId, 20), undefined, { token: gateway.adminKey }),
      /Aliases limit of 15/,
    );
    expect(await countUpdates(gateway, poolId)).toBe(0);
    expect(expectData(await gateway.gql(PoolNameDocument, { userPoolId: poolId })).userPool.name).toBe("alias-target");
  });

  it("accepts a document at the alias limit", async () => {
    const poolId = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: "alias-ok" } })).createUserPool
      .id;
    const query = `{ ${Array.from({ length: 15 }, (_, i) => `p${i}: userPool(userPoolId: "${poolId}") { id }`).join(" ")} }`;
    const result = await postGraphql<Record<string, { id: string }>, undefined>(gateway.url, query, undefined, {
      token: gateway.adminKey,
    });
    expect(Object.keys(expectData(result))).toHaveLength(15);
  });

  it("refuses too many aliases over graphql-ws too", async () => {
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: userPools(first: 1) { nextCursor }`).join(" ")} }`;
    expectRefused(await wsGraphql(gateway.url, query, undefined, { token: gateway.adminKey }), /Aliases limit of 15/);
  });
});

describe.each(BACKENDS)("cheap floods on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  const repeat = (count: number, item: (index: number) => string) =>
    Array.from({ length: count }, (_, index) => item(index)).join(" ");
  const update = (userPoolId: string, selection: string) =>
    `updateUserPool(userPoolId: "${userPoolId}", input: { name: "flooded" }) { ${selection} }`;
  const both = async (query: string) => [
    await postGraphql(gateway.url, query, undefined, { token: gateway.adminKey }),
    await wsGraphql(gateway.url, query, undefined, { token: gateway.adminKey }),
  ];

  it("counts __typename aliases toward the alias limit (101 of them are refused over HTTP and graphql-ws)", async () => {
    for (const result of await both(`{ ${repeat(101, (i) => `t${i}: __typename`)} }`))
      expectRefused(result, /Aliases limit of 15 exceeded, found 101/);
  });

  it("refuses more than 50 directives in a document before anything runs", async () => {
    const poolId = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: "directive-target" } }))
      .createUserPool.id;
    const flooded = `mutation { ${update(
      poolId,
      repeat(51, () => "... @include(if: true) { id }"),
    )} }`;
    for (const result of await both(flooded)) expectRefused(result, /Directives limit of 50 exceeded/);
    expect(await countUpdates(gateway, poolId)).toBe(0);
    // 50 are fine.
    expectData(
      await postGraphql(
        gateway.url,
        `mutation { ${update(
          poolId,
          repeat(50, () => "... @include(if: true) { id }"),
        )} }`,
        undefined,
        { token: gateway.adminKey },
      ),
    );
    expect(await countUpdates(gateway, poolId)).toBe(1);
  });

  it("refuses a selection repeated more than 3 times (500 __typename, 100 identical mutations) before anything runs", async () => {
    const poolId = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: "repeat-target" } }))
      .createUserPool.id;
    for (const result of await both(`{ ${repeat(500, () => "__typename")} }`))
      expectRefused(result, /Repeated selections limit of 3 exceeded: field __typename/);
    for (const result of await both(`mutation { ${repeat(100, () => update(poolId, "id"))} }`))
      expectRefused(result, /Repeated selections limit of 3 exceeded: field updateUserPool/);
    for (const result of await both(
      `{ userPools(first: 1) { ${repeat(4, () => "...P")} } } fragment P on UserPoolPage { nextCursor }`,
    ))
      expectRefused(result, /fragment spread \.\.\.P/);
    expect(await countUpdates(gateway, poolId)).toBe(0);
    // Up to 3 repeats are fine (generated documents sometimes repeat a field).
    expect(
      expectData(
        await postGraphql(gateway.url, "{ __typename __typename __typename }", undefined, { token: gateway.adminKey }),
      ),
    ).toEqual({ __typename: "Query" });
  });

  it("counts repeats through inline fragments and fragment spreads too (490 `...{__typename}`, 190 one-field fragments)", async () => {
    for (const result of await both(`{ ${repeat(490, () => "...{__typename}")} }`))
      expectRefused(result, /Repeated selections limit of 100 exceeded/);
    const fragments = (count: number) =>
      `{ ${repeat(count, (i) => `...F${i}`)} } ${repeat(count, (i) => `fragment F${i} on Query { __typename }`)}`;
    for (const result of await both(fragments(190))) expectRefused(result, /Repeated selections limit of 100 exceeded/);
    // Colocated fragments that each ask for the same field, as client apps write them, are fine.
    expect(expectData(await postGraphql(gateway.url, fragments(40), undefined, { token: gateway.adminKey }))).toEqual({
      __typename: "Query",
    });
  });

  it("still serves GraphiQL's introspection query over HTTP and graphql-ws", async () => {
    for (const result of await both(getIntrospectionQuery())) {
      expect(
        (expectData(result) as { __schema: { types: { name: string }[] } }).__schema.types.map((type) => type.name),
      ).toContain("UserPool");
    }
  });
});

describe("depth limit (GRAPHQL_MAX_DEPTH=3)", () => {
  const gateway = embeddedApp({ GRAPHQL_MAX_DEPTH: "3" });

  it("refuses a deeper query over HTTP and graphql-ws", async () => {
    expectRefused(await gateway().gql(PoolStringConstraintsDocument, {}), /depth limit of 3/);
    expectRefused(
      await wsGraphql(gateway().url, PoolStringConstraintsDocument, undefined, { token: gateway().adminKey }),
      /depth limit of 3/,
    );
  });

  it("accepts a shallow query", async () => {
    expectData(await gateway().gql(ListUserPoolsDocument, { first: 1 }));
  });
});

describe("cost limit (GRAPHQL_MAX_COST=20)", () => {
  const gateway = embeddedApp({ GRAPHQL_MAX_COST: "20" });

  it("refuses a costly query and accepts a cheap one", async () => {
    expectRefused(await gateway().gql(GetUserPoolDocument, { userPoolId: "local_abcdefghi" }), /Cost limit of 20/);
    expectData(
      await postGraphql(gateway().url, "{ userPools(first: 1) { nextCursor } }", undefined, {
        token: gateway().adminKey,
      }),
    );
  });
});

describe("token limit (GRAPHQL_MAX_TOKENS=100)", () => {
  const gateway = embeddedApp({ GRAPHQL_MAX_TOKENS: "100" });

  it("refuses a long document over HTTP and graphql-ws, and accepts a short one", async () => {
    expectRefused(await gateway().gql(GetUserPoolDocument, { userPoolId: "local_abcdefghi" }), /100 tokens/);
    expectRefused(
      await wsGraphql(
        gateway().url,
        GetUserPoolDocument,
        { userPoolId: "local_abcdefghi" },
        { token: gateway().adminKey },
      ),
      /100 tokens/,
    );
    expectData(await gateway().gql(ListUserPoolsDocument, { first: 1 }));
  });
});

describe("HTTP transport rules", () => {
  const gateway = embeddedApp();

  it("refuses a batch of operations and runs none of them", async () => {
    const poolId = expectData(await gateway().gql(CreateUserPoolDocument, { input: { name: "batch-target" } }))
      .createUserPool.id;
    const operation = {
      query: `mutation { updateUserPool(userPoolId: "${poolId}", input: { name: "batched" }) { id } }`,
    };
    const response = await fetch(gateway().url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gateway().adminKey}` },
      body: JSON.stringify([operation, operation]),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    await response.text();
    expect(await countUpdates(gateway(), poolId)).toBe(0);
  });

  it("refuses a simple GET that a browser could send cross-site (CSRF prevention)", async () => {
    const url = `${gateway().url}?query=${encodeURIComponent("{__typename}")}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    await simple.text();
    // The same request with a header no cross-site form can set is fine.
    const preflighted = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: "Query" } });
  });

  it.each(["/", "/graphql"])("serves no CDN-loading HTML page at %s", async (pathname) => {
    const response = await fetch(`${gateway().baseUrl}${pathname}`, {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    const body = await response.text();
    expect(response.status).not.toBe(500);
    expect(body).not.toMatch(/cdn/i);
    expect(body).not.toMatch(/<script[^>]*src=["']?https?:\/\//i);
    expect(body).not.toMatch(/https:\/\//);
  });

  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${gateway().baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${gateway().baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", store: "ok" } });
  });
});

describe.each(BACKENDS.slice(1))("readiness on $name", (backend) => {
  it("checks the database and Redis", async () => {
    const gateway = await getTestApp(backend);
    try {
      const ready = await fetch(`${gateway.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", redis: "ok" } });
    } finally {
      await gateway.close();
    }
  });
});

const INTROSPECTION = "{ __schema { types { name } } }";
const MISSPELLED = "{ userPoool { id } }";

describe("schema details in production (NODE_ENV=production)", () => {
  const gateway = embeddedApp({ NODE_ENV: "production" });

  it("refuses introspection", async () => {
    expectRefused(await postGraphql(gateway().url, INTROSPECTION, undefined, { token: gateway().adminKey }));
    expectRefused(await postGraphql(gateway().url, INTROSPECTION, undefined, { token: null }));
    expectRefused(await wsGraphql(gateway().url, INTROSPECTION, undefined, { token: null }));
  });

  it("does not suggest field names in errors", async () => {
    const result = await postGraphql(gateway().url, MISSPELLED, undefined, { token: gateway().adminKey });
    expectRefused(result);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/i);
    expect(JSON.stringify(result)).not.toContain("userPools");
    const overSocket = await wsGraphql(gateway().url, MISSPELLED, undefined, { token: gateway().adminKey });
    expectRefused(overSocket);
    expect(JSON.stringify(overSocket)).not.toMatch(/Did you mean|userPools/);
  });
});

describe("schema details outside production (NODE_ENV=test)", () => {
  const gateway = embeddedApp({ NODE_ENV: "test" });

  it("allows introspection and suggests field names", async () => {
    const introspection = await postGraphql<{ __schema: { types: { name: string }[] } }, undefined>(
      gateway().url,
      INTROSPECTION,
      undefined,
      { token: gateway().adminKey },
    );
    expect(expectData(introspection).__schema.types.map((type) => type.name)).toContain("UserPool");
    const misspelled = await postGraphql(gateway().url, MISSPELLED, undefined, { token: gateway().adminKey });
    expect(misspelled.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});
