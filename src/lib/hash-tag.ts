/**
 * Hash tags: a store spread over several nodes (Redis Cluster) places a key by its hash tag — the text
 * between the first "{" and the next "}" when that text is not empty, otherwise the whole key. Keys that
 * one atomic step touches together (a Lua script, a transaction) must share a tag so they live on one
 * node. Every short-lived store enforces that rule, single-node ones included, so a key built without
 * its tag fails in every test run instead of only on a cluster.
 */

/**
 * What decides the node of `key`, by Redis Cluster's rule: "{tag}" for a tagged key, else the whole key
 * (an untagged key can never be written as "{tag}", so the two never collide).
 */
export function hashTagOf(key: string): string {
  const open = key.indexOf("{");
  if (open === -1) return key;
  const close = key.indexOf("}", open + 1);
  if (close === -1 || close === open + 1) return key;
  return key.slice(open, close + 1);
}

/** True when every key has the same hash tag (and so the same node), which atomic multi-key steps need. */
export function shareOneHashTag(keys: readonly string[]): boolean {
  if (keys.length < 2) return true;
  const tag = hashTagOf(keys[0]!);
  return keys.every((key) => hashTagOf(key) === tag);
}

/**
 * Throws RangeError unless `keys` share one hash tag: a caller of an atomic multi-key operation forgot
 * to tag its keys (a programming error, never an input error).
 */
export function assertOneHashTag(operation: string, keys: readonly string[]): void {
  if (!shareOneHashTag(keys))
    throw new RangeError(
      `${operation}: keys touched in one atomic step must share a hash tag {…}; got ${keys.map((key) => JSON.stringify(key)).join(", ")}`,
    );
}
