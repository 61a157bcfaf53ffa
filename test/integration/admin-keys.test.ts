import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { BACKENDS, type Backend } from "../support/backends.js";
import {
  CreateAdminApiKeyDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDocument,
  ListAdminApiKeysDocument,
  ListEventsDocument,
  ListUserPoolsDocument,
  PoolNameDocument,
  RevokeAdminApiKeyDocument,
  UpdateUserPoolDocument,
  type ListEventsQuery,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql, wsGraphql } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

type StoredEvent = ListEventsQuery["events"]["items"][number];

const NOT_AUTHORIZED = ["NotAuthorizedException"];

describe.each(BACKENDS)("admin API keys on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  const createPool = async (name: string) =>
    expectData(await gateway.gql(CreateUserPoolDocument, { input: { name } })).createUserPool.id;
  const createKey = async (name: string, poolScope?: string[]) =>
    expectData(await gateway.gql(CreateAdminApiKeyDocument, { input: { name, poolScope } })).createAdminApiKey;

  /** Every event visible to the token, oldest first, following `after` to the end. */
  async function allEvents(token: string, userPoolId?: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let after: string | undefined;
    do {
      const page = expectData(await gateway.gql(ListEventsDocument, { userPoolId, first: 1000, after }, token)).events;
      events.push(...page.items);
      after = page.nextCursor ?? undefined;
    } while (after);
    return events;
  }

  it("refuses a request without an Authorization header", async () => {
    const result = await gateway.gql(ListUserPoolsDocument, { first: 1 }, null);
    expect(errorCodes(result)).toEqual(NOT_AUTHORIZED);
    expect(result.data ?? null).toBeNull();
  });

  it("refuses a wrong key and a malformed Authorization header", async () => {
    const wrong = await gateway.gql(
      ListUserPoolsDocument,
      { first: 1 },
      `gwadm_${randomBytes(32).toString("base64url")}`,
    );
    expect(errorCodes(wrong)).toEqual(NOT_AUTHORIZED);
    const notBearer = await postGraphql(
      gateway.url,
      ListUserPoolsDocument,
      { first: 1 },
      { headers: { authorization: `Basic ${gateway.adminKey}` } },
    );
    expect(errorCodes(notBearer)).toEqual(NOT_AUTHORIZED);
  });

  it("returns a new key's secret once; the secret works and is never listed", async () => {
    const created = await createKey("listed-once");
    expect(created.secret).toMatch(/^gwadm_/);
    expect(created.key.poolScope).toBeNull();
    expect(created.key.revokedAt).toBeNull();

    expectData(await gateway.gql(ListUserPoolsDocument, { first: 1 }, created.secret));

    let found = false;
    let after: string | undefined;
    do {
      const result = await gateway.gql(ListAdminApiKeysDocument, { first: 60, after });
      expect(JSON.stringify(result)).not.toContain(created.secret);
      const page = expectData(result).adminApiKeys;
      found ||= page.items.some((key) => key.id === created.key.id);
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(found).toBe(true);

    const asksForSecret = await postGraphql(gateway.url, "{ adminApiKeys { items { id secret } } }", undefined, {
      token: gateway.adminKey,
    });
    expect(errorCodes(asksForSecret)).toEqual(["InvalidParameterException"]);
  });

  it("stops accepting a revoked key at once", async () => {
    const created = await createKey("revoked-soon");
    expectData(await gateway.gql(ListUserPoolsDocument, { first: 1 }, created.secret));
    const revoked = expectData(
      await gateway.gql(RevokeAdminApiKeyDocument, { keyId: created.key.id }),
    ).revokeAdminApiKey;
    expect(revoked.revokedAt).not.toBeNull();
    expect(errorCodes(await gateway.gql(ListUserPoolsDocument, { first: 1 }, created.secret))).toEqual(NOT_AUTHORIZED);
  });

  describe("a key scoped to one pool", () => {
    let poolA: string;
    let poolB: string;
    let scoped: string;
    beforeAll(async () => {
      poolA = await createPool("scope-a");
      poolB = await createPool("scope-b");
      scoped = (await createKey("scoped-to-a", [poolA])).secret;
    });

    it("sees and changes its own pool", async () => {
      expect(expectData(await gateway.gql(PoolNameDocument, { userPoolId: poolA }, scoped)).userPool.id).toBe(poolA);
      const updated = expectData(
        await gateway.gql(UpdateUserPoolDocument, { userPoolId: poolA, input: { name: "scope-a-renamed" } }, scoped),
      );
      expect(updated.updateUserPool.name).toBe("scope-a-renamed");
      const client = expectData(
        await gateway.gql(
          CreateUserPoolClientDocument,
          { userPoolId: poolA, input: { clientName: "scoped-client" } },
          scoped,
        ),
      );
      expect(client.createUserPoolClient.userPoolId).toBe(poolA);
    });

    it("is refused on another pool, which stays unchanged", async () => {
      expect(errorCodes(await gateway.gql(PoolNameDocument, { userPoolId: poolB }, scoped))).toEqual(NOT_AUTHORIZED);
      expect(
        errorCodes(
          await gateway.gql(UpdateUserPoolDocument, { userPoolId: poolB, input: { name: "hijacked" } }, scoped),
        ),
      ).toEqual(NOT_AUTHORIZED);
      expect(
        errorCodes(
          await gateway.gql(
            CreateUserPoolClientDocument,
            { userPoolId: poolB, input: { clientName: "intruder" } },
            scoped,
          ),
        ),
      ).toEqual(NOT_AUTHORIZED);
      expect(errorCodes(await gateway.gql(ListEventsDocument, { userPoolId: poolB }, scoped))).toEqual(NOT_AUTHORIZED);
      expect(expectData(await gateway.gql(PoolNameDocument, { userPoolId: poolB })).userPool.name).toBe("scope-b");
    });

    it("lists only its own pool", async () => {
      const page = expectData(await gateway.gql(ListUserPoolsDocument, { first: 60 }, scoped)).userPools;
      expect(page.items.map((pool) => pool.id)).toEqual([poolA]);
      expect(page.nextCursor).toBeNull();
    });

    it("cannot create pools or manage keys", async () => {
      expect(errorCodes(await gateway.gql(CreateUserPoolDocument, { input: { name: "scoped-new" } }, scoped))).toEqual(
        NOT_AUTHORIZED,
      );
      expect(
        errorCodes(
          await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "widen", poolScope: [poolA, poolB] } }, scoped),
        ),
      ).toEqual(NOT_AUTHORIZED);
      expect(errorCodes(await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "unscoped" } }, scoped))).toEqual(
        NOT_AUTHORIZED,
      );
      expect(errorCodes(await gateway.gql(ListAdminApiKeysDocument, { first: 1 }, scoped))).toEqual(NOT_AUTHORIZED);
      const victim = await createKey("not-yours-to-revoke");
      expect(errorCodes(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: victim.key.id }, scoped))).toEqual(
        NOT_AUTHORIZED,
      );
      expectData(await gateway.gql(ListUserPoolsDocument, { first: 1 }, victim.secret));
    });

    it("reads only its own pool's events when no pool id is given", async () => {
      const events = await allEvents(scoped);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((event) => event.userPoolId === poolA)).toBe(true);
      expect(events.map((event) => event.type)).toEqual(
        expect.arrayContaining(["USER_POOL_CREATED", "USER_POOL_UPDATED"]),
      );
    });
  });

  it("refuses a poolScope that names a pool that does not exist", async () => {
    const result = await gateway.gql(CreateAdminApiKeyDocument, {
      input: { name: "ghost", poolScope: [`${gateway.config.region}_NoSuchP00l`] },
    });
    expect(errorCodes(result)).toEqual(["ResourceNotFoundException"]);
  });

  it("refuses an empty poolScope (it would otherwise read as unscoped)", async () => {
    const result = await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "empty", poolScope: [] } });
    expect(errorCodes(result)).toEqual(["InvalidParameterException"]);
  });

  it("records key creation and revocation as events without the secret", async () => {
    const created = await createKey("audited");
    expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: created.key.id }));
    const events = (await allEvents(gateway.adminKey)).filter((event) => event.detail.keyId === created.key.id);
    expect(events.map((event) => event.type)).toEqual(["ADMIN_API_KEY_CREATED", "ADMIN_API_KEY_REVOKED"]);
    for (const event of events) {
      expect(event.userPoolId).toBeNull();
      expect(JSON.stringify(event)).not.toContain(created.secret);
      expect(JSON.stringify(event)).not.toContain(created.secret.slice("gwadm_".length));
    }
  });

  it("applies the same key check over graphql-ws", async () => {
    const anonymous = await wsGraphql(gateway.url, ListUserPoolsDocument, { first: 1 }, { token: null });
    expect(errorCodes(anonymous)).toEqual(NOT_AUTHORIZED);
    const wrong = await wsGraphql(
      gateway.url,
      ListUserPoolsDocument,
      { first: 1 },
      { token: "gwadm_not-a-real-key-at-all" },
    );
    expect(errorCodes(wrong)).toEqual(NOT_AUTHORIZED);
    const authorized = await wsGraphql(gateway.url, ListUserPoolsDocument, { first: 1 }, { token: gateway.adminKey });
    expect(expectData(authorized).userPools.items.length).toBeLessThanOrEqual(1);
  });
});

// Counting unscoped keys is only deterministic on a database no other test shares.
describe("the last unscoped key (embedded)", () => {
  it("cannot be revoked until another unscoped key exists", async () => {
    const gateway = await getTestApp(BACKENDS[0]!);
    try {
      const keys = expectData(await gateway.gql(ListAdminApiKeysDocument, { first: 60 })).adminApiKeys.items;
      expect(keys.map((key) => key.name)).toEqual(["ADMIN_API_KEY"]);
      const original = keys[0]!.id;

      const scoped = expectData(
        await gateway.gql(CreateAdminApiKeyDocument, {
          input: { name: "scoped", poolScope: [await createPoolOn(gateway)] },
        }),
      ).createAdminApiKey;
      expect(scoped.key.poolScope).toHaveLength(1);
      // A scoped key does not count: it could not administer the gateway.
      expect(errorCodes(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: original }))).toEqual([
        "InvalidParameterException",
      ]);
      expectData(await gateway.gql(ListUserPoolsDocument, { first: 1 }));

      const second = expectData(
        await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "second" } }),
      ).createAdminApiKey;
      expect(
        expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: original })).revokeAdminApiKey.revokedAt,
      ).not.toBeNull();
      expect(errorCodes(await gateway.gql(ListUserPoolsDocument, { first: 1 }))).toEqual(NOT_AUTHORIZED);
      expect(errorCodes(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: second.key.id }, second.secret))).toEqual(
        ["InvalidParameterException"],
      );
    } finally {
      await gateway.close();
    }
  });
});

/** The backend on a database of its own (a fresh MariaDB database, dropped at the end; SQLite is per app anyway). */
async function privateBackend(backend: Backend): Promise<{ backend: Backend; drop(): Promise<void> }> {
  if (!backend.env.DATABASE_URL) return { backend, drop: async () => undefined };
  const url = new URL(backend.env.DATABASE_URL);
  const database = `${url.pathname.slice(1)}_keys_${randomBytes(4).toString("hex")}`;
  const connect = () =>
    createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
  url.pathname = `/${database}`;
  return {
    backend: { ...backend, env: { ...backend.env, DATABASE_URL: url.toString() } },
    async drop() {
      const connection = await connect();
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    },
  };
}

describe.each(BACKENDS)("parallel revocations of the unscoped keys on $name (own database)", (shared) => {
  it("leave exactly one unscoped key: every revocation but one succeeds, the last is refused", async () => {
    const { backend, drop } = await privateBackend(shared);
    const gateway = await getTestApp(backend);
    try {
      const keys = [
        {
          id: expectData(await gateway.gql(ListAdminApiKeysDocument, { first: 60 })).adminApiKeys.items[0]!.id,
          secret: gateway.adminKey,
        },
      ];
      for (let index = 1; index < 6; index += 1) {
        const created = expectData(
          await gateway.gql(CreateAdminApiKeyDocument, { input: { name: `k${index}` } }),
        ).createAdminApiKey;
        keys.push({ id: created.key.id, secret: created.secret });
      }
      // Each key revokes itself, so every request is authorised however the others end.
      const results = await Promise.all(
        keys.map((key) => gateway.gql(RevokeAdminApiKeyDocument, { keyId: key.id }, key.secret)),
      );
      const codes = results.map((result) => errorCodes(result)[0] ?? "ok");
      expect(codes.filter((code) => code === "ok")).toHaveLength(keys.length - 1);
      expect(codes.filter((code) => code !== "ok")).toEqual(["InvalidParameterException"]);
      const survivor = keys[codes.indexOf("InvalidParameterException")]!;
      const listed = expectData(await gateway.gql(ListAdminApiKeysDocument, { first: 60 }, survivor.secret))
        .adminApiKeys.items;
      expect(listed.filter((key) => key.revokedAt === null && key.poolScope === null).map((key) => key.id)).toEqual([
        survivor.id,
      ]);
    } finally {
      await gateway.close();
      await drop();
    }
  });
});

async function createPoolOn(gateway: TestApp): Promise<string> {
  return expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: "scope-target" } })).createUserPool.id;
}

describe("the bootstrap key (embedded, no ADMIN_API_KEY)", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "gw-bootstrap-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is generated on the first start only, and survives a restart", async () => {
    const env = {
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SECRETS_KEY: randomBytes(32).toString("base64"),
      LOG_LEVEL: "silent",
    };
    const first = await createApp(loadConfig(env));
    let generated: string | null;
    try {
      generated = first.generatedAdminKey;
      expect(typeof generated).toBe("string");
      expectData(await postGraphql(first.url, ListUserPoolsDocument, { first: 1 }, { token: generated }));
      expect(errorCodes(await postGraphql(first.url, ListUserPoolsDocument, { first: 1 }, { token: null }))).toEqual(
        NOT_AUTHORIZED,
      );
    } finally {
      await first.close();
    }

    const second = await createApp(loadConfig(env));
    try {
      expect(second.generatedAdminKey).toBeNull();
      expectData(await postGraphql(second.url, ListUserPoolsDocument, { first: 1 }, { token: generated }));
    } finally {
      await second.close();
    }
  });
});
