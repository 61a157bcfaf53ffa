import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import { createConfirmedUser, expectTokens, passwordSignIn, signInEnv, srpSignIn } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const run = promisify(execFile);
const PASSWORD = "Dumped-Passw0rd!";
const mariadb = BACKENDS.find((backend) => backend.name === "mariadb+redis");

/**
 * README "Backup and restore", production: `mariadb-dump --single-transaction` of the gateway's database
 * while it runs and writes, restored with `mariadb` into an empty database, and a gateway started on it
 * with the same SECRETS_KEY: users sign in there with their passwords (SRP and USER_PASSWORD_AUTH).
 * Each run uses two databases of its own, so the dump holds this test's data only.
 */
describe.skipIf(!mariadb)("MariaDB backup with mariadb-dump and restore", () => {
  const server = mariadb ? new URL(mariadb.env.DATABASE_URL!) : null;
  const suffix = randomBytes(4).toString("hex");
  const sourceDatabase = `gw_backup_${suffix}`;
  const restoredDatabase = `gw_restored_${suffix}`;
  const directory = mkdtempSync(path.join(tmpdir(), "gw-mariadb-backup-"));
  const apps: TestApp[] = [];
  /** The client's connection options, from DATABASE_URL (root, no password on CI's server). */
  const clientArguments = (): string[] => [
    `--host=${server!.hostname}`,
    `--port=${server!.port || "3306"}`,
    `--user=${decodeURIComponent(server!.username || "root")}`,
    ...(server!.password ? [`--password=${decodeURIComponent(server!.password)}`] : []),
  ];
  const sql = (statement: string) => run("mariadb", [...clientArguments(), "-e", statement]);
  const urlOf = (database: string): string => {
    const url = new URL(server!.toString());
    url.pathname = `/${database}`;
    return url.toString();
  };

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await sql(`DROP DATABASE IF EXISTS ${sourceDatabase}; DROP DATABASE IF EXISTS ${restoredDatabase}`);
    rmSync(directory, { recursive: true, force: true });
  });

  it("dumps the live database while it is written, restores it into an empty database, and users sign in there", async () => {
    await sql(`CREATE DATABASE ${sourceDatabase} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    // What must be kept with a backup: the SECRETS_KEY (sealed secrets and the password pepper).
    const secretsKey = randomBytes(32).toString("base64");
    const env = { ...signInEnv(mariadb!), SECRETS_KEY: secretsKey };
    const running = await getTestApp(mariadb!, { env: { ...env, DATABASE_URL: urlOf(sourceDatabase) } });
    apps.push(running);
    const { poolId, clientId } = await createPoolWithClient(running);
    const username = uniqueName("dumped");
    await createConfirmedUser(running, poolId, username, PASSWORD);

    // Writes go on during the dump: --single-transaction copies one consistent moment without locking them out.
    const dumpFile = path.join(directory, "identity.sql");
    const busy = Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createConfirmedUser(running, poolId, uniqueName(`busy${index}`), PASSWORD),
      ),
    );
    await run(
      "sh",
      [
        "-c",
        'mariadb-dump "$@" > "$DUMP_FILE"',
        "mariadb-dump",
        ...clientArguments(),
        "--single-transaction",
        "--routines",
        "--triggers",
        "--hex-blob",
        sourceDatabase,
      ],
      { env: { ...process.env, DUMP_FILE: dumpFile } },
    );
    await busy;
    expect(statSync(dumpFile).size).toBeGreaterThan(0);
    expect(readFileSync(dumpFile, "utf8")).toContain("CREATE TABLE `users`");

    await sql(`CREATE DATABASE ${restoredDatabase} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await run("sh", ["-c", 'mariadb "$@" < "$DUMP_FILE"', "mariadb", ...clientArguments(), restoredDatabase], {
      env: { ...process.env, DUMP_FILE: dumpFile },
    });
    const restored = await getTestApp(mariadb!, { env: { ...env, DATABASE_URL: urlOf(restoredDatabase) } });
    apps.push(restored);
    expectTokens(await passwordSignIn(restored, clientId, username, PASSWORD));
    expectTokens(await srpSignIn(restored, { poolId, clientId, username, password: PASSWORD }));

    // Without the SECRETS_KEY the restored users' passwords no longer work (the pepper is derived from it).
    const keyless = await getTestApp(mariadb!, {
      env: { ...env, SECRETS_KEY: randomBytes(32).toString("base64"), DATABASE_URL: urlOf(restoredDatabase) },
    });
    apps.push(keyless);
    const refused = await passwordSignIn(keyless, clientId, username, PASSWORD);
    expect(refused.errors?.[0]?.extensions?.code).toBe("NotAuthorizedException");
  }, 180_000);
});
