import { describe, expect, it } from "vitest";
import { createCommitAnnouncer, decodeCommitNote } from "../../src/core/events/event-pipeline.js";

describe("commit announcer", () => {
  it("merges the notes of one window into one publish: highest seq, every abandoned seq, deliveries if any", async () => {
    const published: string[] = [];
    const announcer = createCommitAnnouncer(async (message) => void published.push(message), {
      windowMs: 30,
      onError: () => undefined,
    });
    announcer.announce({ seq: 7, abandoned: [] });
    announcer.announce({ seq: null, abandoned: [5] });
    announcer.announce({ seq: 9, abandoned: [8], hasDeliveries: true });
    announcer.announce({ seq: 6, abandoned: [] });
    expect(published).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(published.map(decodeCommitNote)).toEqual([{ seq: 9, abandoned: [5, 8], hasDeliveries: true }]);

    announcer.announce({ seq: null, abandoned: [10] });
    await announcer.flush();
    expect(published.map(decodeCommitNote)).toEqual([
      { seq: 9, abandoned: [5, 8], hasDeliveries: true },
      { seq: null, abandoned: [10], hasDeliveries: false },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(published).toHaveLength(2);
  });

  it("reports a failed publish and carries on", async () => {
    const errors: string[] = [];
    let calls = 0;
    const announcer = createCommitAnnouncer(
      async () => {
        calls++;
        if (calls === 1) throw new Error("redis down");
      },
      { windowMs: 1, onError: (error) => errors.push(error.message) },
    );
    announcer.announce({ seq: 1, abandoned: [] });
    await announcer.flush();
    announcer.announce({ seq: 2, abandoned: [] });
    await announcer.flush();
    expect(errors).toEqual(["redis down"]);
    expect(calls).toBe(2);
  });
});
