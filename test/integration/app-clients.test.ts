import { existsSync, readFileSync } from "node:fs";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import {
  AddCustomAttributesDocument,
  CreateAdminApiKeyDocument,
  CreateResourceServerDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDocument,
  DeleteUserPoolClientDocument,
  DeleteUserPoolDocument,
  GetUserPoolClientDocument,
  ListEventsDocument,
  ListUserPoolClientsDocument,
  UpdateUserPoolClientDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
  type ListEventsQuery,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

type StoredEvent = ListEventsQuery["events"]["items"][number];

/** A well-formed client id that no client has (real ones are random 26-char strings). */
const UNKNOWN_CLIENT_ID = "0".repeat(26);
/** A well-formed pool id the generator (9 alphanumerics after the prefix) never produces. */
const UNKNOWN_POOL_ID = "local_nonexistent";

/** Asserts one error with the given Cognito code and, optionally, a message fragment. */
function expectError(result: GraphqlResult<unknown>, code: string, messagePart?: string | RegExp): void {
  expect(result.data ?? null).toBeNull();
  expect(errorCodes(result)).toEqual([code]);
  if (messagePart !== undefined) expect(result.errors?.[0]?.message).toMatch(messagePart);
}

describe.each(BACKENDS)("app clients on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date("2030-01-01T00:00:00.000Z"));
  let poolCounter = 0;

  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  async function newPool(input: Partial<CreateUserPoolInput> = {}): Promise<string> {
    poolCounter += 1;
    const result = await gateway.gql(CreateUserPoolDocument, {
      input: { name: `app-clients-${backend.name}-${poolCounter}`, ...input },
    });
    return expectData(result).createUserPool.id;
  }

  const create = (userPoolId: string, input: Partial<CreateUserPoolClientInput> = {}) =>
    gateway.gql(CreateUserPoolClientDocument, { userPoolId, input: { clientName: "web", ...input } });

  async function mustCreate(userPoolId: string, input: Partial<CreateUserPoolClientInput> = {}) {
    return expectData(await create(userPoolId, input)).createUserPoolClient;
  }

  const getClient = (userPoolId: string, clientId: string) =>
    gateway.gql(GetUserPoolClientDocument, { userPoolId, clientId });

  async function listAllClients(userPoolId: string, first?: number) {
    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const page: { items: { clientId: string }[]; nextCursor: string | null } = expectData(
        await gateway.gql(ListUserPoolClientsDocument, { userPoolId, first, after }),
      ).userPoolClients;
      pages.push(page.items.map((item) => item.clientId));
      after = page.nextCursor;
    } while (after !== null && pages.length < 20);
    return pages;
  }

  async function eventsOf(userPoolId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let after: string | null = null;
    do {
      const page: ListEventsQuery["events"] = expectData(
        await gateway.gql(ListEventsDocument, { userPoolId, after }),
      ).events;
      events.push(...page.items);
      after = page.nextCursor;
    } while (after !== null);
    return events;
  }

  /** Every row of the pool's clients and events, as text, straight from the database files/tables. */
  async function rawStorageText(userPoolId: string): Promise<string> {
    const target = gateway.config.database;
    if (target.dialect === "sqlite") {
      return [target.path, `${target.path}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString("latin1"))
        .join("\n");
    }
    const connection = await createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
    });
    try {
      const [clients] = await connection.query("SELECT * FROM app_clients WHERE pool_id = ?", [userPoolId]);
      const [events] = await connection.query("SELECT * FROM events WHERE pool_id = ?", [userPoolId]);
      return JSON.stringify([clients, events]);
    } finally {
      await connection.end();
    }
  }

  describe("createUserPoolClient", () => {
    it("applies Cognito's defaults", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId);
      expect(client.clientId).toMatch(/^[a-z0-9]{26}$/);
      expect(client.userPoolId).toBe(poolId);
      expect(client.clientName).toBe("web");
      expect(client.clientSecret).toBeNull();
      expect([...client.explicitAuthFlows].sort()).toEqual([
        "ALLOW_CUSTOM_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
        "ALLOW_USER_SRP_AUTH",
      ]);
      expect({
        access: client.accessTokenValidity,
        id: client.idTokenValidity,
        refresh: client.refreshTokenValidity,
      }).toEqual({ access: 60, id: 60, refresh: 30 });
      expect(client.tokenValidityUnits).toEqual({ accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
      expect(client.authSessionValidity).toBe(3);
      expect(client.readAttributes).toBeNull();
      expect(client.writeAttributes).toBeNull();
      expect(client.preventUserExistenceErrors).toBe("ENABLED");
      expect(client.enableTokenRevocation).toBe(true);
      expect(client.refreshTokenRotation).toEqual({ feature: "DISABLED", retryGracePeriodSeconds: 0 });
      expect(client.supportedIdentityProviders).toEqual(["COGNITO"]);
      expect(client.allowedOAuthFlowsUserPoolClient).toBe(false);
      expect(client.creationDate).toBe(clock.now().toISOString());
      expect(client.lastModifiedDate).toBe(client.creationDate);
    });

    it("gives each client its own id", async () => {
      const poolId = await newPool();
      const [a, b] = [await mustCreate(poolId), await mustCreate(poolId)];
      expect(a.clientId).not.toBe(b.clientId);
    });

    it("generates a secret that is returned decrypted but never stored or logged in clear", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId, { clientName: "confidential", generateSecret: true });
      const secret = client.clientSecret!;
      expect(secret).toMatch(/^[a-z0-9]{51}$/);

      expect(expectData(await getClient(poolId, client.clientId)).userPoolClient.clientSecret).toBe(secret);
      const updated = expectData(
        await gateway.gql(UpdateUserPoolClientDocument, {
          userPoolId: poolId,
          clientId: client.clientId,
          input: { clientName: "renamed" },
        }),
      );
      expect(updated.updateUserPoolClient.clientSecret).toBe(secret);
      const other = await mustCreate(poolId, { clientName: "other", generateSecret: true });
      expect(other.clientSecret).not.toBe(secret);

      const events = await eventsOf(poolId);
      expect(events.map((event) => event.type)).toEqual(
        expect.arrayContaining(["APP_CLIENT_CREATED", "APP_CLIENT_UPDATED"]),
      );
      for (const event of events) expect(JSON.stringify(event)).not.toContain(secret);

      const stored = await rawStorageText(poolId);
      expect(stored).toContain(client.clientId); // the rows were really read
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(other.clientSecret!);
    });
  });

  describe("token validity", () => {
    it("reads a validity without units in Cognito's API units", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId, { accessTokenValidity: 2, idTokenValidity: 3, refreshTokenValidity: 0 });
      expect(client.accessTokenValidity).toBe(2);
      expect(client.idTokenValidity).toBe(3);
      expect(client.refreshTokenValidity).toBe(30);
      expect(client.tokenValidityUnits).toEqual({ accessToken: "hours", idToken: "hours", refreshToken: "days" });
    });

    it("reads a bare refreshTokenValidity in days", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId, { refreshTokenValidity: 7 });
      expect(client.refreshTokenValidity).toBe(7);
      expect(client.tokenValidityUnits.refreshToken).toBe("days");
    });

    it("accepts the edges of each range in the given units", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId, {
        accessTokenValidity: 10,
        idTokenValidity: 24,
        refreshTokenValidity: 60,
        tokenValidityUnits: { accessToken: "minutes", idToken: "hours", refreshToken: "minutes" },
        authSessionValidity: 15,
        refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 60 },
      });
      expect([client.accessTokenValidity, client.idTokenValidity, client.refreshTokenValidity]).toEqual([10, 24, 60]);
      expect(client.tokenValidityUnits).toEqual({ accessToken: "minutes", idToken: "hours", refreshToken: "minutes" });
      expect(client.authSessionValidity).toBe(15);
      expect(client.refreshTokenRotation).toEqual({ feature: "ENABLED", retryGracePeriodSeconds: 60 });
      const lowest = await mustCreate(poolId, {
        accessTokenValidity: 300,
        tokenValidityUnits: { accessToken: "seconds" },
        refreshTokenValidity: 3650,
      });
      expect([lowest.accessTokenValidity, lowest.tokenValidityUnits.accessToken, lowest.refreshTokenValidity]).toEqual([
        300,
        "seconds",
        3650,
      ]);
    });

    it.each<[string, Partial<CreateUserPoolClientInput>, string]>([
      [
        "access token 4 minutes",
        { accessTokenValidity: 4, tokenValidityUnits: { accessToken: "minutes" } },
        "accessTokenValidity",
      ],
      ["access token 25 hours", { accessTokenValidity: 25 }, "accessTokenValidity"],
      ["id token 25 hours", { idTokenValidity: 25, tokenValidityUnits: { idToken: "hours" } }, "idTokenValidity"],
      [
        "refresh token 59 minutes",
        { refreshTokenValidity: 59, tokenValidityUnits: { refreshToken: "minutes" } },
        "refreshTokenValidity",
      ],
      [
        "refresh token 3651 days",
        { refreshTokenValidity: 3651, tokenValidityUnits: { refreshToken: "days" } },
        "refreshTokenValidity",
      ],
      ["auth session 2 minutes", { authSessionValidity: 2 }, "authSessionValidity"],
      ["auth session 16 minutes", { authSessionValidity: 16 }, "authSessionValidity"],
      [
        "retry grace period 61 seconds",
        { refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 61 } },
        "retryGracePeriodSeconds",
      ],
    ])("rejects %s", async (_label, input, field) => {
      const poolId = await newPool();
      expectError(await create(poolId, input), "InvalidParameterException", field);
    });
  });

  describe("read and write attributes", () => {
    it("rejects an attribute the pool does not have, naming it", async () => {
      const poolId = await newPool();
      expectError(
        await create(poolId, { readAttributes: ["email", "shoe_size"] }),
        "InvalidParameterException",
        "shoe_size",
      );
      expectError(
        await create(poolId, { writeAttributes: ["favourite_colour"] }),
        "InvalidParameterException",
        "favourite_colour",
      );
    });

    it("accepts custom:x only once the pool has it", async () => {
      const poolId = await newPool();
      expectError(
        await create(poolId, { readAttributes: ["email", "custom:x"] }),
        "InvalidParameterException",
        "custom:x",
      );
      expectError(await create(poolId, { writeAttributes: ["custom:x"] }), "InvalidParameterException", "custom:x");
      expectData(
        await gateway.gql(AddCustomAttributesDocument, {
          userPoolId: poolId,
          customAttributes: [{ name: "x", attributeDataType: "String" }],
        }),
      );
      const client = await mustCreate(poolId, { readAttributes: ["email", "custom:x"], writeAttributes: ["custom:x"] });
      expect(client.readAttributes).toEqual(["email", "custom:x"]);
      expect(client.writeAttributes).toEqual(["custom:x"]);
    });

    it("requires every required attribute to be writable", async () => {
      const poolId = await newPool({ schema: [{ name: "email", attributeDataType: "String", required: true }] });
      expectError(await create(poolId, { writeAttributes: ["name"] }), "InvalidParameterException", "email");
      const client = await mustCreate(poolId, { writeAttributes: ["name", "email"] });
      expect(client.writeAttributes).toEqual(["name", "email"]);
    });

    it("never lets a client write sub", async () => {
      const poolId = await newPool();
      expectError(await create(poolId, { writeAttributes: ["email", "sub"] }), "InvalidParameterException", "sub");
    });

    it("rejects duplicates", async () => {
      const poolId = await newPool();
      expectError(await create(poolId, { readAttributes: ["email", "email"] }), "InvalidParameterException", "email");
      expectError(await create(poolId, { writeAttributes: ["name", "name"] }), "InvalidParameterException", "name");
    });
  });

  describe("OAuth settings", () => {
    const oauthCode = {
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ["code" as const],
      allowedOAuthScopes: ["openid"],
    };

    it.each<[string, Partial<CreateUserPoolClientInput>, string, string]>([
      [
        "a defaultRedirectURI outside callbackURLs",
        { ...oauthCode, callbackURLs: ["https://app.example/cb"], defaultRedirectURI: "https://app.example/other" },
        "InvalidParameterException",
        "The default redirect URI https://app.example/other is not in the callback URIs list.",
      ],
      [
        "a callback that is not a URL",
        { ...oauthCode, callbackURLs: ["https://app.example/cb", "not a url"] },
        "InvalidParameterException",
        "callbackUrls",
      ],
      ["a logout URL that is not a URL", { logoutURLs: ["/relative"] }, "InvalidParameterException", "logoutUrls"],
      [
        "OAuth enabled without flows",
        {
          allowedOAuthFlowsUserPoolClient: true,
          allowedOAuthScopes: ["openid"],
          callbackURLs: ["https://app.example/cb"],
        },
        "InvalidParameterException",
        "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.",
      ],
      [
        "OAuth enabled without scopes",
        {
          allowedOAuthFlowsUserPoolClient: true,
          allowedOAuthFlows: ["code"],
          callbackURLs: ["https://app.example/cb"],
        },
        "InvalidParameterException",
        "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.",
      ],
      [
        "client_credentials without a secret",
        {
          allowedOAuthFlowsUserPoolClient: true,
          allowedOAuthFlows: ["client_credentials"],
          allowedOAuthScopes: ["api/read"],
        },
        "InvalidOAuthFlowException",
        "client_credentials flow can not be selected if client does not have a client secret.",
      ],
    ])("rejects %s", async (_label, input, code, messagePart) => {
      const poolId = await newPool();
      const result = await create(poolId, input);
      expect(result.data ?? null).toBeNull();
      expect(errorCodes(result)).toEqual([code]);
      expect(result.errors?.[0]?.message.toLowerCase()).toContain(messagePart.toLowerCase());
    });

    it("accepts an authorization-code client whose default redirect is a callback", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId, {
        ...oauthCode,
        callbackURLs: ["https://app.example/cb"],
        defaultRedirectURI: "https://app.example/cb",
        logoutURLs: ["https://app.example/bye"],
      });
      expect(client).toMatchObject({
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ["code"],
        allowedOAuthScopes: ["openid"],
        callbackURLs: ["https://app.example/cb"],
        defaultRedirectURI: "https://app.example/cb",
        logoutURLs: ["https://app.example/bye"],
      });
    });

    it("accepts client_credentials with a generated secret and a resource server's scope", async () => {
      const poolId = await newPool();
      expectData(
        await gateway.gql(CreateResourceServerDocument, {
          userPoolId: poolId,
          input: { identifier: "api", name: "API", scopes: [{ scopeName: "read", scopeDescription: "Read" }] },
        }),
      );
      const client = await mustCreate(poolId, {
        generateSecret: true,
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ["client_credentials"],
        allowedOAuthScopes: ["api/read"],
      });
      expect(client.clientSecret).toMatch(/^[a-z0-9]{51}$/);
      expect(client.allowedOAuthFlows).toEqual(["client_credentials"]);
      expect(client.allowedOAuthScopes).toEqual(["api/read"]);
    });
  });

  describe("names and auth flows", () => {
    it.each([
      ["empty", ""],
      ["with a slash", "bad/name"],
      ["with angle brackets", "<script>"],
      ["129 characters long", "x".repeat(129)],
    ])("rejects a client name %s", async (_label, clientName) => {
      const poolId = await newPool();
      expectError(await create(poolId, { clientName }), "InvalidParameterException", "clientName");
    });

    it("accepts a name with Cognito's punctuation", async () => {
      const poolId = await newPool();
      expect((await mustCreate(poolId, { clientName: "My app_1 +=,.@-" })).clientName).toBe("My app_1 +=,.@-");
    });

    it("rejects duplicate explicit auth flows", async () => {
      const poolId = await newPool();
      expectError(
        await create(poolId, {
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
        }),
        "InvalidParameterException",
        "ALLOW_USER_SRP_AUTH",
      );
    });
  });

  describe("updateUserPoolClient", () => {
    it("merges into the current settings and moves lastModifiedDate", async () => {
      const poolId = await newPool();
      const created = await mustCreate(poolId, {
        explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        authSessionValidity: 10,
        readAttributes: ["email"],
      });
      clock.advanceSeconds(90);
      const input = { clientName: "renamed" };
      const updated = expectData(
        await gateway.gql(UpdateUserPoolClientDocument, { userPoolId: poolId, clientId: created.clientId, input }),
      ).updateUserPoolClient;
      expect(updated.clientName).toBe("renamed");
      expect(updated.explicitAuthFlows).toEqual(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
      expect(updated.authSessionValidity).toBe(10);
      expect(updated.readAttributes).toEqual(["email"]);
      expect(updated.creationDate).toBe(created.creationDate);
      expect(updated.lastModifiedDate).toBe(clock.now().toISOString());
      expect(Date.parse(updated.lastModifiedDate) - Date.parse(created.lastModifiedDate)).toBe(90_000);

      const reread = expectData(await getClient(poolId, created.clientId)).userPoolClient;
      expect(reread).toEqual(updated);
    });

    it("validates the merged result", async () => {
      const poolId = await newPool();
      const created = await mustCreate(poolId, {
        callbackURLs: ["https://app.example/cb"],
        defaultRedirectURI: "https://app.example/cb",
      });
      const result = await gateway.gql(UpdateUserPoolClientDocument, {
        userPoolId: poolId,
        clientId: created.clientId,
        input: { callbackURLs: ["https://app.example/new"] },
      });
      expectError(
        result,
        "InvalidParameterException",
        "The default redirect URI https://app.example/cb is not in the callback URIs list.",
      );
      expect(expectData(await getClient(poolId, created.clientId)).userPoolClient.callbackURLs).toEqual([
        "https://app.example/cb",
      ]);
    });

    it("cannot reach a client through another pool", async () => {
      const [poolA, poolB] = [await newPool(), await newPool()];
      const client = await mustCreate(poolA, { clientName: "owned-by-a" });
      const update = await gateway.gql(UpdateUserPoolClientDocument, {
        userPoolId: poolB,
        clientId: client.clientId,
        input: { clientName: "stolen" },
      });
      expectError(update, "ResourceNotFoundException", client.clientId);
      expectError(await getClient(poolB, client.clientId), "ResourceNotFoundException");
      expectError(
        await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: poolB, clientId: client.clientId }),
        "ResourceNotFoundException",
      );
      expect(expectData(await getClient(poolA, client.clientId)).userPoolClient.clientName).toBe("owned-by-a");
    });

    it("rejects an unknown client id", async () => {
      const poolId = await newPool();
      const result = await gateway.gql(UpdateUserPoolClientDocument, {
        userPoolId: poolId,
        clientId: UNKNOWN_CLIENT_ID,
        input: { clientName: "x" },
      });
      expectError(result, "ResourceNotFoundException", UNKNOWN_CLIENT_ID);
    });
  });

  describe("deletion", () => {
    it("deletes a client", async () => {
      const poolId = await newPool();
      const [gone, kept] = [
        await mustCreate(poolId, { clientName: "gone" }),
        await mustCreate(poolId, { clientName: "kept" }),
      ];
      expect(
        expectData(await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: poolId, clientId: gone.clientId }))
          .deleteUserPoolClient,
      ).toBe(true);
      expectError(await getClient(poolId, gone.clientId), "ResourceNotFoundException", gone.clientId);
      expectError(
        await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: poolId, clientId: gone.clientId }),
        "ResourceNotFoundException",
      );
      expect((await listAllClients(poolId)).flat()).toEqual([kept.clientId]);
    });

    it("deleting the pool deletes its clients", async () => {
      const poolId = await newPool();
      const clients = [await mustCreate(poolId), await mustCreate(poolId, { generateSecret: true })];
      expect(expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: poolId })).deleteUserPool).toBe(true);
      for (const client of clients) {
        expectError(await getClient(poolId, client.clientId), "ResourceNotFoundException", poolId);
        expect(await gateway.app.db.read((repositories) => repositories.clients.findById(client.clientId))).toBeNull();
      }
    });
  });

  describe("userPoolClients", () => {
    it("pages through every client exactly once", async () => {
      const poolId = await newPool();
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await mustCreate(poolId, { clientName: `client-${i}` })).clientId);
      const pages = await listAllClients(poolId, 2);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...created].sort());
    });

    it("returns a single page without a cursor when everything fits", async () => {
      const poolId = await newPool();
      await mustCreate(poolId);
      await mustCreate(poolId);
      const page = expectData(
        await gateway.gql(ListUserPoolClientsDocument, { userPoolId: poolId, first: 2 }),
      ).userPoolClients;
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeNull();
    });

    it("rejects an unknown pool", async () => {
      expectError(
        await gateway.gql(ListUserPoolClientsDocument, { userPoolId: UNKNOWN_POOL_ID }),
        "ResourceNotFoundException",
        UNKNOWN_POOL_ID,
      );
    });

    it("rejects a page size outside 1–60", async () => {
      const poolId = await newPool();
      expectError(
        await gateway.gql(ListUserPoolClientsDocument, { userPoolId: poolId, first: 0 }),
        "InvalidParameterException",
      );
      expectError(
        await gateway.gql(ListUserPoolClientsDocument, { userPoolId: poolId, first: 61 }),
        "InvalidParameterException",
      );
    });
  });

  describe("access", () => {
    it("a pool-scoped admin key reaches only its own pool's clients", async () => {
      const [ownPool, otherPool] = [await newPool(), await newPool()];
      const otherClient = await mustCreate(otherPool, { generateSecret: true });
      const key = expectData(
        await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "scoped", poolScope: [ownPool] } }),
      ).createAdminApiKey.secret;

      const own = expectData(
        await gateway.gql(
          CreateUserPoolClientDocument,
          { userPoolId: ownPool, input: { clientName: "mine", generateSecret: true } },
          key,
        ),
      ).createUserPoolClient;
      expect(own.clientSecret).toMatch(/^[a-z0-9]{51}$/);
      expectError(
        await gateway.gql(GetUserPoolClientDocument, { userPoolId: otherPool, clientId: otherClient.clientId }, key),
        "NotAuthorizedException",
      );
      expectError(
        await gateway.gql(ListUserPoolClientsDocument, { userPoolId: otherPool }, key),
        "NotAuthorizedException",
      );
      expectError(
        await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: otherPool, clientId: otherClient.clientId }, key),
        "NotAuthorizedException",
      );
      expectError(
        await gateway.gql(
          CreateUserPoolClientDocument,
          { userPoolId: otherPool, input: { clientName: "intruder" } },
          key,
        ),
        "NotAuthorizedException",
      );
      expect((await listAllClients(otherPool)).flat()).toEqual([otherClient.clientId]);
    });

    it("without an admin key nothing is revealed", async () => {
      const poolId = await newPool();
      const client = await mustCreate(poolId, { generateSecret: true });
      const result = await gateway.gql(
        GetUserPoolClientDocument,
        { userPoolId: poolId, clientId: client.clientId },
        null,
      );
      expect(result.data ?? null).toBeNull();
      expect(JSON.stringify(result)).not.toContain(client.clientSecret!);
      expect(errorCodes(result)).toEqual(["NotAuthorizedException"]);
    });
  });

  describe("events", () => {
    it("records create, update and delete without the secret", async () => {
      const poolId = await newPool();
      const publicClient = await mustCreate(poolId, { clientName: "public" });
      const confidential = await mustCreate(poolId, { clientName: "confidential", generateSecret: true });
      expectData(
        await gateway.gql(UpdateUserPoolClientDocument, {
          userPoolId: poolId,
          clientId: confidential.clientId,
          input: { clientName: "confidential-2" },
        }),
      );
      expectData(
        await gateway.gql(DeleteUserPoolClientDocument, { userPoolId: poolId, clientId: publicClient.clientId }),
      );

      const events = (await eventsOf(poolId)).filter((event) => event.type.startsWith("APP_CLIENT_"));
      expect(events.map((event) => event.type)).toEqual([
        "APP_CLIENT_CREATED",
        "APP_CLIENT_CREATED",
        "APP_CLIENT_UPDATED",
        "APP_CLIENT_DELETED",
      ]);
      const [createdPublic, createdConfidential, updated, deleted] = events as [
        StoredEvent,
        StoredEvent,
        StoredEvent,
        StoredEvent,
      ];
      for (const event of events) expect(event.userPoolId).toBe(poolId);
      expect(createdPublic.detail).toMatchObject({
        clientId: publicClient.clientId,
        clientName: "public",
        hasSecret: false,
      });
      expect(createdConfidential.detail).toMatchObject({ clientId: confidential.clientId, hasSecret: true });
      expect(updated.detail).toMatchObject({
        changedFields: ["clientName"],
        client: { clientId: confidential.clientId, clientName: "confidential-2", hasSecret: true },
      });
      expect(deleted.detail).toMatchObject({ clientId: publicClient.clientId, clientName: "public" });

      const text = JSON.stringify(events);
      expect(text).not.toContain(confidential.clientSecret!);
      expect(text).not.toContain("secretCiphertext");
    });

    it("a rejected create leaves nothing behind", async () => {
      const poolId = await newPool();
      await mustCreate(poolId, { clientName: "first" });
      const before = await eventsOf(poolId);
      expectError(
        await create(poolId, {
          clientName: "second",
          generateSecret: true,
          accessTokenValidity: 4,
          tokenValidityUnits: { accessToken: "minutes" },
        }),
        "InvalidParameterException",
      );
      expect((await listAllClients(poolId)).flat()).toHaveLength(1);
      expect(await gateway.app.db.read((repositories) => repositories.clients.countByPool(poolId))).toBe(1);
      const after = await eventsOf(poolId);
      expect(after).toEqual(before);
      expect(after.filter((event) => event.type === "APP_CLIENT_CREATED")).toHaveLength(1);
    });
  });
});
