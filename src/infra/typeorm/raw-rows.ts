import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import type { MysqlDriver } from "typeorm/driver/mysql/MysqlDriver.js";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";

/**
 * Hot-path statements without the query builder, which costs several times the round trip's own
 * CPU (measured on the sign-in path: ~100–250 µs per statement against ~60 µs for the same SQL sent
 * as is). The SQL text is built once per entity from TypeORM's metadata, and values go through the
 * driver's own conversions both ways (dates, booleans, transformers), so both dialects read and write
 * exactly what the repositories' TypeORM calls do.
 */
export interface RawEntity<T extends ObjectLiteral> {
  /** `alias.col AS prefixcol, …` for every column, in metadata order. */
  selectList(alias: string, prefix?: string): string;
  /** The escaped table name. */
  table: string;
  /** An entity from a raw row whose columns carry `prefix` (null when its primary key is null: an outer join's empty side). */
  hydrate(row: Record<string, unknown>, prefix?: string): T | null;
  /** INSERT of one entity; resolves to the generated key for tables with one (the events' seq), else null. */
  insert(manager: EntityManager, entity: T): Promise<number | null>;
  /** The same INSERT as SQL and values, for a caller that sends it with others (batched-writes.ts). */
  insertStatement(entity: T): { sql: string; values: unknown[] };
}

/** mysql2's core (callback) API, on the pool and on a pool connection alike. */
interface PreparedStatements {
  execute(sql: string, values: unknown[], callback: (error: Error | null, result: unknown) => void): void;
}

/**
 * Runs a hot-path statement. On MariaDB as a server-side prepared statement (mysql2 `execute`: parsed
 * once per connection, values sent binary; measured ~25 µs less client CPU and ~20 µs less server CPU
 * per statement than TypeORM's text protocol), on the manager's transaction connection when it has one;
 * errors come back as TypeORM's QueryFailedError, so deadlock retries and constraint mapping still see
 * them. SQLite goes through TypeORM, which already keeps its statements prepared.
 */
export async function runStatement(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<unknown> {
  if (manager.connection.options.type !== "mariadb") return manager.query(sql, [...parameters]);
  const values = parameters.map((value) => (value === undefined ? null : value));
  try {
    const runner = manager.queryRunner;
    const target = (
      runner ? await runner.connect() : (manager.connection.driver as MysqlDriver).pool
    ) as PreparedStatements;
    // The callback API: `.promise()` required mysql2's promise module and built a wrapper on every statement
    // (~7 µs of the ~35 µs of client CPU per statement, measured serially on this machine).
    return await new Promise((resolve, reject) =>
      target.execute(sql, values, (error, result) => (error ? reject(error) : resolve(result))),
    );
  } catch (error) {
    throw new QueryFailedError(sql, values, error as Error);
  }
}

/** `build` once per data source (repositories are created per transaction; their SQL is not). */
export function perDataSource<T>(build: (dataSource: DataSource) => T): (dataSource: DataSource) => T {
  const built = new WeakMap<DataSource, T>();
  return (dataSource) => {
    let value = built.get(dataSource);
    if (value === undefined) {
      value = build(dataSource);
      built.set(dataSource, value);
    }
    return value;
  };
}

export function rawEntity<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>): RawEntity<T> {
  const { driver } = dataSource;
  const metadata = dataSource.getMetadata(target);
  const columns = metadata.columns;
  const primary = metadata.primaryColumns[0]!;
  const escape = (name: string) => driver.escape(name);
  const table = escape(metadata.tableName);
  const writable = columns.filter((column) => !column.isGenerated);
  const insertSql = `INSERT INTO ${table} (${writable.map((column) => escape(column.databaseName)).join(", ")}) VALUES (${writable.map(() => "?").join(", ")})`;
  const persistent = (entity: T, column: ColumnMetadata) =>
    driver.preparePersistentValue(column.getEntityValue(entity), column) as unknown;
  const isGeneratedKey = columns.some((column) => column.isGenerated);

  return {
    table,
    selectList: (alias, prefix = "") =>
      columns
        .map((column) => `${alias}.${escape(column.databaseName)} AS ${escape(prefix + column.databaseName)}`)
        .join(", "),
    hydrate(row, prefix = "") {
      if (row[prefix + primary.databaseName] === null || row[prefix + primary.databaseName] === undefined) return null;
      const entity = metadata.create() as T;
      for (const column of columns)
        column.setEntityValue(entity, driver.prepareHydratedValue(row[prefix + column.databaseName], column));
      return entity;
    },
    insertStatement: (entity) => ({ sql: insertSql, values: writable.map((column) => persistent(entity, column)) }),
    async insert(runner, entity) {
      const result = (await runStatement(
        runner,
        insertSql,
        writable.map((column) => persistent(entity, column)),
      )) as { insertId?: number } | number | bigint;
      if (!isGeneratedKey) return null;
      // mysql2 answers with a result header, better-sqlite3 (through TypeORM) with the last row id.
      return Number(typeof result === "object" ? result.insertId : result);
    },
  };
}
