import "reflect-metadata";
import { createConnection } from "mysql2/promise";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { loadConfig, type DatabaseTarget } from "../../src/config/index.js";
import { createDataSource } from "../../src/infra/typeorm/data-source.js";
import { BACKENDS } from "../support/backends.js";
import { uniqueName } from "../support/directory.js";

const MIGRATION = /^ResourceServerScopes\d+$/;

/** An empty database of the backend's dialect for the length of `work`. */
async function withScratchDatabase(
  backend: (typeof BACKENDS)[number],
  work: (target: DatabaseTarget) => Promise<void>,
): Promise<void> {
  if (backend.name === "embedded") {
    const directory = mkdtempSync(path.join(tmpdir(), "gw-migration-"));
    try {
      return await work({ dialect: "sqlite", path: path.join(directory, "scratch.sqlite") });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  const target = loadConfig({
    DATABASE_URL: backend.env.DATABASE_URL,
    SECRETS_KEY: "0".repeat(64),
    NODE_ENV: "test",
  }).database;
  if (target.dialect !== "mariadb") throw new Error("expected MariaDB");
  const database = `gw_migration_${uniqueName("m").toLowerCase()}`;
  const admin = await createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  try {
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await work({ ...target, database });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  }
}

/** Undoes migrations until ResourceServerScopes is undone (later ones first, if any landed since). */
async function undoThroughScopesMigration(dataSource: DataSource): Promise<void> {
  const names = dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
  const index = names.findIndex((name) => MIGRATION.test(name));
  expect(index).toBeGreaterThan(-1);
  for (let undone = names.length - 1; undone >= index; undone--)
    await dataSource.undoLastMigration({ transaction: "each" });
}

const SCOPES = [
  { scopeName: "write", scopeDescription: "€ writes ✓ 😀" },
  { scopeName: "admin", scopeDescription: "all of it" },
  { scopeName: "read", scopeDescription: "reads" },
];

describe.each(BACKENDS)("the ResourceServerScopes migration on $name", (backend) => {
  it("moves the scopes JSON into rows in their order, and back on revert", async () => {
    await withScratchDatabase(backend, async (target) => {
      const dataSource = createDataSource(target, { poolSize: 2 });
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: "each" });
        await undoThroughScopesMigration(dataSource);
        // The storage as the OAuthStorage migration left it, with data in it.
        const now = "2026-01-01 00:00:00.000";
        await dataSource.query(
          "INSERT INTO user_pools (id, name, deletion_protection, username_case_sensitive, settings, schema_attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          ["local_migration1", "pool", "INACTIVE", 0, "{}", "[]", now, now],
        );
        const insertServer =
          "INSERT INTO resource_servers (pool_id, identifier, name, scopes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
        await dataSource.query(insertServer, [
          "local_migration1",
          "https://api.example.com",
          "API",
          JSON.stringify(SCOPES),
          now,
          now,
        ]);
        await dataSource.query(insertServer, ["local_migration1", "empty", "Empty", "[]", now, now]);

        await dataSource.runMigrations({ transaction: "each" });
        const rows = (await dataSource.query(
          "SELECT identifier, scope_name, position, scope_description FROM resource_server_scopes ORDER BY identifier, position",
        )) as Record<string, unknown>[];
        expect(rows.map((row) => ({ ...row, position: Number(row.position) }))).toEqual(
          SCOPES.map((scope, position) => ({
            identifier: "https://api.example.com",
            scope_name: scope.scopeName,
            position,
            scope_description: scope.scopeDescription,
          })),
        );
        // The rows belong to their server: deleting it takes them with it (the foreign key cascades).
        await dataSource.query(
          "INSERT INTO resource_server_scopes (pool_id, identifier, scope_name, position, scope_description) VALUES (?, ?, ?, ?, ?)",
          ["local_migration1", "empty", "x", 0, "x"],
        );
        await dataSource.query("DELETE FROM resource_servers WHERE identifier = ?", ["empty"]);
        expect(
          await dataSource.query("SELECT scope_name FROM resource_server_scopes WHERE identifier = ?", ["empty"]),
        ).toEqual([]);

        await undoThroughScopesMigration(dataSource);
        const servers = (await dataSource.query(
          "SELECT identifier, scopes FROM resource_servers ORDER BY identifier",
        )) as { identifier: string; scopes: string }[];
        expect(servers.map((server) => [server.identifier, JSON.parse(server.scopes)])).toEqual([
          ["https://api.example.com", SCOPES],
        ]);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
