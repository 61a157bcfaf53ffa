import type { ShortLivedStore } from "../ports.js";

const HOUR_SECONDS = 3600;

/**
 * Counts one event under `key` in a one-hour window, atomically in the short-lived store (shared by
 * every gateway process): N parallel calls are counted as N serial ones. False once this call is past
 * `maxPerHour`; the caller refuses it with its own words.
 */
export async function countWithinHour(store: ShortLivedStore, key: string, maxPerHour: number): Promise<boolean> {
  return (await store.increment(key, HOUR_SECONDS)) <= maxPerHour;
}
