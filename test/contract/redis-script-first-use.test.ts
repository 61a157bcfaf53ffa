import { afterEach, describe, expect, it } from "vitest";
import type { ShortLivedStore } from "../../src/core/ports.js";
import { createRedisShortLivedStore } from "../../src/infra/redis/short-lived-store.js";
import { createManualClock } from "../../src/lib/clock.js";
import { randomUuid } from "../../src/lib/random.js";

const REDIS_URL = process.env.REDIS_URL;
const ANSWER_WITHIN_MS = 3_000;

/** Rejects when `promise` has not settled in time: the failure this file guards against is a command that never answers. */
function withinTime<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`${what}: no answer within ${ANSWER_WITHIN_MS} ms`)),
        ANSWER_WITHIN_MS,
      )),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The store's multi-key scripts (getMany, takeAttempt, giveBackAttempt) run once per key count. Commands
 * issued in one tick share ioredis's auto-pipeline; a script whose key count was first seen while such a
 * pipeline was open must still run, answer its own caller, and leave the connection usable. (It once was
 * defined on the client lazily: the open pipeline lacked it, every later reply went to the wrong caller,
 * and the connection's pipeline stalled for good, so every Redis call of the gateway hung.)
 */
describe.skipIf(!REDIS_URL)(
  "redis ShortLivedStore: a key count first seen among other commands of the same tick",
  () => {
    let store: ShortLivedStore | undefined;
    afterEach(async () => store?.close());

    it("answers every caller with its own value, and the connection keeps answering", async () => {
      const clock = createManualClock(new Date("2030-01-01T00:00:00Z"));
      store = createRedisShortLivedStore({ url: REDIS_URL!, clock, keyPrefix: `gw-test-${randomUuid()}:` });
      await store.set("{t}a", "A", 60);
      await store.set("{t}b", "B", 60);
      await store.set("{t}c", "C", 60);

      // One tick: a plain read opens the auto-pipeline, then key counts the store has not used yet.
      const plainBefore = store.get("{t}a");
      const three = store.getMany(["{t}a", "{t}b", "{t}c"]);
      const two = store.getMany(["{t}c", "{t}b"]);
      const attempt = store.takeAttempt([
        { key: "{t}gate-1", windowSeconds: 60, limit: 5 },
        { key: "{t}gate-2", windowSeconds: 60, limit: 5 },
      ]);
      const plainAfter = store.get("{t}b");
      const sameCountAgain = store.getMany(["{t}b", "{t}a", "{t}c"]);

      expect(await withinTime(plainBefore, "get before")).toBe("A");
      expect(await withinTime(three, "getMany of 3")).toEqual(["A", "B", "C"]);
      expect(await withinTime(two, "getMany of 2")).toEqual(["C", "B"]);
      expect(await withinTime(attempt, "takeAttempt of 2 gates")).toMatchObject({ allowed: true, counts: [1, 1] });
      expect(await withinTime(plainAfter, "get after")).toBe("B");
      expect(await withinTime(sameCountAgain, "getMany of 3 again")).toEqual(["B", "A", "C"]);
      // The connection still answers, alone and in a burst.
      expect(await withinTime(store.get("{t}c"), "a later get")).toBe("C");
      const burst = await withinTime(
        Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            i % 2 ? store!.get("{t}a") : store!.getMany(["{t}a", "{t}b", "{t}c", "{t}missing"]),
          ),
        ),
        "a later burst",
      );
      burst.forEach((value, i) => expect(value).toEqual(i % 2 ? "A" : ["A", "B", "C", null]));
    });
  },
);
