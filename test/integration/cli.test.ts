import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { BACKENDS, externalBackendConfigured } from "../support/backends.js";
import { cli, envOf, noStackTrace } from "../support/cli-process.js";
import { COMPILED_SHIM, compileGateway } from "../support/compiled-gateway.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { ListAdminApiKeysDocument } from "../support/generated/graphql.js";
import { expectData, postGraphql } from "../support/graphql-client.js";
import { createConfirmedUser, expectError, expectTokens, passwordSignIn } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

beforeAll(() => compileGateway(), 300_000);

describe("identity-gateway CLI: usage and configuration", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "gw-cli-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("the bin shim says to build first when the compiled CLI is missing", async () => {
    const bare = path.join(dataDir, "checkout/bin/identity-gateway.js");
    mkdirSync(path.dirname(bare), { recursive: true });
    copyFileSync(COMPILED_SHIM, bare);
    const run = await cli(["check-config"], {}, { shim: bare });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("npm run build");
    noStackTrace(run);
  });

  it("lists its commands, helps per command, and refuses bad usage with exit code 2", async () => {
    const help = await cli(["--help"], {});
    expect(help.code).toBe(0);
    for (const command of [
      "start",
      "migrate status",
      "migrate up",
      "admin-key create",
      "admin-key list",
      "admin-key revoke",
      "pool import",
      "pool export",
      "user-import run",
      "user-import start",
      "user-import describe",
      "user-import list",
      "user-import stop",
      "user-import csv-header",
      "backup",
      "restore",
      "check-config",
    ])
      expect(help.stdout).toContain(command);
    const restoreHelp = await cli(["restore", "--help"], {});
    expect(restoreHelp.code).toBe(0);
    expect(restoreHelp.stdout).toMatch(/Usage: identity-gateway restore <backup-file> \[--force\]/);
    for (const bad of [
      ["frobnicate"],
      ["admin-key"],
      ["migrate", "status", "--bogus"],
      ["admin-key", "revoke"],
      ["user-import"],
      ["user-import", "run", "only-a-pool"],
    ]) {
      const run = await cli(bad, { DATA_DIR: dataDir });
      expect(run.code, bad.join(" ")).toBe(2);
      noStackTrace(run);
    }
  });

  it("check-config prints the effective settings with secrets masked, and exits 0", async () => {
    const adminKey = `cli-${randomBytes(24).toString("hex")}`;
    const secretsKey = randomBytes(32).toString("base64");
    const run = await cli(["check-config"], {
      DATA_DIR: dataDir,
      ADMIN_API_KEY: adminKey,
      SECRETS_KEY: secretsKey,
      REDIS_URL: "redis+sentinel://:redis-pass@s1:26379,s2/mymaster",
      PUBLIC_URL: "https://id.example.com",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The configuration is valid");
    expect(run.stdout).toMatch(/PUBLIC_URL\s+https:\/\/id\.example\.com/);
    expect(run.stdout).toMatch(/REDIS_URL\s+redis\+sentinel:\/\/:\*\*\*@s1:26379,s2\/mymaster/);
    expect(run.stdout).toMatch(/ADMIN_API_KEY\s+\*\*\*/);
    for (const secret of [adminKey, secretsKey, "redis-pass"]) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it("check-config lists every problem, exactly as the server would refuse to start, and exits 1", async () => {
    const run = await cli(["check-config"], {
      DATA_DIR: dataDir,
      PORT: "seventy",
      REDIS_URL: "redis+cluster://",
      ADMIN_API_KEY: "short",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("3 problem(s)");
    expect(run.stderr).toMatch(/PORT must be an integer/);
    expect(run.stderr).toMatch(/REDIS_URL: a redis\+cluster:\/\/ URL needs at least one host/);
    expect(run.stderr).toMatch(/ADMIN_API_KEY/);
    expect(run.stderr).not.toContain("short");
    noStackTrace(run);
  });
});

describe("identity-gateway migrate", () => {
  it("on a fresh SQLite file: status refuses to invent a database, up creates and migrates it, status then shows nothing pending", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "gw-cli-migrate-"));
    try {
      const missing = await cli(["migrate", "status"], { DATA_DIR: dataDir });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("No gateway database");
      expect(existsSync(path.join(dataDir, "gateway.sqlite"))).toBe(false);
      const up = await cli(["migrate", "up"], { DATA_DIR: dataDir });
      expect(up.code).toBe(0);
      expect(up.stdout).toMatch(/Applied \d+ migration\(s\):\n {2}Init\d+/);
      expect(existsSync(path.join(dataDir, "secrets.key"))).toBe(true);
      const status = JSON.parse((await cli(["migrate", "status", "--json"], { DATA_DIR: dataDir })).stdout) as {
        dialect: string;
        applied: string[];
        pending: string[];
      };
      expect(status).toMatchObject({ dialect: "sqlite", pending: [] });
      expect(status.applied.length).toBeGreaterThan(5);
      expect((await cli(["migrate", "up"], { DATA_DIR: dataDir })).stdout).toContain("Nothing to apply");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!externalBackendConfigured)(
    "on a fresh MariaDB database: every migration pending, then applied",
    async () => {
      const url = new URL(process.env.DATABASE_URL!);
      const { host, port, user, password } = loadConfig({
        DATABASE_URL: url.toString(),
        SECRETS_KEY: "0".repeat(64),
        NODE_ENV: "test",
      }).database as { host: string; port: number; user: string; password: string };
      const name = `gw_cli_${randomBytes(4).toString("hex")}`;
      const admin = await createConnection({ host, port, user, password });
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      try {
        url.pathname = `/${name}`;
        const env = { DATABASE_URL: url.toString(), SECRETS_KEY: randomBytes(32).toString("base64") };
        const before = JSON.parse((await cli(["migrate", "status", "--json"], env)).stdout) as {
          dialect: string;
          applied: string[];
          pending: string[];
        };
        expect(before.dialect).toBe("mariadb");
        expect(before.applied).toEqual([]);
        expect(before.pending.length).toBeGreaterThan(5);
        const up = await cli(["migrate", "up"], env);
        expect(up.code).toBe(0);
        expect(up.stdout).toContain(`Applied ${before.pending.length} migration(s)`);
        const after = JSON.parse((await cli(["migrate", "status", "--json"], env)).stdout) as {
          applied: string[];
          pending: string[];
        };
        expect(after).toEqual({ dialect: "mariadb", applied: before.pending, pending: [] });
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      }
    },
  );
});

describe.each(BACKENDS)("identity-gateway admin-key on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  it("creates a key that works over HTTP at once, lists it, and revokes it so it stops working", async () => {
    const name = uniqueName("cli-key");
    const created = await cli(["admin-key", "create", "--name", name, "--json"], envOf(gateway));
    expect(created.code, created.stderr).toBe(0);
    const { keyId, secret, poolScope } = JSON.parse(created.stdout) as {
      keyId: string;
      secret: string;
      poolScope: string[] | null;
    };
    expect(poolScope).toBeNull();
    expect(secret).toMatch(/^gwadm_/);
    const seen = expectData(await postGraphql(gateway.url, ListAdminApiKeysDocument, { first: 60 }, { token: secret }))
      .adminApiKeys.items;
    expect(seen.length).toBeGreaterThan(0);

    const listed = JSON.parse((await cli(["admin-key", "list", "--json"], envOf(gateway))).stdout) as {
      keyId: string;
      name: string;
      revokedAt: string | null;
      createdBy: string;
    }[];
    expect(listed.find((key) => key.keyId === keyId)).toMatchObject({
      name,
      revokedAt: null,
      createdBy: "admin-key:cli",
    });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const revoked = await cli(["admin-key", "revoke", keyId], envOf(gateway));
    expect(revoked.code).toBe(0);
    expectError(
      await postGraphql(gateway.url, ListAdminApiKeysDocument, { first: 1 }, { token: secret }),
      "NotAuthorizedException",
    );
  });

  it("creates a key scoped to a pool, and refuses one for a pool that does not exist with the API's reason", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const scoped = JSON.parse(
      (await cli(["admin-key", "create", "--name", "scoped", "--pool", poolId, "--json"], envOf(gateway))).stdout,
    ) as { poolScope: string[] };
    expect(scoped.poolScope).toEqual([poolId]);
    const refused = await cli(
      ["admin-key", "create", "--name", "nowhere", "--pool", "local_doesNotExist"],
      envOf(gateway),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^ResourceNotFoundException: poolScope names user pool local_doesNotExist/);
    noStackTrace(refused);
  });
});

describe("identity-gateway backup and restore (embedded)", () => {
  const embedded = BACKENDS.find((backend) => backend.name === "embedded")!;
  const work = mkdtempSync(path.join(tmpdir(), "gw-cli-backup-"));
  const secretsKey = randomBytes(32).toString("base64");
  let live: TestApp;
  afterAll(async () => {
    await live?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("backs up a live gateway, refuses to restore over it, and a gateway on the restored copy signs its users in", async () => {
    live = await getTestApp(embedded, { env: { SECRETS_KEY: secretsKey, BCRYPT_COST: "4" } });
    const { poolId, clientId } = await createPoolWithClient(live);
    const before = await createConfirmedUser(live, poolId, uniqueName("kept"), GOOD_PASSWORD);
    const backupFile = path.join(work, "gateway-backup.sqlite");

    const backedUp = await cli(["backup", backupFile], envOf(live));
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toContain("Keep SECRETS_KEY with this backup");
    // Still serving during and after the backup; this user is not in it.
    const after = await createConfirmedUser(live, poolId, uniqueName("later"), GOOD_PASSWORD);
    expect((await cli(["backup", backupFile], envOf(live))).code).toBe(1);

    const overLive = await cli(["restore", backupFile], envOf(live));
    expect(overLive.code).toBe(1);
    expect(overLive.stderr).toContain("A gateway is running on");
    const notAGateway = path.join(work, "not-a-gateway.sqlite");
    writeFileSync(notAGateway, "just text");
    const refused = await cli(["restore", notAGateway], {
      DATA_DIR: path.join(work, "elsewhere"),
      SECRETS_KEY: secretsKey,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to restore: .*not-a-gateway\.sqlite/);

    const restoredDir = path.join(work, "restored");
    const restored = await cli(["restore", backupFile], { DATA_DIR: restoredDir, SECRETS_KEY: secretsKey });
    expect(restored.code, restored.stderr).toBe(0);
    expect((await cli(["restore", backupFile], { DATA_DIR: restoredDir, SECRETS_KEY: secretsKey })).stderr).toContain(
      "pass --force",
    );

    const copy = await getTestApp(embedded, { env: { SECRETS_KEY: secretsKey }, dataDir: restoredDir });
    try {
      expectTokens(await passwordSignIn(copy, clientId, before.username, GOOD_PASSWORD));
      // Not in the backup: unknown there (answered as a wrong password, the pool hiding user existence).
      expectError(await passwordSignIn(copy, clientId, after.username, GOOD_PASSWORD), "NotAuthorizedException");
    } finally {
      await copy.close();
    }
  }, 180_000);

  it("sends MariaDB users to mariadb-dump", async () => {
    const run = await cli(["backup", path.join(work, "x.sqlite")], {
      DATABASE_URL: "mariadb://root@127.0.0.1:1/none",
      SECRETS_KEY: secretsKey,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("mariadb-dump");
  });
});

describe("identity-gateway pool export and import", () => {
  const embedded = BACKENDS.find((backend) => backend.name === "embedded")!;
  const work = mkdtempSync(path.join(tmpdir(), "gw-cli-transfer-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("exports a pool with an export key and another gateway imports it; its users sign in with their passwords", async () => {
    const source = await getTestApp(embedded, { env: { BCRYPT_COST: "4" } });
    const file = path.join(work, "pool.jsonl");
    const passphraseFile = path.join(work, "passphrase");
    writeFileSync(passphraseFile, "correct horse battery staple\n");
    let pool: { poolId: string; clientId: string };
    let user: { username: string };
    try {
      pool = await createPoolWithClient(source);
      user = await createConfirmedUser(source, pool.poolId, uniqueName("moved"), GOOD_PASSWORD);
      await createConfirmedUser(source, pool.poolId, uniqueName("other"), GOOD_PASSWORD);
      const exported = await cli(
        ["pool", "export", pool.poolId, file, "--passphrase-file", passphraseFile],
        envOf(source),
      );
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).toMatch(/Exported pool .* \(2 users/);
    } finally {
      await source.close();
    }
    const target = await getTestApp(embedded);
    try {
      const wrongKey = path.join(work, "wrong");
      writeFileSync(wrongKey, "not the passphrase at all\n");
      const refused = await cli(["pool", "import", file, "--passphrase-file", wrongKey], envOf(target));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^InvalidParameterException: The export cannot be imported/m);
      noStackTrace(refused);
      const imported = await cli(["pool", "import", file, "--passphrase-file", passphraseFile], envOf(target));
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`Imported pool ${pool.poolId}: .*2 users`));
      expectTokens(await passwordSignIn(target, pool.clientId, user.username, GOOD_PASSWORD));
    } finally {
      await target.close();
    }
  }, 180_000);
});
