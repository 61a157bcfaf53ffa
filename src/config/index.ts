import { availableParallelism } from "node:os";
import path from "node:path";
import proxyaddr from "proxy-addr";
import { parseRedisUrl } from "../lib/redis-url.js";

/**
 * The gateway's configuration, read from the environment once at start. Every variable, its default
 * and its meaning is listed in README.md; keep the two in step.
 */
export type DatabaseTarget =
  | { dialect: "sqlite"; path: string }
  | { dialect: "mariadb"; host: string; port: number; user: string; password: string; database: string };

export type NodeEnv = "development" | "production" | "test";
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface GraphqlLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  database: DatabaseTarget;
  redisUrl: string | null;
  /** Prefix of every Redis key and channel: gateways sharing one Redis (a cluster has no database numbers) keep apart. */
  redisKeyPrefix: string;
  publicUrl: string;
  region: string;
  adminApiKey: string | null;
  /** 32-byte key for secrets at rest; null = load or create `<dataDir>/secrets.key` (embedded only). */
  secretsKey: Buffer | null;
  dataDir: string;
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
  graphql: GraphqlLimits;
  maxUserPools: number;
  maxClientsPerPool: number;
  maxGroupsPerPool: number;
  maxGroupsPerUser: number;
  bcryptCost: number;
  /** Worker threads for the server's SRP math (modexps off the event loop); 0 = on the event loop. */
  srpWorkers: number;
  /** Failed sign-ins one address may make in a quiet-reset 15-minute window before TooManyRequestsException. */
  signInFailuresPerIp: number;
  /** Minimum response time of calls that must not reveal whether a user exists. */
  enumerationSafeMs: number;
  messaging: MessagingConfig;
  /** Where the Cognito JSON wire protocol (X-Amz-Target) is served; "/" as cognito-idp.<region>.amazonaws.com. */
  awsJsonPath: string;
  /** Browser origins (scheme://host[:port]) that may call the APIs; null = any origin (`*`), as Cognito. */
  corsOrigins: readonly string[] | null;
  /** Which proxies' X-Forwarded-For is believed (TRUST_PROXY), as Express's `trust proxy` reads it. */
  trustProxy: TrustProxy;
  /** Where Prometheus scrapes GET /metrics. */
  metrics: MetricsConfig;
  /**
   * POOL_DOMAIN_SUFFIX: a pool's prefix domain answers as `<prefix>.<suffix>` (Cognito's
   * `<prefix>.auth.<region>.amazoncognito.com`); default `auth.<PUBLIC_URL's host name>`.
   */
  poolDomainSuffix: string;
}

/**
 * /metrics tells request rates, sign-in failures and lockouts: it is not public. METRICS_PORT serves it
 * on a port of its own (bound to HOST, like PORT; meant for a network only the scraper reaches), and
 * the public port then answers 404 there. Without METRICS_PORT the public port serves it only to
 * `Authorization: Bearer <METRICS_TOKEN>`; with neither set, nowhere.
 */
export interface MetricsConfig {
  /** null = no separate metrics server; 0 = any free port (tests). */
  port: number | null;
  /** Required wherever /metrics is served when set; null = none (then only METRICS_PORT serves it). */
  token: string | null;
}

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: a hop count (trust that many nearest proxies; 0 =
 * trust none, the socket's peer is the client) or the proxies' addresses, CIDRs and the names
 * loopback, linklocal, uniquelocal.
 */
export type TrustProxy = number | readonly string[];

/** Where codes and invitations go; a medium without a provider falls back to the sent_messages outbox. */
export interface MessagingConfig {
  /** EMAIL over SMTP; null = EMAIL goes to the webhook, else the outbox. */
  smtp: { url: string; from: string } | null;
  /** EMAIL (without SMTP) and SMS as signed POSTs; null = no webhook. */
  webhook: { url: string; secret: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function parseDatabaseUrl(url: string, problems: string[]): DatabaseTarget {
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\//, "");
    if (!file) problems.push("DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/gateway.sqlite");
    return { dialect: "sqlite", path: file === ":memory:" ? file : path.resolve(file) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push("DATABASE_URL must be sqlite:<file> or mariadb://user:password@host:port/database");
    return { dialect: "sqlite", path: "" };
  }
  if (parsed.protocol !== "mariadb:" && parsed.protocol !== "mysql:") {
    problems.push(`DATABASE_URL scheme ${parsed.protocol} is not supported; use sqlite:, mariadb: or mysql:`);
    return { dialect: "sqlite", path: "" };
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) problems.push("DATABASE_URL must name a database, e.g. mariadb://root@127.0.0.1:3306/gateway");
  return {
    dialect: "mariadb",
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || "root"),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return value;
}

function parseSecretsKey(raw: string | undefined, problems: string[]): Buffer | null {
  if (raw === undefined || raw === "") return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) {
    problems.push("SECRETS_KEY must be 32 bytes, as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)");
    return null;
  }
  return key;
}

/** True when `raw` is an absolute URL with a host and one of the schemes (e.g. "smtp:"). */
function isUrlWithScheme(raw: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(raw);
    return schemes.includes(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

/** `whsec_` + standard (padded) base64 of at least 24 bytes, the Standard Webhooks spec's shortest key. */
function isStandardWebhookSecret(secret: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  return match !== null && match[1]!.length % 4 === 0 && Buffer.from(match[1]!, "base64").length >= 24;
}

// The URLs can carry credentials (smtp://user:pass@…) and the secret is one: no problem quotes them.
function parseMessaging(env: Env, problems: string[]): MessagingConfig {
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl !== null && !isUrlWithScheme(smtpUrl, ["smtp:", "smtps:"]))
    problems.push("SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…");
  const from = env.SMTP_FROM || "no-reply@localhost";
  if (/[\r\n]/.test(from) || !from.includes("@"))
    problems.push('SMTP_FROM must be one address, e.g. no-reply@example.com or "Example" <no-reply@example.com>');

  const webhookUrl = env.MESSAGE_WEBHOOK_URL || null;
  const webhookSecret = env.MESSAGE_WEBHOOK_SECRET || null;
  if (webhookUrl !== null && !isUrlWithScheme(webhookUrl, ["http:", "https:"]))
    problems.push("MESSAGE_WEBHOOK_URL must be an http:// or https:// URL");
  if (webhookUrl !== null && webhookSecret === null)
    problems.push(
      "MESSAGE_WEBHOOK_SECRET is required with MESSAGE_WEBHOOK_URL: receivers verify each request's signature with it",
    );
  if (webhookSecret !== null && !isStandardWebhookSecret(webhookSecret)) {
    problems.push(
      'MESSAGE_WEBHOOK_SECRET must be a Standard Webhooks secret, "whsec_" + base64 of at least 24 bytes (e.g. `echo "whsec_$(openssl rand -base64 32)"`), as receivers pass it to `new Webhook(secret)`',
    );
  }
  if (webhookSecret !== null && webhookUrl === null)
    problems.push("MESSAGE_WEBHOOK_SECRET is set without MESSAGE_WEBHOOK_URL; set both or neither");

  return {
    smtp: smtpUrl ? Object.freeze({ url: smtpUrl, from }) : null,
    webhook: webhookUrl && webhookSecret ? Object.freeze({ url: webhookUrl, secret: webhookSecret }) : null,
  };
}

/**
 * CORS_ORIGINS: a comma-separated list of exact origins, or unset / `*` for any. Browsers send the origin
 * serialised (lower-case scheme and host, no default port, no path), and it is compared as a string, so
 * an entry in another spelling would silently never match: it is refused with the spelling to use.
 */
function parseCorsOrigins(raw: string | undefined, problems: string[]): readonly string[] | null {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0 || (entries.length === 1 && entries[0] === "*")) return null;
  for (const entry of entries) {
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (url.protocol === "http:" || url.protocol === "https:") origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin !== entry) {
      const hint = origin === null ? "" : ` (write ${JSON.stringify(origin)})`;
      problems.push(
        `CORS_ORIGINS must list exact origins, scheme://host[:port] without a path or trailing slash, or be * alone; got ${JSON.stringify(entry)}${hint}`,
      );
    }
  }
  return Object.freeze([...new Set(entries)]);
}

/**
 * Express would also take `true`, "trust every hop": the client address is then the first entry of
 * X-Forwarded-For, which any client writes itself, so one client could pose as endless addresses and
 * never meet the per-address sign-in limit. Refused; a hop count says the same thing safely.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "false") return 0;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 100) problems.push(`TRUST_PROXY hop count must be from 0 to 100; got ${JSON.stringify(raw)}`);
    return Math.min(hops, 100);
  }
  if (value === "true") {
    problems.push(
      "TRUST_PROXY=true would let every client choose its own address with X-Forwarded-For; give the number of proxies in front of the gateway (e.g. 1) or their addresses (e.g. loopback or 10.0.0.0/8)",
    );
    return 0;
  }
  // Express splits a string on commas and trims each entry; proxy-addr (Express's own parser) checks them.
  const entries = value.split(",").map((entry) => entry.trim());
  try {
    proxyaddr.compile(entries);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(
      `TRUST_PROXY must be a hop count or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal (${reason}); got ${JSON.stringify(raw)}`,
    );
    return 0;
  }
  return Object.freeze(entries);
}

// The token is a secret: no problem quotes it.
function parseMetrics(env: Env, port: number, awsJsonPath: string, problems: string[]): MetricsConfig {
  const metricsPort =
    env.METRICS_PORT === undefined || env.METRICS_PORT === ""
      ? null
      : parseInteger(env, "METRICS_PORT", 0, 0, 65535, problems);
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port)
    problems.push("METRICS_PORT must differ from PORT: it is the port that keeps /metrics off the public one");
  const token = env.METRICS_TOKEN || null;
  if (token !== null && (token.length < 24 || token.length > 512 || /\s/.test(token)))
    problems.push("METRICS_TOKEN must be 24–512 characters without whitespace (e.g. `openssl rand -hex 32`)");
  if (awsJsonPath === "/metrics")
    problems.push("AWS_JSON_PATH cannot be /metrics: that path serves the Prometheus metrics");
  return Object.freeze({ port: metricsPort, token });
}

/**
 * POOL_DOMAIN_SUFFIX: a DNS name (dot-separated labels) under which every prefix domain is a further
 * label; the Host header is compared with it in lower case, so it is stored that way.
 */
function parsePoolDomainSuffix(raw: string | undefined, publicUrl: string, problems: string[]): string {
  let fallback = "auth.localhost";
  try {
    fallback = `auth.${new URL(publicUrl).hostname.replace(/^\[|\]$/g, "")}`;
  } catch {
    // PUBLIC_URL's own problem is reported already.
  }
  const value = (raw ?? "").trim().toLowerCase().replace(/\.$/, "");
  if (value === "") return fallback;
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  if (value.length > 200 || !value.split(".").every((part) => label.test(part))) {
    problems.push(
      `POOL_DOMAIN_SUFFIX must be a DNS name such as auth.example.com (labels of letters, digits and hyphens); got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

/** Reads and validates the whole configuration; throws one ConfigError that lists every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? "development") as NodeEnv;
  if (!["development", "production", "test"].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test; got ${JSON.stringify(env.NODE_ENV)}`);
  const port = parseInteger(env, "PORT", 4000, 0, 65535, problems);
  const host = env.HOST || "0.0.0.0";
  const dataDir = path.resolve(env.DATA_DIR || "./data");
  const databaseUrl = env.DATABASE_URL || `sqlite:${path.join(dataDir, "gateway.sqlite")}`;
  const database = parseDatabaseUrl(databaseUrl, problems);

  const redisUrl = env.REDIS_URL || null;
  if (redisUrl !== null) {
    try {
      parseRedisUrl(redisUrl);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const redisKeyPrefix = env.REDIS_KEY_PREFIX ?? "gw:";
  // A "{" would hash-tag every key alike and put the whole store on one cluster node.
  if (!/^[A-Za-z0-9:._-]{1,64}$/.test(redisKeyPrefix))
    problems.push("REDIS_KEY_PREFIX must be 1–64 letters, digits or : . _ - (default gw:)");

  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") problems.push("PUBLIC_URL must be an http or https URL");
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL; got ${JSON.stringify(env.PUBLIC_URL)}`);
  }

  const region = env.REGION || "local";
  if (!/^[a-z0-9-]{1,40}$/.test(region))
    problems.push("REGION must be 1–40 lowercase letters, digits or hyphens (it prefixes pool ids)");

  const adminApiKey = env.ADMIN_API_KEY || null;
  if (adminApiKey !== null && (adminApiKey.length < 24 || adminApiKey.length > 512 || /\s/.test(adminApiKey))) {
    problems.push("ADMIN_API_KEY must be 24–512 characters without whitespace");
  }
  const secretsKey = parseSecretsKey(env.SECRETS_KEY, problems);
  if (secretsKey === null && database.dialect === "mariadb") {
    problems.push("SECRETS_KEY is required with a MariaDB/MySQL DATABASE_URL: every gateway process must share it");
  }

  const logLevel = (env.LOG_LEVEL || (nodeEnv === "test" ? "silent" : "info")) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got ${JSON.stringify(env.LOG_LEVEL)}`);

  const graphql: GraphqlLimits = {
    maxDepth: parseInteger(env, "GRAPHQL_MAX_DEPTH", 10, 2, 100, problems),
    maxAliases: parseInteger(env, "GRAPHQL_MAX_ALIASES", 15, 0, 1000, problems),
    maxCost: parseInteger(env, "GRAPHQL_MAX_COST", 5000, 10, 1_000_000, problems),
    maxTokens: parseInteger(env, "GRAPHQL_MAX_TOKENS", 2000, 100, 100_000, problems),
  };
  const maxUserPools = parseInteger(env, "MAX_USER_POOLS", 1000, 1, 10_000, problems);
  const maxClientsPerPool = parseInteger(env, "MAX_CLIENTS_PER_POOL", 1000, 1, 10_000, problems);
  const maxGroupsPerPool = parseInteger(env, "MAX_GROUPS_PER_POOL", 10_000, 1, 10_000, problems);
  const maxGroupsPerUser = parseInteger(env, "MAX_GROUPS_PER_USER", 100, 1, 100, problems);
  const bcryptCost = parseInteger(env, "BCRYPT_COST", 10, 4, 15, problems);
  // One core stays for the event loop: default min(2, cores − 1), so 0 (inline) on a single core.
  const srpWorkers = parseInteger(env, "SRP_WORKERS", Math.min(2, availableParallelism() - 1), 0, 64, problems);
  const signInFailuresPerIp = parseInteger(env, "SIGN_IN_FAILURES_PER_IP", 100, 1, 1_000_000, problems);
  const enumerationSafeMs = parseInteger(env, "ENUMERATION_SAFE_MS", 400, 0, 5000, problems);
  const messaging = parseMessaging(env, problems);
  const awsJsonPath = env.AWS_JSON_PATH || "/";
  if (
    !/^\/[A-Za-z0-9._~\/-]*$/.test(awsJsonPath) ||
    awsJsonPath.startsWith("/graphql") ||
    awsJsonPath.startsWith("/.well-known")
  ) {
    problems.push(
      "AWS_JSON_PATH must be a URL path starting with / (letters, digits, . _ ~ - /), outside /graphql and /.well-known; e.g. / or /cognito",
    );
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const corsOrigins = parseCorsOrigins(env.CORS_ORIGINS, problems);
  const metrics = parseMetrics(env, port, awsJsonPath, problems);
  const poolDomainSuffix = parsePoolDomainSuffix(env.POOL_DOMAIN_SUFFIX, publicUrl, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    databaseUrl,
    database,
    redisUrl,
    redisKeyPrefix,
    publicUrl,
    region,
    adminApiKey,
    secretsKey,
    dataDir,
    logLevel,
    nodeEnv,
    graphql: Object.freeze(graphql),
    maxUserPools,
    maxClientsPerPool,
    maxGroupsPerPool,
    maxGroupsPerUser,
    bcryptCost,
    srpWorkers,
    signInFailuresPerIp,
    enumerationSafeMs,
    messaging: Object.freeze(messaging),
    awsJsonPath,
    corsOrigins,
    trustProxy,
    metrics,
    poolDomainSuffix,
  });
}
