import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
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
  const persistent = (entity: T, column: ColumnMetadata) => driver.preparePersistentValue(column.getEntityValue(entity), column) as unknown;
  const isGeneratedKey = columns.some((column) => column.isGenerated);

  return {
    table,
    selectList: (alias, prefix = "") => columns.map((column) => `${alias}.${escape(column.databaseName)} AS ${escape(prefix + column.databaseName)}`).join(", "),
    hydrate(row, prefix = "") {
      if (row[prefix + primary.databaseName] === null || row[prefix + primary.databaseName] === undefined) return null;
      const entity = metadata.create() as T;
      for (const column of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[prefix + column.databaseName], column));
      return entity;
    },
    async insert(runner, entity) {
      const result = (await runner.query(insertSql, writable.map((column) => persistent(entity, column)))) as { insertId?: number } | number | bigint;
      if (!isGeneratedKey) return null;
      // mysql2 answers with a result header, better-sqlite3 (through TypeORM) with the last row id.
      return Number(typeof result === "object" ? result.insertId : result);
    },
  };
}
