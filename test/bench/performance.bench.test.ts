/**
 * Issue #18's goals in one run, each beside its own reference: `npm run bench:performance`.
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/gw_dev REDIS_URL=redis://127.0.0.1:6379 npm run bench:performance
 * (without the two variables: the embedded SQLite + in-process store). A real gateway in this process
 * (NODE_ENV=production), driven over HTTP by a load generator in a worker thread (test/bench/srp-load.worker.ts),
 * 16 operations in flight:
 *   - RSS: 10,000 SRP sign-ins against the same gateway compiled and run in an OS process of its own
 *     (test/support/child-gateway.ts, on the same database), as deployed: its RSS is the gateway's alone
 *     (not the test harness's, nor the load generator's, nor the TypeScript compiler the SRP worker threads
 *     load when run from source); RSS before and after every quarter, and its main thread's CPU per sign-in.
 *   - SRP sign-in, BENCH_ROUNDS rounds, each followed by the crypto-only bound (the server's SRP step and
 *     two RS256 signatures on one core, as bench:sign-in measures it); the median ratio.
 *   - refresh: REFRESH_TOKEN_AUTH over GraphQL and GetTokensFromRefreshToken on the AWS JSON wire
 *     (the client's default: refresh-token rotation off, so the same tokens serve every call).
 *   - getUser over GraphQL and GetUser on the wire; /oauth2/token client_credentials (confidential
 *     clients with a resource-server scope, cycled: Cognito limits each client to 150/s) and
 *     /oauth2/userInfo (access tokens with openid from the code flow through the login page).
 *   - the floor: a bare node:http server in this process answering getUser's exact JSON, measured the same way.
 * Each phase prints ops/s, p50/p99, the gateway thread's CPU per operation, SQL statements and Redis
 * commands per operation (MariaDB + Redis only) and RSS before/after. Knobs: BENCH_PHASE_SECONDS (5),
 * BENCH_CONCURRENCY (16), BENCH_ROUNDS (3), BENCH_OPERATIONS per sign-in round (1000), BENCH_RSS_SIGN_INS
 * (10000; 0 skips the compile and the process), BENCH_WARM_UP sign-ins of the in-process gateway (2000),
 * BENCH_USERS (200), BENCH_CPU_PROFILE=<path> for a V8 CPU profile of the gateway's thread per
 * phase (<path>.<phase>.cpuprofile; summarise with a .cpuprofile reader), SRP_WORKERS for the gateway,
 * and for the RSS phase's gateway process BENCH_GATEWAY_NODE_FLAGS, its Node and V8 flags (default: npm start's,
 * its heap sizing; "" for Node's own defaults), and BENCH_GATEWAY_ENV ("NAME=value,…") for its environment
 * (e.g. MALLOC_ARENA_MAX=2).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { Session } from "node:inspector/promises";
import { createServer as createNetServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { constants as perfConstants, performance, PerformanceObserver } from "node:perf_hooks";
import { print } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import type { Backend } from "../support/backends.js";
import { startChildGateway, type ChildGateway } from "../support/child-gateway.js";
import { npmStartNodeFlags } from "../support/start-script.js";
import { compileGateway } from "../support/compiled-gateway.js";
import { createPoolWithClient } from "../support/directory.js";
import {
  CreateUserPoolClientDocument,
  GetUserDocument,
  InitiateAuthDocument,
  RespondToAuthChallengeDocument,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { authorizeInBrowser, CALLBACK, createResourceServer, oauthClientSettings } from "../support/oauth.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import {
  CLIENT_PRIVATE_KEY_BYTES,
  measureCryptoBound,
  seedUsers,
  startLoadGenerator,
  type CryptoBound,
  type LoadGenerator,
} from "./bench-gateway.js";
import { startFloorServer } from "./floor-server.js";
import {
  countRoundTrips,
  cpuSince,
  fixed,
  log,
  machineLine,
  percentile,
  snapshotCpu,
  table,
  cpuBudgetLines,
  cpuBudgetOf,
  type CpuBudget,
} from "./bench-stats.js";
import type { LoadDocuments, PhaseRequest, PhaseResult } from "./srp-load.worker.js";

const DATABASE_URL = process.env.DATABASE_URL ?? "";
const REDIS_URL = process.env.REDIS_URL ?? "";
const isExternal = /^(mariadb|mysql):/.test(DATABASE_URL) && REDIS_URL !== "";
const USERS = Number(process.env.BENCH_USERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 5);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const SIGN_IN_OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 1000);
const RSS_SIGN_INS = Number(process.env.BENCH_RSS_SIGN_INS ?? 10_000);
const RSS_CHECKPOINTS = 4;
/** The RSS phase's gateway runs with npm start's Node flags (its heap sizing), unless BENCH_GATEWAY_NODE_FLAGS says otherwise ("" for Node's defaults). */
const RSS_NODE_FLAGS =
  process.env.BENCH_GATEWAY_NODE_FLAGS === undefined
    ? npmStartNodeFlags()
    : process.env.BENCH_GATEWAY_NODE_FLAGS.split(" ").filter(Boolean);
/** The in-process gateway's warm-up: with 1,000 sign-ins the first round still ran ~10% low (bench:sign-in's finding). */
const WARM_UP_SIGN_INS = Number(process.env.BENCH_WARM_UP ?? 2000);
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const SRP_WORKERS = process.env.SRP_WORKERS;
const CRYPTO_BOUND_SECONDS = 3;
/** Unmeasured traffic before each HTTP phase: V8 optimises both sides, caches fill, connections open. */
const WARM_UP_SECONDS = 1;
/** Confidential clients for client_credentials, used in turn: Cognito (and the gateway) allow each 150 requests/s. */
const MACHINE_CLIENTS = 32;
/** Users who sign in on the login page for userInfo's access tokens (each a bcrypt check). */
const OAUTH_USERS = 8;
/** Sign-in tokens kept for the refresh and getUser phases (cycled). */
const KEEP_TOKENS = 400;
const RESOURCE_SERVER = "https://api.bench.example.com";
const MB = 1024 * 1024;

const rssMb = () => process.memoryUsage.rss() / MB;
/** Another process's resident set (Linux /proc), in MB. */
const processRssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
/** CPU ms used so far by a process's main thread (Linux /proc; 100 ticks a second). */
const mainThreadCpuMs = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const profileFile = (phase: string) =>
  CPU_PROFILE!.replace(
    /(\.cpuprofile)?$/,
    `.${phase
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}.cpuprofile`,
  );

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** BENCH_GATEWAY_ENV ("NAME=value,NAME=value") for the RSS phase's gateway process, e.g. MALLOC_ARENA_MAX=2. */
function gatewayEnvironment(setting: string | undefined): Record<string, string> {
  if (!setting) return {};
  return Object.fromEntries(
    setting.split(",").map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new Error(`BENCH_GATEWAY_ENV: "${pair}" is not NAME=value`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1)];
    }),
  );
}

/** Access tokens with openid through the code flow as a browser runs it: /oauth2/authorize, the login form, the code for tokens (PKCE). */
async function codeFlowAccessToken(
  baseUrl: string,
  poolId: string,
  clientId: string,
  user: { username: string; password: string },
): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(`${baseUrl}/${poolId}/oauth2/authorize`);
  for (const [name, value] of Object.entries({
    response_type: "code",
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: "openid email profile",
    state: randomBytes(8).toString("hex"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }))
    authorize.searchParams.set(name, value);
  const { callback } = await authorizeInBrowser(authorize, user);
  const code = callback.searchParams.get("code");
  expect(code, `a code in ${callback.toString()}`).toBeTruthy();
  const answer = await fetch(`${baseUrl}/${poolId}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: clientId,
      code: code!,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    }).toString(),
  });
  const tokens = (await answer.json()) as { access_token?: string };
  expect(answer.status, JSON.stringify(tokens)).toBe(200);
  return tokens.access_token!;
}

interface Measured {
  label: string;
  result: PhaseResult;
  perSecond: number;
  sqlPerOp: number;
  redisPerOp: number;
  /** Of redisPerOp, the commit notes' PUBLISHes. */
  redisPublishesPerOp: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  detail: string;
  /** Where one operation's CPU went, in ms, over the whole machine (cpuBudgetOf). */
  cpuMsPerOp: CpuBudget;
}

describe(`Performance goals of #18 (${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"})`, () => {
  let gateway: TestApp | undefined;
  let load: LoadGenerator<PhaseRequest> | undefined;
  let floor: Server | undefined;
  let profiler: Session | undefined;
  let child: ChildGateway | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "gw-bench-performance-"));
  afterAll(async () => {
    profiler?.disconnect();
    await child?.kill("SIGTERM");
    await load?.close();
    await new Promise((resolve) => (floor ? floor.close(resolve) : resolve(undefined)));
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints every goal beside its reference", async () => {
    const startedAt = performance.now();
    log("");
    log(machineLine());
    const harnessRssMb = rssMb();
    const roundTrips = countRoundTrips();
    // As deployed: NODE_ENV=production for the gateway's config here, and for the libraries through the npm
    // script. PUBLIC_URL is the gateway's own address: the login page's redirects must reach it.
    const port = await freePort();
    const backend: Backend = {
      name: isExternal ? "mariadb+redis" : "embedded",
      env: isExternal ? { DATABASE_URL, REDIS_URL } : {},
    };
    // The second gateway (the RSS phase's, in its own process) reads the same database: the same secrets key, and the same file when embedded.
    const secretsKey = randomBytes(32).toString("base64");
    const app = await getTestApp(backend, {
      dataDir,
      env: {
        NODE_ENV: "production",
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SECRETS_KEY: secretsKey,
        ...(SRP_WORKERS ? { SRP_WORKERS } : {}),
      },
      // The background loops (webhook deliveries, import jobs) poll ~3 statements a second whatever the load;
      // counted per operation they would add ~0.02 SQL to every sign-in. Quiet here, as in bench:list-users.
      overrides: { webhookDispatcher: { pollIntervalMs: 3_600_000 }, userImport: { pollIntervalMs: 3_600_000 } },
    });
    gateway = app;
    const { poolId, clientId } = await createPoolWithClient(app);
    const users = await seedUsers(app, poolId, USERS);
    const documents: LoadDocuments = {
      initiateAuth: print(InitiateAuthDocument),
      respondToAuthChallenge: print(RespondToAuthChallengeDocument),
      getUser: print(GetUserDocument),
    };
    const base = {
      url: app.url,
      documents,
      poolId,
      clientId,
      privateKeyBytes: CLIENT_PRIVATE_KEY_BYTES,
      concurrency: CONCURRENCY,
    };

    // OAuth: a code-flow client for userInfo's tokens, and confidential clients with a resource-server scope.
    const codeClient = expectData(
      await app.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "code", ...oauthClientSettings() },
      }),
    ).createUserPoolClient;
    const [scope] = await createResourceServer(app, poolId, RESOURCE_SERVER, ["read"]);
    const machineClients: { clientId: string; clientSecret: string }[] = [];
    for (let i = 0; i < MACHINE_CLIENTS; i++) {
      const created = expectData(
        await app.gql(CreateUserPoolClientDocument, {
          userPoolId: poolId,
          input: {
            clientName: `machine-${i}`,
            generateSecret: true,
            allowedOAuthFlowsUserPoolClient: true,
            allowedOAuthFlows: ["client_credentials"],
            allowedOAuthScopes: [scope!],
          },
        }),
      ).createUserPoolClient;
      machineClients.push({ clientId: created.clientId, clientSecret: created.clientSecret! });
    }
    const oauthAccessTokens: string[] = [];
    for (const user of users.slice(0, OAUTH_USERS))
      oauthAccessTokens.push(await codeFlowAccessToken(app.baseUrl, poolId, codeClient.clientId, user));
    // A client created with no settings shows the default the sign-in client has too.
    const rotationDefault = expectData(
      await app.gql(CreateUserPoolClientDocument, { userPoolId: poolId, input: { clientName: "defaults" } }),
    ).createUserPoolClient.refreshTokenRotation.feature;

    if (CPU_PROFILE) {
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
    }
    const healthy = (label: string, result: PhaseResult) => {
      expect(result.failures, `${label}: first error ${result.firstError}`).toBe(0);
      expect(result.completed, `${label}: nothing completed`).toBeGreaterThan(0);
    };

    /** One measured phase: its traffic, the gateway thread's CPU and GC, round trips and RSS around it. */
    const measure = async (
      label: string,
      task: PhaseRequest,
      generator: LoadGenerator<PhaseRequest>,
    ): Promise<Measured> => {
      const rssBeforeMb = rssMb();
      const tripsBefore = roundTrips();
      const cpu = snapshotCpu();
      const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
      const gcObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const isMajor =
            (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ===
            perfConstants.NODE_PERFORMANCE_GC_MAJOR;
          gc[isMajor ? "major" : "minor"]++;
          gc[isMajor ? "majorMs" : "minorMs"] += entry.duration;
        }
      });
      gcObserver.observe({ entryTypes: ["gc"] });
      if (profiler) await profiler.post("Profiler.start");
      const result = await generator.run(task);
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        writeFileSync(profileFile(label), JSON.stringify(profile));
      }
      gcObserver.disconnect();
      const used = cpuSince(cpu, {
        "load generator busy": `${fixed((result.loadGeneratorBusy ?? Number.NaN) * 100, 0)}%`,
        "gateway GC": `${gc.minor} minor (${fixed(gc.minorMs, 0)} ms), ${gc.major} major (${fixed(gc.majorMs, 0)} ms)`,
      });
      const trips = roundTrips();
      healthy(label, result);
      const rssAfterMb = rssMb();
      return {
        label,
        result,
        perSecond: result.completed / (result.elapsedMs / 1000),
        sqlPerOp: isExternal ? (trips.sql - tripsBefore.sql) / result.completed : Number.NaN,
        redisPerOp: isExternal ? (trips.redis - tripsBefore.redis) / result.completed : Number.NaN,
        redisPublishesPerOp: isExternal
          ? (trips.redisPublishes - tripsBefore.redisPublishes) / result.completed
          : Number.NaN,
        rssBeforeMb,
        rssAfterMb,
        detail: `${label}: RSS ${fixed(rssBeforeMb, 0)} -> ${fixed(rssAfterMb, 0)} MB; ${used.line}`,
        cpuMsPerOp: cpuBudgetOf(used.milliseconds, result.loadGeneratorCpuMs ?? Number.NaN, result.completed),
      };
    };
    const phases: Measured[] = [];

    // 1. RSS over RSS_SIGN_INS sign-ins, on the gateway compiled and run in a process of its own.
    load = startLoadGenerator();
    /** RSS at the end of each quarter, and its highest sample during the quarter (every 200 ms): V8 collects lazily, so one reading is a point between a floor and a ceiling; a leak lifts the ceiling. */
    const rssCheckpoints: { signIns: number; rssMb: number; peakMb: number }[] = [];
    let rssCpuMsPerSignIn = Number.NaN;
    let rssSeconds = Number.NaN;
    let compileSeconds = Number.NaN;
    if (RSS_SIGN_INS > 0) {
      const compileStarted = performance.now();
      await compileGateway();
      compileSeconds = (performance.now() - compileStarted) / 1000;
      child = await startChildGateway(
        backend,
        {
          NODE_ENV: "production",
          SECRETS_KEY: secretsKey,
          ...(isExternal ? {} : { DATA_DIR: dataDir }),
          ...(SRP_WORKERS ? { SRP_WORKERS } : {}),
          ...gatewayEnvironment(process.env.BENCH_GATEWAY_ENV),
        },
        {},
        RSS_NODE_FLAGS,
      );
      const childPid = child.pid;
      rssCheckpoints.push({ signIns: 0, rssMb: processRssMb(childPid), peakMb: processRssMb(childPid) });
      const cpuBefore = mainThreadCpuMs(childPid);
      const rssStarted = performance.now();
      for (let checkpoint = 1; checkpoint <= RSS_CHECKPOINTS; checkpoint++) {
        const count = Math.round(RSS_SIGN_INS / RSS_CHECKPOINTS);
        let peakMb = 0;
        const sampler = setInterval(() => (peakMb = Math.max(peakMb, processRssMb(childPid))), 200);
        const quarter = await load
          .run({ ...base, url: child.url, phase: "sign-in", users, count, maxSeconds: 600, keepTokens: 0 })
          .finally(() => clearInterval(sampler));
        healthy(`RSS sign-ins ${checkpoint}/${RSS_CHECKPOINTS}`, quarter);
        const endMb = processRssMb(childPid);
        rssCheckpoints.push({
          signIns: rssCheckpoints.at(-1)!.signIns + quarter.completed,
          rssMb: endMb,
          peakMb: Math.max(peakMb, endMb),
        });
      }
      rssSeconds = (performance.now() - rssStarted) / 1000;
      rssCpuMsPerSignIn = (mainThreadCpuMs(childPid) - cpuBefore) / rssCheckpoints.at(-1)!.signIns;
      // Printed now as well as in the table: a run comparing RSS settings can stop here.
      log(
        `RSS phase: ${rssCheckpoints.map((checkpoint) => `${checkpoint.signIns} sign-ins ${fixed(checkpoint.rssMb, 0)} MB (peak ${fixed(checkpoint.peakMb, 0)})`).join("; ")}; ${fixed(rssCheckpoints.at(-1)!.signIns / rssSeconds, 1)} sign-ins/s, main thread ${fixed(rssCpuMsPerSignIn, 2)} ms CPU per sign-in`,
      );
      await child.kill("SIGTERM");
      child = undefined;
    }
    // The in-process gateway's warm-up: its signing keys exist already; V8 optimises both sides.
    healthy(
      "warm-up",
      await load.run({ ...base, phase: "sign-in", users, count: WARM_UP_SIGN_INS, maxSeconds: 120, keepTokens: 0 }),
    );

    // 2. SRP sign-in rounds, each followed by its crypto-only bound (this machine's speed drifts by tens of
    //    percent over a minute: one pair is a sample, the median of the ratios the result).
    // The pause every later round gets too (its crypto bound): MariaDB flushes and purges the warm-up's writes.
    await new Promise((resolve) => setTimeout(resolve, CRYPTO_BOUND_SECONDS * 1000));
    const rounds: { measured: Measured; bound: CryptoBound }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const measured = await measure(
        `SRP sign-in #${round}`,
        {
          ...base,
          phase: "sign-in",
          users,
          count: SIGN_IN_OPERATIONS,
          maxSeconds: PHASE_SECONDS,
          keepTokens: KEEP_TOKENS,
        },
        load,
      );
      phases.push(measured);
      rounds.push({ measured, bound: await measureCryptoBound(CRYPTO_BOUND_SECONDS) });
    }
    const tokens = rounds.flatMap((round) => round.measured.result.tokens).slice(0, KEEP_TOKENS);
    const refreshTokens = tokens.map((pair) => pair.refreshToken);
    const accessTokens = tokens.map((pair) => pair.accessToken);

    // 3. The HTTP phases, each after WARM_UP_SECONDS of the same traffic.
    const timed = (phase: PhaseRequest["phase"], extra: Partial<PhaseRequest> = {}): PhaseRequest => ({
      ...base,
      phase,
      count: Number.POSITIVE_INFINITY,
      maxSeconds: PHASE_SECONDS,
      ...extra,
    });
    const httpPhase = async (label: string, task: PhaseRequest) => {
      healthy(`${label} warm-up`, await load!.run({ ...task, maxSeconds: WARM_UP_SECONDS }));
      const measured = await measure(label, task, load!);
      phases.push(measured);
      return measured;
    };
    const refreshGraphql = await httpPhase("refresh REFRESH_TOKEN_AUTH (GraphQL)", timed("refresh", { refreshTokens }));
    const refreshWire = await httpPhase(
      "refresh GetTokensFromRefreshToken (wire)",
      timed("refresh-wire", { refreshTokens }),
    );
    const getUserGraphql = await httpPhase("getUser (GraphQL)", timed("get-user", { accessTokens }));
    const getUserWire = await httpPhase("GetUser (wire)", timed("get-user-wire", { accessTokens }));
    const clientCredentials = await httpPhase(
      "/oauth2/token client_credentials",
      timed("client-credentials", { machineClients, scope }),
    );
    const userInfo = await httpPhase("/oauth2/userInfo", timed("user-info", { accessTokens: oauthAccessTokens }));
    // The floor answers the very bytes the gateway answered for getUser.
    const getUserBody = await (
      await fetch(app.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${accessTokens[0]}` },
        body: JSON.stringify({ query: documents.getUser, variables: {} }),
      })
    ).text();
    const floorServer = await startFloorServer(getUserBody);
    floor = floorServer.server;
    const floorPhase = await httpPhase(
      "floor: bare node:http, same JSON",
      timed("get-user", { url: floorServer.url, accessTokens }),
    );
    const [loadOneEnd, loadFiveEnd] = loadavg();

    // The goals table.
    const perOp = (value: number) => (Number.isFinite(value) ? fixed(value) : "-");
    const p = (measured: Measured, at: number) => fixed(percentile(measured.result.latenciesMs, at));
    const yes = (met: boolean) => (met ? "yes" : "NO");
    const floorRate = floorPhase.perSecond;
    const ratios = rounds.map((round) => round.measured.perSecond / round.bound.combinedPerSecond);
    const signInRatio = median(ratios);
    const signInMeasures = rounds.map((round) => round.measured);
    const pooled = (list: Measured[], pick: (measured: Measured) => number) =>
      list.reduce((sum, measured) => sum + pick(measured) * measured.result.completed, 0) /
      list.reduce((sum, measured) => sum + measured.result.completed, 0);
    const signInSql = pooled(signInMeasures, (measured) => measured.sqlPerOp);
    const signInRedis = pooled(signInMeasures, (measured) => measured.redisPerOp);
    const signInPublishes = pooled(signInMeasures, (measured) => measured.redisPublishesPerOp);
    // The sign-in's own commands, as sign-in-round-trips.test.ts counts them: the commit notes' PUBLISHes
    // (one per 5 ms window, whatever committed in it) are sent after the commits and awaited by no request.
    const signInOwnRedis = signInRedis - signInPublishes;
    const signInCount = signInMeasures.reduce((sum, measured) => sum + measured.result.completed, 0);
    // Judged to two decimals: a round that ends on time counts the statements of the sign-ins still in flight
    // (one initiate's, 4.0004 per sign-in), and those are not a sign-in's own.
    const toHundredths = (perSignIn: number) => Math.round(perSignIn * 100) / 100;
    const signInAll = {
      ...signInMeasures[0]!,
      result: {
        ...signInMeasures[0]!.result,
        latenciesMs: signInMeasures.flatMap((measured) => measured.result.latenciesMs),
      },
    };
    const signInMet =
      signInRatio >= 0.65 && (!isExternal || (toHundredths(signInSql) <= 4 && toHundredths(signInOwnRedis) <= 3));
    const rssBefore = rssCheckpoints[0]?.rssMb ?? Number.NaN;
    const rssAfter = rssCheckpoints.at(-1)?.rssMb ?? Number.NaN;
    // Flat: the last quarter's ceiling at most max(8 MB, 5%) above the second quarter's (the first still grows the heap and compiles).
    const rssGrowthMb =
      rssCheckpoints.length > 3 ? rssCheckpoints.at(-1)!.peakMb - rssCheckpoints[2]!.peakMb : Number.NaN;
    const rssFlat = Number.isFinite(rssGrowthMb) && rssGrowthMb <= Math.max(8, rssCheckpoints[2]!.peakMb * 0.05);
    const httpRow = (measured: Measured, goal: string, met: boolean) => [
      measured.label,
      fixed(measured.perSecond),
      p(measured, 50),
      p(measured, 99),
      fixed(measured.cpuMsPerOp.gatewayThread, 2),
      perOp(measured.sqlPerOp),
      perOp(measured.redisPerOp),
      `floor ${fixed(floorRate, 0)}/s`,
      fixed(measured.perSecond / floorRate, 2),
      goal,
      yes(met),
    ];
    const rows: (string | number)[][] = [
      [
        `SRP sign-in (median of ${rounds.length})`,
        fixed(median(signInMeasures.map((measured) => measured.perSecond))),
        p(signInAll, 50),
        p(signInAll, 99),
        fixed(
          pooled(signInMeasures, (measured) => measured.cpuMsPerOp.gatewayThread),
          2,
        ),
        perOp(signInSql),
        perOp(signInRedis),
        `crypto ${fixed(median(rounds.map((round) => round.bound.combinedPerSecond)), 0)}/s`,
        fixed(signInRatio, 2),
        "ratio >= 0.65, <= 4 SQL + 3 own Redis",
        yes(signInMet),
      ],
      httpRow(refreshGraphql, ">= 1,000/s", refreshGraphql.perSecond >= 1000),
      httpRow(refreshWire, ">= 1,000/s", refreshWire.perSecond >= 1000),
      httpRow(
        getUserGraphql,
        ">= 2,000/s, p99 < 20 ms",
        getUserGraphql.perSecond >= 2000 && percentile(getUserGraphql.result.latenciesMs, 99) < 20,
      ),
      httpRow(
        getUserWire,
        ">= 2,000/s, p99 < 20 ms",
        getUserWire.perSecond >= 2000 && percentile(getUserWire.result.latenciesMs, 99) < 20,
      ),
      httpRow(clientCredentials, ">= 1,500/s", clientCredentials.perSecond >= 1500),
      httpRow(userInfo, ">= 1,500/s", userInfo.perSecond >= 1500),
      [
        floorPhase.label,
        fixed(floorPhase.perSecond),
        p(floorPhase, 50),
        p(floorPhase, 99),
        fixed(floorPhase.cpuMsPerOp.gatewayThread, 2),
        "-",
        "-",
        "-",
        "1.00",
        "(reference)",
        "-",
      ],
      [
        `RSS after ${rssCheckpoints.at(-1)?.signIns ?? 0} sign-ins (own process)`,
        `${fixed(rssAfter, 0)} MB`,
        "-",
        "-",
        fixed(rssCpuMsPerSignIn, 2),
        "-",
        "-",
        `idle ${fixed(rssBefore, 0)}, peak ${fixed(Math.max(...rssCheckpoints.map((checkpoint) => checkpoint.peakMb)), 0)} MB`,
        fixed(rssAfter / rssBefore, 2),
        "< 160 MB, flat",
        yes(rssAfter < 160 && rssFlat),
      ],
    ];

    log("");
    log(
      `#18 performance goals, ${isExternal ? "MariaDB + Redis" : "embedded SQLite + in-process store"}, ${CONCURRENCY} in flight, ${PHASE_SECONDS} s per phase, NODE_ENV ${app.config.nodeEnv} (libraries: ${process.env.NODE_ENV}), SRP_WORKERS ${app.config.srpWorkers}, BCRYPT_COST ${app.config.bcryptCost}`,
    );
    log(
      `load average ${loadavg()
        .map((value) => fixed(value, 2))
        .join(
          " / ",
        )} at the end (1/5/15 min; ${cpus().length} cores): other work on the machine takes cores from the gateway, and ops/s with it;`,
    );
    log(
      `the gateway thread's CPU per operation and the round trips per operation move much less. Refresh tokens: rotation ${rotationDefault} (the client's default), so REFRESH_TOKEN_AUTH is allowed and tokens are reused.`,
    );
    log("");
    for (const line of table(
      [
        "measure",
        "ops/s",
        "p50 ms",
        "p99 ms",
        "gw CPU ms/op",
        "SQL/op",
        "Redis/op",
        "reference",
        "ratio",
        "goal",
        "met?",
      ],
      rows,
    ))
      log(line);
    log("");
    log("Per phase (RSS of this process before -> after; CPU in % of one core over the phase):");
    for (const measured of phases) log(`  ${measured.detail}`);
    log("");
    // The whole machine's CPU per operation, by who spent it, and the ceiling it sets on 2 cores.
    const signInGoal = 0.65 * median(rounds.map((round) => round.bound.combinedPerSecond));
    const goals = new Map<Measured, number>([
      ...signInMeasures.map((measured) => [measured, signInGoal] as const),
      [refreshGraphql, 1000],
      [refreshWire, 1000],
      [getUserGraphql, 2000],
      [getUserWire, 2000],
      [clientCredentials, 1500],
      [userInfo, 1500],
    ]);
    for (const line of cpuBudgetLines(
      phases.map((measured) => ({ label: measured.label, budget: measured.cpuMsPerOp, goal: goals.get(measured) })),
    ))
      log(line);
    log("");
    log(
      `SRP rounds (sign-ins/s / the crypto bound measured right after): ${rounds.map((round, i) => `${fixed(round.measured.perSecond)}/${fixed(round.bound.combinedPerSecond)} = ${fixed(ratios[i]!, 2)}`).join(", ")}; median ${fixed(signInRatio, 2)}`,
    );
    if (isExternal)
      log(
        `SRP round trips per sign-in (${signInCount} sign-ins: ${Math.round(signInSql * signInCount)} statements, ${Math.round(signInRedis * signInCount)} Redis commands, ${Math.round(signInPublishes * signInCount)} of them PUBLISH): ${fixed(signInSql, 4)} SQL; ${fixed(signInRedis, 3)} Redis commands, of which ${fixed(signInOwnRedis, 4)} are the sign-in's own and ${fixed(signInPublishes, 3)} commit-note PUBLISHes (one per 5 ms window for every commit in it, awaited by no request); the goal counts the sign-in's own, as sign-in-round-trips.test.ts does`,
      );
    const bound = rounds[0]!.bound;
    log(
      `crypto on one core: server SRP step ${fixed(bound.srpPerSecond)}/s, RS256 sign ${fixed(bound.rs256PerSecond)}/s; a sign-in = SRP step + 2 signatures (${fixed(1000 / bound.combinedPerSecond, 2)} ms), a refresh = 2 signatures (${fixed(2000 / bound.rs256PerSecond, 2)} ms),`,
    );
    log(
      `  client_credentials = 1 signature (${fixed(1000 / bound.rs256PerSecond, 2)} ms); getUser, GetUser and userInfo verify one (RS256 verify is ~30x cheaper than a sign).`,
    );
    const threadBound = [
      ["SRP sign-in", pooled(signInMeasures, (measured) => measured.cpuMsPerOp.gatewayThread)] as const,
      ...[refreshGraphql, refreshWire, getUserGraphql, getUserWire, clientCredentials, userInfo, floorPhase].map(
        (measured) => [measured.label, measured.cpuMsPerOp.gatewayThread] as const,
      ),
    ];
    log(
      `gateway thread bound (1000 / its CPU ms per op: the rate if that thread had a core to itself): ${threadBound.map(([label, cpuMs]) => `${label} ${fixed(1000 / cpuMs, 0)}/s`).join("; ")}`,
    );
    log("");
    if (rssCheckpoints.length > 0) {
      log(
        `RSS of the gateway in its own process (compiled, NODE_ENV production, node ${RSS_NODE_FLAGS.join(" ") || "with no flags"}; the load generator in this process; compile ${fixed(compileSeconds, 0)} s):`,
      );
      log(
        `  idle ${fixed(rssCheckpoints[0]!.rssMb, 0)} MB; after ${rssCheckpoints
          .slice(1)
          .map(
            (checkpoint) =>
              `${checkpoint.signIns}: ${fixed(checkpoint.rssMb, 0)} MB (peak during the quarter ${fixed(checkpoint.peakMb, 0)})`,
          )
          .join(", ")}`,
      );
      log(
        `  ${Number.isFinite(rssGrowthMb) ? `the last quarter's peak is ${fixed(rssGrowthMb, 1)} MB above the second's: ${rssFlat ? "flat" : "GROWING"} (flat: at most max(8 MB, 5%))` : "too few checkpoints to tell flat from growing"}; ${fixed(rssCheckpoints.at(-1)!.signIns / rssSeconds, 1)} sign-ins/s, its main thread ${fixed(rssCpuMsPerSignIn, 2)} ms CPU per sign-in`,
      );
    }
    log(
      `This process (gateway run from source + test harness + the load generator's worker thread, ${fixed(floorPhase.result.loadGeneratorHeapMb ?? Number.NaN, 0)} MB of V8 heap): ${fixed(harnessRssMb, 0)} MB before the gateway started, ${fixed(rssMb(), 0)} MB at the end`,
    );
    if (CPU_PROFILE)
      log(
        `CPU profiles of the gateway's thread, one per phase: ${phases.map((measured) => profileFile(measured.label)).join(", ")}`,
      );
    log(
      `run took ${fixed((performance.now() - startedAt) / 1000, 0)} s; load average ${fixed(loadOneEnd!, 2)} / ${fixed(loadFiveEnd!, 2)} before the table`,
    );
  });
});
