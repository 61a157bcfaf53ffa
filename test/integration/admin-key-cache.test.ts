import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Repositories } from "../../src/core/ports.js";
import { BACKENDS } from "../support/backends.js";
import { cognitoClient } from "../support/aws-clients.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import {
  CreateAdminApiKeyDocument,
  CreateGroupDocument,
  DeleteUserPoolDocument,
  ListUserPoolsDocument,
  ListUsersDocument,
  PoolNameDocument,
  RevokeAdminApiKeyDocument,
  UpdateUserPoolDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { subscribeToUserEvents } from "../support/event-subscriber.js";

/**
 * Admin keys and pools are kept in memory per process (admin-key-cache.ts, the client context cache's
 * pool entries). These tests prove the cache is used, and that a revocation or a pool change holds
 * from the moment it is acknowledged: in the process that made it, against a burst of requests racing
 * it, and in another process sharing MariaDB and Redis. The admin CLI's revocation on a running
 * gateway (both backends) is in cli.test.ts.
 */

/** Counts the admin-key and pool reads of every read (outside transactions) the app makes. */
function countingReads() {
  const counts = { keyReads: 0, poolReads: 0 };
  const wrapDatabase = (db: Database): Database => ({
    ...db,
    read: (work) =>
      db.read((repositories) =>
        work({
          ...repositories,
          adminKeys: {
            ...repositories.adminKeys,
            findByHash: (hash) => (counts.keyReads++, repositories.adminKeys.findByHash(hash)),
            findById: (id) => (counts.keyReads++, repositories.adminKeys.findById(id)),
          },
          pools: { ...repositories.pools, findById: (id) => (counts.poolReads++, repositories.pools.findById(id)) },
        } satisfies Repositories),
      ),
  });
  return { counts, wrapDatabase };
}

const NOT_AUTHORIZED = ["NotAuthorizedException"];

describe.each(BACKENDS)("admin keys and pools kept per process on $name", (backend) => {
  // One secrets key for every process, as a deployment has (SigV4 keys are sealed with it).
  const env = { SECRETS_KEY: randomBytes(32).toString("base64") };
  const reads = countingReads();
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env, overrides: { wrapDatabase: reads.wrapDatabase } });
  });
  afterAll(async () => gateway?.close());

  const createKey = async (via: TestApp = gateway) =>
    expectData(await via.gql(CreateAdminApiKeyDocument, { input: { name: uniqueName("cached") } })).createAdminApiKey;
  const poolNameAs = async (app: TestApp, poolId: string, token: string) =>
    app.gql(PoolNameDocument, { userPoolId: poolId }, token);

  it("reads an admin key and a pool once, then answers admin calls from memory", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { secret } = await createKey();
    expectData(await poolNameAs(gateway, poolId, secret));
    const before = { ...reads.counts };
    for (let call = 0; call < 5; call++) expectData(await poolNameAs(gateway, poolId, secret));
    expectData(await gateway.gql(ListUsersDocument, { userPoolId: poolId }, secret));
    expect(reads.counts).toEqual(before);
  });

  it("refuses a revoked key on its very next request, as a bearer key and as a SigV4 access key", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { key, secret } = await createKey();
    const wire = cognitoClient(gateway, { accessKeyId: key.id, secretAccessKey: secret });
    expectData(await poolNameAs(gateway, poolId, secret));
    expect((await wire.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Id).toBe(poolId);

    expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: key.id }));
    expect(errorCodes(await poolNameAs(gateway, poolId, secret))).toEqual(NOT_AUTHORIZED);
    await expect(wire.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).rejects.toMatchObject({
      name: "UnrecognizedClientException",
    });
  });

  it("ends a revoked key's live event stream with NotAuthorizedException and sends it nothing after", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { key, secret } = await createKey();
    const stream = subscribeToUserEvents(gateway.url, secret, { userPoolId: poolId });
    const group = () => gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("g") } });
    // Live from the moment the server has the subscription: create groups until the first one arrives.
    for (let attempt = 0; stream.events.length === 0 && attempt < 50; attempt++) {
      expectData(await group());
      await stream.waitFor((events) => events.length > 0, 200).catch(() => undefined);
    }
    expect(stream.events.length).toBeGreaterThan(0);
    const before = stream.events.length;
    expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: key.id }));
    for (let created = 0; created < 3; created++) expectData(await group());
    expect((await stream.waitForErrors()).map((error) => error.extensions?.code)).toEqual(NOT_AUTHORIZED);
    // The error and the completion are two messages: waitFor gives up once an error is in, so poll for the second.
    await vi.waitFor(() => expect(stream.isComplete).toBe(true), { timeout: 5_000, interval: 20 });
    expect(stream.events).toHaveLength(before);
    await stream.close();
  });

  it("lets no request that starts after the revocation is acknowledged through, however many race it", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { key, secret } = await createKey();
    expectData(await poolNameAs(gateway, poolId, secret));
    const outcomes: { startedAt: number; allowed: boolean }[] = [];
    let revokedAt = Number.POSITIVE_INFINITY;
    let stopAt = Number.POSITIVE_INFINITY;
    const lane = async () => {
      while (performance.now() < stopAt) {
        const startedAt = performance.now();
        const result = await poolNameAs(gateway, poolId, secret);
        outcomes.push({ startedAt, allowed: errorCodes(result).length === 0 });
      }
    };
    const lanes = Array.from({ length: 12 }, lane);
    // Revoke mid-burst, then keep the burst going a while.
    while (outcomes.length < 30) await new Promise((resolve) => setTimeout(resolve, 5));
    expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: key.id }));
    revokedAt = performance.now();
    const countAtRevocation = outcomes.length;
    while (outcomes.length < countAtRevocation + 60) await new Promise((resolve) => setTimeout(resolve, 5));
    stopAt = performance.now();
    await Promise.all(lanes);

    expect(outcomes.filter((outcome) => outcome.startedAt < revokedAt && outcome.allowed).length).toBeGreaterThan(0);
    const afterwards = outcomes.filter((outcome) => outcome.startedAt > revokedAt);
    expect(afterwards.length).toBeGreaterThanOrEqual(30);
    expect(afterwards.filter((outcome) => outcome.allowed)).toEqual([]);
    // And a parallel burst after the fact.
    const burst = await Promise.all(Array.from({ length: 40 }, () => poolNameAs(gateway, poolId, secret)));
    expect(burst.map((result) => errorCodes(result)[0])).toEqual(burst.map(() => "NotAuthorizedException"));
  });

  it("answers admin calls with the pool as just changed, and ResourceNotFoundException once it is deleted", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    expectData(await gateway.gql(PoolNameDocument, { userPoolId: poolId }));
    const renamed = uniqueName("renamed");
    expectData(await gateway.gql(UpdateUserPoolDocument, { userPoolId: poolId, input: { name: renamed } }));
    expect(expectData(await gateway.gql(PoolNameDocument, { userPoolId: poolId })).userPool.name).toBe(renamed);
    expectData(await gateway.gql(ListUsersDocument, { userPoolId: poolId }));
    expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: poolId }));
    expect(errorCodes(await gateway.gql(PoolNameDocument, { userPoolId: poolId }))).toEqual([
      "ResourceNotFoundException",
    ]);
    expect(errorCodes(await gateway.gql(ListUsersDocument, { userPoolId: poolId }))).toEqual([
      "ResourceNotFoundException",
    ]);
  });

  // A second process needs the shared database and store; the embedded backend has neither.
  describe.skipIf(backend.name === "embedded")("with a second gateway process", () => {
    let other: TestApp;
    beforeAll(async () => {
      other = await getTestApp(backend, { env });
    });
    afterAll(async () => other?.close());

    it("refuses a key revoked through this process on the other process's very next request, bearer and SigV4", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      const { key, secret } = await createKey();
      const wire = cognitoClient(other, { accessKeyId: key.id, secretAccessKey: secret });
      for (const app of [gateway, other]) expectData(await poolNameAs(app, poolId, secret));
      expect((await wire.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.Id).toBe(poolId);

      expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: key.id }));
      expect(errorCodes(await poolNameAs(other, poolId, secret))).toEqual(NOT_AUTHORIZED);
      await expect(wire.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).rejects.toMatchObject({
        name: "UnrecognizedClientException",
      });
    });

    it("lets no request to the other process through once a revocation made here is acknowledged, under a burst", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      const { key, secret } = await createKey(other);
      expectData(await poolNameAs(other, poolId, secret));
      const outcomes: { startedAt: number; allowed: boolean }[] = [];
      let stopAt = Number.POSITIVE_INFINITY;
      const lane = async () => {
        while (performance.now() < stopAt) {
          const startedAt = performance.now();
          const result = await other.gql(ListUserPoolsDocument, { first: 1 }, secret);
          outcomes.push({ startedAt, allowed: errorCodes(result).length === 0 });
        }
      };
      const lanes = Array.from({ length: 12 }, lane);
      while (outcomes.length < 30) await new Promise((resolve) => setTimeout(resolve, 5));
      expectData(await gateway.gql(RevokeAdminApiKeyDocument, { keyId: key.id }));
      const revokedAt = performance.now();
      const countAtRevocation = outcomes.length;
      while (outcomes.length < countAtRevocation + 60) await new Promise((resolve) => setTimeout(resolve, 5));
      stopAt = performance.now();
      await Promise.all(lanes);

      const afterwards = outcomes.filter((outcome) => outcome.startedAt > revokedAt);
      expect(afterwards.length).toBeGreaterThanOrEqual(30);
      expect(afterwards.filter((outcome) => outcome.allowed)).toEqual([]);
    });

    it("answers the other process's admin calls with a pool changed or deleted here", async () => {
      const { poolId } = await createPoolWithClient(gateway);
      for (const app of [gateway, other]) expectData(await app.gql(PoolNameDocument, { userPoolId: poolId }));
      expectData(await other.gql(ListUsersDocument, { userPoolId: poolId }));
      const renamed = uniqueName("renamed");
      expectData(await gateway.gql(UpdateUserPoolDocument, { userPoolId: poolId, input: { name: renamed } }));
      expect(expectData(await other.gql(PoolNameDocument, { userPoolId: poolId })).userPool.name).toBe(renamed);
      expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: poolId }));
      expect(errorCodes(await other.gql(ListUsersDocument, { userPoolId: poolId }))).toEqual([
        "ResourceNotFoundException",
      ]);
      expect(errorCodes(await other.gql(PoolNameDocument, { userPoolId: poolId }))).toEqual([
        "ResourceNotFoundException",
      ]);
    });
  });
});
