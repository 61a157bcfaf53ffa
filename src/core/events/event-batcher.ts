import type { Database } from "../ports.js";
import type { AppEvent } from "./event.types.js";

/** Far above what 16–64 requests in flight produce in one round trip; keeps one request's size bounded. */
const DEFAULT_MAX_BATCH = 100;

interface Waiting {
  event: AppEvent;
  occurredAt: Date;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Events that record a step with nothing else to write (a refresh without rotation: TOKENS_REFRESHED),
 * from requests running at the same time, written together: one transaction per batch, sent as one
 * request where the database can (Database.transaction's `writesOnly`), instead of one autocommit
 * round trip each.
 *
 * Group commit: an idle gateway writes an event at once (on the next turn of the event loop); while
 * one batch is on its way the next collects every event appended meanwhile. Each caller's promise
 * settles when the transaction holding its event has committed, so a step is never reported done
 * before its event is stored, and a failed write fails every step of its batch, as a failed INSERT of
 * its own would. The events go through the event pipeline like any others (webhook deliveries,
 * commit notes).
 */
export function createEventBatcher(db: Database, { maxBatch = DEFAULT_MAX_BATCH }: { maxBatch?: number } = {}) {
  let waiting: Waiting[] = [];
  let isWriting = false;

  async function writeAll(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      try {
        await db.transaction(
          async (repositories) => {
            for (const item of batch) await repositories.events.append(item.event, item.occurredAt);
          },
          { writesOnly: true },
        );
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    isWriting = false;
  }

  return {
    /**
     * Stores the event with the others appended meanwhile; resolves once it is committed.
     * @throws whatever the database throws for its batch
     */
    append(event: AppEvent, occurredAt: Date): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ event, occurredAt, resolve, reject });
        if (isWriting) return;
        isWriting = true;
        // One turn: the requests whose work finished in this turn join the first batch.
        setImmediate(() => void writeAll());
      });
    },
  };
}

export type EventBatcher = ReturnType<typeof createEventBatcher>;
