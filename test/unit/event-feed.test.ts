import { afterEach, describe, expect, it } from "vitest";
import { createEventFeed, type EventFeed } from "../../src/core/events/event-feed.js";
import { encodeCommitNote, EVENTS_CHANNEL } from "../../src/core/events/event-pipeline.js";
import type { StoredEvent } from "../../src/core/events/event.types.js";
import type { Database, Logger, Repositories } from "../../src/core/ports.js";
import { createMemoryShortLivedStore } from "../../src/infra/memory/short-lived-store.js";
import { systemClock } from "../../src/lib/clock.js";

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A table of committed events that the test fills in any order, as concurrent transactions would. */
function createFakeEventTable() {
  const committed = new Map<number, StoredEvent>();
  const events = {
    async list(_filter: unknown, page: { afterSeq?: number; limit: number }) {
      return [...committed.values()]
        .filter((event) => event.seq > (page.afterSeq ?? 0))
        .sort((a, b) => a.seq - b.seq)
        .slice(0, page.limit);
    },
    async findBySeqs(seqs: readonly number[]) {
      return seqs.flatMap((seq) => (committed.has(seq) ? [committed.get(seq)!] : []));
    },
    async maxSeq() {
      return Math.max(0, ...committed.keys());
    },
  };
  const db = {
    read: (work: (repositories: Repositories) => Promise<unknown>) => work({ events } as unknown as Repositories),
  } as unknown as Database;
  const reads = { count: 0 };
  const counted = { list: events.list, findBySeqs: events.findBySeqs, maxSeq: events.maxSeq };
  for (const name of Object.keys(counted) as (keyof typeof counted)[]) {
    events[name] = ((...args: never[]) => {
      reads.count++;
      return (counted[name] as (...inner: never[]) => unknown)(...args);
    }) as never;
  }
  const commit = (seq: number) =>
    committed.set(seq, {
      seq,
      type: "GROUP_CREATED",
      poolId: "local_pool1",
      actor: "test",
      detail: {},
      occurredAt: new Date(0),
    });
  return { db, commit, reads };
}

const until = async (condition: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe("event feed: seqs that commit out of order", () => {
  let feed: EventFeed | undefined;
  afterEach(async () => feed?.close());

  async function setUp(options: { holeGiveUpMs?: number; idlePollMs?: number } = {}) {
    const table = createFakeEventTable();
    const store = createMemoryShortLivedStore({ clock: systemClock });
    table.commit(1);
    feed = createEventFeed({
      db: table.db,
      store,
      logger: silent,
      options: {
        holePollMs: 5,
        idlePollMs: options.idlePollMs ?? 50,
        holeGiveUpMs: options.holeGiveUpMs ?? 60_000,
        lateWatchMs: 60_000,
      },
    });
    await feed.start();
    const received: { seq: number; isLate: boolean }[] = [];
    const registration = await feed.listen((event, isLate) => received.push({ seq: event.seq, isLate }));
    const announce = (seq: number | null, abandoned: number[] = []) =>
      store.publish(EVENTS_CHANNEL, encodeCommitNote({ seq, abandoned }));
    return { ...table, received, registration, announce };
  }

  it("holds a later seq until the earlier one commits, then hands both out in order", async () => {
    const { commit, announce, received, registration } = await setUp();
    expect(registration.watermark).toBe(1);
    commit(3);
    await announce(3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(received).toEqual([]);
    commit(2);
    await announce(2);
    await until(() => received.length === 2);
    expect(received).toEqual([
      { seq: 2, isLate: false },
      { seq: 3, isLate: false },
    ]);
  });

  it("skips at once a seq its transaction announced as rolled back", async () => {
    const { commit, announce, received } = await setUp();
    await announce(null, [2]);
    commit(3);
    await announce(3);
    await until(() => received.length === 1);
    expect(received).toEqual([{ seq: 3, isLate: false }]);
  });

  it("moves past a hole nobody announced after the give-up time, and hands it out late if it commits after all", async () => {
    const { commit, announce, received } = await setUp({ holeGiveUpMs: 100, idlePollMs: 20 });
    commit(3);
    commit(4);
    await announce(4);
    await until(() => received.length === 2);
    expect(received).toEqual([
      { seq: 3, isLate: false },
      { seq: 4, isLate: false },
    ]);
    commit(2);
    await until(() => received.length === 3);
    expect(received[2]).toEqual({ seq: 2, isLate: true });
  });

  it("ages a hole out even while notes keep arriving faster than its poll", async () => {
    const { commit, announce, received } = await setUp({ holeGiveUpMs: 100, idlePollMs: 1000 });
    let seq = 3;
    const traffic = setInterval(() => {
      commit(seq);
      void announce(seq++);
    }, 3);
    try {
      await until(() => received.length > 0, 2000);
    } finally {
      clearInterval(traffic);
    }
    expect(received[0]).toEqual({ seq: 3, isLate: false });
  });

  it("ages a gap of several seqs as one hole", async () => {
    const { commit, announce, received } = await setUp({ holeGiveUpMs: 150, idlePollMs: 1000 });
    commit(7);
    await announce(7);
    // Five missing seqs (2–6) must not wait five give-up periods.
    await until(() => received.length === 1, 500);
    expect(received).toEqual([{ seq: 7, isLate: false }]);
  });

  it("wakes on its fallback poll when a note is lost", async () => {
    const { commit, received } = await setUp({ idlePollMs: 20 });
    commit(2);
    await until(() => received.length === 1);
    expect(received).toEqual([{ seq: 2, isLate: false }]);
  });
});

describe("event feed: a process nobody listens on", () => {
  let feed: EventFeed | undefined;
  afterEach(async () => feed?.close());

  it("reads nothing while idle, anchors the first listener at the table's top, and stops reading when the last one leaves", async () => {
    const table = createFakeEventTable();
    const store = createMemoryShortLivedStore({ clock: systemClock });
    feed = createEventFeed({
      db: table.db,
      store,
      logger: silent,
      options: { holePollMs: 5, idlePollMs: 20, holeGiveUpMs: 60_000, lateWatchMs: 60_000 },
    });
    await feed.start();
    const announce = (seq: number) => store.publish(EVENTS_CHANNEL, encodeCommitNote({ seq, abandoned: [] }));
    table.commit(1);
    await announce(1);
    table.commit(2);
    await announce(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(table.reads.count).toBe(0);

    const received: number[] = [];
    const first = await feed.listen((event) => received.push(event.seq));
    expect(first.watermark).toBe(2);
    table.commit(3);
    await announce(3);
    await until(() => received.length === 1);
    expect(received).toEqual([3]);

    first.stop();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const readsWhenIdle = table.reads.count;
    table.commit(4);
    await announce(4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(table.reads.count).toBe(readsWhenIdle);

    // A new listener starts from the top again: seq 4 committed while nobody listened is not handed out.
    const again: number[] = [];
    const second = await feed.listen((event) => again.push(event.seq));
    expect(second.watermark).toBe(4);
    table.commit(5);
    await announce(5);
    await until(() => again.length === 1);
    expect(again).toEqual([5]);
    expect(received).toEqual([3]);
  });
});
