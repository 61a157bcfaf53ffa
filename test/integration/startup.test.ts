import { randomBytes } from "node:crypto";
import { createConnection } from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { externalBackendConfigured } from "../support/backends.js";
import { ListAdminApiKeysDocument } from "../support/generated/graphql.js";
import { expectData, postGraphql } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const PROCESSES = 3;

/**
 * Gateway processes started together on a new MariaDB database (a deployment scaled out on day one):
 * each must come up, the schema must be migrated once, and there must be one bootstrap admin key.
 * Each app here is a full gateway with its own connection pool, as separate processes have.
 */
describe.skipIf(!externalBackendConfigured)("processes starting together on one new MariaDB database", () => {
  const url = new URL(process.env.DATABASE_URL ?? "mariadb://root@127.0.0.1:3306/unused");
  const databases: string[] = [];
  const started: TestApp[] = [];

  async function newDatabase(): Promise<string> {
    const name = `gw_startup_${randomBytes(4).toString("hex")}`;
    const { host, port, user, password } = loadConfig({
      DATABASE_URL: url.toString(),
      SECRETS_KEY: "0".repeat(64),
      NODE_ENV: "test",
    }).database as { host: string; port: number; user: string; password: string };
    const admin = await createConnection({ host, port, user, password });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await admin.end();
    databases.push(name);
    const target = new URL(url.toString());
    target.pathname = `/${name}`;
    return target.toString();
  }

  afterAll(async () => {
    await Promise.all(started.map((app) => app.close()));
    const { host, port, user, password } = loadConfig({
      DATABASE_URL: url.toString(),
      SECRETS_KEY: "0".repeat(64),
      NODE_ENV: "test",
    }).database as { host: string; port: number; user: string; password: string };
    const admin = await createConnection({ host, port, user, password });
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  });

  const startTogether = async (env: Record<string, string>) => {
    const apps = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        getTestApp({ name: "mariadb+redis", env: { REDIS_URL: process.env.REDIS_URL!, ...env } }),
      ),
    );
    started.push(...apps);
    return apps;
  };

  it("without ADMIN_API_KEY: every process starts, and exactly one made (and printed) a bootstrap key, which works on all of them", async () => {
    const databaseUrl = await newDatabase();
    // Same secrets key: the processes share sealed data.
    const apps = await startTogether({
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: "",
      SECRETS_KEY: randomBytes(32).toString("base64"),
    });
    const generated = apps.map((app) => app.app.generatedAdminKey).filter((key): key is string => key !== null);
    expect(generated).toHaveLength(1);
    for (const app of apps) {
      const keys = expectData(
        await postGraphql(app.url, ListAdminApiKeysDocument, { first: 10 }, { token: generated[0]! }),
      ).adminApiKeys.items;
      expect(keys.map((key) => key.name)).toEqual(["bootstrap"]);
    }
  });

  it("with one ADMIN_API_KEY: every process starts and the key is registered once", async () => {
    const databaseUrl = await newDatabase();
    const adminKey = `startup-${randomBytes(24).toString("hex")}`;
    const apps = await startTogether({
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: adminKey,
      SECRETS_KEY: randomBytes(32).toString("base64"),
    });
    for (const app of apps) {
      const keys = expectData(await postGraphql(app.url, ListAdminApiKeysDocument, { first: 10 }, { token: adminKey }))
        .adminApiKeys.items;
      expect(keys.map((key) => key.name)).toEqual(["ADMIN_API_KEY"]);
    }
  });
});
