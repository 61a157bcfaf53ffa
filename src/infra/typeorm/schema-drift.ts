import { createConnection } from "mysql2/promise";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseTarget } from "../../config/index.js";
import { randomLowerAlphanumeric } from "../../lib/random.js";
import { createDataSource } from "./data-source.js";

export interface SchemaDrift {
  up: { query: string; parameters?: unknown[] }[];
  down: { query: string; parameters?: unknown[] }[];
}

/**
 * Applies every committed migration to an empty scratch database of the dialect and asks TypeORM
 * what it would still change to match the entities. Empty `up` means migrations and entities agree.
 */
export async function measureSchemaDrift(target: DatabaseTarget): Promise<SchemaDrift> {
  return withScratchDatabase(target, async (scratch) => {
    const dataSource = createDataSource(scratch, { poolSize: 2 });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: "each" });
      const log = await dataSource.driver.createSchemaBuilder().log();
      return { up: log.upQueries, down: log.downQueries };
    } finally {
      await dataSource.destroy();
    }
  });
}

async function withScratchDatabase<T>(
  target: DatabaseTarget,
  work: (scratch: DatabaseTarget) => Promise<T>,
): Promise<T> {
  if (target.dialect === "sqlite") {
    const directory = mkdtempSync(path.join(tmpdir(), "gw-schema-"));
    try {
      return await work({ dialect: "sqlite", path: path.join(directory, "scratch.sqlite") });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  const database = `gw_scratch_${randomLowerAlphanumeric(10)}`;
  const admin = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  try {
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return await work({ ...target, database });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  }
}
