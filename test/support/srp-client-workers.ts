import { availableParallelism } from "node:os";
import { WorkerRpc } from "./worker-rpc.js";

/**
 * The client half of SRP (the unmodified amazon-cognito-identity-js AuthenticationHelper, exactly as
 * cognito-srp-client.ts drives it) in worker threads, for tests that sign in hundreds of users: jsbn
 * spends ~0.3–0.5 s of CPU per sign-in, which on the test thread would also starve the gateway.
 * Plain CommonJS because workers do not go through vitest's TypeScript transform.
 */
const WORKER_SOURCE = `
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const fromPackage = createRequire(workerData.packageEntry);
const { AuthenticationHelper, DateHelper } = fromPackage("amazon-cognito-identity-js");
const BigInteger = fromPackage("amazon-cognito-identity-js/lib/BigInteger").default;
const { Sha256 } = fromPackage("@aws-crypto/sha256-js");
const helpers = new Map();

parentPort.on("message", (request) => {
  try {
    if (request.op === "start") {
      const helper = new AuthenticationHelper(request.poolName);
      helpers.set(request.id, { helper, poolName: request.poolName });
      helper.getLargeAValue((err, largeA) => {
        if (err) throw err;
        parentPort.postMessage({ id: request.id, srpA: largeA.toString(16) });
      });
      return;
    }
    const { helper, poolName } = helpers.get(request.id);
    helpers.delete(request.id);
    const { challenge, password } = request;
    let key;
    helper.getPasswordAuthenticationKey(challenge.USER_ID_FOR_SRP, password, new BigInteger(challenge.SRP_B, 16), new BigInteger(challenge.SALT, 16), (err, hkdf) => {
      if (err) throw err;
      key = hkdf;
    });
    const timestamp = request.timestamp || new DateHelper().getNowString();
    const hash = new Sha256(key);
    hash.update(Buffer.concat([Buffer.from(poolName, "utf8"), Buffer.from(challenge.USER_ID_FOR_SRP, "utf8"), Buffer.from(challenge.SECRET_BLOCK, "base64"), Buffer.from(timestamp, "utf8")]));
    parentPort.postMessage({
      id: request.id,
      responses: {
        USERNAME: challenge.USER_ID_FOR_SRP,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
        PASSWORD_CLAIM_SIGNATURE: Buffer.from(hash.digestSync()).toString("base64"),
        TIMESTAMP: timestamp,
      },
    });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String((error && error.stack) || error) });
  }
});
`;

export interface PasswordVerifierResponses {
  USERNAME: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  PASSWORD_CLAIM_SIGNATURE: string;
  TIMESTAMP: string;
}

type ChallengeParameters = {
  SALT?: string | null;
  SRP_B?: string | null;
  SECRET_BLOCK?: string | null;
  USER_ID_FOR_SRP?: string | null;
};

/** One sign-in's client: its helper (and so its private a) lives in one worker for both steps. */
export interface WorkerSrpClient {
  srpA: string;
  answer(challenge: ChallengeParameters, password: string, timestamp?: string): Promise<PasswordVerifierResponses>;
}

export class SrpClientWorkers {
  private readonly rpc: WorkerRpc;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.rpc = new WorkerRpc(WORKER_SOURCE, size, { packageEntry: require.resolve("amazon-cognito-identity-js") });
  }

  get size(): number {
    return this.rpc.size;
  }

  /** A fresh client (new random a) for a pool, as CognitoUser.authenticateUser creates one per sign-in. */
  async start(poolId: string): Promise<WorkerSrpClient> {
    // The worker keeps the helper under the start request's id, so both steps go to the same worker.
    const id = this.rpc.newId();
    const srpA = (await this.rpc.call(id, { op: "start", poolName: poolId.split("_")[1]! }, id)).srpA as string;
    return {
      srpA,
      answer: async (challenge, password, timestamp) =>
        (await this.rpc.call(id, { op: "answer", challenge, password, timestamp: timestamp ?? null }, id))
          .responses as PasswordVerifierResponses,
    };
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}
