import { describe, it } from "vitest";

/**
 * The backends every integration test runs on: always the embedded default (SQLite + in-process
 * store); MariaDB + Redis too when DATABASE_URL and REDIS_URL are set (as .ci/run does).
 */
export interface Backend {
  name: "embedded" | "mariadb+redis" | "mariadb+redis-cluster";
  /** Environment overrides for loadConfig; the embedded one gets its SQLite file per app. */
  env: Record<string, string>;
}

const mariadbUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

export const externalBackendConfigured = Boolean(mariadbUrl && /^(mariadb|mysql):/.test(mariadbUrl) && redisUrl);

export const BACKENDS: Backend[] = [
  { name: "embedded", env: {} },
  ...(externalBackendConfigured
    ? [{ name: "mariadb+redis" as const, env: { DATABASE_URL: mariadbUrl!, REDIS_URL: redisUrl! } }]
    : []),
];

const redisClusterUrl = process.env.REDIS_CLUSTER_URL;

/** MariaDB + a Redis Cluster (REDIS_CLUSTER_URL, which .ci/run sets after starting .ci/redis-cluster). */
export const clusterBackendConfigured = Boolean(externalBackendConfigured && redisClusterUrl);
const CLUSTER_BACKEND: Backend = {
  name: "mariadb+redis-cluster",
  env: { DATABASE_URL: mariadbUrl ?? "", REDIS_URL: redisClusterUrl ?? "" },
};

/**
 * The given backends plus MariaDB + Redis Cluster, for the suites whose state crosses gateway processes
 * (sessions, lockouts, pub/sub). Without REDIS_CLUSTER_URL the cluster case shows as skipped.
 */
export function withClusterBackend(backends: Backend[], suite: string): Backend[] {
  if (clusterBackendConfigured) return [...backends, CLUSTER_BACKEND];
  describe.skip(`${suite} on mariadb+redis-cluster`, () => {
    it("runs when DATABASE_URL and REDIS_CLUSTER_URL are set (.ci/run)", () => undefined);
  });
  return backends;
}
