import { assertPoolAccess } from "../admin-keys/access.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, resourceNotFound } from "../errors.js";
import type { Database } from "../ports.js";
import { requirePoolId, requireSubset } from "../validation.js";
import type { EventFeed, FeedRegistration } from "./event-feed.js";
import { readEventCursor } from "./event.service.js";
import { EVENT_TYPES, type EventType, type StoredEvent } from "./event.types.js";

export type LiveEventService = ReturnType<typeof createLiveEventService>;

export interface LiveEventArgs {
  poolId: string;
  types?: readonly string[] | null;
  /** An event's cursor: replay what came after it, then go live. */
  after?: string | null;
}

const REPLAY_PAGE = 200;

/**
 * Live user events of one pool (the `userEvents` subscription). With `after`, stored events after
 * the cursor are replayed first, then live ones follow with no gap and no duplicate at the seam:
 * the subscriber registers with the feed *before* replaying, replays from the table up to the
 * feed's watermark at registration, and holds live events (all above that watermark) until the
 * replay is done. Delivery is in seq order per pool, at least once.
 */
export function createLiveEventService({
  db,
  feed,
  maxQueued = 10_000,
}: {
  db: Database;
  feed: EventFeed;
  maxQueued?: number;
}) {
  const open = { count: 0 };
  return {
    /** Streams open in this process (the live-subscribers gauge). */
    countOpen: (): number => open.count,

    /**
     * Authorises and opens the stream; the caller must call `return()` when the client goes away.
     * @throws InvalidParameterException, NotAuthorizedException, ResourceNotFoundException
     */
    async subscribe(principal: AdminPrincipal, args: LiveEventArgs): Promise<AsyncIterableIterator<StoredEvent>> {
      requirePoolId(args.poolId);
      assertPoolAccess(principal, args.poolId);
      const types =
        args.types && args.types.length > 0 ? requireSubset<EventType>("types", args.types, EVENT_TYPES) : null;
      const afterSeq = args.after ? readEventCursor(args.after) : undefined;
      const pool = await db.read((repositories) => repositories.pools.findById(args.poolId));
      if (!pool) throw resourceNotFound(`User pool ${args.poolId} does not exist.`);
      return openStream({ db, feed, maxQueued, poolId: args.poolId, types, afterSeq, open });
    },
  };
}

async function openStream(args: {
  db: Database;
  feed: EventFeed;
  maxQueued: number;
  poolId: string;
  types: readonly string[] | null;
  afterSeq: number | undefined;
  open: { count: number };
}): Promise<AsyncIterableIterator<StoredEvent>> {
  const { db, feed, maxQueued, poolId, types, afterSeq, open } = args;
  const queue: StoredEvent[] = [];
  let waiting: { resolve(result: IteratorResult<StoredEvent>): void; reject(error: unknown): void } | null = null;
  let roomWaiter: (() => void) | null = null;
  let failure: unknown = null;
  let isDone = false;
  let isReplaying = afterSeq !== undefined;
  const held: { event: StoredEvent; isLate: boolean }[] = [];
  const replayedLate = new Set<number>();

  const matches = (event: StoredEvent) => event.poolId === poolId && (types === null || types.includes(event.type));

  const finish = () => {
    if (isDone) return;
    isDone = true;
    open.count--;
    registration?.stop();
    queue.length = 0;
    held.length = 0;
    roomWaiter?.();
    if (waiting) {
      const pending = waiting;
      waiting = null;
      if (failure) pending.reject(failure);
      else pending.resolve({ value: undefined, done: true });
    }
  };

  const push = (event: StoredEvent) => {
    if (isDone) return;
    if (waiting) {
      const pending = waiting;
      waiting = null;
      pending.resolve({ value: event, done: false });
      return;
    }
    queue.push(event);
    failIfTooFarBehind();
  };

  // A subscriber that cannot keep up is cut off rather than buffered without bound; it resumes from
  // the last cursor it received. Live events held back during a replay count too: a subscriber that
  // stops reading mid-replay stalls the replay, and every live event of the pool would pile up there.
  const failIfTooFarBehind = () => {
    if (queue.length + held.length > maxQueued)
      fail(
        new CognitoError(
          "LimitExceededException",
          "The subscriber fell too far behind; subscribe again with after set to the last cursor received.",
        ),
      );
  };

  const fail = (error: unknown) => {
    failure = error;
    finish();
  };

  const accept = (event: StoredEvent, isLate: boolean) => {
    if (isLate && ((afterSeq !== undefined && event.seq <= afterSeq) || replayedLate.has(event.seq))) return;
    push(event);
  };

  let registration: FeedRegistration | null = null;
  // Counted before registering; finish() uncounts it exactly once (isDone).
  open.count++;
  try {
    registration = await feed.listen((event, isLate) => {
      if (!matches(event)) return;
      if (isReplaying) {
        held.push({ event, isLate });
        failIfTooFarBehind();
      } else accept(event, isLate);
    });
  } catch (error) {
    // Never opened: uncounted here, as finish() would have.
    if (!isDone) {
      isDone = true;
      open.count--;
    }
    throw error;
  }
  const { watermark, lateSeqs } = registration;

  async function replay(fromSeq: number) {
    let cursor = fromSeq;
    for (;;) {
      const page = await db.read((repositories) =>
        repositories.events.list(
          { poolId, poolIds: null, types: types ?? undefined },
          { afterSeq: cursor, throughSeq: watermark, limit: REPLAY_PAGE },
        ),
      );
      for (const event of page) {
        if (lateSeqs.has(event.seq)) replayedLate.add(event.seq);
        push(event);
      }
      if (isDone || page.length < REPLAY_PAGE) break;
      cursor = page[page.length - 1]!.seq;
      // Read the next page only once the client has taken most of this one.
      if (queue.length >= REPLAY_PAGE) await new Promise<void>((resolve) => (roomWaiter = resolve));
      roomWaiter = null;
      if (isDone) return;
    }
    isReplaying = false;
    for (const { event, isLate } of held.splice(0)) accept(event, isLate);
  }

  if (afterSeq !== undefined) replay(afterSeq).catch(fail);

  const stream: AsyncIterableIterator<StoredEvent> = {
    next() {
      if (queue.length > 0) {
        const value = queue.shift()!;
        if (roomWaiter && queue.length < REPLAY_PAGE / 2) roomWaiter();
        return Promise.resolve({ value, done: false });
      }
      if (failure) {
        const error = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (isDone) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    return() {
      failure = null;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
