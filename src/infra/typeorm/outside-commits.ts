import type { DataSource } from "typeorm";
import type { OutsideCommits } from "../../core/caching/invalidation-channel.js";

/**
 * On the embedded file: SQLite's `PRAGMA data_version`, which moves whenever another connection (the
 * admin CLI, writing while the gateway runs) commits, and never for this process's own connection.
 * One synchronous call into better-sqlite3, about a microsecond. Undefined on MariaDB, whose other
 * writers announce their changes over Redis.
 */
export function createOutsideCommits(dataSource: DataSource): OutsideCommits | undefined {
  if (dataSource.options.type !== "better-sqlite3") return undefined;
  const connection = (
    dataSource.driver as unknown as {
      databaseConnection: { pragma(source: string, options: { simple: true }): unknown };
    }
  ).databaseConnection;
  return { count: () => Number(connection.pragma("data_version", { simple: true })) };
}
