import { Worker } from "node:worker_threads";

/**
 * Request/reply over a few worker threads running plain CommonJS `source` (workers skip vitest's
 * TypeScript transform). A request carries an `id`; the worker answers `{ id, ...reply }` or
 * `{ id, error }`. `route` picks the worker, so state a worker keeps for a key stays reachable.
 */
export class WorkerRpc {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  constructor(source: string, size: number, workerData: Record<string, unknown>) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(source, { eval: true, workerData });
      worker.on("message", (reply: Record<string, unknown> & { id: number; error?: string }) => {
        const waiter = this.pending.get(reply.id)!;
        this.pending.delete(reply.id);
        if (reply.error) waiter.reject(new Error(reply.error));
        else waiter.resolve(reply);
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** A fresh request id, for callers whose worker state is keyed by it. */
  newId(): number {
    return this.nextId++;
  }

  call(route: number, request: Record<string, unknown>, id = this.newId()): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[route % this.workers.length]!.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
