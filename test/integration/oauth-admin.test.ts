import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteResourceServerCommand,
  DeleteUserPoolDomainCommand,
  DescribeResourceServerCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  ListResourceServersCommand,
  UpdateResourceServerCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolDomainCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolClientCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POOL_DOMAIN_CHANNEL } from "../../src/core/oauth/user-pool-domain.service.js";
import { cognitoClient, createAwsCredentials, signedCall, type AwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { uniqueName } from "../support/directory.js";
import {
  CreateResourceServerDocument,
  CreateUserPoolClientDocument,
  CreateUserPoolDocument,
  CreateUserPoolDomainDocument,
  DeleteResourceServerDocument,
  GetResourceServerDocument,
  GetUserPoolClientDocument,
  GetUserPoolDomainDocument,
  GetUserPoolDomainsDocument,
  ListResourceServersDocument,
  UpdateUserPoolClientDocument,
  UpdateUserPoolDomainDocument,
  type CreateUserPoolClientInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql, type GraphqlResult } from "../support/graphql-client.js";
import { listEvents } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  expect(outcome, "the call should have failed").not.toBeNull();
  return outcome!;
}

function expectGqlError(result: GraphqlResult<unknown>, code: string, message?: string): void {
  expect(result.data ?? null).toBeNull();
  expect(errorCodes(result)).toEqual([code]);
  if (message !== undefined) expect(result.errors?.[0]?.message).toBe(message);
}

describe.each(BACKENDS)("OAuth admin (clients, resource servers, domains) on $name", (backend) => {
  let gateway: TestApp;
  let credentials: AwsCredentials;
  let admin: CognitoIdentityProviderClient;

  beforeAll(async () => {
    gateway = await getTestApp(backend);
    credentials = await createAwsCredentials(gateway);
    admin = cognitoClient(gateway, credentials);
  });
  afterAll(async () => {
    admin?.destroy();
    await gateway?.close();
  });

  const newPool = async () =>
    (await admin.send(new CreateUserPoolCommand({ PoolName: uniqueName("oauth") }))).UserPool!.Id!;
  const createApi = (poolId: string, identifier = "https://api.example.com", scopes = ["read", "write"]) =>
    admin.send(
      new CreateResourceServerCommand({
        UserPoolId: poolId,
        Identifier: identifier,
        Name: "API",
        Scopes: scopes.map((ScopeName) => ({ ScopeName, ScopeDescription: `may ${ScopeName}` })),
      }),
    );
  /** A prefix no earlier run on the shared database has taken. */
  const freshPrefix = () => `p-${uniqueName("d")}`;

  describe("app client OAuth settings", () => {
    const codeClient = {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ["code" as const],
      AllowedOAuthScopes: ["openid"],
      CallbackURLs: ["https://app.example/cb"],
    };

    it("returns every OAuth field under Cognito's names on the wire and GraphQL's on GraphQL", async () => {
      const poolId = await newPool();
      await createApi(poolId);
      const input: CreateUserPoolClientCommandInput = {
        UserPoolId: poolId,
        ClientName: "web",
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ["code", "implicit"],
        AllowedOAuthScopes: ["openid", "email", "https://api.example.com/read"],
        CallbackURLs: [
          "https://app.example/cb",
          "http://localhost:3000/cb",
          "http://127.0.0.1:8080/cb",
          "http://[::1]:9000/cb",
          "myapp://callback",
        ],
        LogoutURLs: ["https://app.example/bye"],
        DefaultRedirectURI: "https://app.example/cb",
        SupportedIdentityProviders: ["COGNITO"],
      };
      const created = (await admin.send(new CreateUserPoolClientCommand(input))).UserPoolClient!;
      const described = (
        await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: created.ClientId! }))
      ).UserPoolClient!;
      const { UserPoolId: _pool, ClientName: _name, ...oauth } = input;
      expect(described).toMatchObject(oauth);
      const graphql = expectData(
        await gateway.gql(GetUserPoolClientDocument, { userPoolId: poolId, clientId: created.ClientId! }),
      ).userPoolClient;
      expect(graphql).toMatchObject({
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ["code", "implicit"],
        allowedOAuthScopes: input.AllowedOAuthScopes,
        callbackURLs: input.CallbackURLs,
        logoutURLs: ["https://app.example/bye"],
        defaultRedirectURI: "https://app.example/cb",
        supportedIdentityProviders: ["COGNITO"],
      });
    });

    type Case = [
      label: string,
      wire: Partial<CreateUserPoolClientCommandInput>,
      code: string,
      message: (poolId: string) => string,
    ];
    it.each<Case>([
      [
        "OAuth on without flows",
        { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ["openid"] },
        "InvalidParameterException",
        () =>
          "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.",
      ],
      [
        "OAuth on without scopes",
        {
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ["code"],
          CallbackURLs: ["https://app.example/cb"],
        },
        "InvalidParameterException",
        () =>
          "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.",
      ],
      [
        "the code flow without callbacks",
        { ...codeClient, CallbackURLs: [] },
        "InvalidOAuthFlowException",
        () => "CallbackUrls can not be empty when code flow or implicit flow is selected",
      ],
      [
        "client_credentials without a secret",
        {
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ["client_credentials"],
          AllowedOAuthScopes: ["https://api.example.com/read"],
        },
        "InvalidOAuthFlowException",
        () => "client_credentials flow can not be selected if client does not have a client secret.",
      ],
      [
        "client_credentials with code",
        {
          ...codeClient,
          GenerateSecret: true,
          AllowedOAuthFlows: ["client_credentials", "code"],
          AllowedOAuthScopes: ["https://api.example.com/read"],
        },
        "InvalidOAuthFlowException",
        () => "client_credentials flow can not be selected along with code flow or implicit flow.",
      ],
      [
        "a standard scope on client_credentials",
        {
          GenerateSecret: true,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ["client_credentials"],
          AllowedOAuthScopes: ["https://api.example.com/read", "openid"],
        },
        "InvalidParameterException",
        () => "openid is not supported with client_credentials flow",
      ],
      [
        "a scope no resource server offers",
        { ...codeClient, AllowedOAuthScopes: ["openid", "https://api.example.com/admin"] },
        "ScopeDoesNotExistException",
        () => "Invalid scope requested: https://api.example.com/admin",
      ],
      [
        "an http callback",
        { ...codeClient, CallbackURLs: ["http://app.example/cb"] },
        "InvalidParameterException",
        () => "http://app.example/cb cannot use the HTTP protocol.",
      ],
      [
        "an http logout URL",
        { LogoutURLs: ["http://localhost.example.com/bye"] },
        "InvalidParameterException",
        () => "http://localhost.example.com/bye cannot use the HTTP protocol.",
      ],
      [
        "a default redirect outside the callbacks",
        { ...codeClient, DefaultRedirectURI: "https://app.example/other" },
        "InvalidParameterException",
        () => "The default redirect URI https://app.example/other is not in the callback URIs list.",
      ],
      [
        "an unknown identity provider",
        { SupportedIdentityProviders: ["COGNITO", "Google"] },
        "InvalidParameterException",
        (poolId) => `The provider Google does not exist for User Pool ${poolId}`,
      ],
      [
        "a callback with a fragment",
        { ...codeClient, CallbackURLs: ["https://app.example/cb#x"] },
        "InvalidParameterException",
        () => "CallbackURLs: https://app.example/cb#x must not contain a fragment.",
      ],
      [
        "a javascript: callback",
        { ...codeClient, CallbackURLs: ["javascript:alert(1)"] },
        "InvalidParameterException",
        () => "CallbackURLs: javascript: URIs cannot be redirect targets.",
      ],
    ])("refuses %s with Cognito's exception on both APIs", async (_label, wire, code, message) => {
      const poolId = await newPool();
      await createApi(poolId);
      const error = await rejectionOf(
        admin.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web", ...wire })),
      );
      expect([error.name, error.message]).toEqual([code, message(poolId)]);
      const graphqlInput: Partial<CreateUserPoolClientInput> = {
        allowedOAuthFlowsUserPoolClient: wire.AllowedOAuthFlowsUserPoolClient,
        allowedOAuthFlows: wire.AllowedOAuthFlows,
        allowedOAuthScopes: wire.AllowedOAuthScopes,
        callbackURLs: wire.CallbackURLs,
        logoutURLs: wire.LogoutURLs,
        defaultRedirectURI: wire.DefaultRedirectURI,
        supportedIdentityProviders: wire.SupportedIdentityProviders,
        generateSecret: wire.GenerateSecret,
      };
      expectGqlError(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: poolId,
          input: { clientName: "web", ...graphqlInput },
        }),
        code,
        message(poolId),
      );
    });

    it("UpdateUserPoolClient on the wire replaces the whole configuration; GraphQL merges", async () => {
      const poolId = await newPool();
      const { ClientId } = (
        await admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: "web",
            ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            ...codeClient,
            LogoutURLs: ["https://app.example/bye"],
          }),
        )
      ).UserPoolClient!;
      const merged = expectData(
        await gateway.gql(UpdateUserPoolClientDocument, {
          userPoolId: poolId,
          clientId: ClientId!,
          input: { clientName: "merged" },
        }),
      ).updateUserPoolClient;
      expect(merged).toMatchObject({
        clientName: "merged",
        explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        callbackURLs: ["https://app.example/cb"],
        allowedOAuthFlowsUserPoolClient: true,
      });

      const replaced = (
        await admin.send(
          new UpdateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientId: ClientId!,
            LogoutURLs: ["https://app.example/later"],
          }),
        )
      ).UserPoolClient!;
      expect(replaced.ClientName).toBe("merged");
      expect(replaced.ExplicitAuthFlows).toEqual([
        "ALLOW_CUSTOM_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
        "ALLOW_USER_SRP_AUTH",
      ]);
      expect(replaced.LogoutURLs).toEqual(["https://app.example/later"]);
      expect(replaced.CallbackURLs).toBeUndefined();
      expect(replaced.AllowedOAuthFlows).toBeUndefined();
      expect(replaced.AllowedOAuthFlowsUserPoolClient).toBe(false);
      expect(
        (await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: ClientId! })))
          .UserPoolClient,
      ).toEqual(replaced);
    });

    it("keeps a deleted resource-server scope on its clients (inactive) and refuses it on a client that never had it", async () => {
      const poolId = await newPool();
      await createApi(poolId);
      const scopes = ["openid", "https://api.example.com/read"];
      const { ClientId } = (
        await admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: "web",
            ...codeClient,
            AllowedOAuthScopes: scopes,
          }),
        )
      ).UserPoolClient!;
      await admin.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: "https://api.example.com" }));
      expect(
        (await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: ClientId! })))
          .UserPoolClient!.AllowedOAuthScopes,
      ).toEqual(scopes);
      expectData(
        await gateway.gql(UpdateUserPoolClientDocument, {
          userPoolId: poolId,
          clientId: ClientId!,
          input: { clientName: "renamed" },
        }),
      );
      await admin.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientId: ClientId!,
          ...codeClient,
          AllowedOAuthScopes: scopes,
        }),
      );
      const other = await rejectionOf(
        admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: "new",
            ...codeClient,
            AllowedOAuthScopes: scopes,
          }),
        ),
      );
      expect([other.name, other.message]).toEqual([
        "ScopeDoesNotExistException",
        "Invalid scope requested: https://api.example.com/read",
      ]);
    });
  });

  describe("resource servers", () => {
    it("creates, describes, lists, replaces and deletes, with Cognito's shapes", async () => {
      const poolId = await newPool();
      const created = await signedCall(
        gateway,
        "CreateResourceServer",
        { UserPoolId: poolId, Identifier: "orders", Name: "Orders API" },
        credentials,
      );
      // Scopes are left out of the JSON when there are none.
      expect([created.status, created.body]).toEqual([
        200,
        { ResourceServer: { UserPoolId: poolId, Identifier: "orders", Name: "Orders API" } },
      ]);
      const withScopes = (await createApi(poolId)).ResourceServer;
      expect(withScopes).toEqual({
        UserPoolId: poolId,
        Identifier: "https://api.example.com",
        Name: "API",
        Scopes: [
          { ScopeName: "read", ScopeDescription: "may read" },
          { ScopeName: "write", ScopeDescription: "may write" },
        ],
      });
      await createApi(poolId, "zeta");
      expect(
        (
          await admin.send(
            new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "https://api.example.com" }),
          )
        ).ResourceServer,
      ).toEqual(withScopes);

      const first = await admin.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 2 }));
      expect(first.ResourceServers!.map((server) => server.Identifier)).toEqual(["https://api.example.com", "orders"]);
      const second = await admin.send(
        new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 2, NextToken: first.NextToken }),
      );
      expect([second.ResourceServers!.map((server) => server.Identifier), second.NextToken]).toEqual([
        ["zeta"],
        undefined,
      ]);
      const page = expectData(
        await gateway.gql(ListResourceServersDocument, { userPoolId: poolId, first: 50 }),
      ).resourceServers;
      expect(page.items.map((server) => server.identifier)).toEqual(["https://api.example.com", "orders", "zeta"]);

      // A full replace: scopes left out are gone.
      const replaced = await signedCall(
        gateway,
        "UpdateResourceServer",
        { UserPoolId: poolId, Identifier: "https://api.example.com", Name: "Renamed" },
        credentials,
      );
      expect(replaced.body).toEqual({
        ResourceServer: { UserPoolId: poolId, Identifier: "https://api.example.com", Name: "Renamed" },
      });
      const graphql = expectData(
        await gateway.gql(GetResourceServerDocument, { userPoolId: poolId, identifier: "https://api.example.com" }),
      ).resourceServer;
      expect([graphql.name, graphql.scopes]).toEqual(["Renamed", []]);

      expect(
        await admin.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: "orders" })),
      ).toMatchObject({});
      expect(
        expectData(await gateway.gql(DeleteResourceServerDocument, { userPoolId: poolId, identifier: "zeta" }))
          .deleteResourceServer,
      ).toBe(true);
      const gone = await rejectionOf(
        admin.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "orders" })),
      );
      expect([gone.name, gone.message]).toEqual([
        "ResourceNotFoundException",
        `Resource server orders does not exist in user pool ${poolId}.`,
      ]);
      expectGqlError(
        await gateway.gql(GetResourceServerDocument, { userPoolId: poolId, identifier: "zeta" }),
        "ResourceNotFoundException",
      );
      const missingUpdate = await rejectionOf(
        admin.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "orders", Name: "x" })),
      );
      expect(missingUpdate.name).toBe("ResourceNotFoundException");

      const types = (await listEvents(gateway, poolId)).map((event) => event.type);
      expect(types.filter((type) => type.startsWith("RESOURCE_SERVER_")).sort()).toEqual([
        "RESOURCE_SERVER_CREATED",
        "RESOURCE_SERVER_CREATED",
        "RESOURCE_SERVER_CREATED",
        "RESOURCE_SERVER_DELETED",
        "RESOURCE_SERVER_DELETED",
        "RESOURCE_SERVER_UPDATED",
      ]);
    });

    it("refuses a duplicate identifier, bad shapes, more than 100 scopes and a 26th server", async () => {
      const poolId = await newPool();
      await createApi(poolId);
      const duplicate = await rejectionOf(createApi(poolId));
      expect([duplicate.name, duplicate.message]).toEqual([
        "InvalidParameterException",
        `https://api.example.com already exists in user pool ${poolId}.`,
      ]);
      expectGqlError(
        await gateway.gql(CreateResourceServerDocument, {
          userPoolId: poolId,
          input: { identifier: "https://api.example.com", name: "again" },
        }),
        "InvalidParameterException",
        `https://api.example.com already exists in user pool ${poolId}.`,
      );

      const slash = await rejectionOf(createApi(poolId, "other", ["read/all"]));
      expect(slash.name).toBe("InvalidParameterException");
      expect(slash.message).toMatch(
        /^1 validation error detected: Value 'read\/all' at 'scopes\.1\.member\.scopeName' failed to satisfy constraint/,
      );
      expectGqlError(
        await gateway.gql(CreateResourceServerDocument, {
          userPoolId: poolId,
          input: { identifier: "has space", name: "x" },
        }),
        "InvalidParameterException",
      );
      const tooMany = Array.from({ length: 101 }, (_, index) => `s${index}`);
      // Cognito's model caps the Scopes member: one validation error, not LimitExceededException.
      const tooManyError = await rejectionOf(createApi(poolId, "many", tooMany));
      expect(tooManyError.name).toBe("InvalidParameterException");
      expect(tooManyError.message).toMatch(
        /^1 validation error detected: Value '\[.*\]' at 'scopes' failed to satisfy constraint: Member must have length less than or equal to 100$/,
      );
      expectGqlError(
        await gateway.gql(CreateResourceServerDocument, {
          userPoolId: poolId,
          input: {
            identifier: "many",
            name: "x",
            scopes: tooMany.map((scopeName) => ({ scopeName, scopeDescription: "d" })),
          },
        }),
        "InvalidParameterException",
        "1 validation error detected: Value at 'scopes' failed to satisfy constraint: Member must have length less than or equal to 100",
      );
      expect((await createApi(poolId, "hundred", tooMany.slice(0, 100))).ResourceServer!.Scopes).toHaveLength(100);

      for (let index = 2; index < 25; index++)
        expectData(
          await gateway.gql(CreateResourceServerDocument, {
            userPoolId: poolId,
            input: { identifier: `api-${index}`, name: "x" },
          }),
        );
      const over = await rejectionOf(createApi(poolId, "api-25"));
      expect([over.name, over.message]).toEqual([
        "LimitExceededException",
        `User pool ${poolId} already has the maximum of 25 resource servers.`,
      ]);
    });

    it("stores 100 scopes with 256-character multibyte descriptions in the order given, and keeps their events small", async () => {
      const poolId = await newPool();
      const identifier = "https://api.example.com";
      // Names not in sorted order, each 256 characters; descriptions 256 characters of 3- and 4-byte UTF-8:
      // ~100 KB of JSON, past a MariaDB TEXT column (65,535 bytes) where the scopes used to be kept.
      const named = (prefix: string) =>
        Array.from({ length: 100 }, (_, index) => ({
          ScopeName: `${prefix}${99 - index}`.padEnd(256, "x"),
          ScopeDescription: index % 2 === 0 ? "€".repeat(256) : "😀".repeat(128),
        }));
      const first = named("a");
      const created = (
        await admin.send(
          new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: identifier, Name: "API", Scopes: first }),
        )
      ).ResourceServer!;
      expect(created.Scopes).toEqual(first);
      expect(
        (await admin.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: identifier })))
          .ResourceServer!.Scopes,
      ).toEqual(first);
      expect(
        (await admin.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 10 }))).ResourceServers![0]!
          .Scopes,
      ).toEqual(first);

      // A full replace of all 100 (the largest event: 100 names added and 100 removed), then one kept, one added.
      const second = named("b");
      expect(
        (
          await admin.send(
            new UpdateResourceServerCommand({
              UserPoolId: poolId,
              Identifier: identifier,
              Name: "API",
              Scopes: second,
            }),
          )
        ).ResourceServer!.Scopes,
      ).toEqual(second);
      const third = [second[5]!, { ScopeName: "extra", ScopeDescription: "é".repeat(256) }];
      await admin.send(
        new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: identifier, Name: "API", Scopes: third }),
      );
      const graphql = expectData(
        await gateway.gql(GetResourceServerDocument, { userPoolId: poolId, identifier }),
      ).resourceServer;
      expect(graphql.scopes).toEqual(
        third.map((scope) => ({ scopeName: scope.ScopeName, scopeDescription: scope.ScopeDescription })),
      );
      // The scopes are what app clients may ask for.
      const client = {
        UserPoolId: poolId,
        ClientName: "web",
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ["code" as const],
        CallbackURLs: ["https://app.example/cb"],
      };
      await admin.send(new CreateUserPoolClientCommand({ ...client, AllowedOAuthScopes: [`${identifier}/extra`] }));
      const unknown = await rejectionOf(
        admin.send(new CreateUserPoolClientCommand({ ...client, AllowedOAuthScopes: [`${identifier}/read`] })),
      );
      expect(unknown.name).toBe("ScopeDoesNotExistException");
      await admin.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: identifier }));

      const events = (await listEvents(gateway, poolId)).filter((event) => event.type.startsWith("RESOURCE_SERVER_"));
      expect(events.map((event) => event.detail)).toEqual([
        { identifier, name: "API", scopes: first.map((scope) => scope.ScopeName) },
        {
          identifier,
          name: "API",
          addedScopes: second.map((scope) => scope.ScopeName),
          removedScopes: first.map((scope) => scope.ScopeName),
        },
        {
          identifier,
          name: "API",
          addedScopes: ["extra"],
          removedScopes: second.filter((_, index) => index !== 5).map((scope) => scope.ScopeName),
        },
        { identifier, name: "API", scopes: third.map((scope) => scope.ScopeName) },
      ]);
      // Names only: never a description.
      expect(JSON.stringify(events)).not.toMatch(/€|😀|é/);
    });

    it("keeps identifiers unique and the quota exact under parallel creates", async () => {
      const poolId = await newPool();
      const same = await Promise.allSettled(Array.from({ length: 8 }, () => createApi(poolId, "same")));
      expect(same.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      for (const outcome of same)
        if (outcome.status === "rejected")
          expect((outcome.reason as Error).message).toBe(`same already exists in user pool ${poolId}.`);
      const many = await Promise.allSettled(Array.from({ length: 40 }, (_, index) => createApi(poolId, `n${index}`)));
      expect(many.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(24);
      for (const outcome of many)
        if (outcome.status === "rejected") expect((outcome.reason as Error).name).toBe("LimitExceededException");
      expect(
        (await admin.send(new ListResourceServersCommand({ UserPoolId: poolId, MaxResults: 50 }))).ResourceServers,
      ).toHaveLength(25);
    });

    it("lets a pool-scoped key manage its own pool only", async () => {
      const [own, foreign] = [await newPool(), await newPool()];
      const scopedCredentials = await createAwsCredentials(gateway, [own]);
      const scoped = cognitoClient(gateway, scopedCredentials);
      try {
        expect(
          (await scoped.send(new CreateResourceServerCommand({ UserPoolId: own, Identifier: "mine", Name: "Mine" })))
            .ResourceServer!.Identifier,
        ).toBe("mine");
        await createApi(foreign);
        // Thunks: each call starts only when its refusal is awaited.
        for (const call of [
          () => scoped.send(new CreateResourceServerCommand({ UserPoolId: foreign, Identifier: "theirs", Name: "x" })),
          () =>
            scoped.send(
              new DescribeResourceServerCommand({ UserPoolId: foreign, Identifier: "https://api.example.com" }),
            ),
          () => scoped.send(new ListResourceServersCommand({ UserPoolId: foreign })),
          () =>
            scoped.send(
              new DeleteResourceServerCommand({ UserPoolId: foreign, Identifier: "https://api.example.com" }),
            ),
          () => scoped.send(new CreateUserPoolDomainCommand({ UserPoolId: foreign, Domain: freshPrefix() })),
        ]) {
          expect((await rejectionOf(call())).name).toBe("NotAuthorizedException");
        }
        expect(
          (
            await admin.send(
              new DescribeResourceServerCommand({ UserPoolId: foreign, Identifier: "https://api.example.com" }),
            )
          ).ResourceServer!.Name,
        ).toBe("API");
        // Another pool's domain reads as unknown to a scoped key, as if free.
        const theirs = freshPrefix();
        await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: foreign, Domain: theirs }));
        expect((await scoped.send(new DescribeUserPoolDomainCommand({ Domain: theirs }))).DomainDescription).toEqual(
          {},
        );
        expect(
          (await admin.send(new DescribeUserPoolDomainCommand({ Domain: theirs }))).DomainDescription!.UserPoolId,
        ).toBe(foreign);
      } finally {
        scoped.destroy();
      }
    });
  });

  describe("user pool domains", () => {
    it("creates a prefix and a custom domain, describes them and reports them on the pool", async () => {
      const poolId = await newPool();
      const prefix = freshPrefix();
      const custom = `auth.${uniqueName("c")}.example.com`;
      expect(
        await signedCall(gateway, "CreateUserPoolDomain", { UserPoolId: poolId, Domain: prefix }, credentials).then(
          (response) => response.body,
        ),
      ).toEqual({ ManagedLoginVersion: 1 });
      const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
      const customCreated = await admin.send(
        new CreateUserPoolDomainCommand({
          UserPoolId: poolId,
          Domain: custom.toUpperCase(),
          ManagedLoginVersion: 2,
          CustomDomainConfig: { CertificateArn: certificateArn },
        }),
      );
      // The CNAME target is the gateway's own host (PUBLIC_URL's).
      const gatewayHost = new URL(gateway.config.publicUrl).hostname;
      expect([customCreated.ManagedLoginVersion, customCreated.CloudFrontDomain]).toEqual([2, gatewayHost]);

      const description = (await admin.send(new DescribeUserPoolDomainCommand({ Domain: custom }))).DomainDescription!;
      expect(description).toMatchObject({
        UserPoolId: poolId,
        AWSAccountId: "000000000000",
        Domain: custom,
        CloudFrontDistribution: gatewayHost,
        Status: "ACTIVE",
        CustomDomainConfig: { CertificateArn: certificateArn },
        ManagedLoginVersion: 2,
      });
      expect(description.S3Bucket).toBeUndefined();
      expect(typeof description.Version).toBe("string");
      expect((await admin.send(new DescribeUserPoolDomainCommand({ Domain: prefix }))).DomainDescription).toMatchObject(
        { Domain: prefix, UserPoolId: poolId, ManagedLoginVersion: 1 },
      );
      expect((await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool).toMatchObject({
        Domain: prefix,
        CustomDomain: custom,
      });
      expect(expectData(await gateway.gql(GetUserPoolDomainsDocument, { userPoolId: poolId })).userPool).toEqual({
        id: poolId,
        domain: prefix,
        customDomain: custom,
      });
      expect(expectData(await gateway.gql(GetUserPoolDomainDocument, { domain: custom })).userPoolDomain).toMatchObject(
        { kind: "CUSTOM", managedLoginVersion: 2, cloudFrontDistribution: gatewayHost, status: "ACTIVE" },
      );

      const second = await rejectionOf(
        admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: freshPrefix() })),
      );
      expect([second.name, second.message]).toEqual([
        "InvalidParameterException",
        `User pool ${poolId} already has a prefix domain configured.`,
      ]);
      const unknown = await signedCall(gateway, "DescribeUserPoolDomain", { Domain: freshPrefix() }, credentials);
      expect([unknown.status, unknown.body]).toEqual([200, { DomainDescription: {} }]);
      expect(
        expectData(await gateway.gql(GetUserPoolDomainDocument, { domain: freshPrefix() })).userPoolDomain,
      ).toBeNull();
    });

    const certificate = { CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" };
    it.each<[string, string, string, typeof certificate | undefined]>([
      [
        "an upper-case letter",
        "My-app",
        "The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$",
        undefined,
      ],
      [
        "a leading hyphen",
        "-app",
        "The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$",
        undefined,
      ],
      ["the reserved word aws", "my-aws-app", "Domain cannot contain reserved word: aws", undefined],
      ["the reserved word cognito", "cognito", "Domain cannot contain reserved word: cognito", undefined],
      [
        "a custom domain without a certificate",
        "auth.example.org",
        "CustomDomainConfig with a CertificateArn is required for a custom domain.",
        undefined,
      ],
      [
        "a custom domain under the prefix domains' suffix",
        "shadow.auth.localhost",
        "The custom domain shadow.auth.localhost is reserved by this gateway.",
        certificate,
      ],
      // PUBLIC_URL is http://localhost:<port> here: the gateway's own host, and localhost, which it answers as itself.
      [
        "a custom domain under the gateway's host",
        "app.localhost",
        "The custom domain app.localhost is reserved by this gateway.",
        certificate,
      ],
      [
        "a single label with a certificate",
        "intranet",
        "intranet is a prefix domain: CustomDomainConfig is only for custom domains (fully qualified host names).",
        certificate,
      ],
      [
        "a custom domain with an empty label",
        "auth..example.com",
        "The custom domain auth..example.com is not a fully qualified domain name.",
        certificate,
      ],
    ])("refuses a domain with %s", async (_label, domain, message, CustomDomainConfig) => {
      const poolId = await newPool();
      const error = await rejectionOf(
        admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain, CustomDomainConfig })),
      );
      expect([error.name, error.message]).toEqual(["InvalidParameterException", message]);
      expectGqlError(
        await gateway.gql(CreateUserPoolDomainDocument, {
          userPoolId: poolId,
          input: {
            domain,
            customDomainConfig: CustomDomainConfig ? { certificateArn: CustomDomainConfig.CertificateArn } : undefined,
          },
        }),
        "InvalidParameterException",
        message,
      );
    });

    it("refuses custom domains under whatever host PUBLIC_URL names", async () => {
      const other = await getTestApp(backend, { env: { PUBLIC_URL: "https://id.gateway.test" } });
      try {
        const poolId = expectData(await other.gql(CreateUserPoolDocument, { input: { name: uniqueName("host") } }))
          .createUserPool.id;
        for (const domain of ["id.gateway.test", "login.id.gateway.test", "x.auth.id.gateway.test", "evil.localhost"]) {
          expectGqlError(
            await other.gql(CreateUserPoolDomainDocument, {
              userPoolId: poolId,
              input: { domain, customDomainConfig: { certificateArn: certificate.CertificateArn } },
            }),
            "InvalidParameterException",
            `The custom domain ${domain} is reserved by this gateway.`,
          );
        }
        // Beside the gateway's host, not under it: a custom domain like any other.
        const beside = `${uniqueName("b")}.gateway.test`;
        expect(
          expectData(
            await other.gql(CreateUserPoolDomainDocument, {
              userPoolId: poolId,
              input: { domain: beside, customDomainConfig: { certificateArn: certificate.CertificateArn } },
            }),
          ).createUserPoolDomain.kind,
        ).toBe("CUSTOM");
      } finally {
        await other.close();
      }
    });

    it("lets only an unscoped key create or change a custom domain; a scoped key keeps its prefix domains", async () => {
      const poolId = await newPool();
      const scopedCredentials = await createAwsCredentials(gateway, [poolId]);
      const scoped = cognitoClient(gateway, scopedCredentials);
      const custom = `auth.${uniqueName("c")}.example.com`;
      const message =
        "This admin API key is scoped to specific user pools and cannot create or change a custom domain: a custom domain routes a host name for the whole gateway, so it needs an unscoped (all-pools) key.";
      try {
        // Nothing proves who controls a host name: a tenant's key must not claim one for the whole gateway.
        const refused = await rejectionOf(
          scoped.send(
            new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: custom, CustomDomainConfig: certificate }),
          ),
        );
        expect([refused.name, refused.message]).toEqual(["NotAuthorizedException", message]);
        const graphqlInput = { domain: custom, customDomainConfig: { certificateArn: certificate.CertificateArn } };
        expectGqlError(
          await postGraphql(
            gateway.url,
            CreateUserPoolDomainDocument,
            { userPoolId: poolId, input: graphqlInput },
            { token: scopedCredentials.secretAccessKey },
          ),
          "NotAuthorizedException",
          message,
        );
        expect((await admin.send(new DescribeUserPoolDomainCommand({ Domain: custom }))).DomainDescription).toEqual({});

        const prefix = freshPrefix();
        expect(
          (await scoped.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix })))
            .ManagedLoginVersion,
        ).toBe(1);
        expect(
          (
            await scoped.send(
              new UpdateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix, ManagedLoginVersion: 2 }),
            )
          ).ManagedLoginVersion,
        ).toBe(2);

        await admin.send(
          new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: custom, CustomDomainConfig: certificate }),
        );
        const update = await rejectionOf(
          scoped.send(
            new UpdateUserPoolDomainCommand({
              UserPoolId: poolId,
              Domain: custom,
              ManagedLoginVersion: 2,
              CustomDomainConfig: { CertificateArn: `${certificate.CertificateArn}-other` },
            }),
          ),
        );
        expect([update.name, update.message]).toEqual(["NotAuthorizedException", message]);
        expectGqlError(
          await postGraphql(
            gateway.url,
            UpdateUserPoolDomainDocument,
            { userPoolId: poolId, input: { domain: custom, managedLoginVersion: 2 } },
            { token: scopedCredentials.secretAccessKey },
          ),
          "NotAuthorizedException",
          message,
        );
        expect(
          (await admin.send(new DescribeUserPoolDomainCommand({ Domain: custom }))).DomainDescription,
        ).toMatchObject({ ManagedLoginVersion: 1, CustomDomainConfig: certificate });
        expect(
          (
            await admin.send(
              new UpdateUserPoolDomainCommand({
                UserPoolId: poolId,
                Domain: custom,
                ManagedLoginVersion: 2,
                CustomDomainConfig: certificate,
              }),
            )
          ).ManagedLoginVersion,
        ).toBe(2);
        // Giving a host name up claims nothing: the pool's own scoped key may delete it.
        await scoped.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: custom }));
        expect((await admin.send(new DescribeUserPoolDomainCommand({ Domain: custom }))).DomainDescription).toEqual({});
      } finally {
        scoped.destroy();
      }
    });

    it("accepts reserved words inside a token, refuses a taken domain, and frees it on delete", async () => {
      const [first, second] = [await newPool(), await newPool()];
      const prefix = `awsome-${uniqueName("d")}`;
      await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: prefix }));
      const taken = await rejectionOf(
        admin.send(new CreateUserPoolDomainCommand({ UserPoolId: second, Domain: prefix })),
      );
      expect([taken.name, taken.message]).toEqual([
        "InvalidParameterException",
        "Domain already associated with another user pool.",
      ]);
      expectGqlError(
        await gateway.gql(CreateUserPoolDomainDocument, { userPoolId: second, input: { domain: prefix } }),
        "InvalidParameterException",
        "Domain already associated with another user pool.",
      );

      expect(
        (
          await admin.send(
            new UpdateUserPoolDomainCommand({ UserPoolId: first, Domain: prefix, ManagedLoginVersion: 2 }),
          )
        ).ManagedLoginVersion,
      ).toBe(2);
      expect(
        (
          await rejectionOf(
            admin.send(new UpdateUserPoolDomainCommand({ UserPoolId: first, Domain: prefix, ManagedLoginVersion: 3 })),
          )
        ).name,
      ).toBe("InvalidParameterException");
      expect(
        (
          await rejectionOf(
            admin.send(new UpdateUserPoolDomainCommand({ UserPoolId: second, Domain: prefix, ManagedLoginVersion: 1 })),
          )
        ).name,
      ).toBe("ResourceNotFoundException");
      expect(
        (await rejectionOf(admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: second, Domain: prefix })))).name,
      ).toBe("ResourceNotFoundException");

      await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: first, Domain: prefix }));
      expect((await admin.send(new DescribeUserPoolDomainCommand({ Domain: prefix }))).DomainDescription).toEqual({});
      expect((await admin.send(new DescribeUserPoolCommand({ UserPoolId: first }))).UserPool!.Domain).toBeUndefined();
      expect(
        expectData(await gateway.gql(CreateUserPoolDomainDocument, { userPoolId: second, input: { domain: prefix } }))
          .createUserPoolDomain.userPoolId,
      ).toBe(second);
      const types = (await listEvents(gateway, first))
        .map((event) => event.type)
        .filter((type) => type.startsWith("USER_POOL_DOMAIN_"));
      expect(types.sort()).toEqual([
        "USER_POOL_DOMAIN_CREATED",
        "USER_POOL_DOMAIN_DELETED",
        "USER_POOL_DOMAIN_UPDATED",
      ]);
    });

    it("gives a domain asked for by two pools at once to one of them", async () => {
      const pools = await Promise.all(Array.from({ length: 6 }, () => newPool()));
      const prefix = freshPrefix();
      const outcomes = await Promise.allSettled(
        pools.map((poolId) => admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }))),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === "rejected")
          expect([(outcome.reason as Error).name, (outcome.reason as Error).message]).toEqual([
            "InvalidParameterException",
            "Domain already associated with another user pool.",
          ]);
      }
    });

    it("gives a pool one prefix domain when it asks for several at once", async () => {
      const poolId = await newPool();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: freshPrefix() })),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      for (const outcome of outcomes)
        if (outcome.status === "rejected")
          expect((outcome.reason as Error).message).toBe(`User pool ${poolId} already has a prefix domain configured.`);
    });

    it("announces every change on the domain channel, after it has committed", async () => {
      const poolId = await newPool();
      const heard: unknown[] = [];
      const stop = await gateway.app.store.subscribe(POOL_DOMAIN_CHANNEL, (message) => heard.push(JSON.parse(message)));
      try {
        const prefix = freshPrefix();
        await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }));
        await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }));
        await expect.poll(() => heard.length).toBe(2);
        expect(heard).toEqual([
          { domain: prefix, poolId },
          { domain: prefix, poolId },
        ]);
      } finally {
        await stop();
      }
    });
  });
});
