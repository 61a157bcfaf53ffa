import type { DataSource, QueryRunner } from "typeorm";

export interface StartupLock {
  release(): Promise<void>;
}

/** How long a starting process waits for another one's migrations and first writes. */
const WAIT_SECONDS = 120;

/**
 * Serialises the start of gateway processes that share one MariaDB database: migrations and the
 * bootstrap admin key are "read, then write" steps that two processes starting together would both
 * take (both creating the same tables, or each its own bootstrap key). MariaDB's named lock is held by
 * one connection until released (or until that connection dies with its process). SQLite needs none:
 * one process owns the file, and its writes are serialised anyway.
 * @throws Error when another process holds the lock for longer than WAIT_SECONDS
 */
export async function acquireStartupLock(dataSource: DataSource): Promise<StartupLock> {
  if (dataSource.options.type !== "mariadb") return { release: async () => undefined };
  const database = String(dataSource.options.database);
  // Lock names are server-wide (64 characters at most): one per database.
  const name = `identity-gateway:${database}`.slice(0, 64);
  const runner: QueryRunner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [row] = (await runner.query("SELECT GET_LOCK(?, ?) AS taken", [name, WAIT_SECONDS])) as {
      taken: number | string | null;
    }[];
    if (Number(row?.taken) !== 1)
      throw new Error(
        `another gateway process has been starting on database ${database} for over ${WAIT_SECONDS} s (startup lock ${name} not released)`,
      );
  } catch (error) {
    await runner.release();
    throw error;
  }
  return {
    async release() {
      try {
        await runner.query("SELECT RELEASE_LOCK(?)", [name]);
      } finally {
        await runner.release();
      }
    },
  };
}
