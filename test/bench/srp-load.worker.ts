/**
 * The sign-in benchmark's load generator, run in a worker thread (test/support/ts-worker.ts) so its
 * SRP math and HTTP client do not share the gateway's event loop. Each message runs one phase and
 * answers with per-operation latencies; nothing here reads the gateway's internals.
 */
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { createFastSrpClient, drawSrpEphemeral } from "../support/fast-srp-client.js";
import { createHttpClient, type GraphqlBody } from "./load-http-client.js";

export interface LoadDocuments {
  initiateAuth: string;
  respondToAuthChallenge: string;
  getUser: string | null;
}

export interface PhaseRequest {
  phase: "sign-in" | "refresh" | "get-user";
  url: string;
  documents: LoadDocuments;
  poolId: string;
  clientId: string;
  /** Operations to run, cycling through users or tokens. */
  count: number;
  concurrency: number;
  /** Stop starting new operations after this long. */
  maxSeconds: number;
  privateKeyBytes: number;
  users?: { username: string; password: string }[];
  refreshTokens?: string[];
  accessTokens?: string[];
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
}

function fieldOf(body: GraphqlBody, field: string): Record<string, unknown> {
  const value = body.data?.[field];
  if (body.errors?.length || !value) throw new Error(`${field}: ${JSON.stringify(body.errors ?? body.data)}`);
  return value;
}

async function runPhase(task: PhaseRequest): Promise<PhaseResult> {
  const http = createHttpClient(task.url, task.concurrency);
  const { documents, clientId, poolId } = task;
  const gxCache = new Map<string, bigint>();
  const result: PhaseResult = { completed: 0, failures: 0, firstError: null, elapsedMs: 0, latenciesMs: [], clientCryptoMs: 0, ephemeralKeysMs: 0, tokens: [] };
  // The clients' (a, A) pairs, drawn before the clock starts: on real devices that work is spread over
  // many machines, and here it would only take a core away from the gateway being measured.
  const drawStarted = performance.now();
  const ephemerals = task.phase === "sign-in" ? Array.from({ length: task.count }, () => drawSrpEphemeral(task.privateKeyBytes)) : [];
  result.ephemeralKeysMs = performance.now() - drawStarted;

  const operations: Record<PhaseRequest["phase"], (index: number) => Promise<void>> = {
    "sign-in": async (index) => {
      const user = task.users![index % task.users!.length]!;
      const client = createFastSrpClient(poolId, { ...ephemerals[index]!, gxCache });
      const challenge = fieldOf(
        await http.post(documents.initiateAuth, { input: { authFlow: "USER_SRP_AUTH", clientId, authParameters: { USERNAME: user.username, SRP_A: client.srpA } } }),
        "initiateAuth",
      );
      if (challenge.challengeName !== "PASSWORD_VERIFIER") throw new Error(`expected PASSWORD_VERIFIER, got ${JSON.stringify(challenge)}`);
      const cryptoStarted = performance.now();
      const challengeResponses = client.answer(challenge.challengeParameters as Record<string, string>, user.password);
      result.clientCryptoMs += performance.now() - cryptoStarted;
      const tokens = fieldOf(
        await http.post(documents.respondToAuthChallenge, { input: { challengeName: "PASSWORD_VERIFIER", clientId, session: challenge.session, challengeResponses } }),
        "respondToAuthChallenge",
      );
      if (typeof tokens.accessToken !== "string" || typeof tokens.refreshToken !== "string") throw new Error(`expected tokens, got ${JSON.stringify(tokens)}`);
      result.tokens.push({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    },
    refresh: async (index) => {
      const refreshToken = task.refreshTokens![index % task.refreshTokens!.length]!;
      const tokens = fieldOf(
        await http.post(documents.initiateAuth, { input: { authFlow: "REFRESH_TOKEN_AUTH", clientId, authParameters: { REFRESH_TOKEN: refreshToken } } }),
        "initiateAuth",
      );
      if (typeof tokens.accessToken !== "string") throw new Error(`expected tokens, got ${JSON.stringify(tokens)}`);
    },
    "get-user": async (index) => {
      const accessToken = task.accessTokens![index % task.accessTokens!.length]!;
      fieldOf(await http.post(documents.getUser!, {}, accessToken), "getUser");
    },
  };
  const operation = operations[task.phase];

  let next = 0;
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
  http.close();
  return result;
}

parentPort!.on("message", (task: PhaseRequest) => {
  runPhase(task).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: Error) => parentPort!.postMessage({ ok: false, error: error.stack ?? error.message }),
  );
});
