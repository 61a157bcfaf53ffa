import { describe, expect, it } from "vitest";
import type { EventFeed, FeedListener } from "../../src/core/events/event-feed.js";
import { eventCursor } from "../../src/core/events/event.service.js";
import type { StoredEvent } from "../../src/core/events/event.types.js";
import { createLiveEventService } from "../../src/core/events/live-events.service.js";
import type { Database } from "../../src/core/ports.js";

const POOL_ID = "local_pool1";
const eventAt = (seq: number): StoredEvent => ({
  seq,
  type: "GROUP_CREATED",
  poolId: POOL_ID,
  actor: "test",
  detail: {},
  occurredAt: new Date(0),
});

describe("live events: a subscriber that falls behind during its replay", () => {
  it("is ended with LimitExceededException once the live events held back pass maxQueued", async () => {
    let listener: FeedListener = () => undefined;
    const feed: EventFeed = {
      start: async () => undefined,
      close: async () => undefined,
      async listen(registered) {
        listener = registered;
        return { watermark: 10, lateSeqs: new Set(), stop: () => undefined };
      },
    };
    // The replay's read never returns: the subscriber stays in its replay, as one that stops reading does.
    const db = {
      read: (work: (repositories: unknown) => Promise<unknown>) =>
        work({
          pools: { findById: async () => ({ id: POOL_ID }) },
          events: { list: () => new Promise(() => undefined) },
        }),
    } as unknown as Database;
    const service = createLiveEventService({ db, feed, maxQueued: 3 });
    const stream = await service.subscribe({ keyId: "k", poolScope: null }, { poolId: POOL_ID, after: eventCursor(1) });
    const next = stream.next();
    for (let seq = 11; seq <= 14; seq++) listener(eventAt(seq), false);
    const stillOpen = new Promise((resolve) => setTimeout(() => resolve("still open"), 500));
    await expect(Promise.race([next, stillOpen])).rejects.toMatchObject({ code: "LimitExceededException" });
  });
});
