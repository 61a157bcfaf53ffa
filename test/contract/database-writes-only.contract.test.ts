import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEvent } from "../../src/core/events/event.types.js";
import type { Database, RefreshTokenRecord, Repositories } from "../../src/core/ports.js";
import { randomUuid } from "../../src/lib/random.js";
import { sha256Hex } from "../../src/lib/secrets.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { captureSql } from "../support/sql-capture.js";
import { createConfirmedUser, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * Database.transaction with `writesOnly` (#18) on each real database: the work's INSERTs commit
 * together or not at all, as in any transaction, whether the database holds them back to the commit
 * (MariaDB: one request) or not (SQLite); work that asks for more runs as a plain transaction.
 */
describe.each(BACKENDS)("Database writesOnly transactions on $name", (backend) => {
  let gateway: TestApp;
  let db: Database;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend) });
    db = gateway.app.db;
  });
  afterAll(async () => gateway?.close());

  async function newUser(): Promise<{ poolId: string; clientId: string; userId: string }> {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    return {
      poolId,
      clientId,
      userId: (await createConfirmedUser(gateway, poolId, uniqueName("batch"), GOOD_PASSWORD)).sub,
    };
  }

  function refreshRecord(user: { poolId: string; clientId: string; userId: string }): RefreshTokenRecord {
    const now = new Date();
    return {
      id: randomUuid(),
      poolId: user.poolId,
      clientId: user.clientId,
      userId: user.userId,
      tokenHash: sha256Hex(randomUuid()),
      familyId: randomUuid(),
      deviceKey: null,
      authTime: now,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      rotatedAt: null,
      revokedAt: null,
      oauth: null,
    };
  }

  const event = (poolId: string, type: string, detail: Record<string, unknown> = {}): AppEvent =>
    ({ type, poolId, actor: "test", detail }) as AppEvent;
  const eventsOf = async (poolId: string) =>
    (await db.read((repositories) => repositories.events.list({ poolId, poolIds: null }, { limit: 100 }))).map(
      (stored) => ({ type: stored.type, detail: stored.detail }),
    );
  const tokenOf = (record: RefreshTokenRecord) =>
    db.read((repositories) => repositories.refreshTokens.findByHash(record.tokenHash));

  it("commits a refresh token and events together, as written", async () => {
    const user = await newUser();
    const record = refreshRecord(user);
    const result = await db.transaction(
      async (repositories) => {
        await repositories.refreshTokens.insert(record);
        await repositories.events.append(
          event(user.poolId, "SIGN_IN_SUCCEEDED", { userSub: user.userId, n: 1 }),
          new Date(),
        );
        await repositories.events.append(
          event(user.poolId, "SIGN_IN_SUCCEEDED", { userSub: user.userId, n: 2 }),
          new Date(),
        );
        return "done";
      },
      { writesOnly: true },
    );
    expect(result).toBe("done");
    expect(await tokenOf(record)).toMatchObject({
      id: record.id,
      userId: user.userId,
      familyId: record.familyId,
      oauth: null,
      revokedAt: null,
    });
    expect(
      (await eventsOf(user.poolId))
        .filter((stored) => stored.type === "SIGN_IN_SUCCEEDED")
        .map((stored) => stored.detail.n),
    ).toEqual([1, 2]);
  });

  it("writes nothing when one INSERT fails, and the next transaction commits as usual", async () => {
    const user = await newUser();
    const record = refreshRecord(user);
    // The token goes first; the event after it breaks NOT NULL: the token must not stay either.
    await expect(
      db.transaction(
        async (repositories) => {
          await repositories.refreshTokens.insert(record);
          await repositories.events.append(
            { ...event(user.poolId, "SIGN_IN_SUCCEEDED"), type: null } as unknown as AppEvent,
            new Date(),
          );
        },
        { writesOnly: true },
      ),
    ).rejects.toThrow();
    expect(await tokenOf(record)).toBeNull();
    // More batches than the batch pool has connections: none is left inside the failed transaction.
    const later = Array.from({ length: 6 }, () => refreshRecord(user));
    for (const next of later) {
      await db.transaction(
        async (repositories) => {
          await repositories.refreshTokens.insert(next);
          await repositories.events.append(
            event(user.poolId, "SIGN_IN_SUCCEEDED", { userSub: user.userId }),
            new Date(),
          );
        },
        { writesOnly: true },
      );
    }
    for (const next of later) expect(await tokenOf(next)).toMatchObject({ id: next.id });
    // Left open, the failed transaction would have been committed by the next one on its connection.
    expect(await tokenOf(record)).toBeNull();
    expect((await eventsOf(user.poolId)).filter((stored) => stored.type === "SIGN_IN_SUCCEEDED")).toHaveLength(
      later.length,
    );
  });

  it("writes nothing when the work throws after its INSERTs", async () => {
    const user = await newUser();
    const record = refreshRecord(user);
    await expect(
      db.transaction(
        async (repositories) => {
          await repositories.refreshTokens.insert(record);
          await repositories.events.append(event(user.poolId, "SIGN_IN_SUCCEEDED"), new Date());
          throw new Error("changed its mind");
        },
        { writesOnly: true },
      ),
    ).rejects.toThrow("changed its mind");
    expect(await tokenOf(record)).toBeNull();
    expect(await eventsOf(user.poolId)).not.toContainEqual(expect.objectContaining({ type: "SIGN_IN_SUCCEEDED" }));
  });

  it("runs work that reads as a plain transaction, even work that catches what it was refused", async () => {
    const user = await newUser();
    const record = refreshRecord(user);
    const found = await db.transaction(
      async (repositories: Repositories) => {
        await repositories.events.append(event(user.poolId, "SIGN_IN_SUCCEEDED", { userSub: user.userId }), new Date());
        // A read the held-back form cannot serve, its error swallowed: the work must still see the row.
        const read = await repositories.users.findById(user.poolId, user.userId).catch(() => null);
        await repositories.refreshTokens.insert(record);
        return read?.id ?? null;
      },
      { writesOnly: true },
    );
    expect(found).toBe(user.userId);
    expect(await tokenOf(record)).toMatchObject({ id: record.id });
    expect((await eventsOf(user.poolId)).filter((stored) => stored.type === "SIGN_IN_SUCCEEDED")).toHaveLength(1);
  });

  it.skipIf(backend.name === "embedded")(
    "sends a transaction of INSERTs as one request, a lone INSERT alone",
    async () => {
      const user = await newUser();
      const together = await captureSql(() =>
        db.transaction(
          async (repositories) => {
            await repositories.refreshTokens.insert(refreshRecord(user));
            await repositories.events.append(
              event(user.poolId, "SIGN_IN_SUCCEEDED", { userSub: user.userId }),
              new Date(),
            );
          },
          { writesOnly: true },
        ),
      );
      const mine = (statements: { sql: string }[]) =>
        statements.filter((statement) => /refresh_tokens|`events`|TRANSACTION|COMMIT/.test(statement.sql));
      expect(mine(together.statements)).toHaveLength(1);
      expect(mine(together.statements)[0]!.sql).toMatch(
        /^START TRANSACTION;\s*INSERT INTO `refresh_tokens`.*;\s*INSERT INTO `events`.*;\s*COMMIT$/s,
      );
      const alone = await captureSql(() =>
        db.transaction(
          (repositories) =>
            repositories.events
              .append(event(user.poolId, "SIGN_IN_FAILED", { userSub: user.userId }), new Date())
              .then(() => undefined),
          { writesOnly: true },
        ),
      );
      expect(mine(alone.statements).map((statement) => statement.sql)).toEqual([
        expect.stringMatching(/^INSERT INTO `events`/),
      ]);
    },
  );
});
