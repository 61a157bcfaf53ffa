/**
 * The backends every integration test runs on: always the embedded default (SQLite + in-process
 * store); MariaDB + Redis too when DATABASE_URL and REDIS_URL are set (as .ci/run does).
 */
export interface Backend {
  name: "embedded" | "mariadb+redis";
  /** Environment overrides for loadConfig; the embedded one gets its SQLite file per app. */
  env: Record<string, string>;
}

const mariadbUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

export const externalBackendConfigured = Boolean(mariadbUrl && /^(mariadb|mysql):/.test(mariadbUrl) && redisUrl);

export const BACKENDS: Backend[] = [
  { name: "embedded", env: {} },
  ...(externalBackendConfigured ? [{ name: "mariadb+redis" as const, env: { DATABASE_URL: mariadbUrl!, REDIS_URL: redisUrl! } }] : []),
];
