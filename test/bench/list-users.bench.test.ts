/**
 * listUsers on one pool of 1,000,000 users on MariaDB, side by side with its own SQL. For each kind of
 * page (the first page without a filter, an exact email, a prefix, pages deep in the index reached by
 * cursor, every page of a prefix by cursor) it sends the full listUsers over HTTP (GraphQL, admin key)
 * and then the very statements that request sent (captured from mysql2's diagnostics channels) straight
 * to MariaDB on a mysql2 connection with the gateway's settings, from the same client thread, and prints
 * p50 and p99 of each and their ratio, the SQL round trips and the gateway thread's CPU per page, and the
 * time of each statement (so the admin-key and pool lookups show apart from the page's own read). One
 * page is also sent over Cognito's wire protocol (POST / ListUsers), to show GraphQL's share. Beside the
 * gateway thread's CPU per page: the service's own (the statement and the rows' mapping) and the page's
 * execution alone, compiled (graphql-jit, as the gateway runs it) and on graphql-js. Two floors (a bare
 * node:http server answering the first page's and an exact email's bytes) show the lowest ratio any
 * server could print on this machine.
 * Not part of the suite; run it with
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/any REDIS_URL=redis://127.0.0.1:6379 npm run bench:list-users
 * (NODE_ENV=production, as bench:sign-in: graphql-js checks every type's instanceOf at length otherwise).
 * It uses its own database (BENCH_DATABASE, default gw_bench) on that server and seeds it once;
 * later runs find the seeded pool and go straight to measuring. BENCH_USERS changes the size
 * (use another BENCH_DATABASE for it: a database seeded with another size is dropped and seeded again),
 * BENCH_RUNS the requests per kind of page (200). BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the
 * gateway's thread per kind of page (node:inspector, during the timed requests) to <dir>; the profile's
 * `dispatch` frame is node:inspector stopping the profile, not the gateway's work.
 * Each timed pair (the page over HTTP, its statements directly) is preceded by its statements, untimed: the
 * users table is ten times MariaDB's default buffer pool, so otherwise the first side of a pair read a deep
 * page's rows from disk and the second found them cached. BENCH_COLD_PAIRS=1 times the pairs without it.
 */
import type { Server } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { print } from "graphql";
import { createConnection } from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import type { AdminPrincipal } from "../../src/core/admin-keys/admin-key.types.js";
import { buildGatewaySchema } from "../../src/api/graphql/schema.js";
import { createListUsersService, type ListUsersResult } from "../../src/core/users/list-users.service.js";
import { systemClock } from "../../src/lib/clock.js";
import { CreateUserPoolDocument, ListUsersDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { countRoundTrips, cpuSince, fixed, log, machineLine, percentile, snapshotCpu, table } from "./bench-stats.js";
import { captureSql, tablesOf, type CapturedStatement } from "../support/sql-capture.js";
import type { ListUsersVariables, PageSummary, TimedSample } from "./list-users-load.worker.js";
import { createPrng, findSeededPool, seed } from "./list-users-seed.js";
import { FAMILY_NAMES } from "./names.js";
import { startFloorServer } from "./floor-server.js";
import { gatewayConnectionOptions, graphqlExecutionCpuMs, profiled, startClient } from "./list-users-harness.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL;
const BENCH_DATABASE = process.env.BENCH_DATABASE ?? "gw_bench";
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const POOL_NAME = `bench-list-users-${USERS}`;
const LIMIT = 60;
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
/** 1 = time each pair as it comes, without first reading its rows into the buffer pool (the old way, for comparison). */
const COLD_PAIRS = process.env.BENCH_COLD_PAIRS === "1";
const isMariadb = /^(mariadb|mysql):/.test(DATABASE_URL);

interface Captured {
  variables: ListUsersVariables;
  statements: CapturedStatement[];
  page: PageSummary;
}

describe.skipIf(!isMariadb)(`listUsers on ${USERS} users (MariaDB) against its own SQL`, () => {
  let gateway: TestApp | undefined;
  let client: ReturnType<typeof startClient> | undefined;
  const floors: Server[] = [];
  afterAll(async () => {
    await Promise.all(floors.map((floor) => new Promise((resolve) => floor.close(resolve))));
    await client?.run({ type: "close" }).catch(() => undefined);
    await client?.terminate();
    await gateway?.close();
  });

  it("prints p50/p99 of listUsers over HTTP and of the same statements sent directly", async () => {
    const url = new URL(DATABASE_URL);
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || "root"),
      password: decodeURIComponent(url.password),
    });
    let poolId = await findSeededPool(admin, { database: BENCH_DATABASE, poolName: POOL_NAME, users: USERS }).finally(
      () => admin.end(),
    );
    url.pathname = `/${BENCH_DATABASE}`;
    // The background loops (webhook deliveries, import jobs) would add their statements to the captured ones.
    const quiet = { pollIntervalMs: 3_600_000 };
    const app = await getTestApp(
      { name: "mariadb+redis", env: { DATABASE_URL: url.toString(), ...(REDIS_URL ? { REDIS_URL } : {}) } },
      { overrides: { webhookDispatcher: quiet, userImport: quiet } },
    );
    gateway = app;
    const target = app.config.database;
    if (!poolId) {
      const created = expectData(
        await app.gql(CreateUserPoolDocument, { input: { name: POOL_NAME, usernameAttributes: ["email"] } }),
      ).createUserPool.id;
      const pool = (await app.app.db.read((repositories) => repositories.pools.findById(created)))!;
      await seed(target, pool, USERS);
      poolId = created;
    } else {
      log(`found ${USERS} seeded users in ${BENCH_DATABASE} (pool ${poolId}); skipping seeding`);
    }
    const userPoolId = poolId;
    const roundTrips = countRoundTrips();
    const connection = await createConnection(gatewayConnectionOptions(target));
    const sampleIndex = async (name: string, count: number, draw: () => string) => {
      const found: { value: string; userId: string }[] = [];
      for (let i = 0; i < count; i++) {
        const [rows] = await connection.query(
          "SELECT value, user_id FROM user_search_entries WHERE pool_id = ? AND name = ? AND value >= ? ORDER BY value, user_id LIMIT 1",
          [userPoolId, name, draw()],
        );
        const row = (rows as { value: string; user_id: string }[])[0];
        if (row) found.push({ value: row.value, userId: row.user_id });
      }
      return found;
    };

    client = startClient();
    await client.run({
      type: "connect",
      url: app.url,
      adminKey: app.adminKey,
      document: print(ListUsersDocument),
      mysql: gatewayConnectionOptions(target),
    });
    const page = (variables: ListUsersVariables) =>
      captureSql(() => client!.run<PageSummary>({ type: "page", variables })).then(
        ({ result, statements }): Captured => ({ variables, statements, page: result }),
      );
    const pages = async (list: ListUsersVariables[]) => {
      const captured: Captured[] = [];
      for (const variables of list) captured.push(await page(variables));
      return captured;
    };
    const repeat = (variables: ListUsersVariables) => Array.from({ length: RUNS }, () => variables);
    const random = createPrng(1126);
    const letters = (length: number) =>
      Array.from({ length }, () => "abcdefghijklmnopqrstuvwxyz"[random.int(26)]).join("");
    const hex = (length: number) => random.hex(length);

    // The kinds of page. Every request is sent once here, with its statements captured (which also warms
    // the caches both sides then read), and sent again, timed, below.
    const scenarios: { label: string; captured: Captured[] }[] = [];
    const firstPage = await pages(repeat({ userPoolId, limit: LIMIT }));
    scenarios.push({ label: "first page, no filter", captured: firstPage });
    // The floor: a bare node:http server answering a page's exact bytes, timed by the same client, beside the
    // same statements: the lowest HTTP / SQL ratio any server could print here. For the first page (38 KB)
    // and for an exact email's (one user, under 1 KB).
    const floorOf = async (captured: Captured[]) => {
      const answer = await fetch(app.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${app.adminKey}` },
        body: JSON.stringify({ query: print(ListUsersDocument), variables: captured[0]!.variables }),
      }).then((response) => response.text());
      const floorServer = await startFloorServer(answer);
      floors.push(floorServer.server);
      return {
        label: `  floor: bare node:http, the same ${Buffer.byteLength(answer)} bytes`,
        captured: captured.map((page) => ({ ...page, variables: { ...page.variables, floorUrl: floorServer.url } })),
      };
    };
    const floorScenario = await floorOf(firstPage);
    scenarios.push(floorScenario);
    const emails = await sampleIndex("email", RUNS, () => letters(3));
    const emailPages = await pages(
      emails.map(({ value }) => ({ userPoolId, limit: LIMIT, filter: `email = "${value}"` })),
    );
    scenarios.push({ label: 'email = "…" (exact, one user)', captured: emailPages });
    const emailFloorScenario = await floorOf(emailPages);
    scenarios.push(emailFloorScenario);
    const broad = 'family_name ^= "Sm"';
    const broadFirstPage = await pages(repeat({ userPoolId, limit: LIMIT, filter: broad }));
    scenarios.push({ label: `first page, ${broad}`, captured: broadFirstPage });
    // The same page over Cognito's wire protocol: what GraphQL costs beyond the HTTP layer both share.
    scenarios.push({
      label: `  the same over the wire (POST / ListUsers)`,
      captured: await pages(repeat({ userPoolId, limit: LIMIT, filter: broad, wire: true })),
    });
    // Deep pages without a filter: tokens at random depths of the index (a forged position only skips ahead).
    const firstToken = JSON.parse(Buffer.from(firstPage[0]!.page.token!, "base64url").toString("utf8")) as {
      f: string;
      t: number;
    };
    const depths = await sampleIndex("sub", RUNS, () => hex(8));
    // The first page's filter key and issue time (a token without one counts as expired).
    const deepTokens = depths.map(({ value, userId }) =>
      Buffer.from(JSON.stringify({ v: value, u: userId, f: firstToken.f, t: firstToken.t }), "utf8").toString(
        "base64url",
      ),
    );
    const deepPages = await pages(deepTokens.map((paginationToken) => ({ userPoolId, limit: LIMIT, paginationToken })));
    scenarios.push({ label: "deep page by cursor, no filter", captured: deepPages });
    // Every page of a prefix matching ~5,000 users, following the tokens.
    const surnames = [...new Set(FAMILY_NAMES.map((name) => name.toLowerCase()))];
    const candidates = surnames.filter((name) => !surnames.some((other) => other !== name && other.startsWith(name)));
    const counts = await Promise.all(
      candidates.map(async (name) => {
        const [rows] = await connection.query(
          "SELECT COUNT(*) AS n FROM user_search_entries WHERE pool_id = ? AND name = 'family_name' AND value >= ? AND value < ?",
          [userPoolId, name, `${name}\u{10ffff}`],
        );
        return [name, Number((rows as { n: number }[])[0]!.n)] as const;
      }),
    );
    const [narrowName, narrowCount] = counts.reduce((best, next) =>
      Math.abs(next[1] - 5_000) < Math.abs(best[1] - 5_000) ? next : best,
    );
    const narrow = `family_name ^= "${narrowName}"`;
    const walk: Captured[] = [];
    let token: string | null = null;
    do {
      const next = await page({ userPoolId, limit: LIMIT, filter: narrow, paginationToken: token });
      walk.push(next);
      token = next.page.token;
    } while (token);
    expect(walk.reduce((sum, next) => sum + next.page.users, 0)).toBe(narrowCount);
    scenarios.push({ label: `every page by cursor, ${narrow} (${narrowCount})`, captured: walk });

    // Timed: each request over HTTP and its statements directly, alternately, from the client thread.
    const service = createListUsersService({ db: app.app.db, clock: systemClock });
    const schema = await buildGatewaySchema();
    const principal: AdminPrincipal = { keyId: "bench", poolScope: null };
    const rows: (string | number)[][] = [];
    const breakdown: string[] = [];
    const medians = new Map<(typeof scenarios)[number], { http: number; sql: number }>();
    for (const scenario of scenarios) {
      const tripsBefore = roundTrips();
      const cpuBefore = snapshotCpu();
      const profile = CPU_PROFILE_DIR
        ? path.join(CPU_PROFILE_DIR, `list-users-${scenarios.indexOf(scenario) + 1}.cpuprofile`)
        : null;
      const samples = await profiled(profile, () =>
        client!.run<TimedSample[]>({
          type: "timed",
          requests: scenario.captured.map(({ variables, statements }) => ({ variables, statements })),
          warmEach: !COLD_PAIRS,
        }),
      );
      const gatewayThreadCpuMs = cpuSince(cpuBefore).milliseconds.gatewayThread;
      const tripsAfter = roundTrips();
      const missesPerRequest = samples.reduce((sum, sample) => sum + sample.poolMisses, 0) / samples.length;
      // The same service call without HTTP, GraphQL or the admin key, in this thread.
      const serviceMs: number[] = [];
      const pages: ListUsersResult[] = [];
      const serviceCpuBefore = snapshotCpu();
      for (const { variables } of scenario.captured) {
        const started = performance.now();
        const listed = await service.listUsers(principal, variables.userPoolId, {
          filter: variables.filter,
          limit: variables.limit,
          paginationToken: variables.paginationToken,
        });
        serviceMs.push(performance.now() - started);
        pages.push(listed);
      }
      const serviceCpuMs = cpuSince(serviceCpuBefore).milliseconds.gatewayThread;
      // Only for the GraphQL pages: the floor's and the wire's requests execute no GraphQL.
      const { wire, floorUrl } = scenario.captured[0]!.variables;
      const executionCpuMs =
        wire || floorUrl
          ? null
          : await graphqlExecutionCpuMs(
              schema,
              scenario.captured.map(({ variables }, index) => ({ variables, page: pages[index]! })),
            );
      const http = samples.map((sample) => sample.httpMs);
      const sql = samples.map((sample) => sample.sqlMs);
      medians.set(scenario, { http: percentile(http, 50), sql: percentile(sql, 50) });
      rows.push([
        scenario.label,
        samples.length,
        fixed(percentile(http, 50), 2),
        fixed(percentile(http, 99), 2),
        fixed(percentile(sql, 50), 2),
        fixed(percentile(sql, 99), 2),
        fixed(percentile(http, 50) / percentile(sql, 50), 2),
        fixed(percentile(http, 99) / percentile(sql, 99), 2),
        fixed(
          percentile(
            samples.map((sample) => sample.httpMs - sample.sqlMs),
            50,
          ),
          2,
        ),
        fixed(percentile(serviceMs, 50), 2),
        fixed((tripsAfter.sql - tripsBefore.sql) / samples.length, 1),
        fixed((tripsAfter.redis - tripsBefore.redis) / samples.length, 1),
        fixed(missesPerRequest, 1),
        fixed(gatewayThreadCpuMs / samples.length, 2),
        fixed(serviceCpuMs / scenario.captured.length, 2),
        executionCpuMs === null ? "-" : `${fixed(executionCpuMs.compiled, 2)} / ${fixed(executionCpuMs.graphqlJs, 2)}`,
      ]);
      const byTable = new Map<string, number[]>();
      for (const [index, sample] of samples.entries()) {
        for (const [position, statement] of scenario.captured[index]!.statements.entries()) {
          const label = tablesOf(statement.sql).join("+");
          byTable.set(label, [...(byTable.get(label) ?? []), sample.statementMs[position]!]);
        }
      }
      const httpP50 = percentile(http, 50);
      breakdown.push(
        `${scenario.label}: ${[...byTable].map(([label, times]) => `${label} ${fixed(percentile(times, 50), 3)} ms (${fixed((percentile(times, 50) / httpP50) * 100, 0)}% of HTTP p50${times.length === samples.length ? "" : `, ${fixed(times.length / samples.length, 2)}/page`})`).join("; ")}`,
      );
    }

    log("");
    log(
      `listUsers over HTTP (GraphQL, admin key, limit ${LIMIT}) against the same SQL sent directly (mysql2, one connection with the gateway's settings), one pool of ${USERS} users, MariaDB database ${BENCH_DATABASE}`,
    );
    log(machineLine());
    for (const line of table(
      [
        "page",
        "runs",
        "HTTP p50",
        "HTTP p99",
        "SQL p50",
        "SQL p99",
        "x p50",
        "x p99",
        "HTTP-SQL p50",
        "service p50",
        "SQL/page",
        "Redis/page",
        "pool misses/page",
        "gw CPU ms/page",
        "service CPU ms/page",
        "execution CPU ms/page (jit / graphql-js)",
      ],
      rows,
    ))
      log(line);
    log(
      `(times in ms; x = HTTP / SQL; HTTP-SQL = what the gateway adds to its SQL, per request; service = the core service alone in the gateway's process, no HTTP, GraphQL or admin key; pool misses = InnoDB buffer-pool reads per pair (HTTP and SQL together, server-wide), after each pair's statements were read once untimed${COLD_PAIRS ? " (not here: BENCH_COLD_PAIRS=1)" : ""}; gw CPU = the gateway thread's CPU; service CPU = that thread's CPU for the service alone, the statement's driver work and the rows' mapping included: the rest of gw CPU is HTTP, GraphQL or the wire's JSON, and the admin key; execution CPU = executing the same document over the same page's users, already read, and JSON.stringify of its result, in this thread: compiled by graphql-jit as the gateway runs it from a document's second run on, and on graphql-js as it runs the first; GraphQL's own share, without HTTP or Apollo)`,
    );
    for (const [page, scenario] of [
      ["the first page's", floorScenario],
      ["an exact email's", emailFloorScenario],
    ] as const) {
      const floorMedians = medians.get(scenario)!;
      log(
        `floor: node:http alone answers ${page} bytes in ${fixed(floorMedians.http, 2)} ms p50, beside its SQL's ${fixed(floorMedians.sql, 2)} ms: a server that did nothing but send the statement and these bytes would print x p50 = ${fixed((floorMedians.http + floorMedians.sql) / floorMedians.sql, 2)} on this machine`,
      );
    }
    log("");
    log("each statement sent directly, p50:");
    for (const line of breakdown) log(`  ${line}`);
    log("");
    log("the statements of one page of each kind:");
    for (const scenario of scenarios) {
      log(`  ${scenario.label}:`);
      for (const statement of scenario.captured[scenario.captured.length - 1]!.statements)
        log(`    [${statement.kind}] ${statement.sql}  ${JSON.stringify(statement.values)}`);
    }
    log("");
    for (const [label, captured] of [
      [`plan of the first page of ${broad}`, broadFirstPage[0]!],
      [`plan of the last page of ${narrow}`, walk[walk.length - 1]!],
      ["plan of a deep page without a filter", deepPages[0]!],
    ] as const) {
      log(`${label}:`);
      for (const statement of captured.statements.filter((candidate) => /user_search_entries/.test(candidate.sql))) {
        const [plan] =
          statement.kind === "execute"
            ? await connection.query(`ANALYZE ${statement.sql}`, statement.values)
            : await connection.query(`ANALYZE ${statement.sql}`);
        for (const row of plan as Record<string, unknown>[])
          log(
            `  table=${String(row.table)} type=${String(row.type)} key=${String(row.key)} rows=${String(row.rows)} r_rows=${String(row.r_rows)} extra=${String(row.Extra)}`,
          );
      }
    }
    await connection.end();
  });
});
