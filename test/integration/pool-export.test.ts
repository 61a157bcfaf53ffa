import { randomBytes } from "node:crypto";
import { createConnection } from "mysql2/promise";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { createLineSigner } from "../../src/core/pool-transfer/export-format.js";
import { createExportKeys } from "../../src/infra/crypto/export-keys.js";
import { BACKENDS, type Backend } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import {
  AdminAddUserToGroupDocument,
  AdminGetUserDocument,
  AdminListGroupsForUserDocument,
  AssociateSoftwareTokenDocument,
  CreateAdminApiKeyDocument,
  CreateGroupDocument,
  CreateUserPoolClientDocument,
  DeleteUserPoolDocument,
  GetUserPoolDocument,
  SetUserMfaPreferenceDocument,
  VerifySoftwareTokenDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import {
  createConfirmedUser,
  createMidStepClock,
  expectChallenge,
  expectError,
  expectTokens,
  passwordSignIn,
  respond,
  secretHashOf,
  signInEnv,
  srpSignIn,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const PASSWORD = "Exp0rt-And-Back!";
const PASSPHRASE = "correct horse battery staple";

/** The external backend's gateway B gets a database of its own: it restores the same pool id as A's. */
async function ownDatabaseEnv(backend: Backend): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (!backend.env.DATABASE_URL) return { env: {}, drop: async () => undefined };
  const url = new URL(backend.env.DATABASE_URL);
  const name = `gw_restore_${randomBytes(4).toString("hex")}`;
  const config = loadConfig({ DATABASE_URL: backend.env.DATABASE_URL, SECRETS_KEY: "0".repeat(64), NODE_ENV: "test" });
  if (config.database.dialect !== "mariadb") throw new Error("expected MariaDB");
  const { host, port, user, password } = config.database;
  const admin = await createConnection({ host, port, user, password });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const connection = await createConnection({ host, port, user, password });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

describe.each(BACKENDS)("pool export and import on $name", (backend) => {
  // One clock for both gateways: the TOTP step A last accepted is the one B must refuse again.
  const clock = createMidStepClock();
  let a: TestApp;
  let b: TestApp;
  let dropB: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const own = await ownDatabaseEnv(backend);
    dropB = own.drop;
    // Each gets its own random SECRETS_KEY (getTestApp): B cannot open what A sealed with its own.
    [a, b] = await Promise.all([
      getTestApp(backend, { env: signInEnv(backend), overrides: { clock } }),
      getTestApp(backend, { env: { ...signInEnv(backend), ...own.env }, overrides: { clock } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await dropB();
  });

  const exportFrom = async (gateway: TestApp, poolId: string, passphrase: string | null, key = gateway.adminKey) => {
    const response = await fetch(`${gateway.baseUrl}/admin/pools/${poolId}/export`, {
      headers: {
        authorization: `Bearer ${key}`,
        ...(passphrase ? { "x-export-passphrase": passphrase } : {}),
      },
    });
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };
  const importInto = async (gateway: TestApp, body: string, passphrase: string | null) => {
    const response = await fetch(`${gateway.baseUrl}/admin/pools/import`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${gateway.adminKey}`,
        "content-type": "application/x-ndjson",
        ...(passphrase ? { "x-export-passphrase": passphrase } : {}),
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** A pool on A with a secret client and a public one, a group, a plain user and a TOTP user. */
  async function populate() {
    const { poolId, clientId, clientSecret } = await createPoolWithClient(
      a,
      {
        schema: [{ name: "plan", attributeDataType: "String" }],
        mfaConfiguration: "OPTIONAL",
        enabledMfas: ["SOFTWARE_TOKEN_MFA"],
      },
      { explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], generateSecret: true },
    );
    const publicClient = expectData(
      await a.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: {
          clientName: "spa",
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        },
      }),
    ).createUserPoolClient.clientId;
    expectData(
      await a.gql(CreateGroupDocument, {
        input: { userPoolId: poolId, groupName: "admins", precedence: 1, description: "the admins" },
      }),
    );
    const plain = uniqueName("plain");
    await createConfirmedUser(a, poolId, plain, PASSWORD, [
      { name: "email", value: `${plain}@example.com` },
      { name: "email_verified", value: "true" },
      { name: "custom:plan", value: "gold" },
    ]);
    expectData(await a.gql(AdminAddUserToGroupDocument, { userPoolId: poolId, username: plain, groupName: "admins" }));
    const withTotp = uniqueName("totp");
    await createConfirmedUser(a, poolId, withTotp, PASSWORD);
    const token = expectTokens(await passwordSignIn(a, publicClient, withTotp, PASSWORD)).accessToken;
    const secret = expectData(await a.gql(AssociateSoftwareTokenDocument, {}, token)).associateSoftwareToken.secretCode;
    const codeNow = () => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });
    expectData(await a.gql(VerifySoftwareTokenDocument, { userCode: await codeNow() }, token));
    expectData(
      await a.gql(
        SetUserMfaPreferenceDocument,
        { input: { softwareTokenMfaSettings: { enabled: true, preferredMfa: true } } },
        token,
      ),
    );
    return { poolId, clientId, clientSecret: clientSecret!, publicClient, plain, withTotp, codeNow };
  }

  const userOf = async (gateway: TestApp, poolId: string, username: string) => {
    const user = expectData(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username })).adminGetUser;
    const groups = expectData(
      await gateway.gql(AdminListGroupsForUserDocument, { userPoolId: poolId, username }),
    ).adminListGroupsForUser.items.map(({ groupName, precedence, description }) => ({
      groupName,
      precedence,
      description,
    }));
    return { ...user, attributes: [...user.attributes].sort((x, y) => x.name.localeCompare(y.name)), groups };
  };

  it("moves a pool to another gateway (another SECRETS_KEY): old passwords by SRP and USER_PASSWORD_AUTH, TOTP, groups and attributes", async () => {
    const pool = await populate();
    const exported = await exportFrom(a, pool.poolId, PASSPHRASE);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/application\/x-ndjson/);
    // Nothing secret travels in the clear: no client secret, no TOTP secret, no hash or verifier.
    expect(exported.text).not.toContain(pool.clientSecret);
    expect(exported.text).not.toMatch(/\$2[aby]\$/);
    const lines = exported.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]!.type).toBe("header");
    expect(lines.at(-1)).toMatchObject({ type: "end", counts: { users: 2, groups: 1, clients: 2, memberships: 1 } });

    const imported = await importInto(b, exported.text, PASSPHRASE);
    expect(imported, JSON.stringify(imported.body)).toMatchObject({
      status: 200,
      body: { userPoolId: pool.poolId, counts: { users: 2, groups: 1, clients: 2, memberships: 1 } },
    });

    // The same users, attributes, subs and groups.
    for (const username of [pool.plain, pool.withTotp])
      expect(await userOf(b, pool.poolId, username)).toEqual(await userOf(a, pool.poolId, username));
    // Old passwords: USER_PASSWORD_AUTH (bcrypt under A's pepper, kept sealed under B's key) with the secret client, and SRP.
    const tokens = expectTokens(
      await passwordSignIn(b, pool.clientId, pool.plain, PASSWORD, {
        SECRET_HASH: secretHashOf(pool.clientSecret, pool.plain, pool.clientId),
      }),
    );
    const idClaims = JSON.parse(Buffer.from(tokens.idToken.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    expect(idClaims).toMatchObject({
      "cognito:groups": ["admins"],
      "custom:plan": "gold",
      email: `${pool.plain}@example.com`,
    });
    expectTokens(
      await srpSignIn(b, {
        poolId: pool.poolId,
        clientId: pool.publicClient,
        username: pool.plain,
        password: PASSWORD,
        clock,
      }),
    );
    expect(errorCodes(await passwordSignIn(b, pool.publicClient, pool.plain, "Not-The-Passw0rd!"))).toEqual([
      "NotAuthorizedException",
    ]);

    // The authenticator set up on A works on B: the next step's code, from the same secret.
    clock.advanceSeconds(30);
    const challenge = expectChallenge(
      await passwordSignIn(b, pool.publicClient, pool.withTotp, PASSWORD),
      "SOFTWARE_TOKEN_MFA",
    );
    expectTokens(
      await respond(b, pool.publicClient, challenge, {
        USERNAME: pool.withTotp,
        SOFTWARE_TOKEN_MFA_CODE: await pool.codeNow(),
      }),
    );
    // SRP on B for the TOTP user too, up to its MFA step.
    expectChallenge(
      await srpSignIn(b, {
        poolId: pool.poolId,
        clientId: pool.publicClient,
        username: pool.withTotp,
        password: PASSWORD,
        clock,
      }),
      "SOFTWARE_TOKEN_MFA",
    );
  });

  it("refuses a tampered, cut-off or wrongly keyed export, and leaves no half pool", async () => {
    const pool = await populate();
    const { text } = await exportFrom(a, pool.poolId, PASSPHRASE);
    const lines = text.trim().split("\n");
    const userLine = lines.findIndex((line) => line.includes(`"username":"${pool.plain}"`));
    const tampered = [...lines];
    tampered[userLine] = tampered[userLine]!.replace('"gold"', '"platinum"');
    const attempts = [
      { body: tampered.join("\n"), passphrase: PASSPHRASE, message: /changed, removed or reordered/ },
      { body: lines.slice(0, -1).join("\n"), passphrase: PASSPHRASE, message: /cut off/ },
      {
        body: [...lines.slice(0, userLine), ...lines.slice(userLine + 1)].join("\n"),
        passphrase: PASSPHRASE,
        message: /changed, removed or reordered/,
      },
      { body: text, passphrase: "not the passphrase at all", message: /not the one it was sealed with/ },
      { body: text, passphrase: null, message: /give the passphrase/ },
    ];
    for (const attempt of attempts) {
      const refused = await importInto(b, attempt.body, attempt.passphrase);
      expect(refused.status).toBe(400);
      expect(refused.body.__type).toBe("InvalidParameterException");
      expect(String(refused.body.message)).toMatch(attempt.message);
      expect(errorCodes(await b.gql(GetUserPoolDocument, { userPoolId: pool.poolId }))).toEqual([
        "ResourceNotFoundException",
      ]);
    }
    // Sealed with A's SECRETS_KEY: only a gateway with that key can restore it.
    const ownKey = await exportFrom(a, pool.poolId, null);
    expect((await importInto(b, ownKey.text, null)).body.message).toMatch(/not the one it was sealed with/);
    // An export key must not be trivially short; and a key scoped to pools may not export or import.
    expect((await exportFrom(a, pool.poolId, "short")).status).toBe(400);
    expect((await fetch(`${a.baseUrl}/admin/pools/${pool.poolId}/export`)).status).toBe(403);
    // Into the gateway the pool already lives in: refused, and the original is untouched.
    expect((await importInto(a, ownKey.text, null)).body.message).toMatch(/already exists/);
    expectTokens(await passwordSignIn(a, pool.publicClient, pool.plain, PASSWORD));
  });

  it("lets a key scoped to the pool export it only sealed with this gateway's key, never with a passphrase", async () => {
    const { poolId } = await createPoolWithClient(a);
    const scoped = expectData(
      await a.gql(CreateAdminApiKeyDocument, { input: { name: uniqueName("scoped"), poolScope: [poolId] } }),
    ).createAdminApiKey.secret;
    // A passphrase export carries the gateway-wide password pepper, sealed with what the caller chose.
    const refused = await exportFrom(a, poolId, PASSPHRASE, scoped);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ __type: "NotAuthorizedException", message: /passphrase/ });
    const sealedHere = await exportFrom(a, poolId, null, scoped);
    expect(sealedHere.status).toBe(200);
    expect(JSON.parse(sealedHere.text.split("\n")[0]!).sealing.kind).not.toBe("passphrase");
    expect((await exportFrom(a, poolId, PASSPHRASE)).status).toBe(200);
  });

  it("refuses a membership of a user the export does not hold, even in a file signed with its passphrase", async () => {
    const pool = await populate();
    // A user of another pool on the gateway the file goes to.
    const elsewhere = await createPoolWithClient(b);
    const victim = await createConfirmedUser(b, elsewhere.poolId, uniqueName("victim"), PASSWORD);
    const { text } = await exportFrom(a, pool.poolId, PASSPHRASE);
    // Whoever chose the passphrase can re-sign every line: the import must check what the lines say.
    const records = text
      .trim()
      .split("\n")
      .map((line) => {
        const { mac: _mac, ...record } = JSON.parse(line) as Record<string, any>;
        return record;
      });
    const end = records.pop()!;
    const group = records.find((record) => record.type === "group")!.group.name as string;
    records.push(
      { type: "membership", group, userId: victim.sub },
      { ...end, counts: { ...end.counts, memberships: end.counts.memberships + 1 } },
    );
    const sign = createLineSigner(
      createExportKeys(randomBytes(32)).fromPassphrase(PASSPHRASE, records[0]!.sealing.salt),
    );
    const refused = await importInto(
      b,
      records.map((record) => sign(record as { type: string })).join("\n"),
      PASSPHRASE,
    );
    expect(refused.status).toBe(400);
    expect(String(refused.body.message)).toMatch(/names user .* which the export does not hold/);
    expect(errorCodes(await b.gql(GetUserPoolDocument, { userPoolId: pool.poolId }))).toEqual([
      "ResourceNotFoundException",
    ]);
    expect(
      expectData(
        await b.gql(AdminListGroupsForUserDocument, { userPoolId: elsewhere.poolId, username: victim.username }),
      ).adminListGroupsForUser.items,
    ).toEqual([]);
  });

  describe("with MAX_USER_POOLS=1", () => {
    let c: TestApp;
    let dropC: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      const own = await ownDatabaseEnv(backend);
      dropC = own.drop;
      c = await getTestApp(backend, { env: { ...signInEnv(backend), ...own.env, MAX_USER_POOLS: "1" } });
    });
    afterAll(async () => {
      await c?.close();
      await dropC();
    });

    /** A pool on A with one user, exported with the passphrase. */
    const exported = async () => {
      const pool = await createPoolWithClient(a);
      const user = await createConfirmedUser(a, pool.poolId, uniqueName("moved"), PASSWORD);
      return { ...pool, username: user.username, text: (await exportFrom(a, pool.poolId, PASSPHRASE)).text };
    };

    it("refuses an import past the quota, as createUserPool does", async () => {
      const pool = await exported();
      const existing = await createPoolWithClient(c);
      const refused = await importInto(c, pool.text, PASSPHRASE);
      expect(refused).toMatchObject({
        status: 400,
        body: { __type: "LimitExceededException", message: "This gateway holds at most 1 user pools." },
      });
      expect(errorCodes(await c.gql(GetUserPoolDocument, { userPoolId: pool.poolId }))).toEqual([
        "ResourceNotFoundException",
      ]);
      expectData(await c.gql(DeleteUserPoolDocument, { userPoolId: existing.poolId }));
    });

    it("hides a pool until its import completes; importing the export again replaces what an unfinished import left", async () => {
      const pool = await exported();
      const lines = pool.text.trim().split("\n");
      // Everything but the end record, then silence: the pool row exists and stays unfinished, as a
      // process that died part way leaves it.
      let upload!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          upload = controller;
          controller.enqueue(new TextEncoder().encode(`${lines.slice(0, -1).join("\n")}\n`));
        },
      });
      const unfinished = fetch(`${c.baseUrl}/admin/pools/import`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${c.adminKey}`,
          "content-type": "application/x-ndjson",
          "x-export-passphrase": PASSPHRASE,
        },
        body,
        duplex: "half",
      } as RequestInit);
      // Awaited below; until then a failing assertion must not also leave an unhandled rejection.
      unfinished.catch(() => undefined);
      await vi.waitFor(async () => expect(await c.app.db.read((repositories) => repositories.pools.count())).toBe(1));
      expect(errorCodes(await c.gql(GetUserPoolDocument, { userPoolId: pool.poolId }))).toEqual([
        "ResourceNotFoundException",
      ]);
      expectError(await passwordSignIn(c, pool.clientId, pool.username, PASSWORD), "ResourceNotFoundException");

      const again = await importInto(c, pool.text, PASSPHRASE);
      expect(again, JSON.stringify(again.body)).toMatchObject({ status: 200, body: { userPoolId: pool.poolId } });
      // The replaced import, when its end record comes after all, writes nothing into the pool that took its place.
      upload.enqueue(new TextEncoder().encode(`${lines.at(-1)}\n`));
      upload.close();
      expect(await (await unfinished).json()).toMatchObject({ __type: "ConcurrentModificationException" });
      expectTokens(await passwordSignIn(c, pool.clientId, pool.username, PASSWORD));
    });
  });
});
