import path from "node:path";
import proxyaddr from "proxy-addr";
import { parseIpNetwork, type IpNetwork } from "../lib/ip-address.js";
import type { DatabaseTarget, MessagingConfig, MetricsConfig, OutboundNetworks, TrustProxy } from "./index.js";

/**
 * Readers of single settings for loadConfig (index.ts): each parses one variable or a group of them and
 * adds a line to `problems` for every fault, so that one ConfigError can list them all.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export function parseDatabaseUrl(url: string, problems: string[]): DatabaseTarget {
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

export function parseInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return value;
}

export function parseSecretsKey(raw: string | undefined, problems: string[]): Buffer | null {
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
export function parseMessaging(env: Env, problems: string[]): MessagingConfig {
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
export function parseCorsOrigins(raw: string | undefined, problems: string[]): readonly string[] | null {
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
 * OUTBOUND_ALLOWED_NETWORKS: the non-public networks (loopback, private, link-local, …) that trigger, event
 * webhook and migration-source URLs may still reach, as addresses or CIDR blocks; `*` lets them reach any
 * address. Empty (the default): public addresses only, so a pool's admin cannot aim the gateway at its own
 * host, the internal network or a cloud metadata service.
 */
export function parseOutboundAllowedNetworks(raw: string | undefined, problems: string[]): OutboundNetworks {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 1 && entries[0] === "*") return "any";
  const networks: IpNetwork[] = [];
  for (const entry of entries) {
    const network = parseIpNetwork(entry);
    if (network) networks.push(network);
    else
      problems.push(
        `OUTBOUND_ALLOWED_NETWORKS must list addresses or CIDR blocks (e.g. 127.0.0.1,10.0.0.0/8,fd00::/8), or be * alone; got ${JSON.stringify(entry)}`,
      );
  }
  return Object.freeze(networks);
}

/**
 * Express would also take `true`, "trust every hop": the client address is then the first entry of
 * X-Forwarded-For, which any client writes itself, so one client could pose as endless addresses and
 * never meet the per-address sign-in limit. Refused; a hop count says the same thing safely.
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
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
export function parseMetrics(env: Env, port: number, awsJsonPath: string, problems: string[]): MetricsConfig {
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
export function parsePoolDomainSuffix(raw: string | undefined, publicUrl: string, problems: string[]): string {
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
