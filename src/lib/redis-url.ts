/**
 * REDIS_URL forms. A plain URL names one Redis; two more name a deployment of several nodes, as one
 * URL so that every place that takes REDIS_URL (the server, the CLI, tests) takes them all:
 *
 *   redis://[user:password@]host[:6379][/db]                 one node (ioredis's own URL parsing)
 *   rediss://…                                               the same over TLS
 *   redis+cluster://[user:password@]host:port,host:port,…    a Redis Cluster: any reachable nodes as
 *                                                            seeds, the rest is discovered
 *   redis+sentinel://[user:password@]host:port,…/name[/db]   the primary Sentinel names `name`; the
 *                                                            hosts are Sentinels (default port 26379)
 *   rediss+cluster://…, rediss+sentinel://…                  the same over TLS
 *
 * The user and password are the data nodes'. Sentinels that need their own take
 * `?sentinelUsername=…&sentinelPassword=…`. Hosts may be IPv6 in brackets: `[::1]:7000`.
 */

export interface RedisNodeAddress {
  host: string;
  port: number;
}

export type RedisTarget =
  | { kind: "single"; url: string }
  | { kind: "cluster"; nodes: RedisNodeAddress[]; username?: string; password?: string; tls: boolean }
  | {
      kind: "sentinel";
      sentinels: RedisNodeAddress[];
      name: string;
      db: number;
      username?: string;
      password?: string;
      sentinelUsername?: string;
      sentinelPassword?: string;
      tls: boolean;
    };

const DEFAULT_PORT = { cluster: 6379, sentinel: 26379 } as const;
const SENTINEL_QUERY_KEYS = new Set(["sentinelUsername", "sentinelPassword"]);

/**
 * Parses REDIS_URL. Throws Error with a message fit for a configuration problem list (it never repeats
 * the password).
 */
export function parseRedisUrl(url: string): RedisTarget {
  const scheme = /^([a-z+]+):\/\//.exec(url)?.[1];
  if (scheme === "redis" || scheme === "rediss") return { kind: "single", url };
  const kind =
    scheme === "redis+cluster" || scheme === "rediss+cluster"
      ? "cluster"
      : scheme === "redis+sentinel" || scheme === "rediss+sentinel"
        ? "sentinel"
        : null;
  if (kind === null)
    throw new Error(
      "REDIS_URL must start with redis://, rediss://, redis+cluster://, rediss+cluster://, redis+sentinel:// or rediss+sentinel://",
    );
  const tls = scheme!.startsWith("rediss");

  let rest = url.slice(scheme!.length + 3);
  const queryAt = rest.indexOf("?");
  const query = new URLSearchParams(queryAt === -1 ? "" : rest.slice(queryAt + 1));
  if (queryAt !== -1) rest = rest.slice(0, queryAt);
  const slashAt = rest.indexOf("/");
  const authority = slashAt === -1 ? rest : rest.slice(0, slashAt);
  const path = slashAt === -1 ? "" : rest.slice(slashAt + 1);
  const atAt = authority.lastIndexOf("@");
  const credentials = atAt === -1 ? null : authority.slice(0, atAt);
  const nodes = parseHosts(atAt === -1 ? authority : authority.slice(atAt + 1), DEFAULT_PORT[kind], kind);
  const { username, password } = parseCredentials(credentials);

  if (kind === "cluster") {
    if (path !== "" || [...query.keys()].length > 0)
      throw new Error("REDIS_URL: a redis+cluster:// URL takes no path (a cluster has only database 0) and no options");
    return { kind, nodes, ...(username ? { username } : {}), ...(password ? { password } : {}), tls };
  }

  const [name, dbText, ...extra] = path.split("/");
  if (!name)
    throw new Error(
      "REDIS_URL: a redis+sentinel:// URL needs the primary's name as its path, e.g. redis+sentinel://host:26379/mymaster",
    );
  if (extra.length > 0 || (dbText !== undefined && dbText !== "" && !/^\d{1,5}$/.test(dbText)))
    throw new Error("REDIS_URL: after the primary's name a redis+sentinel:// URL takes only a database number");
  for (const key of query.keys())
    if (!SENTINEL_QUERY_KEYS.has(key))
      throw new Error(
        `REDIS_URL: unknown option ${JSON.stringify(key)} (known: ${[...SENTINEL_QUERY_KEYS].join(", ")})`,
      );
  const sentinelUsername = query.get("sentinelUsername") ?? undefined;
  const sentinelPassword = query.get("sentinelPassword") ?? undefined;
  return {
    kind,
    sentinels: nodes,
    name: decode(name),
    db: dbText ? Number(dbText) : 0,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(sentinelUsername ? { sentinelUsername } : {}),
    ...(sentinelPassword ? { sentinelPassword } : {}),
    tls,
  };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Error("REDIS_URL has a malformed %-escape");
  }
}

function parseHosts(list: string, defaultPort: number, kind: string): RedisNodeAddress[] {
  if (list === "") throw new Error(`REDIS_URL: a redis+${kind}:// URL needs at least one host`);
  return list.split(",").map((entry) => {
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(entry);
    const port = match?.[3] === undefined ? defaultPort : Number(match[3]);
    if (!match || port < 1 || port > 65535) throw new Error(`REDIS_URL: ${JSON.stringify(entry)} is not a host[:port]`);
    return { host: match[1] ?? match[2]!, port };
  });
}

function parseCredentials(credentials: string | null): { username?: string; password?: string } {
  if (credentials === null) return {};
  const colonAt = credentials.indexOf(":");
  const username = decode(colonAt === -1 ? credentials : credentials.slice(0, colonAt));
  const password = colonAt === -1 ? undefined : decode(credentials.slice(colonAt + 1));
  // redis://:password@host (no user) is the usual form for a Redis without ACL users.
  return { ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

/** The URL with its passwords replaced by "***", for logs and `check-config`. */
export function maskRedisUrl(url: string): string {
  return url.replace(/^([a-z+]+:\/\/[^:@/]*:)[^@/]*@/, "$1***@").replace(/([?&]sentinelPassword=)[^&]*/, "$1***");
}
