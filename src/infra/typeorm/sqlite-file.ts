import Database from "better-sqlite3";

/** Tables every gateway database has had from its first migration on. */
const GATEWAY_TABLES = ["migrations", "user_pools", "users", "admin_api_keys"] as const;

export interface GatewayDatabaseFile {
  /** Names in its migrations table, oldest first. */
  migrations: string[];
}

/**
 * Checks that `file` is an embedded gateway database (SQLite, sound, with the gateway's tables and
 * migrations) before anyone puts it in place of one. Throws Error saying what it is not.
 */
export function inspectGatewayDatabaseFile(file: string): GatewayDatabaseFile {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened as SQLite: ${(error as Error).message}`);
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set(
        (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
          (row) => row.name,
        ),
      );
    } catch {
      throw new Error(`${file} is not a SQLite database`);
    }
    const missing = GATEWAY_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0)
      throw new Error(`${file} is not an identity gateway database (no ${missing.join(", ")} table)`);
    const verdict = db.pragma("quick_check", { simple: true });
    if (verdict !== "ok") throw new Error(`${file} fails SQLite's quick_check: ${String(verdict)}`);
    const migrations = (db.prepare("SELECT name FROM migrations ORDER BY id").all() as { name: string }[]).map(
      (row) => row.name,
    );
    return { migrations };
  } finally {
    db.close();
  }
}

/**
 * True when another process has `file` open as the gateway does (WAL mode holds a shared lock for as
 * long as a connection is open): the exclusive lock a probe asks for is then refused at once.
 */
export function isSqliteFileInUse(file: string): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    db.close();
  }
}
