/**
 * The sign-in benchmark's load generator for USER_AUTH (EMAIL_OTP and WEB_AUTHN), run in a worker thread
 * as srp-load.worker.ts is. It also receives the gateway's message webhook (MESSAGE_WEBHOOK_URL), so the
 * one-time codes reach the "user" the way a deployment delivers them, and it holds the software
 * authenticators (test/support/software-authenticator.ts) its users' passkeys live in.
 */
import { createServer, type Server } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import {
  createSoftwareAuthenticator,
  type CreationOptions,
  type RequestOptions,
  type SoftwareAuthenticator,
} from "../support/software-authenticator.js";
import { createHttpClient, type GraphqlBody } from "./load-http-client.js";
import type { PhaseResult } from "./srp-load.worker.js";

export interface UserAuthDocuments {
  initiateAuth: string;
  respondToAuthChallenge: string;
  startWebAuthnRegistration: string;
  completeWebAuthnRegistration: string;
}

export type UserAuthTask =
  | { kind: "receiver" }
  | {
      kind: "register-passkeys";
      url: string;
      documents: UserAuthDocuments;
      clientId: string;
      users: { username: string; password: string }[];
      origin: string;
      concurrency: number;
    }
  | {
      kind: "phase";
      phase: "email-otp" | "web-authn";
      url: string;
      documents: UserAuthDocuments;
      clientId: string;
      users: { username: string; email: string }[];
      origin: string;
      count: number;
      concurrency: number;
      maxSeconds: number;
    };

function fieldOf(body: GraphqlBody, field: string): Record<string, unknown> {
  if (body.errors?.length)
    throw new Error(`${field}: ${body.errors[0]!.extensions?.code ?? ""} ${body.errors[0]!.message}`);
  const value = body.data?.[field];
  if (!value || typeof value !== "object") throw new Error(`${field}: no data`);
  return value;
}

/** The newest 8-digit code per destination, as the message webhook delivered it. */
const latestCodes = new Map<string, string>();
let receiver: Server | null = null;

function startReceiver(): Promise<{ url: string }> {
  receiver = createServer((incoming, answer) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      try {
        const message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { destination: string; body: string };
        const code = /\b(\d{8})\b/.exec(message.body)?.[1];
        if (code) latestCodes.set(message.destination, code);
      } catch {
        // Not a message: nothing to remember.
      }
      answer.writeHead(204).end();
    });
  });
  receiver.keepAliveTimeout = 65_000;
  return new Promise((resolve) =>
    receiver!.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(receiver!.address() as { port: number }).port}/messages` }),
    ),
  );
}

/** Each user's passkey, by username: registered once, then used by every WEB_AUTHN sign-in. */
const authenticators = new Map<string, SoftwareAuthenticator>();

async function registerPasskeys(
  task: Extract<UserAuthTask, { kind: "register-passkeys" }>,
): Promise<{ registered: number }> {
  const http = createHttpClient(task.url, task.concurrency);
  let next = 0;
  const lane = async () => {
    while (next < task.users.length) {
      const user = task.users[next++]!;
      const tokens = fieldOf(
        await http.post(task.documents.initiateAuth, {
          input: {
            authFlow: "USER_AUTH",
            clientId: task.clientId,
            authParameters: { USERNAME: user.username, PREFERRED_CHALLENGE: "PASSWORD", PASSWORD: user.password },
          },
        }),
        "initiateAuth",
      );
      const accessToken = tokens.accessToken as string;
      const started = await http.post(task.documents.startWebAuthnRegistration, {}, accessToken);
      if (started.errors?.length) throw new Error(`startWebAuthnRegistration: ${started.errors[0]!.message}`);
      const options = started.data!.startWebAuthnRegistration as unknown as CreationOptions;
      const authenticator = createSoftwareAuthenticator();
      const completed = await http.post(
        task.documents.completeWebAuthnRegistration,
        { credential: authenticator.register(options, { origin: task.origin }) },
        accessToken,
      );
      if (completed.errors?.length) throw new Error(`completeWebAuthnRegistration: ${completed.errors[0]!.message}`);
      authenticators.set(user.username, authenticator);
    }
  };
  await Promise.all(Array.from({ length: task.concurrency }, lane));
  http.close();
  return { registered: authenticators.size };
}

async function runPhase(task: Extract<UserAuthTask, { kind: "phase" }>): Promise<PhaseResult> {
  const http = createHttpClient(task.url, task.concurrency);
  const { documents, clientId } = task;
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
  const expectTokens = (tokens: Record<string, unknown>) => {
    if (typeof tokens.accessToken !== "string" || typeof tokens.refreshToken !== "string")
      throw new Error(`expected tokens, got ${JSON.stringify(tokens)}`);
  };
  type PhaseUser = (typeof task.users)[number];
  const operations = {
    "email-otp": async (user: PhaseUser) => {
      const challenge = fieldOf(
        await http.post(documents.initiateAuth, {
          input: {
            authFlow: "USER_AUTH",
            clientId,
            authParameters: { USERNAME: user.username, PREFERRED_CHALLENGE: "EMAIL_OTP" },
          },
        }),
        "initiateAuth",
      );
      if (challenge.challengeName !== "EMAIL_OTP")
        throw new Error(`expected EMAIL_OTP, got ${JSON.stringify(challenge)}`);
      // The webhook was answered before the gateway answered initiateAuth: the code is here.
      const code = latestCodes.get(user.email);
      if (!code) throw new Error(`no code delivered to ${user.email}`);
      const challengeResponses = { USERNAME: user.username, EMAIL_OTP_CODE: code };
      expectTokens(
        fieldOf(
          await http.post(documents.respondToAuthChallenge, {
            input: { challengeName: "EMAIL_OTP", clientId, session: challenge.session, challengeResponses },
          }),
          "respondToAuthChallenge",
        ),
      );
    },
    "web-authn": async (user: PhaseUser) => {
      const authenticator = authenticators.get(user.username);
      if (!authenticator) throw new Error(`no passkey for ${user.username}`);
      const challenge = fieldOf(
        await http.post(documents.initiateAuth, {
          input: {
            authFlow: "USER_AUTH",
            clientId,
            authParameters: { USERNAME: user.username, PREFERRED_CHALLENGE: "WEB_AUTHN" },
          },
        }),
        "initiateAuth",
      );
      if (challenge.challengeName !== "WEB_AUTHN")
        throw new Error(`expected WEB_AUTHN, got ${JSON.stringify(challenge)}`);
      const cryptoStarted = performance.now();
      const options = JSON.parse(
        (challenge.challengeParameters as Record<string, string>).CREDENTIAL_REQUEST_OPTIONS!,
      ) as RequestOptions;
      const credential = JSON.stringify(authenticator.assert(options, { origin: task.origin }));
      result.clientCryptoMs += performance.now() - cryptoStarted;
      const challengeResponses = { USERNAME: user.username, CREDENTIAL: credential };
      expectTokens(
        fieldOf(
          await http.post(documents.respondToAuthChallenge, {
            input: { challengeName: "WEB_AUTHN", clientId, session: challenge.session, challengeResponses },
          }),
          "respondToAuthChallenge",
        ),
      );
    },
  };
  const operation = operations[task.phase];
  let next = 0;
  const started = performance.now();
  const deadline = started + task.maxSeconds * 1000;
  // Each lane signs in its own users, so no user has two sign-ins in flight: two parallel passkey
  // sign-ins of one user race on its signature counter (the gateway refuses the one that lost, as it
  // must), and two email codes for one address overwrite each other in the receiver.
  const lanes = Math.min(task.concurrency, task.users.length);
  async function lane(laneIndex: number): Promise<void> {
    const own = task.users.filter((_, i) => i % lanes === laneIndex);
    for (let turn = 0; next < task.count && performance.now() < deadline; turn++) {
      next++;
      const operationStarted = performance.now();
      try {
        await operation(own[turn % own.length]!);
        result.latenciesMs.push(performance.now() - operationStarted);
        result.completed++;
      } catch (error) {
        result.failures++;
        result.firstError ??= (error as Error).message.slice(0, 500);
      }
    }
  }
  await Promise.all(Array.from({ length: lanes }, (_, laneIndex) => lane(laneIndex)));
  result.elapsedMs = performance.now() - started;
  result.lanes = lanes;
  http.close();
  return result;
}

parentPort!.on("message", (task: UserAuthTask) => {
  const work: Promise<unknown> =
    task.kind === "receiver"
      ? startReceiver()
      : task.kind === "register-passkeys"
        ? registerPasskeys(task)
        : runPhase(task);
  work.then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: Error) => parentPort!.postMessage({ ok: false, error: error.stack ?? error.message }),
  );
});
