import { ConfigError, loadConfig, type Config } from "../../config/index.js";
import { maskRedisUrl } from "../../lib/redis-url.js";
import type { Command } from "../command.js";
import { EXIT } from "../io.js";

const MASK = "***";

/** A URL with its password (if any) replaced. */
function maskUrlPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, `$1${MASK}@`);
}

/**
 * The effective settings as "name = value" lines, secrets masked: keys, passwords and tokens show only
 * whether they are set, URLs lose their passwords.
 */
export function describeConfig(config: Config): string[] {
  const database =
    config.database.dialect === "sqlite"
      ? `sqlite ${config.database.path}`
      : `mariadb ${config.database.user}@${config.database.host}:${config.database.port}/${config.database.database}${config.database.password ? ` (password ${MASK})` : ""}`;
  const secret = (value: unknown): string => (value === null || value === undefined ? "(not set)" : MASK);
  const lines: [string, unknown][] = [
    ["NODE_ENV", config.nodeEnv],
    ["HOST:PORT", `${config.host}:${config.port}`],
    ["PUBLIC_URL", config.publicUrl],
    ["REGION", config.region],
    ["DATA_DIR", config.dataDir],
    ["database", database],
    [
      "REDIS_URL",
      config.redisUrl === null ? "(not set: in-process store, one gateway process)" : maskRedisUrl(config.redisUrl),
    ],
    ["REDIS_KEY_PREFIX", config.redisKeyPrefix],
    ["ADMIN_API_KEY", secret(config.adminApiKey)],
    ["SECRETS_KEY", config.secretsKey === null ? `(not set: ${config.dataDir}/secrets.key)` : MASK],
    ["LOG_LEVEL", config.logLevel],
    ["AWS_JSON_PATH", config.awsJsonPath],
    ["CORS_ORIGINS", config.corsOrigins === null ? "*" : config.corsOrigins.join(" ")],
    ["TRUST_PROXY", Array.isArray(config.trustProxy) ? config.trustProxy.join(",") : String(config.trustProxy)],
    ["POOL_DOMAIN_SUFFIX", config.poolDomainSuffix],
    [
      "METRICS",
      `${config.metrics.port === null ? "no separate port" : `port ${config.metrics.port}`}, token ${secret(config.metrics.token)}`,
    ],
    [
      "messaging SMTP",
      config.messaging.smtp
        ? `${maskUrlPassword(config.messaging.smtp.url)} from ${config.messaging.smtp.from}`
        : "(not set)",
    ],
    ["messaging webhook", config.messaging.webhook ? `${config.messaging.webhook.url} (secret ${MASK})` : "(not set)"],
    [
      "GRAPHQL limits",
      `depth ${config.graphql.maxDepth}, aliases ${config.graphql.maxAliases}, cost ${config.graphql.maxCost}, tokens ${config.graphql.maxTokens}`,
    ],
    [
      "quotas",
      `pools ${config.maxUserPools}, clients/pool ${config.maxClientsPerPool}, groups/pool ${config.maxGroupsPerPool}, groups/user ${config.maxGroupsPerUser}`,
    ],
    ["BCRYPT_COST", config.bcryptCost],
    ["SRP_WORKERS", config.srpWorkers],
    ["SIGN_IN_FAILURES_PER_IP", config.signInFailuresPerIp],
    ["ENUMERATION_SAFE_MS", config.enumerationSafeMs],
  ];
  return lines.map(([name, value]) => `  ${name.padEnd(24)} ${String(value)}`);
}

export const checkConfig: Command = {
  name: "check-config",
  summary: "Validate the configuration the gateway would start with",
  usage: "",
  details:
    'Reads the environment exactly as the gateway does at start (every variable in README "Configuration"), prints each problem, or the effective settings with secrets masked. Exit code 1 when there is any problem. It does not connect to the database or Redis.',
  options: {},
  optionHelp: [],
  positionals: { min: 0, max: 0, names: "" },
  async run(_args, output) {
    let config: Config;
    try {
      config = loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      output.err(`The configuration has ${error.problems.length} problem(s):`);
      for (const problem of error.problems) output.err(`  - ${problem}`);
      return EXIT.failed;
    }
    output.out("The configuration is valid. Effective settings:");
    for (const line of describeConfig(config)) output.out(line);
    if (config.nodeEnv === "production" && config.database.dialect === "sqlite")
      output.out(
        'Note: NODE_ENV=production on the embedded SQLite database: one gateway process only (README "Operating").',
      );
    return EXIT.ok;
  },
};
