import { timeOrderedId } from "../../lib/random.js";
import type { Clock } from "../../lib/clock.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import type { Database, Repositories } from "../ports.js";
import type { WebhookDelivery, WebhookSubscription } from "../webhooks/webhook.types.js";
import type { AppEvent } from "./event.types.js";

/**
 * What a committed (or abandoned) transaction tells every gateway process: the highest seq it
 * committed, and the seqs it allocated but rolled back (holes the feed need not wait for).
 */
export interface CommitNote {
  /** null: none committed, or `seqUnknown`. */
  seq: number | null;
  /**
   * Events were committed whose seqs the database did not tell (a `writesOnly` transaction): the note
   * goes out with seq null, on which every reader reads the table rather than compare seqs.
   */
  seqUnknown?: boolean;
  abandoned: number[];
  /** The transaction queued webhook deliveries (wakes the dispatchers). */
  hasDeliveries?: boolean;
}

export const EVENTS_CHANNEL = "events:committed";

export function encodeCommitNote(note: CommitNote): string {
  // An unknown seq goes out as null: a reader told only the highest known seq would skip a read for
  // the higher one it was not told.
  return JSON.stringify({
    seq: note.seqUnknown ? null : note.seq,
    abandoned: note.abandoned,
    hasDeliveries: note.hasDeliveries,
  });
}

export function decodeCommitNote(message: string): CommitNote | null {
  try {
    const value = JSON.parse(message) as Partial<CommitNote>;
    const seq = typeof value.seq === "number" && Number.isInteger(value.seq) ? value.seq : null;
    const abandoned = Array.isArray(value.abandoned)
      ? value.abandoned.filter((item): item is number => Number.isInteger(item))
      : [];
    return { seq, abandoned, hasDeliveries: value.hasDeliveries === true };
  } catch {
    return null;
  }
}

/**
 * Publishes commit notes, merging those that arrive within `windowMs` of the first into one (highest
 * seq, every abandoned seq, deliveries if any had them). A note is only a wake-up, so a few
 * milliseconds of delay cost nothing, and under load one publish stands for several commits.
 */
export function createCommitAnnouncer(
  publish: (message: string) => Promise<void>,
  options: { windowMs: number; onError(error: Error): void },
) {
  let pending: CommitNote | null = null;
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const note = pending;
    pending = null;
    if (note) await publish(encodeCommitNote(note)).catch(options.onError);
  };
  return {
    announce(note: CommitNote): void {
      if (!pending) {
        pending = {
          seq: note.seq,
          seqUnknown: note.seqUnknown === true,
          abandoned: [...note.abandoned],
          hasDeliveries: note.hasDeliveries === true,
        };
        timer = setTimeout(() => void flush(), options.windowMs);
        return;
      }
      if (note.seqUnknown) pending.seqUnknown = true;
      if (note.seq !== null) pending.seq = pending.seq === null ? note.seq : Math.max(pending.seq, note.seq);
      pending.abandoned.push(...note.abandoned);
      pending.hasDeliveries = pending.hasDeliveries === true || note.hasDeliveries === true;
    },
    /** Publishes what is waiting now (on shutdown). */
    flush,
  };
}

/** What one attempt at a change wrote to the events table (see `instrument`). */
interface Seqs {
  allocated: number[];
  abandoned: number[];
  unknown: boolean;
}

/** Where the pipeline finds a pool's webhook subscriptions: the per-process cache. */
export type WebhookSubscriptionSource = Pick<
  ClientContextCache,
  "peekWebhookSubscriptions" | "webhookSubscriptions" | "prefetchWebhookSubscriptions"
>;

/**
 * Wraps the Database so that every appended event (a) gets its webhook deliveries written atomically
 * with it — in the change's transaction, or, for an event appended outside one, in a transaction of
 * their own (a lone INSERT when nothing subscribes) — so a crash right after commit loses none, and
 * (b) is announced after the transaction commits. The announcement is only a wake-up: readers always
 * read the table by seq, so a lost or early note costs latency, never an event.
 *
 * The pool's subscriptions come from the per-process cache (invalidated across processes when one
 * is created or deleted), so an append costs no read of them.
 */
export function withEventPipeline(
  db: Database,
  deps: { clock: Clock; subscriptions: WebhookSubscriptionSource; onCommit(note: CommitNote): void },
): Database {
  const { subscriptions } = deps;

  function subscriptionsOf(
    repositories: Repositories,
    poolId: string,
    isTransaction: boolean,
  ): Promise<readonly WebhookSubscription[]> {
    const cached = subscriptions.peekWebhookSubscriptions(poolId);
    if (cached) return Promise.resolve(cached);
    if (!isTransaction)
      return subscriptions.webhookSubscriptions(poolId, () => repositories.webhooks.listSubscriptions(poolId));
    // A transaction reads its snapshot, which may predate an invalidation already heard: good enough
    // for this event (as if it had committed first), never for the cache, which reads on its own.
    subscriptions.prefetchWebhookSubscriptions(poolId);
    return repositories.webhooks.listSubscriptions(poolId);
  }

  /**
   * `allocated`: the seqs written (inside a transaction: written if it commits); `unknown` when an
   * event was written whose seq the database tells only at commit (a `writesOnly` transaction).
   * `abandoned`, outside a transaction only: seqs whose own transaction (event and deliveries) rolled back.
   */
  const instrument = (
    repositories: Repositories,
    seqs: Seqs,
    queued: { hasDeliveries: boolean },
    isTransaction: boolean,
  ): Repositories => ({
    ...repositories,
    events: {
      ...repositories.events,
      async append(event: AppEvent, occurredAt: Date) {
        const matching =
          event.poolId === null
            ? []
            : (await subscriptionsOf(repositories, event.poolId, isTransaction)).filter((subscription) =>
                subscription.eventTypes.includes(event.type),
              );
        if (matching.length === 0) {
          const seq = await repositories.events.append(event, occurredAt);
          if (seq > 0) seqs.allocated.push(seq);
          else seqs.unknown = true;
          return seq;
        }
        const now = deps.clock.now();
        let taken: number | null = null;
        try {
          const seq = await repositories.events.appendWithDeliveries(event, occurredAt, (eventSeq) => {
            taken = eventSeq;
            return matching.map((subscription) => newDelivery(subscription, event, eventSeq, now));
          });
          seqs.allocated.push(seq);
          queued.hasDeliveries = true;
          return seq;
        } catch (error) {
          // The seq was taken but its event did not commit: a hole the feed need not wait for.
          if (taken !== null) (isTransaction ? seqs.allocated : seqs.abandoned).push(taken);
          throw error;
        }
      },
    },
  });
  return {
    ...db,
    async transaction(work, options) {
      // One record per attempt: the database layer re-runs `work` after a deadlock (or a `writesOnly`
      // recording it could not hold back), and the seqs of the rolled-back attempts are holes.
      const attempts: Seqs[] = [];
      let queued = { hasDeliveries: false };
      try {
        const result = await db.transaction((repositories) => {
          const seqs: Seqs = { allocated: [], abandoned: [], unknown: false };
          attempts.push(seqs);
          queued = { hasDeliveries: false };
          return work(instrument(repositories, seqs, queued, true));
        }, options);
        const committed = attempts.pop() ?? { allocated: [], abandoned: [], unknown: false };
        const abandoned = attempts.flatMap((attempt) => attempt.allocated);
        if (committed.allocated.length > 0 || committed.unknown || abandoned.length > 0) {
          deps.onCommit({
            seq: committed.allocated.length > 0 ? Math.max(...committed.allocated) : null,
            seqUnknown: committed.unknown,
            abandoned,
            hasDeliveries: queued.hasDeliveries,
          });
        }
        return result;
      } catch (error) {
        const abandoned = attempts.flatMap((attempt) => attempt.allocated);
        if (abandoned.length > 0) deps.onCommit({ seq: null, abandoned });
        throw error;
      }
    },
    async read(work) {
      // A write outside a transaction commits at once (an event with its deliveries, together);
      // announce it all the same.
      const seqs: Seqs = { allocated: [], abandoned: [], unknown: false };
      const queued = { hasDeliveries: false };
      try {
        return await db.read((repositories) => work(instrument(repositories, seqs, queued, false)));
      } finally {
        if (seqs.allocated.length > 0 || seqs.abandoned.length > 0) {
          deps.onCommit({
            seq: seqs.allocated.length > 0 ? Math.max(...seqs.allocated) : null,
            abandoned: seqs.abandoned,
            hasDeliveries: queued.hasDeliveries,
          });
        }
      }
    },
  };
}

/** The delivery one subscription is owed for one event: due at once. */
function newDelivery(subscription: WebhookSubscription, event: AppEvent, seq: number, now: Date): WebhookDelivery {
  return {
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
  };
}
