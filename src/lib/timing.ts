import { performance } from "node:perf_hooks";

/**
 * Runs `work` and resolves no sooner than `minimumMs` after it started (monotonic time), so a path
 * that skips work (an unknown user) cannot be told apart from one that does it by response time.
 */
export async function withMinimumDuration<T>(minimumMs: number, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const settle = async () => {
    const remaining = minimumMs - (performance.now() - startedAt);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  };
  try {
    const result = await work();
    await settle();
    return result;
  } catch (error) {
    await settle();
    throw error;
  }
}
