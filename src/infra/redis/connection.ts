import { Cluster, Redis, type ClusterOptions, type RedisOptions } from "ioredis";
import { parseRedisUrl, type RedisNodeAddress } from "../../lib/redis-url.js";

const MAX_RECONNECT_DELAY_MS = 1_000;
const QUIT_TIMEOUT_MS = 1_000;
const reconnectDelayMs = (attempt: number): number => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS);

/** What a subscriber connection reports; `down`/`up` bracket a time in which messages were lost. */
export interface SubscriberEvents {
  message(channel: string, message: string): void;
  down(): void;
  up(): void;
  error(error: Error): void;
}

/** A connection in SUBSCRIBE mode that finds its way back after an outage and re-subscribes itself. */
export interface Subscriber {
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  /** Closes within about a second whatever the state of Redis; never throws. */
  close(): Promise<void>;
}

export interface RedisConnection {
  /** Commands and scripts; a Cluster routes each by its key's slot. */
  commands: Redis | Cluster;
  isCluster: boolean;
  openSubscriber(events: SubscriberEvents): Subscriber;
}

/**
 * Connects to what REDIS_URL names (lib/redis-url.ts): one node, a Sentinel-managed primary or a Redis
 * Cluster. Every connection retries forever, at most 1 s apart, so the gateway recovers when Redis
 * returns; meanwhile a command rejects after one retry.
 */
export function connectRedis(
  url: string,
  onError: (error: Error) => void,
  connectionName = "identity-gateway",
): RedisConnection {
  const target = parseRedisUrl(url);
  const common: RedisOptions = {
    // CLIENT LIST tells the gateway's connections (and its subscribers) apart from other clients.
    connectionName,
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    // Commands issued in the same tick (concurrent requests whose replies arrived together) leave in one
    // write: on loopback every socket write costs the sender the receiver's TCP work too.
    enableAutoPipelining: true,
    retryStrategy: reconnectDelayMs,
  };

  if (target.kind === "single" || target.kind === "sentinel") {
    const commands =
      target.kind === "single"
        ? new Redis(target.url, common)
        : new Redis({
            ...common,
            sentinels: target.sentinels,
            name: target.name,
            db: target.db,
            ...(target.username ? { username: target.username } : {}),
            ...(target.password ? { password: target.password } : {}),
            ...(target.sentinelUsername ? { sentinelUsername: target.sentinelUsername } : {}),
            ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
            ...(target.tls ? { tls: {}, enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
            // A failover moves the primary: ask the Sentinels again on every reconnect, forever.
            sentinelRetryStrategy: reconnectDelayMs,
            // Reconnect as soon as a Sentinel announces +switch-master. Without it the connections stay on the
            // old primary, which takes (and then loses) every write until Sentinel demotes it ~10 s later.
            failoverDetector: true,
          });
    // Without an 'error' listener an outage would be an unhandled 'error' event and crash the process.
    commands.on("error", onError);
    return {
      commands,
      isCluster: false,
      openSubscriber: (events) => duplicateSubscriber(commands, `${connectionName}:subscriber`, events),
    };
  }

  const nodeOptions: RedisOptions = {
    connectionName,
    maxRetriesPerRequest: 1,
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(target.tls ? { tls: {} } : {}),
  };
  const clusterOptions: ClusterOptions = {
    enableOfflineQueue: true,
    enableAutoPipelining: true,
    clusterRetryStrategy: reconnectDelayMs,
    redisOptions: nodeOptions,
  };
  const commands = new Cluster(target.nodes, clusterOptions);
  commands.on("error", onError);
  const knownNodes = (): RedisNodeAddress[] => {
    const live = commands.nodes("all").map((node) => ({ host: node.options.host!, port: node.options.port! }));
    return live.length > 0 ? live : target.nodes;
  };
  return {
    commands,
    isCluster: true,
    openSubscriber: (events) =>
      rotatingSubscriber(knownNodes, { ...nodeOptions, connectionName: `${connectionName}:subscriber` }, events),
  };
}

/** One node or Sentinel: a second connection like the first; ioredis re-subscribes it on reconnect. */
function duplicateSubscriber(commands: Redis, connectionName: string, events: SubscriberEvents): Subscriber {
  const connection = commands.duplicate({ enableAutoPipelining: false, connectionName });
  connection.on("error", events.error);
  connection.on("close", events.down);
  connection.on("ready", events.up);
  connection.on("message", events.message);
  return {
    subscribe: (channel) => connection.subscribe(channel),
    unsubscribe: (channel) => connection.unsubscribe(channel),
    close: () => quit(connection),
  };
}

/**
 * A Redis Cluster delivers every PUBLISH to every node, so one connection to any node hears every
 * channel. When that node is lost the subscriber moves on to the next one the cluster knows (ioredis's
 * own cluster subscriber does the same, but reports no gap, which the event feed needs to catch up).
 */
function rotatingSubscriber(
  knownNodes: () => RedisNodeAddress[],
  nodeOptions: RedisOptions,
  events: SubscriberEvents,
): Subscriber {
  const channels = new Set<string>();
  let connection: Redis | null = null;
  let isReady = false;
  let isClosed = false;
  let failures = 0;
  let nextNode = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  /** Subscribes waiting for the next connection: settled when it is ready (and subscribed) or lost. */
  let waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];

  const connect = (): void => {
    const nodes = knownNodes();
    const node = nodes[nextNode++ % nodes.length]!;
    const current = new Redis({
      ...nodeOptions,
      host: node.host,
      port: node.port,
      retryStrategy: () => null,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    connection = current;
    current.on("error", events.error);
    current.on("message", events.message);
    current.on("ready", () => {
      const settle = waiting;
      waiting = [];
      const resubscribed = channels.size > 0 ? current.subscribe(...channels) : Promise.resolve();
      resubscribed.then(
        () => {
          if (connection !== current) return;
          failures = 0;
          isReady = true;
          events.up();
          for (const pending of settle) pending.resolve();
        },
        (error: Error) => {
          for (const pending of settle) pending.reject(error);
          current.disconnect();
        },
      );
    });
    current.once("end", () => {
      if (connection !== current) return;
      const wasReady = isReady;
      isReady = false;
      connection = null;
      failures++;
      // A subscribe waiting for a connection fails once every known node has been tried, as a command
      // on a single node fails after one retry.
      if (isClosed || failures >= knownNodes().length) {
        const settle = waiting;
        waiting = [];
        for (const pending of settle)
          pending.reject(new Error("no Redis Cluster node accepted the subscriber connection"));
      }
      if (isClosed) return;
      if (wasReady) events.down();
      // The first retry goes straight to another node; then back off as the other connections do.
      retryTimer = setTimeout(connect, failures === 1 ? 0 : reconnectDelayMs(failures));
    });
  };
  connect();

  return {
    async subscribe(channel) {
      channels.add(channel);
      if (isReady && connection) return connection.subscribe(channel);
      // Not connected now: the next connection subscribes every channel in the set once it is ready.
      return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject })).catch((error: unknown) => {
        channels.delete(channel);
        throw error;
      });
    },
    async unsubscribe(channel) {
      channels.delete(channel);
      if (isReady && connection) return connection.unsubscribe(channel);
      return undefined;
    },
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      if (connection) await quit(connection);
    },
  };
}

/** QUIT politely when Redis answers, otherwise drop the socket; never throws and never hangs. */
export async function quit(connection: Redis | Cluster): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connection.quit(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, QUIT_TIMEOUT_MS);
      }),
    ]);
  } catch {
    // Closing during an outage: the socket is dropped below either way.
  } finally {
    clearTimeout(timer);
    connection.disconnect();
  }
}
