import { describe, expect, it } from "vitest";
import { createEventBatcher } from "../../src/core/events/event-batcher.js";
import type { AppEvent } from "../../src/core/events/event.types.js";
import type { Database, Repositories, TransactionOptions } from "../../src/core/ports.js";

const eventOf = (n: number): AppEvent => ({
  type: "TOKENS_REFRESHED",
  poolId: "local_pool",
  actor: "client:c",
  detail: { userSub: `user-${n}`, rotated: false },
});

/** A database that records each transaction's appended events and options, and settles each one when told. */
function recordingDatabase() {
  const transactions: { events: AppEvent[]; options?: TransactionOptions; finish(error?: Error): void }[] = [];
  const db = {
    transaction: <T>(work: (repositories: Repositories) => Promise<T>, options?: TransactionOptions) =>
      new Promise<T>((resolve, reject) => {
        const events: AppEvent[] = [];
        const repositories = {
          events: { append: async (event: AppEvent) => void events.push(event) },
        } as unknown as Repositories;
        void work(repositories).then((result) =>
          transactions.push({ events, options, finish: (error) => (error ? reject(error) : resolve(result)) }),
        );
      }),
  } as unknown as Database;
  return { db, transactions };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Lets the batcher's turn pass and the transaction's work record its events. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await turn();
};

describe("event batcher", () => {
  it("writes the events appended in one turn in one writesOnly transaction, and resolves each once it committed", async () => {
    const { db, transactions } = recordingDatabase();
    const batcher = createEventBatcher(db);
    let resolved = 0;
    const appends = Array.from({ length: 10 }, (_, n) => batcher.append(eventOf(n), new Date()).then(() => resolved++));
    await settle();
    expect(transactions).toHaveLength(1);
    expect(transactions[0]!.options).toEqual({ writesOnly: true });
    expect(transactions[0]!.events.map((event) => event.detail.userSub)).toEqual(
      Array.from({ length: 10 }, (_, n) => `user-${n}`),
    );
    expect(resolved).toBe(0);
    transactions[0]!.finish();
    await Promise.all(appends);
    expect(resolved).toBe(10);
  });

  it("collects what is appended while a batch is on its way into the next one (group commit)", async () => {
    const { db, transactions } = recordingDatabase();
    const batcher = createEventBatcher(db);
    const first = batcher.append(eventOf(0), new Date());
    await settle();
    const later = [1, 2, 3].map((n) => batcher.append(eventOf(n), new Date()));
    await settle();
    expect(transactions).toHaveLength(1);
    transactions[0]!.finish();
    await first;
    await settle();
    expect(transactions).toHaveLength(2);
    expect(transactions[1]!.events.map((event) => event.detail.userSub)).toEqual(["user-1", "user-2", "user-3"]);
    transactions[1]!.finish();
    await Promise.all(later);
  });

  it("fails every append of a failed batch, and only those", async () => {
    const { db, transactions } = recordingDatabase();
    const batcher = createEventBatcher(db);
    const failing = [0, 1].map((n) => batcher.append(eventOf(n), new Date()));
    await settle();
    const next = batcher.append(eventOf(2), new Date());
    transactions[0]!.finish(new Error("deadlock"));
    for (const append of failing) await expect(append).rejects.toThrow("deadlock");
    await settle();
    transactions[1]!.finish();
    await expect(next).resolves.toBeUndefined();
  });

  it("splits more than maxBatch events into several transactions", async () => {
    const { db, transactions } = recordingDatabase();
    const batcher = createEventBatcher(db, { maxBatch: 4 });
    const appends = Array.from({ length: 10 }, (_, n) => batcher.append(eventOf(n), new Date()));
    for (let batch = 0; batch < 3; batch++) {
      await settle();
      transactions[batch]!.finish();
    }
    await Promise.all(appends);
    expect(transactions.map((transaction) => transaction.events.length)).toEqual([4, 4, 2]);
  });
});
