import "reflect-metadata";
import { createConnection } from "mysql2/promise";
import { loadConfig } from "../../src/config/index.js";
import { createDataSource } from "../../src/infra/typeorm/data-source.js";

/**
 * Migrates the shared MariaDB once before any test file starts, so parallel test apps find the
 * schema in place instead of racing to create it.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/^(mariadb|mysql):/.test(url)) return;
  const config = loadConfig({ DATABASE_URL: url, SECRETS_KEY: "0".repeat(64), NODE_ENV: "test" });
  if (config.database.dialect !== "mariadb") return;
  const { host, port, user, password, database } = config.database;
  const admin = await createConnection({ host, port, user, password });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const dataSource = createDataSource(config.database, { poolSize: 2 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await dataSource.destroy();
}
