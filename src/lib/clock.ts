/** The only source of "now" in the gateway; tests inject a manual clock instead of sleeping. */
export interface Clock {
  now(): Date;
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
};

export interface ManualClock extends Clock {
  advanceSeconds(seconds: number): void;
  set(date: Date): void;
}

export function createManualClock(start: Date = new Date()): ManualClock {
  let currentMs = start.getTime();
  return {
    now: () => new Date(currentMs),
    nowMs: () => currentMs,
    advanceSeconds(seconds) {
      currentMs += seconds * 1000;
    },
    set(date) {
      currentMs = date.getTime();
    },
  };
}
