import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupSqliteDatabase, restoreSqliteDatabase } from "../../src/infra/typeorm/sqlite-backup.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import { createConfirmedUser, expectTokens, passwordSignIn, signInEnv, srpSignIn } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const PASSWORD = "Backed-Up-Passw0rd!";
const embedded = BACKENDS.find((backend) => backend.name === "embedded")!;

describe("embedded database backup and restore", () => {
  const directories: string[] = [];
  const apps: TestApp[] = [];
  const temporaryDirectory = () => {
    const directory = mkdtempSync(path.join(tmpdir(), "gw-backup-"));
    directories.push(directory);
    return directory;
  };
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  it("backs up the SQLite file while the gateway runs and writes, restores it into a new DATA_DIR, and users sign in there", async () => {
    // What must be kept with a backup: the SECRETS_KEY (here given; by default DATA_DIR/secrets.key).
    const secretsKey = randomBytes(32).toString("base64");
    const env = { ...signInEnv(embedded), SECRETS_KEY: secretsKey };
    const running = await getTestApp(embedded, { env, dataDir: temporaryDirectory() });
    apps.push(running);
    const { poolId, clientId } = await createPoolWithClient(running);
    const username = uniqueName("kept");
    await createConfirmedUser(running, poolId, username, PASSWORD);

    // Writes go on during the backup: the copy is one consistent moment, whatever it catches of them.
    const backupFile = path.join(temporaryDirectory(), "gateway-backup.sqlite");
    const busy = Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createConfirmedUser(running, poolId, uniqueName(`busy${index}`), PASSWORD),
      ),
    );
    const progress: number[] = [];
    const result = await backupSqliteDatabase(
      running.config.database.dialect === "sqlite" ? running.config.database.path : "",
      backupFile,
      { onProgress: ({ remainingPages }) => progress.push(remainingPages) },
    );
    await busy;
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    // A new DATA_DIR with only the backup in it, the same SECRETS_KEY, and the running gateway still up.
    const restoredDir = temporaryDirectory();
    restoreSqliteDatabase(backupFile, path.join(restoredDir, "gateway.sqlite"));
    expect(() => restoreSqliteDatabase(backupFile, path.join(restoredDir, "gateway.sqlite"))).toThrow(/exists/);
    const restored = await getTestApp(embedded, { env, dataDir: restoredDir });
    apps.push(restored);
    expectTokens(await passwordSignIn(restored, clientId, username, PASSWORD));
    expectTokens(await srpSignIn(restored, { poolId, clientId, username, password: PASSWORD }));
  });

  it("refuses to restore a file that is not a sound SQLite database", () => {
    const directory = temporaryDirectory();
    const bogus = path.join(directory, "not-a-backup.sqlite");
    writeFileSync(bogus, "this is not SQLite");
    expect(() => restoreSqliteDatabase(bogus, path.join(directory, "gateway.sqlite"))).toThrow();
    expect(existsSync(path.join(directory, "gateway.sqlite"))).toBe(false);
  });
});
