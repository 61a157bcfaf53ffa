import type { Config } from "../config/index.js";
import { publishDelivered } from "../core/caching/invalidation-channel.js";
import type { ShortLivedStore } from "../core/ports.js";
import { createRedisShortLivedStore } from "../infra/redis/short-lived-store.js";
import { systemClock } from "../lib/clock.js";
import type { Output } from "./io.js";

const PUBLISH_TIMEOUT_MS = 5_000;

/** Publishes on the channels running gateways listen on; reports its own failures, never throws. */
export type GatewayPublish = (channel: string, message: string) => Promise<void>;

/**
 * Running gateways keep admin keys, pools and clients in memory and drop them when told of a change.
 * A change the CLI commits is told over the Redis they share (REDIS_URL, REDIS_KEY_PREFIX as the
 * server reads them). Without REDIS_URL there is nothing to tell: on the embedded file the gateway
 * notices another connection's commit by itself (infra/typeorm/outside-commits.ts); a gateway on
 * MariaDB without Redis drops a kept admin key within a minute (admin-key-cache.ts).
 */
export async function withGatewayAnnouncer<T>(
  config: Config,
  output: Output,
  work: (publish: GatewayPublish) => Promise<T>,
): Promise<T> {
  const redisUrl = config.redisUrl;
  if (!redisUrl) return work(async () => undefined);
  // Connected at the first change only: listing keys needs no Redis.
  let store: ShortLivedStore | null = null;
  const publish: GatewayPublish = async (channel, message) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      store ??= createRedisShortLivedStore({
        url: redisUrl,
        keyPrefix: config.redisKeyPrefix,
        clock: systemClock,
        connectionName: "identity-gateway-cli",
      });
      await Promise.race([
        publishDelivered(store, channel, message),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${PUBLISH_TIMEOUT_MS} ms`)), PUBLISH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      output.err(
        `Warning: the change is committed, but running gateways could not be told over Redis (${(error as Error).message}); a revoked admin key stops working there within a minute, other changes once they restart.`,
      );
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    return await work(publish);
  } finally {
    await (store as ShortLivedStore | null)?.close().catch(() => undefined);
  }
}
