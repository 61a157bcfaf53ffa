/**
 * The sign-in and performance benchmarks' load generator, run in a worker thread (test/support/ts-worker.ts)
 * so its SRP math and HTTP client do not share the gateway's event loop. Each message runs one phase and
 * answers with per-operation latencies; nothing here reads the gateway's internals.
 */
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { createFastSrpClient, drawSrpEphemeral } from "../support/fast-srp-client.js";
import { readSchedstat } from "./bench-stats.js";
import { createHttpClient, type GraphqlBody } from "./load-http-client.js";

export interface LoadDocuments {
  initiateAuth: string;
  respondToAuthChallenge: string;
  getUser: string | null;
}

export type LoadPhase =
  | "sign-in"
  | "refresh"
  | "get-user"
  /** GetTokensFromRefreshToken on the AWS JSON wire (POST / with X-Amz-Target). */
  | "refresh-wire"
  /** GetUser on the AWS JSON wire. */
  | "get-user-wire"
  /** POST /<poolId>/oauth2/token, grant_type=client_credentials, Basic authentication, cycling through `machineClients`. */
  | "client-credentials"
  /** GET /<poolId>/oauth2/userInfo with `accessTokens` (tokens of the code flow, with openid). */
  | "user-info";

export interface PhaseRequest {
  phase: LoadPhase;
  /** The GraphQL endpoint; the other phases use its host. */
  url: string;
  documents: LoadDocuments;
  poolId: string;
  clientId: string;
  /** Operations to run, cycling through users or tokens (Infinity: until maxSeconds). */
  count: number;
  concurrency: number;
  /** Stop starting new operations after this long. */
  maxSeconds: number;
  privateKeyBytes: number;
  users?: { username: string; password: string }[];
  refreshTokens?: string[];
  accessTokens?: string[];
  /** Sign-in phases: keep at most this many token pairs for the answer (default: all). */
  keepTokens?: number;
  /** AWS_JSON_PATH of the wire phases (default "/"). */
  wirePath?: string;
  machineClients?: { clientId: string; clientSecret: string }[];
  /** The client_credentials scope parameter. */
  scope?: string;
}

export interface PhaseResult {
  completed: number;
  failures: number;
  firstError: string | null;
  elapsedMs: number;
  latenciesMs: number[];
  /** Client-side SRP time in the timed window (the claims) summed over completed sign-ins. */
  clientCryptoMs: number;
  /** Time spent before the timed window drawing the clients' ephemeral keys (a, A). */
  ephemeralKeysMs: number;
  tokens: { accessToken: string; refreshToken: string }[];
  /** Operations in flight, when fewer than the task's concurrency (one lane per user). */
  lanes?: number;
  /** The load generator's own event loop during the phase: share of wall time not idle (0..1). */
  loadGeneratorBusy?: number;
  /** CPU the load generator's own thread used during the phase, in ms (Linux schedstat; NaN elsewhere). */
  loadGeneratorCpuMs?: number;
  /** The load generator's V8 heap (its isolate's total and external memory) at the end of the phase, in MB. */
  loadGeneratorHeapMb?: number;
}

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
const MB = 1024 * 1024;

/** Nanoseconds this thread has been on a core (Linux); NaN where /proc is absent. */
const threadCpuNs = (): number => readSchedstat("/proc/thread-self/schedstat")?.runNs ?? Number.NaN;

function fieldOf(body: GraphqlBody, field: string): Record<string, unknown> {
  const value = body.data?.[field];
  if (body.errors?.length || !value) throw new Error(`${field}: ${JSON.stringify(body.errors ?? body.data)}`);
  return value;
}

function jsonOf(answer: { status: number; text: string }, what: string): Record<string, unknown> {
  if (answer.status !== 200) throw new Error(`${what}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

async function runPhase(task: PhaseRequest): Promise<PhaseResult> {
  const http = createHttpClient(task.url, task.concurrency);
  const { documents, clientId, poolId } = task;
  const gxCache = new Map<string, bigint>();
  const result: PhaseResult = {
    completed: 0,
    failures: 0,
    firstError: null,
    elapsedMs: 0,
    latenciesMs: [],
    clientCryptoMs: 0,
    ephemeralKeysMs: 0,
    tokens: [],
  };
  const keepTokens = task.keepTokens ?? Number.POSITIVE_INFINITY;
  // The clients' (a, A) pairs, drawn before the clock starts: on real devices that work is spread over
  // many machines, and here it would only take a core away from the gateway being measured. A phase
  // bounded by time alone draws a fresh pair per sign-in inside the window (counted as client crypto).
  const drawStarted = performance.now();
  const ephemerals =
    task.phase === "sign-in" && Number.isFinite(task.count)
      ? Array.from({ length: task.count }, () => drawSrpEphemeral(task.privateKeyBytes))
      : [];
  result.ephemeralKeysMs = performance.now() - drawStarted;
  const wirePath = task.wirePath ?? "/";
  const wire = (action: string, input: Record<string, unknown>) =>
    http
      .send(
        "POST",
        wirePath,
        { "content-type": "application/x-amz-json-1.1", "x-amz-target": `${TARGET_PREFIX}${action}` },
        JSON.stringify(input),
      )
      .then((answer) => jsonOf(answer, action));
  const basic = (client: { clientId: string; clientSecret: string }) =>
    `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64")}`;
  const tokenForm = new URLSearchParams({
    grant_type: "client_credentials",
    ...(task.scope ? { scope: task.scope } : {}),
  }).toString();
  const cycle = <T>(list: T[] | undefined, index: number): T => list![index % list!.length]!;

  const operations: Record<LoadPhase, (index: number) => Promise<void>> = {
    "sign-in": async (index) => {
      const user = cycle(task.users, index);
      const drawn =
        ephemerals[index] ??
        (() => {
          const started = performance.now();
          const pair = drawSrpEphemeral(task.privateKeyBytes);
          result.clientCryptoMs += performance.now() - started;
          return pair;
        })();
      const client = createFastSrpClient(poolId, { ...drawn, gxCache });
      const challenge = fieldOf(
        await http.post(documents.initiateAuth, {
          input: {
            authFlow: "USER_SRP_AUTH",
            clientId,
            authParameters: { USERNAME: user.username, SRP_A: client.srpA },
          },
        }),
        "initiateAuth",
      );
      if (challenge.challengeName !== "PASSWORD_VERIFIER")
        throw new Error(`expected PASSWORD_VERIFIER, got ${JSON.stringify(challenge)}`);
      const cryptoStarted = performance.now();
      const challengeResponses = client.answer(challenge.challengeParameters as Record<string, string>, user.password);
      result.clientCryptoMs += performance.now() - cryptoStarted;
      const tokens = fieldOf(
        await http.post(documents.respondToAuthChallenge, {
          input: { challengeName: "PASSWORD_VERIFIER", clientId, session: challenge.session, challengeResponses },
        }),
        "respondToAuthChallenge",
      );
      if (typeof tokens.accessToken !== "string" || typeof tokens.refreshToken !== "string")
        throw new Error(`expected tokens, got ${JSON.stringify(tokens)}`);
      if (result.tokens.length < keepTokens)
        result.tokens.push({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    },
    refresh: async (index) => {
      const tokens = fieldOf(
        await http.post(documents.initiateAuth, {
          input: {
            authFlow: "REFRESH_TOKEN_AUTH",
            clientId,
            authParameters: { REFRESH_TOKEN: cycle(task.refreshTokens, index) },
          },
        }),
        "initiateAuth",
      );
      if (typeof tokens.accessToken !== "string") throw new Error(`expected tokens, got ${JSON.stringify(tokens)}`);
    },
    "get-user": async (index) => {
      fieldOf(await http.post(documents.getUser!, {}, cycle(task.accessTokens, index)), "getUser");
    },
    "refresh-wire": async (index) => {
      const answer = await wire("GetTokensFromRefreshToken", {
        ClientId: clientId,
        RefreshToken: cycle(task.refreshTokens, index),
      });
      const issued = answer.AuthenticationResult as Record<string, unknown> | undefined;
      if (typeof issued?.AccessToken !== "string")
        throw new Error(`expected tokens, got ${JSON.stringify(answer).slice(0, 300)}`);
    },
    "get-user-wire": async (index) => {
      const answer = await wire("GetUser", { AccessToken: cycle(task.accessTokens, index) });
      if (typeof answer.Username !== "string")
        throw new Error(`expected a user, got ${JSON.stringify(answer).slice(0, 300)}`);
    },
    "client-credentials": async (index) => {
      const client = cycle(task.machineClients, index);
      const answer = jsonOf(
        await http.send(
          "POST",
          `/${poolId}/oauth2/token`,
          { "content-type": "application/x-www-form-urlencoded", authorization: basic(client) },
          tokenForm,
        ),
        "/oauth2/token",
      );
      if (typeof answer.access_token !== "string")
        throw new Error(`expected an access token, got ${JSON.stringify(answer).slice(0, 300)}`);
    },
    "user-info": async (index) => {
      const answer = jsonOf(
        await http.send("GET", `/${poolId}/oauth2/userInfo`, {
          authorization: `Bearer ${cycle(task.accessTokens, index)}`,
        }),
        "/oauth2/userInfo",
      );
      if (typeof answer.sub !== "string")
        throw new Error(`expected claims, got ${JSON.stringify(answer).slice(0, 300)}`);
    },
  };
  const operation = operations[task.phase];

  let next = 0;
  const elu = performance.eventLoopUtilization();
  const cpuStartedNs = threadCpuNs();
  const started = performance.now();
  const deadline = started + task.maxSeconds * 1000;
  async function lane(): Promise<void> {
    while (next < task.count && performance.now() < deadline) {
      const index = next++;
      const operationStarted = performance.now();
      try {
        await operation(index);
        result.latenciesMs.push(performance.now() - operationStarted);
        result.completed++;
      } catch (error) {
        result.failures++;
        result.firstError ??= (error as Error).message.slice(0, 500);
      }
    }
  }
  await Promise.all(Array.from({ length: task.concurrency }, lane));
  result.elapsedMs = performance.now() - started;
  result.loadGeneratorBusy = performance.eventLoopUtilization(elu).utilization;
  result.loadGeneratorCpuMs = (threadCpuNs() - cpuStartedNs) / 1e6;
  const heap = getHeapStatistics();
  result.loadGeneratorHeapMb = (heap.total_heap_size + heap.external_memory) / MB;
  http.close();
  return result;
}

parentPort!.on("message", (task: PhaseRequest) => {
  runPhase(task).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: Error) => parentPort!.postMessage({ ok: false, error: error.stack ?? error.message }),
  );
});
