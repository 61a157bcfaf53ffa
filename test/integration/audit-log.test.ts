import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminDeleteUserDocument,
  AuditEventsDocument,
  CreateAdminApiKeyDocument,
  CreateGroupDocument,
  SignUpDocument,
  type AuditEventsQuery,
  type AuditEventsQueryVariables,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

type AuditEvent = AuditEventsQuery["events"]["items"][number];

describe.each(BACKENDS)("audit log query on $name", (backend) => {
  let gateway: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = createManualClock(new Date("2090-06-01T00:00:00.000Z"));
    gateway = await getTestApp(backend, { overrides: { clock } });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  /** Every page of a query, following nextCursor; also returns the page sizes. */
  async function allPages(
    variables: AuditEventsQueryVariables,
    token?: string,
  ): Promise<{ items: AuditEvent[]; pageSizes: number[] }> {
    const items: AuditEvent[] = [];
    const pageSizes: number[] = [];
    let after: string | null = null;
    do {
      const page: AuditEventsQuery["events"] = expectData(
        await gateway.gql(AuditEventsDocument, { ...variables, after }, token),
      ).events;
      items.push(...page.items);
      pageSizes.push(page.items.length);
      after = page.nextCursor;
    } while (after);
    return { items, pageSizes };
  }

  const signUp = async (clientId: string) => {
    const username = uniqueName("u");
    const { userSub } = expectData(
      await gateway.gql(SignUpDocument, { input: { clientId, username, password: GOOD_PASSWORD } }, null),
    ).signUp;
    return { username, userSub };
  };

  it("lists newest first, cursor-paginated with no overlap and no gap", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    for (let i = 0; i < 7; i++)
      expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: `g${i}` } }));
    const whole = expectData(await gateway.gql(AuditEventsDocument, { userPoolId: poolId, first: 1000 })).events;
    expect(whole.nextCursor).toBeNull();
    const seqs = whole.items.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(whole.items.slice(0, 7).map((event) => event.detail.groupName)).toEqual([
      "g6",
      "g5",
      "g4",
      "g3",
      "g2",
      "g1",
      "g0",
    ]);
    expect(whole.items.at(-1)!.type).toBe("USER_POOL_CREATED");

    const paged = await allPages({ userPoolId: poolId, first: 3 });
    expect(paged.items.map((event) => event.seq)).toEqual(seqs);
    expect(paged.pageSizes.slice(0, -1).every((size) => size === 3)).toBe(true);
  });

  it("filters by type, by user and by time", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway);
    clock.advanceSeconds(60);
    const windowStart = clock.now();
    const alice = await signUp(clientId);
    clock.advanceSeconds(60);
    const bob = await signUp(clientId);
    clock.advanceSeconds(60);
    const windowEnd = clock.now();
    expectData(await gateway.gql(AdminDeleteUserDocument, { userPoolId: poolId, username: alice.username }));
    clock.advanceSeconds(60);

    const signUps = await allPages({ userPoolId: poolId, types: ["USER_SIGNED_UP"] });
    expect(signUps.items.map((event) => event.detail.userSub)).toEqual([bob.userSub, alice.userSub]);

    const aboutAlice = await allPages({ userPoolId: poolId, userSub: alice.userSub });
    expect(aboutAlice.items.map((event) => event.type)).toEqual(
      expect.arrayContaining(["USER_DELETED", "USER_SIGNED_UP"]),
    );
    expect(aboutAlice.items.every((event) => event.detail.userSub === alice.userSub)).toBe(true);
    expect(aboutAlice.items[0]!.type).toBe("USER_DELETED");

    const twoTypes = await allPages({ userPoolId: poolId, types: ["USER_DELETED", "USER_POOL_CREATED"] });
    expect(twoTypes.items.map((event) => event.type)).toEqual(["USER_DELETED", "USER_POOL_CREATED"]);

    const inWindow = await allPages({
      userPoolId: poolId,
      from: windowStart.toISOString(),
      to: windowEnd.toISOString(),
    });
    expect(inWindow.items.length).toBeGreaterThan(0);
    for (const event of inWindow.items) {
      expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(windowStart.getTime());
      expect(Date.parse(event.occurredAt)).toBeLessThan(windowEnd.getTime());
    }
    expect(inWindow.items.map((event) => event.type)).not.toContain("USER_DELETED");
    expect(
      inWindow.items.filter((event) => event.type === "USER_SIGNED_UP").map((event) => event.detail.userSub),
    ).toEqual([bob.userSub, alice.userSub]);

    const bobInWindow = await allPages({
      userPoolId: poolId,
      userSub: bob.userSub,
      types: ["USER_SIGNED_UP"],
      from: windowStart.toISOString(),
      to: windowEnd.toISOString(),
    });
    expect(bobInWindow.items).toHaveLength(1);
    const nothing = await allPages({
      userPoolId: poolId,
      from: windowEnd.toISOString(),
      to: new Date(windowEnd.getTime() + 1).toISOString(),
      types: ["USER_SIGNED_UP"],
    });
    expect(nothing.items).toEqual([]);
  });

  it("keeps a scoped key to its own pools and rejects bad arguments", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const { poolId: otherPoolId } = await createPoolWithClient(gateway);
    const scoped = expectData(
      await gateway.gql(CreateAdminApiKeyDocument, { input: { name: uniqueName("k"), poolScope: [poolId] } }),
    ).createAdminApiKey.secret;
    expect(errorCodes(await gateway.gql(AuditEventsDocument, { userPoolId: otherPoolId }, scoped))).toEqual([
      "NotAuthorizedException",
    ]);
    const visible = await allPages({ first: 1000 }, scoped);
    expect(visible.items.length).toBeGreaterThan(0);
    expect(visible.items.every((event) => event.userPoolId === poolId)).toBe(true);

    expect(errorCodes(await gateway.gql(AuditEventsDocument, { userPoolId: poolId, after: "garbage!" }))).toEqual([
      "InvalidParameterException",
    ]);
    expect(errorCodes(await gateway.gql(AuditEventsDocument, { userPoolId: poolId, first: 0 }))).toEqual([
      "InvalidParameterException",
    ]);
    const at = clock.now().toISOString();
    expect(errorCodes(await gateway.gql(AuditEventsDocument, { userPoolId: poolId, from: at, to: at }))).toEqual([
      "InvalidParameterException",
    ]);
    expect(errorCodes(await gateway.gql(AuditEventsDocument, { userPoolId: poolId }, null))).toEqual([
      "NotAuthorizedException",
    ]);
  });
});
