import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Logger } from "../../src/core/ports.js";
import { BACKENDS, externalBackendConfigured } from "../support/backends.js";
import { createTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

interface Readiness {
  status: number;
  body: { status: string; checks: Record<string, string> };
}

async function readiness(gateway: TestApp): Promise<Readiness> {
  const response = await fetch(`${gateway.baseUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Readiness["body"] };
}

describe.each(BACKENDS.filter((backend) => backend.name === "embedded"))("readiness on $name", (backend) => {
  it("is ready with the SQLite file and the in-process store", async () => {
    const gateway = await getTestApp(backend);
    try {
      expect(await readiness(gateway)).toEqual({
        status: 200,
        body: { status: "ready", checks: { database: "ok", store: "ok" } },
      });
    } finally {
      await gateway.close();
    }
  });
});

describe.each(BACKENDS)("what /readyz tells of a failure on $name", (backend) => {
  // The database's ping fails with whatever the test sets here; null lets it through.
  let failure: Error | null = null;
  const warnings: Array<Record<string, unknown>> = [];
  const ignore = () => undefined;
  const logger: Logger = {
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (fields, message) => void warnings.push({ ...fields, message }),
  };
  const wrapDatabase = (db: Database): Database => ({
    ...db,
    ping: () => (failure ? Promise.reject(failure) : db.ping()),
  });
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { logger, wrapDatabase } });
  });
  afterAll(async () => gateway?.close());

  it("shows only a fixed word and the error's code, and logs the driver's message without its URL", async () => {
    // A driver's message with no code: it names a user, a host and a connection string.
    failure = new Error(
      "Access denied for user 'gateway'@'10.1.2.3' connecting to mariadb://gateway:hunter2@db.internal:3306/idp",
    );
    const down = await readiness(gateway);
    expect(down.status).toBe(503);
    expect(down.body.checks.database).toBe("unavailable");
    expect(JSON.stringify(down.body)).not.toMatch(/Access denied|gateway|10\.1\.2\.3|hunter2|db\.internal/);
    const logged = warnings.find((entry) => entry.check === "database");
    expect(logged).toMatchObject({ message: "readiness check failed", err: { name: "Error" } });
    const loggedText = JSON.stringify(logged);
    expect(loggedText).toContain("Access denied for user");
    expect(loggedText).not.toMatch(/hunter2|db\.internal/);

    failure = Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:3306"), { code: "ECONNREFUSED" });
    const refused = await readiness(gateway);
    expect(refused.status).toBe(503);
    expect(refused.body.checks.database).toBe("unavailable: ECONNREFUSED");

    failure = null;
    expect((await readiness(gateway)).status).toBe(200);
  });
});

describe.skipIf(!externalBackendConfigured)(
  "readiness when MariaDB or Redis goes away (through a cuttable proxy)",
  () => {
    let databaseProxy: TcpProxy;
    let redisProxy: TcpProxy;
    let gateway: TestApp;

    beforeAll(async () => {
      const database = new URL(process.env.DATABASE_URL!);
      const redis = new URL(process.env.REDIS_URL!);
      databaseProxy = await createTcpProxy(database.hostname, Number(database.port || 3306));
      redisProxy = await createTcpProxy(redis.hostname, Number(redis.port || 6379));
      database.port = String(databaseProxy.port);
      redis.port = String(redisProxy.port);
      const external = BACKENDS.find((backend) => backend.name === "mariadb+redis")!;
      gateway = await getTestApp(external, { env: { DATABASE_URL: database.toString(), REDIS_URL: redis.toString() } });
    });

    afterAll(async () => {
      await databaseProxy?.restore().catch(() => undefined);
      await redisProxy?.restore().catch(() => undefined);
      await gateway?.close();
      await databaseProxy?.close();
      await redisProxy?.close();
    });

    it("turns 503 naming MariaDB while it is down and 200 again when it returns, without a restart", async () => {
      expect((await readiness(gateway)).status).toBe(200);
      await databaseProxy.cut();
      const down = await readiness(gateway);
      expect(down.status).toBe(503);
      expect(down.body.checks.database).toMatch(/^unavailable/);
      expect(down.body.checks.redis).toBe("ok");
      await databaseProxy.restore();
      await vi.waitFor(async () => expect((await readiness(gateway)).status).toBe(200), {
        timeout: 15_000,
        interval: 250,
      });
    });

    it("turns 503 naming Redis while it is down and 200 again when it returns, without a restart", async () => {
      expect((await readiness(gateway)).status).toBe(200);
      await redisProxy.cut();
      await vi.waitFor(
        async () => {
          const down = await readiness(gateway);
          expect(down.status).toBe(503);
          expect(down.body.checks.redis).toMatch(/^unavailable/);
          expect(down.body.checks.database).toBe("ok");
        },
        { timeout: 10_000, interval: 250 },
      );
      await redisProxy.restore();
      await vi.waitFor(async () => expect((await readiness(gateway)).status).toBe(200), {
        timeout: 15_000,
        interval: 250,
      });
    });
  },
);
