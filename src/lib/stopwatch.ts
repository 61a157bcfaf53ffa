import { performance } from "node:perf_hooks";

/**
 * Monotonic seconds since an arbitrary origin, for measuring how long something took (metrics):
 * only differences mean anything. Wall-clock "now" comes from lib/clock, never from here.
 */
export const monotonicSeconds = (): number => performance.now() / 1000;
