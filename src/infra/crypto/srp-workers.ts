import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { SrpServer } from "../../core/ports.js";
import { startModuleWorker } from "../workers/module-worker.js";
import { createSrpServer } from "./srp-server.js";

type SignatureArgs = Parameters<SrpServer["expectedSignature"]>[0];

export type SrpWorkerRequest =
  | { id: number; method: "startChallenge"; verifierHex: string }
  | { id: number; method: "expectedSignature"; args: SignatureArgs };
export type SrpWorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false };

/** The SrpServer port, plus stopping its threads (app.close()). */
export interface SrpServerPool extends SrpServer {
  /** Stops the worker threads; calls still waiting fail. Idempotent. */
  close(): Promise<void>;
  /** Calls sent to a thread and not yet answered (0 when the math runs inline). */
  queueDepth(): number;
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

/** Beside this module: srp.worker.js when built, srp.worker.ts when running from source. */
const WORKER_ENTRY = path.join(__dirname, `srp.worker${path.extname(__filename)}`);

/**
 * The server's SRP work (two or three 3072-bit modexps per sign-in, ~1.7 ms) on `workers` worker
 * threads, so the gateway's event loop keeps serving other requests meanwhile; 0 runs it inline.
 * A call goes to the thread with the fewest calls waiting. A thread that dies fails its waiting calls
 * and is replaced. isAcceptableA (one BigInt reduction) always runs inline.
 */
export function createSrpServerPool({ workers }: { workers: number }): SrpServerPool {
  const math = createSrpServer();
  if (workers <= 0) {
    return {
      isAcceptableA: math.isAcceptableA,
      startChallenge: async (verifierHex) => math.startChallenge(verifierHex),
      expectedSignature: async (args) => math.expectedSignature(args),
      close: async () => undefined,
      queueDepth: () => 0,
    };
  }

  let closed = false;
  let nextId = 0;
  const threads: PooledWorker[] = [];

  function start(slot: number): void {
    const entry: PooledWorker = { worker: startModuleWorker(WORKER_ENTRY), pending: new Map() };
    // Idle threads must not keep a process alive that forgot close(); HTTP keeps it alive while serving.
    entry.worker.unref();
    entry.worker.on("message", (reply: SrpWorkerReply) => {
      const waiter = entry.pending.get(reply.id);
      if (!waiter) return;
      entry.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error("SRP computation failed in a worker thread"));
    });
    const fail = (reason: string) => {
      for (const waiter of entry.pending.values()) waiter.reject(new Error(reason));
      entry.pending.clear();
      if (!closed && threads[slot] === entry) start(slot);
    };
    entry.worker.on("error", () => fail("SRP worker thread failed"));
    entry.worker.on("exit", () => fail(closed ? "SRP workers are closed" : "SRP worker thread exited"));
    threads[slot] = entry;
  }
  for (let slot = 0; slot < workers; slot++) start(slot);

  function call<T>(
    request: SrpWorkerRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never,
  ): Promise<T> {
    if (closed) return Promise.reject(new Error("SRP workers are closed"));
    const least = threads.reduce((best, entry) => (entry.pending.size < best.pending.size ? entry : best));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      least.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      least.worker.postMessage({ ...request, id });
    });
  }

  return {
    isAcceptableA: math.isAcceptableA,
    startChallenge: (verifierHex) => call({ method: "startChallenge", verifierHex }),
    expectedSignature: (args) => call({ method: "expectedSignature", args }),
    queueDepth: () => threads.reduce((depth, entry) => depth + entry.pending.size, 0),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(threads.map((entry) => entry.worker.terminate()));
    },
  };
}
