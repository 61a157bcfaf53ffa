/**
 * The listUsers benchmark's client, in a worker thread (test/support/ts-worker.ts) so that the gateway's
 * thread does nothing else and its CPU per page can be read. It sends listUsers over HTTP with the admin
 * key, and replays the SQL statements a page sent (captured by the benchmark) on a mysql2 connection of its
 * own with the gateway's connection settings, one request after the other, so both are timed from the
 * same client thread on the same data.
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { createConnection, type Connection, type ConnectionOptions } from "mysql2/promise";
import type { CapturedStatement } from "../support/sql-capture.js";
import { createHttpClient } from "./load-http-client.js";

export interface ListUsersVariables {
  userPoolId: string;
  filter?: string;
  limit: number;
  paginationToken?: string | null;
  /** Over Cognito's wire protocol (POST / ListUsers) instead of GraphQL. */
  wire?: boolean;
  /** The same GraphQL request sent to this bare server instead (floor-server.ts): the per-request floor. */
  floorUrl?: string;
}

export interface PageSummary {
  elapsedMs: number;
  users: number;
  token: string | null;
}

export interface TimedSample {
  httpMs: number;
  /** The request's statements run one after another, as the gateway runs them. */
  sqlMs: number;
  statementMs: number[];
  /** InnoDB buffer-pool reads (pages not in the pool) during the pair, both sides together. */
  poolMisses: number;
}

/** InnoDB's reads into its buffer pool so far, server-wide. */
async function bufferPoolReads(): Promise<number> {
  const [rows] = await mysql!.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'");
  return Number((rows as { Value: string }[])[0]!.Value);
}

export type ListUsersTask =
  | { type: "connect"; url: string; adminKey: string; document: string; mysql: ConnectionOptions }
  | { type: "page"; variables: ListUsersVariables }
  | { type: "timed"; requests: { variables: ListUsersVariables; statements: CapturedStatement[] }[]; warmEach: boolean }
  | { type: "close" };

let http: ReturnType<typeof createHttpClient> | null = null;
const floorClients = new Map<string, ReturnType<typeof createHttpClient>>();
let wireAgent: Agent | null = null;
let baseUrl: URL | null = null;
let mysql: Connection | null = null;
let bearer = "";
let document = "";

/** ListUsers over the AWS JSON 1.1 protocol, with the admin key as a bearer token. */
function postWire(
  variables: ListUsersVariables,
): Promise<{ Users?: unknown[]; PaginationToken?: string; __type?: string }> {
  const body = Buffer.from(
    JSON.stringify({
      UserPoolId: variables.userPoolId,
      Limit: variables.limit,
      Filter: variables.filter,
      PaginationToken: variables.paginationToken ?? undefined,
    }),
  );
  return new Promise((resolve, reject) => {
    const call = request(
      {
        agent: wireAgent!,
        host: baseUrl!.hostname,
        port: baseUrl!.port,
        path: "/",
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AWSCognitoIdentityProviderService.ListUsers",
          "content-length": body.length,
          authorization: `Bearer ${bearer}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve(
            JSON.parse(Buffer.concat(chunks).toString("utf8")) as { Users?: unknown[]; PaginationToken?: string },
          ),
        );
        response.on("error", reject);
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

async function fetchPage(variables: ListUsersVariables): Promise<PageSummary> {
  const started = performance.now();
  if (variables.wire) {
    const answer = await postWire(variables);
    const elapsedMs = performance.now() - started;
    if (!answer.Users) throw new Error(`ListUsers failed: ${JSON.stringify(answer)}`);
    return { elapsedMs, users: answer.Users.length, token: answer.PaginationToken ?? null };
  }
  const { floorUrl, ...sent } = variables;
  let client = http!;
  if (floorUrl) {
    client = floorClients.get(floorUrl) ?? createHttpClient(floorUrl, 1);
    floorClients.set(floorUrl, client);
  }
  const body = await client.post(document, sent as unknown as Record<string, unknown>, bearer);
  const elapsedMs = performance.now() - started;
  const page = body.data?.listUsers as { users: unknown[]; paginationToken: string | null } | undefined;
  if (!page) throw new Error(`listUsers failed: ${JSON.stringify(body.errors ?? body)}`);
  return { elapsedMs, users: page.users.length, token: page.paginationToken };
}

async function runStatements(statements: CapturedStatement[]): Promise<number[]> {
  const times: number[] = [];
  for (const statement of statements) {
    const started = performance.now();
    if (statement.kind === "execute") await mysql!.execute(statement.sql, statement.values as never[]);
    else await mysql!.query(statement.sql);
    times.push(performance.now() - started);
  }
  return times;
}

async function handle(task: ListUsersTask): Promise<unknown> {
  switch (task.type) {
    case "connect":
      http = createHttpClient(task.url, 1);
      wireAgent = new Agent({ keepAlive: true, maxSockets: 1 });
      baseUrl = new URL(task.url);
      bearer = task.adminKey;
      document = task.document;
      mysql = await createConnection(task.mysql);
      return null;
    case "page":
      return fetchPage(task.variables);
    case "timed": {
      const samples: TimedSample[] = [];
      for (const [index, request] of task.requests.entries()) {
        // The page's rows into MariaDB's buffer pool first, untimed: a deep page reads ~60 user rows at random
        // from a table ten times the default pool, so whichever side went first paid the misses and the other
        // found them cached, and each side's p50 fell between a cold and a warm mode.
        if (task.warmEach) await runStatements(request.statements);
        const readsBefore = await bufferPoolReads();
        // Alternate which goes first, so that neither always meets pages the other just read.
        let httpMs = 0;
        let statementMs: number[] = [];
        if (index % 2 === 0) {
          httpMs = (await fetchPage(request.variables)).elapsedMs;
          statementMs = await runStatements(request.statements);
        } else {
          statementMs = await runStatements(request.statements);
          httpMs = (await fetchPage(request.variables)).elapsedMs;
        }
        const poolMisses = (await bufferPoolReads()) - readsBefore;
        samples.push({ httpMs, sqlMs: statementMs.reduce((sum, value) => sum + value, 0), statementMs, poolMisses });
      }
      return samples;
    }
    case "close":
      http?.close();
      for (const client of floorClients.values()) client.close();
      wireAgent?.destroy();
      await mysql?.end();
      return null;
  }
}

parentPort!.on("message", (task: ListUsersTask) => {
  handle(task).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort!.postMessage({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});
