import type { Database, Logger, ShortLivedStore } from "../ports.js";
import { decodeCommitNote, EVENTS_CHANNEL } from "./event-pipeline.js";
import type { StoredEvent } from "./event.types.js";

export type FeedListener = (event: StoredEvent, isLate: boolean) => void;

export interface FeedRegistration {
  /** Every event with seq <= watermark was handed out before this registration (or is in `lateSeqs`). */
  watermark: number;
  /** Seqs skipped as holes that may still commit; the feed hands them out late if they do. */
  lateSeqs: ReadonlySet<number>;
  stop(): void;
}

export interface EventFeed {
  start(): Promise<void>;
  /** Hands every event committed after this call resolves to `listener`, in seq order (late ones flagged). */
  listen(listener: FeedListener): Promise<FeedRegistration>;
  close(): Promise<void>;
}

export interface EventFeedOptions {
  /** Fallback poll when no note arrives (lost notes, other writers). */
  idlePollMs?: number;
  /** While a hole is open, how often to look again. */
  holePollMs?: number;
  /** How long a hole may stay open before the feed moves past it (and watches it for a late commit). */
  holeGiveUpMs?: number;
  /** How long a skipped hole is watched for a late commit. */
  lateWatchMs?: number;
  batchSize?: number;
}

/**
 * One tail of the events table per process, shared by every live subscriber in it.
 *
 * Seqs are allocated when a row is inserted but become visible when its transaction commits, and
 * on MariaDB transactions commit out of allocation order. Reading "seq > last" alone could skip a
 * seq that commits a moment later. So the feed only moves its watermark over a contiguous run of
 * seqs: a missing seq (a hole) is either still in flight or was rolled back. Rolled-back seqs are
 * announced by the process that abandoned them (CommitNote.abandoned) and skipped at once; a hole
 * nobody announced (a crashed process) is waited for up to `holeGiveUpMs`, then skipped and
 * watched for `lateWatchMs`: if it commits after all it is handed out late rather than lost.
 * Notes (Redis or in-process) only wake the feed; what it hands out always comes from the table.
 *
 * With no listener the feed reads nothing (no SELECT per commit on a process nobody watches); the
 * first listener re-anchors it at the table's top, as a process start does.
 */
export function createEventFeed(deps: {
  db: Database;
  store: ShortLivedStore;
  logger: Logger;
  options?: EventFeedOptions;
}): EventFeed {
  const { db, store, logger } = deps;
  const idlePollMs = deps.options?.idlePollMs ?? 1000;
  const holePollMs = deps.options?.holePollMs ?? 25;
  const holeGiveUpMs = deps.options?.holeGiveUpMs ?? 2000;
  const lateWatchMs = deps.options?.lateWatchMs ?? 60_000;
  const batchSize = deps.options?.batchSize ?? 500;

  const listeners = new Set<FeedListener>();
  const abandoned = new Set<number>();
  /** Skipped hole seq → milliseconds of watching left. */
  const lateWatch = new Map<number, number>();
  let watermark = 0;
  let hole: { seq: number; lastSeq: number; waitedMs: number } | null = null;
  let running = false;
  let again = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let timerDelayMs = 0;
  let bankedMs = 0;
  let unsubscribe: (() => Promise<void>) | null = null;
  let sinceLateCheckMs = 0;
  /** Bumped whenever the feed goes idle: a read begun before must not move the new anchor. */
  let epoch = 0;
  /** Set while listeners exist: the feed is anchored (watermark valid) once it resolves. */
  let anchoring: Promise<void> | null = null;
  let isAnchored = false;

  const emit = (event: StoredEvent, isLate: boolean) => {
    for (const listener of [...listeners]) {
      try {
        listener(event, isLate);
      } catch (error) {
        logger.error({ err: (error as Error).message }, "event feed listener failed");
      }
    }
  };

  /** Reads once; returns true when it should read again at once (a full batch). */
  async function readOnce(): Promise<boolean> {
    const readEpoch = epoch;
    const rows = await db.read((repositories) =>
      repositories.events.list({ poolIds: null }, { afterSeq: watermark, limit: batchSize }),
    );
    if (readEpoch !== epoch) return false;
    for (const row of rows) {
      while (row.seq > watermark + 1) {
        const missing = watermark + 1;
        if (abandoned.delete(missing)) {
          watermark = missing;
          continue;
        }
        // The whole gap below this row opened together: it ages as one, however it shrinks meanwhile.
        if (!hole || missing < hole.seq || missing > hole.lastSeq)
          hole = { seq: missing, lastSeq: row.seq - 1, waitedMs: 0 };
        if (hole.waitedMs < holeGiveUpMs) return false;
        const skipped: number[] = [];
        for (let seq = missing; seq < row.seq; seq++) if (!abandoned.delete(seq)) skipped.push(seq);
        logger.warn(
          { seqs: skipped },
          "event feed skipped seqs that did not commit in time; watching them for a late commit",
        );
        for (const seq of skipped) lateWatch.set(seq, lateWatchMs);
        watermark = row.seq - 1;
        hole = null;
      }
      if (row.seq <= watermark) continue;
      hole = null;
      watermark = row.seq;
      emit(row, false);
    }
    for (const seq of abandoned) if (seq <= watermark) abandoned.delete(seq);
    return rows.length === batchSize;
  }

  async function checkLate(elapsedMs: number): Promise<void> {
    if (lateWatch.size === 0) return;
    const readEpoch = epoch;
    const found = await db.read((repositories) => repositories.events.findBySeqs([...lateWatch.keys()]));
    if (readEpoch !== epoch) return;
    for (const event of found) {
      lateWatch.delete(event.seq);
      emit(event, true);
    }
    for (const [seq, leftMs] of lateWatch) {
      if (leftMs - elapsedMs <= 0) lateWatch.delete(seq);
      else lateWatch.set(seq, leftMs - elapsedMs);
    }
  }

  /**
   * Reads until caught up. Hole ages and the late-watch schedule count only timer ticks (`bankedMs`),
   * never a note: under steady traffic notes arrive faster than any timer, and a hole must still
   * age out.
   */
  async function pump(): Promise<void> {
    if (closed || !isAnchored) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const elapsedMs = bankedMs;
        bankedMs = 0;
        if (hole) hole.waitedMs += elapsedMs;
        sinceLateCheckMs += elapsedMs;
        if (await readOnce()) again = true;
        // The late watch is a rare path: look at it about once per idle poll interval.
        if (sinceLateCheckMs >= idlePollMs) {
          await checkLate(sinceLateCheckMs);
          sinceLateCheckMs = 0;
        }
      } while (again && !closed && isAnchored);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "event feed read failed; retrying");
    } finally {
      running = false;
    }
    schedule();
  }

  /** Keeps one timer: the hole poll while a hole is open, else the idle poll. Notes never reset it. */
  function schedule() {
    if (closed || !isAnchored) return;
    const delayMs = hole ? holePollMs : idlePollMs;
    if (timer && timerDelayMs <= delayMs) return;
    if (timer) clearTimeout(timer);
    timerDelayMs = delayMs;
    timer = setTimeout(() => {
      timer = null;
      bankedMs += delayMs;
      void pump();
    }, delayMs);
    timer.unref();
  }

  /** Where the table stands now: its top seq, with recent missing seqs (maybe still in flight) watched for a late commit. */
  async function anchor(): Promise<void> {
    const anchorEpoch = epoch;
    const top = await db.read((repositories) => repositories.events.maxSeq());
    const recent =
      top > 0
        ? await db.read((repositories) =>
            repositories.events.list({ poolIds: null }, { afterSeq: Math.max(0, top - 200), limit: 200 }),
          )
        : [];
    if (anchorEpoch !== epoch || closed) return;
    const present = new Set(recent.map((event) => event.seq));
    for (let seq = Math.max(1, top - 199); seq < top; seq++) if (!present.has(seq)) lateWatch.set(seq, lateWatchMs);
    for (const seq of abandoned) if (seq <= top) abandoned.delete(seq);
    watermark = top;
    isAnchored = true;
    // Notes heard while anchoring woke nothing: read once now.
    void pump();
  }

  /** The last listener left: forget the position, so nothing is read until someone listens again. */
  function goIdle() {
    epoch++;
    anchoring = null;
    isAnchored = false;
    hole = null;
    abandoned.clear();
    lateWatch.clear();
    bankedMs = 0;
    sinceLateCheckMs = 0;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  return {
    async start() {
      unsubscribe = await store.subscribe(EVENTS_CHANNEL, (message) => {
        if (!anchoring) return;
        const note = decodeCommitNote(message);
        if (!note) return;
        for (const seq of note.abandoned) if (seq > watermark) abandoned.add(seq);
        if (note.seq === null || note.seq > watermark || note.abandoned.length > 0) void pump();
      });
    },
    async listen(listener) {
      if (closed) throw new Error("the event feed is closed");
      // Registered before anchoring so a concurrent last-listener-leaves cannot idle the feed under it.
      listeners.add(listener);
      const stop = () => {
        if (listeners.delete(listener) && listeners.size === 0) goIdle();
      };
      if (!anchoring) {
        const attempt = anchor();
        anchoring = attempt;
        // A failed anchor must not stick: the next listener tries again.
        attempt.catch(() => {
          if (anchoring === attempt) anchoring = null;
        });
      }
      try {
        await anchoring;
      } catch (error) {
        stop();
        throw error;
      }
      return { watermark, lateSeqs: new Set(lateWatch.keys()), stop };
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
      await unsubscribe?.().catch(() => undefined);
    },
  };
}
