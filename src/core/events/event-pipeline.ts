import { timeOrderedId } from "../../lib/random.js";
import type { Clock } from "../../lib/clock.js";
import type { Database, Repositories } from "../ports.js";
import type { AppEvent } from "./event.types.js";

/**
 * What a committed (or abandoned) transaction tells every gateway process: the highest seq it
 * committed, and the seqs it allocated but rolled back (holes the feed need not wait for).
 */
export interface CommitNote {
  seq: number | null;
  abandoned: number[];
  /** The transaction queued webhook deliveries (wakes the dispatchers). */
  hasDeliveries?: boolean;
}

export const EVENTS_CHANNEL = "events:committed";

export function encodeCommitNote(note: CommitNote): string {
  return JSON.stringify(note);
}

export function decodeCommitNote(message: string): CommitNote | null {
  try {
    const value = JSON.parse(message) as Partial<CommitNote>;
    const seq = typeof value.seq === "number" && Number.isInteger(value.seq) ? value.seq : null;
    const abandoned = Array.isArray(value.abandoned) ? value.abandoned.filter((item): item is number => Number.isInteger(item)) : [];
    return { seq, abandoned, hasDeliveries: value.hasDeliveries === true };
  } catch {
    return null;
  }
}

/**
 * Wraps the Database so that every appended event (a) gets its webhook deliveries written in the
 * same transaction — a crash right after commit loses none — and (b) is announced after the
 * transaction commits. The announcement is only a wake-up: readers always read the table by seq,
 * so a lost or early note costs latency, never an event.
 */
export function withEventPipeline(db: Database, deps: { clock: Clock; onCommit(note: CommitNote): void }): Database {
  const instrument = (repositories: Repositories, allocated: number[], queued: { hasDeliveries: boolean }): Repositories => ({
    ...repositories,
    events: {
      ...repositories.events,
      async append(event: AppEvent, occurredAt: Date) {
        const seq = await repositories.events.append(event, occurredAt);
        allocated.push(seq);
        if (event.poolId !== null && (await enqueueWebhookDeliveries(repositories, event, seq, deps.clock.now()))) queued.hasDeliveries = true;
        return seq;
      },
    },
  });
  return {
    ...db,
    async transaction(work) {
      // One list per attempt: the database layer re-runs `work` after a deadlock, and the seqs of
      // the rolled-back attempts are holes.
      const attempts: number[][] = [];
      let queued = { hasDeliveries: false };
      try {
        const result = await db.transaction((repositories) => {
          const allocated: number[] = [];
          attempts.push(allocated);
          queued = { hasDeliveries: false };
          return work(instrument(repositories, allocated, queued));
        });
        const committed = attempts.pop() ?? [];
        const abandoned = attempts.flat();
        if (committed.length > 0 || abandoned.length > 0) deps.onCommit({ seq: committed.length > 0 ? Math.max(...committed) : null, abandoned, hasDeliveries: queued.hasDeliveries });
        return result;
      } catch (error) {
        const abandoned = attempts.flat();
        if (abandoned.length > 0) deps.onCommit({ seq: null, abandoned });
        throw error;
      }
    },
    async read(work) {
      // A write outside a transaction commits at once; announce it all the same.
      const allocated: number[] = [];
      const queued = { hasDeliveries: false };
      const result = await db.read((repositories) => work(instrument(repositories, allocated, queued)));
      if (allocated.length > 0) deps.onCommit({ seq: Math.max(...allocated), abandoned: [], hasDeliveries: queued.hasDeliveries });
      return result;
    },
  };
}

/** Queues one delivery per matching subscription; true when it queued any. */
async function enqueueWebhookDeliveries(repositories: Repositories, event: AppEvent, seq: number, now: Date): Promise<boolean> {
  const subscriptions = await repositories.webhooks.listSubscriptions(event.poolId!);
  const matching = subscriptions.filter((subscription) => subscription.eventTypes.includes(event.type));
  if (matching.length === 0) return false;
  await repositories.webhooks.insertDeliveries(
    matching.map((subscription) => ({
      id: timeOrderedId(now.getTime()),
      subscriptionId: subscription.id,
      poolId: subscription.poolId,
      eventSeq: seq,
      eventType: event.type,
      status: "PENDING",
      attempts: 0,
      nextAttemptAt: now,
      lastAttemptAt: null,
      lastResponseStatus: null,
      lastError: null,
      createdAt: now,
      completedAt: null,
    })),
  );
  return true;
}
