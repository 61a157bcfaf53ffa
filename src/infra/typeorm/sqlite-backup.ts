import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface SqliteBackupProgress {
  totalPages: number;
  remainingPages: number;
}

/**
 * Copies the embedded database with SQLite's online backup API while the gateway keeps running: a
 * second, read-only connection copies page by page, and pages written meanwhile are copied again, so
 * the result is one consistent moment (WAL included). Writes the copy beside `destination` first and
 * renames it into place, so a failed backup never leaves a half file under the name.
 * The backup holds no secrets key: keep SECRETS_KEY (or DATA_DIR/secrets.key) with it (README "Operating").
 */
export async function backupSqliteDatabase(
  source: string,
  destination: string,
  options: { onProgress?: (progress: SqliteBackupProgress) => void } = {},
): Promise<{ bytes: number; pages: number }> {
  if (!existsSync(source)) throw new Error(`No database file at ${source}`);
  mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(partial, {
      progress: (info) => {
        options.onProgress?.(info);
        // Pages per step: large enough to finish soon, small enough to let the gateway's writes in between.
        return 1000;
      },
    });
    renameSync(partial, destination);
    const check = new Database(destination, { readonly: true });
    try {
      const verdict = check.pragma("quick_check", { simple: true });
      if (verdict !== "ok") throw new Error(`The backup failed SQLite's quick_check: ${String(verdict)}`);
      const bytes =
        Number(check.pragma("page_count", { simple: true })) * Number(check.pragma("page_size", { simple: true }));
      return { bytes, pages: result.totalPages };
    } finally {
      check.close();
    }
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place as the database file of a stopped gateway (a new or emptied DATA_DIR): checks
 * the backup first, refuses to overwrite an existing database unless `overwrite`, and removes stale
 * -wal/-shm files that belong to the file it replaces.
 */
export function restoreSqliteDatabase(
  backup: string,
  destination: string,
  options: { overwrite?: boolean } = {},
): void {
  const check = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const verdict = check.pragma("quick_check", { simple: true });
    if (verdict !== "ok") throw new Error(`${backup} is not a sound SQLite database: ${String(verdict)}`);
  } finally {
    check.close();
  }
  if (existsSync(destination) && !options.overwrite)
    throw new Error(`${destination} exists; stop the gateway and pass overwrite to replace it`);
  mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  copyFileSync(backup, partial);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${destination}${suffix}`, { force: true });
  renameSync(partial, destination);
}
