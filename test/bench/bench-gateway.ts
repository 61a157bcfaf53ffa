/**
 * What the sign-in and performance benchmarks share: seeding users with real SRP credentials, the load
 * generator in a worker thread, and the crypto-only bound of one sign-in on one core.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Worker } from "node:worker_threads";
import { expect } from "vitest";
import { credentialsFor } from "../../src/core/users/credentials.js";
import { normalizeIdentifier } from "../../src/core/users/identity.js";
import { saveUser } from "../../src/core/users/user-store.js";
import type { User } from "../../src/core/users/user.types.js";
import { createPasswordHasher } from "../../src/infra/crypto/password-hasher.js";
import { signRs256Jwt } from "../../src/infra/crypto/rs256-jwt.js";
import { createSrpServer } from "../../src/infra/crypto/srp-server.js";
import { createVerifier, poolNameOf } from "../../src/infra/crypto/srp.js";
import { formatSrpTimestamp } from "../../src/lib/srp-timestamp.js";
import { createFastSrpClient } from "../support/fast-srp-client.js";
import type { TestApp } from "../support/test-app.js";
import { startTypeScriptWorker } from "../support/ts-worker.js";
import type { PhaseRequest, PhaseResult } from "./srp-load.worker.js";

export const BENCH_PASSWORD = "Bench-Passw0rd!";
/** The load generator's a: 32 bytes like the server's b (the SDKs use 128; the server's work is the same). */
export const CLIENT_PRIVATE_KEY_BYTES = 32;

/** K confirmed users with real credentials, written through core's saveUser (one bcrypt hash shared: SRP does not read it). */
export async function seedUsers(
  gateway: TestApp,
  poolId: string,
  count: number,
): Promise<{ username: string; password: string }[]> {
  const pool = (await gateway.app.db.read((repositories) => repositories.pools.findById(poolId)))!;
  const hasher = createPasswordHasher({
    secretsKey: gateway.config.secretsKey!,
    bcryptCost: gateway.config.bcryptCost,
  });
  const passwordHash = await hasher.hash(BENCH_PASSWORD);
  const now = new Date();
  const users: User[] = Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const username = `bench-user-${i}`;
    return {
      id,
      poolId,
      username,
      usernameNormalized: normalizeIdentifier(pool, "username", username),
      status: "CONFIRMED",
      enabled: true,
      attributes: { sub: id, email: `${username}@example.com`, email_verified: "true" },
      credentials: credentialsFor(hasher, pool, username, BENCH_PASSWORD, passwordHash),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let start = 0; start < users.length; start += 50) {
    await gateway.app.db.transaction(async (repositories) => {
      for (const user of users.slice(start, start + 50)) await saveUser(repositories, pool, user, { isNew: true });
    });
  }
  return users.map((user) => ({ username: user.username, password: BENCH_PASSWORD }));
}

export interface LoadGenerator<TTask> {
  /** The worker thread: its event loop utilisation is readable from here. */
  worker: Worker;
  /** Runs one task; tasks queue, one at a time. */
  run<TResult = PhaseResult>(task: TTask): Promise<TResult>;
  close(): Promise<void>;
}

/** A load generator running `file` (a test/bench/*.worker.ts module) in a worker thread: its own event loop, free to use the other core. */
export function startLoadGenerator<TTask = PhaseRequest>(file = "srp-load.worker.ts"): LoadGenerator<TTask> {
  const worker = startTypeScriptWorker(path.join(__dirname, file));
  worker.unref();
  let queue = Promise.resolve<unknown>(undefined);
  return {
    worker,
    run<TResult>(task: TTask) {
      const next = queue.then(
        () =>
          new Promise<TResult>((resolve, reject) => {
            const failed = (error: Error) => reject(error);
            worker.once("error", failed);
            worker.once("message", (reply: { ok: boolean; result?: TResult; error?: string }) => {
              worker.off("error", failed);
              if (reply.ok) resolve(reply.result!);
              else reject(new Error(reply.error));
            });
            worker.postMessage(task);
          }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => void (await worker.terminate()),
  };
}

export interface CryptoBound {
  /** Sign-ins per second: the server's SRP step plus two RS256 signatures, one after another on one core. */
  combinedPerSecond: number;
  srpPerSecond: number;
  rs256PerSecond: number;
}

/**
 * The server's cryptography for one sign-in, in this thread, one after another: startChallenge (g^b)
 * and expectedSignature (v^u, (A·v^u)^b, HKDF, HMAC) for a real verifier, then an ID and an access
 * token signed with RS256-2048 as the token signer does.
 */
export async function measureCryptoBound(seconds: number): Promise<CryptoBound> {
  const srp = createSrpServer();
  const poolId = "local_CryptoBound";
  const username = "bench-user-0";
  const { saltHex, verifierHex } = createVerifier(poolId, username, BENCH_PASSWORD);
  const client = createFastSrpClient(poolId, { privateKeyBytes: CLIENT_PRIVATE_KEY_BYTES });
  const secretBlock = Buffer.alloc(48, 7).toString("base64");
  const timestamp = formatSrpTimestamp(new Date());
  const keys = [0, 1].map(() => generateKeyPairSync("rsa", { modulusLength: 2048 }));
  const claims = {
    sub: randomUUID(),
    event_id: randomUUID(),
    token_use: "access",
    scope: "aws.cognito.signin.user.admin",
    auth_time: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    client_id: "abcdefghijklmnopqrstuvwxyz",
    username,
    email: `${username}@example.com`,
    email_verified: true,
    version: 2,
  };
  // As the token signer signs (jose-token-signer.ts): node:crypto's asynchronous sign, iss/iat/exp last.
  const sign = (key: KeyObject) => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    return signRs256Jwt(
      { kid: "k".repeat(32), alg: "RS256" },
      { ...claims, iss: `http://127.0.0.1/${poolId}`, iat: nowSeconds, exp: nowSeconds + 3600 },
      key,
    );
  };
  const srpStep = () => {
    const { bHex, bigBHex } = srp.startChallenge(verifierHex);
    return {
      bHex,
      bigBHex,
      signature: srp.expectedSignature({
        name: poolNameOf(poolId),
        userId: username,
        verifierHex,
        saltHex,
        aHex: client.srpA,
        bHex,
        bigBHex,
        secretBlockBase64: secretBlock,
        timestamp,
      }),
    };
  };
  // The work must be the real thing: the client's proof for this exchange has to match.
  const check = srpStep();
  expect(
    client.answer(
      { SALT: saltHex, SRP_B: check.bigBHex, SECRET_BLOCK: secretBlock, USER_ID_FOR_SRP: username },
      BENCH_PASSWORD,
      timestamp,
    ).PASSWORD_CLAIM_SIGNATURE,
  ).toBe(check.signature);

  const rate = async (work: () => unknown, forSeconds: number) => {
    for (let i = 0; i < 20; i++) await work();
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < forSeconds * 1000) {
      await work();
      count++;
    }
    return count / ((performance.now() - started) / 1000);
  };
  const srpPerSecond = await rate(srpStep, 1);
  const rs256PerSecond = await rate(() => sign(keys[0].privateKey), 1);
  const combinedPerSecond = await rate(async () => {
    srpStep();
    await sign(keys[0].privateKey);
    await sign(keys[1].privateKey);
  }, seconds);
  return { srpPerSecond, rs256PerSecond, combinedPerSecond };
}
