import { availableParallelism } from "node:os";
import path from "node:path";
import type { IpNetwork } from "../lib/ip-address.js";
import { parseRedisUrl } from "../lib/redis-url.js";
import {
  type Env,
  parseDatabaseUrl,
  parseInteger,
  parseSecretsKey,
  parseMessaging,
  parseCorsOrigins,
  parseOutboundAllowedNetworks,
  parseTrustProxy,
  parseMetrics,
  parsePoolDomainSuffix,
} from "./parsers.js";

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

/** The non-public networks outbound calls may reach (OUTBOUND_ALLOWED_NETWORKS); "any" = no limit. */
export type OutboundNetworks = readonly IpNetwork[] | "any";

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
  /**
   * OUTBOUND_ALLOWED_NETWORKS: the loopback, private or otherwise non-public networks that trigger, event
   * webhook and migration-source calls may reach; by default none (public addresses only).
   */
  outboundAllowedNetworks: OutboundNetworks;
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
  const outboundAllowedNetworks = parseOutboundAllowedNetworks(env.OUTBOUND_ALLOWED_NETWORKS, problems);

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
    outboundAllowedNetworks,
  });
}
