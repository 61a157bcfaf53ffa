import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminAddUserToGroupDocument,
  AdminListGroupsForUserDocument,
  AdminRemoveUserFromGroupDocument,
  CreateAdminApiKeyDocument,
  CreateGroupDocument,
  DeleteGroupDocument,
  GetGroupDocument,
  ListEventsDocument,
  ListGroupsDocument,
  ListUsersInGroupDocument,
  SignUpDocument,
  UpdateGroupDocument,
  type CreateGroupInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const ROLE_ARN = "arn:aws:iam::123456789012:role/GroupRole";

/** Helpers bound to one gateway; every test makes its own pool. */
function groupHelpers(gateway: () => TestApp) {
  const gql: TestApp["gql"] = (document, variables, token) => gateway().gql(document, variables, token);
  const code = (result: Omit<GraphqlResult<unknown>, "status">) => errorCodes(result);
  return {
    gql,
    code,
    async newPool(poolInput: Partial<CreateUserPoolInput> = {}) {
      return createPoolWithClient(gateway(), poolInput);
    },
    async createGroup(userPoolId: string, input: Partial<CreateGroupInput> = {}) {
      return expectData(await gql(CreateGroupDocument, { input: { userPoolId, groupName: uniqueName("g"), ...input } }))
        .createGroup;
    },
    /** Signs a user up (unconfirmed is enough to join groups) and returns its username and sub. */
    async signUp(clientId: string, username = uniqueName("u")) {
      const result = expectData(
        await gql(
          SignUpDocument,
          {
            input: {
              clientId,
              username,
              password: GOOD_PASSWORD,
              userAttributes: [{ name: "email", value: `${username}@example.com` }],
            },
          },
          null,
        ),
      );
      return { username, sub: result.signUp.userSub };
    },
    async add(userPoolId: string, username: string, groupName: string) {
      return gql(AdminAddUserToGroupDocument, { userPoolId, username, groupName });
    },
    async remove(userPoolId: string, username: string, groupName: string) {
      return gql(AdminRemoveUserFromGroupDocument, { userPoolId, username, groupName });
    },
    /** Every member, following cursors. */
    async members(userPoolId: string, groupName: string) {
      const users: { username: string; userSub: string }[] = [];
      let after: string | undefined;
      do {
        const page = expectData(
          await gql(ListUsersInGroupDocument, { userPoolId, groupName, first: 60, after }),
        ).listUsersInGroup;
        users.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      return users;
    },
    async groupNamesOf(userPoolId: string, username: string) {
      return expectData(
        await gql(AdminListGroupsForUserDocument, { userPoolId, username, first: 60 }),
      ).adminListGroupsForUser.items.map((group) => group.groupName);
    },
    async groupNames(userPoolId: string) {
      return expectData(await gql(ListGroupsDocument, { userPoolId, first: 60 })).groups.items.map(
        (group) => group.groupName,
      );
    },
    async events(userPoolId: string) {
      return expectData(await gql(ListEventsDocument, { userPoolId, first: 1000 })).events.items;
    },
  };
}

describe.each(BACKENDS)("groups on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());
  const { gql, code, newPool, createGroup, signUp, add, remove, members, groupNamesOf, groupNames, events } =
    groupHelpers(() => gateway);

  it("creates, reads, updates (only given fields; null clears) and deletes a group", async () => {
    const { poolId } = await newPool();
    const created = await createGroup(poolId, {
      groupName: "admins",
      description: "Administrators",
      precedence: 1,
      roleArn: ROLE_ARN,
    });
    expect(created).toMatchObject({
      groupName: "admins",
      userPoolId: poolId,
      description: "Administrators",
      precedence: 1,
      roleArn: ROLE_ARN,
    });
    expect(created.creationDate).toBe(created.lastModifiedDate);
    expect(expectData(await gql(GetGroupDocument, { userPoolId: poolId, groupName: "admins" })).group).toEqual(created);

    const bare = await createGroup(poolId, { groupName: "readers" });
    expect(bare).toMatchObject({ description: null, precedence: null, roleArn: null });

    const renamedDescription = expectData(
      await gql(UpdateGroupDocument, { input: { userPoolId: poolId, groupName: "admins", description: "Root users" } }),
    ).updateGroup;
    expect(renamedDescription).toMatchObject({
      description: "Root users",
      precedence: 1,
      roleArn: ROLE_ARN,
      creationDate: created.creationDate,
    });
    expect(new Date(renamedDescription.lastModifiedDate).getTime()).toBeGreaterThanOrEqual(
      new Date(created.lastModifiedDate).getTime(),
    );

    const cleared = expectData(
      await gql(UpdateGroupDocument, {
        input: { userPoolId: poolId, groupName: "admins", precedence: null, roleArn: null },
      }),
    ).updateGroup;
    expect(cleared).toMatchObject({ description: "Root users", precedence: null, roleArn: null });
    expect(expectData(await gql(GetGroupDocument, { userPoolId: poolId, groupName: "admins" })).group).toMatchObject({
      description: "Root users",
      precedence: null,
      roleArn: null,
    });

    expect(expectData(await gql(DeleteGroupDocument, { userPoolId: poolId, groupName: "admins" })).deleteGroup).toBe(
      true,
    );
    const gone = await gql(GetGroupDocument, { userPoolId: poolId, groupName: "admins" });
    expect(code(gone)).toEqual(["ResourceNotFoundException"]);
    expect(gone.errors?.[0]?.message).toBe("Group not found.");
    expect(code(await gql(DeleteGroupDocument, { userPoolId: poolId, groupName: "admins" }))).toEqual([
      "ResourceNotFoundException",
    ]);
    expect(
      code(await gql(UpdateGroupDocument, { input: { userPoolId: poolId, groupName: "admins", description: "x" } })),
    ).toEqual(["ResourceNotFoundException"]);
    expect(await groupNames(poolId)).toEqual(["readers"]);
  });

  it("refuses a second group of the same name in a pool, but not in another pool", async () => {
    const first = await newPool();
    const second = await newPool();
    await createGroup(first.poolId, { groupName: "staff" });
    const again = await gql(CreateGroupDocument, {
      input: { userPoolId: first.poolId, groupName: "staff", description: "other" },
    });
    expect(code(again)).toEqual(["GroupExistsException"]);
    expect(
      expectData(await gql(GetGroupDocument, { userPoolId: first.poolId, groupName: "staff" })).group.description,
    ).toBeNull();
    await createGroup(second.poolId, { groupName: "staff" });
  });

  it("validates every group field with InvalidParameterException", async () => {
    const { poolId } = await newPool();
    const refused = async (input: Partial<CreateGroupInput>) =>
      code(await gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: uniqueName("v"), ...input } }));
    const invalid = ["InvalidParameterException"];
    expect(await refused({ groupName: "" })).toEqual(invalid);
    expect(await refused({ groupName: "x".repeat(129) })).toEqual(invalid);
    expect(await refused({ groupName: "has space" })).toEqual(invalid);
    expect(await refused({ groupName: "tab\there" })).toEqual(invalid);
    expect(await refused({ description: "d".repeat(2049) })).toEqual(invalid);
    expect(await refused({ precedence: -1 })).toEqual(invalid);
    expect(await refused({ roleArn: "not-an-arn-at-all-long-enough" })).toEqual(invalid);
    expect(await refused({ roleArn: "arn:a:b::1:c" })).toEqual(invalid); // shorter than Cognito's 20
    expect(await refused({ roleArn: `arn:aws:iam::123456789012:role/${"r".repeat(2048)}` })).toEqual(invalid);
    expect(await groupNames(poolId)).toEqual([]);

    await createGroup(poolId, {
      groupName: "x".repeat(128),
      description: "d".repeat(2048),
      precedence: 2147483647,
      roleArn: ROLE_ARN,
    });
    await createGroup(poolId, { groupName: "Grüße-日本_ü.@+=,", description: "", precedence: 0 });
    expect((await groupNames(poolId)).sort()).toEqual(["Grüße-日本_ü.@+=,", "x".repeat(128)].sort());

    const update = async (input: { precedence?: number; description?: string; roleArn?: string }) =>
      code(await gql(UpdateGroupDocument, { input: { userPoolId: poolId, groupName: "x".repeat(128), ...input } }));
    expect(await update({ precedence: -5 })).toEqual(invalid);
    expect(await update({ description: "d".repeat(2049) })).toEqual(invalid);
    expect(await update({ roleArn: "arn:nope" })).toEqual(invalid);
    expect(
      expectData(await gql(GetGroupDocument, { userPoolId: poolId, groupName: "x".repeat(128) })).group.precedence,
    ).toBe(2147483647);

    expect(code(await gql(GetGroupDocument, { userPoolId: poolId, groupName: "bad name" }))).toEqual(invalid);
    expect(code(await gql(ListGroupsDocument, { userPoolId: poolId, first: 0 }))).toEqual(invalid);
    expect(code(await gql(ListGroupsDocument, { userPoolId: poolId, first: 61 }))).toEqual(invalid);
    expect(code(await gql(ListGroupsDocument, { userPoolId: poolId, after: "not-a-cursor" }))).toEqual(invalid);
    expect(code(await gql(ListGroupsDocument, { userPoolId: "not a pool id" }))).toEqual(invalid);
    expect(code(await gql(ListGroupsDocument, { userPoolId: `${gateway.config.region}_NoSuchP00l` }))).toEqual([
      "ResourceNotFoundException",
    ]);
    expect(code(await add(poolId, "user name", "x"))).toEqual(invalid);
  });

  it("pages groups by name, two at a time", async () => {
    const { poolId } = await newPool();
    const names = ["echo", "alpha", "delta", "charlie", "bravo"];
    for (const groupName of names) await createGroup(poolId, { groupName });
    const pages: string[][] = [];
    let after: string | undefined;
    do {
      const page = expectData(await gql(ListGroupsDocument, { userPoolId: poolId, first: 2, after })).groups;
      pages.push(page.items.map((group) => group.groupName));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(pages).toEqual([["alpha", "bravo"], ["charlie", "delta"], ["echo"]]);
  });

  it("pages members by user id and lists a user's groups by name", async () => {
    const { poolId, clientId } = await newPool();
    const group = await createGroup(poolId, { groupName: "team" });
    const others = [
      await createGroup(poolId, { groupName: "b-other" }),
      await createGroup(poolId, { groupName: "a-other" }),
    ];
    await createGroup(poolId, { groupName: "unrelated" });
    const users: { username: string; sub: string }[] = [];
    for (let index = 0; index < 5; index++) users.push(await signUp(clientId));
    for (const user of users) expectData(await add(poolId, user.username, group.groupName));
    for (const other of others) expectData(await add(poolId, users[0]!.username, other.groupName));

    const pages: string[][] = [];
    let after: string | undefined;
    do {
      const page = expectData(
        await gql(ListUsersInGroupDocument, { userPoolId: poolId, groupName: "team", first: 2, after }),
      ).listUsersInGroup;
      pages.push(page.items.map((user) => user.userSub));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(users.map((user) => user.sub).sort());

    const listed = (await members(poolId, "team")).find((user) => user.userSub === users[0]!.sub);
    expect(listed).toMatchObject({ username: users[0]!.username, userStatus: "UNCONFIRMED", enabled: true });
    expect(code(await gql(ListUsersInGroupDocument, { userPoolId: poolId, groupName: "missing" }))).toEqual([
      "ResourceNotFoundException",
    ]);

    expect(await groupNamesOf(poolId, users[0]!.username)).toEqual(["a-other", "b-other", "team"]);
    const firstPage = expectData(
      await gql(AdminListGroupsForUserDocument, { userPoolId: poolId, username: users[0]!.username, first: 2 }),
    ).adminListGroupsForUser;
    expect(firstPage.items.map((item) => item.groupName)).toEqual(["a-other", "b-other"]);
    const secondPage = expectData(
      await gql(AdminListGroupsForUserDocument, {
        userPoolId: poolId,
        username: users[0]!.username,
        first: 2,
        after: firstPage.nextCursor,
      }),
    ).adminListGroupsForUser;
    expect(secondPage).toMatchObject({ items: [{ groupName: "team" }], nextCursor: null });
    expect(await groupNamesOf(poolId, users[1]!.username)).toEqual(["team"]);
    const stranger = await signUp(clientId);
    expect(await groupNamesOf(poolId, stranger.username)).toEqual([]);
    const unknown = await gql(AdminListGroupsForUserDocument, { userPoolId: poolId, username: "nobody-here" });
    expect(code(unknown)).toEqual(["UserNotFoundException"]);
    expect(unknown.errors?.[0]?.message).toBe("User does not exist.");
  });

  it("adds and removes idempotently, and refuses unknown users and groups", async () => {
    const { poolId, clientId } = await newPool();
    const { groupName } = await createGroup(poolId);
    const user = await signUp(clientId);
    expect(expectData(await add(poolId, user.username, groupName)).adminAddUserToGroup).toBe(true);
    expect(expectData(await add(poolId, user.username, groupName)).adminAddUserToGroup).toBe(true);
    expect((await members(poolId, groupName)).map((member) => member.userSub)).toEqual([user.sub]);

    expect(expectData(await remove(poolId, user.username, groupName)).adminRemoveUserFromGroup).toBe(true);
    expect(expectData(await remove(poolId, user.username, groupName)).adminRemoveUserFromGroup).toBe(true);
    expect(await members(poolId, groupName)).toEqual([]);

    const unknownUser = await add(poolId, "ghost-user", groupName);
    expect(code(unknownUser)).toEqual(["UserNotFoundException"]);
    expect(unknownUser.errors?.[0]?.message).toBe("User does not exist.");
    expect(code(await remove(poolId, "ghost-user", groupName))).toEqual(["UserNotFoundException"]);
    const unknownGroup = await add(poolId, user.username, "no-such-group");
    expect(code(unknownGroup)).toEqual(["ResourceNotFoundException"]);
    expect(unknownGroup.errors?.[0]?.message).toBe("Group not found.");
    expect(code(await remove(poolId, user.username, "no-such-group"))).toEqual(["ResourceNotFoundException"]);

    const types = (await events(poolId)).map((event) => event.type).filter((type) => type.includes("_GROUP"));
    expect(types).toEqual(["USER_ADDED_TO_GROUP", "USER_REMOVED_FROM_GROUP"]);
  });

  it("finds users by their email in email-as-username pools", async () => {
    const { poolId, clientId } = await newPool({ usernameAttributes: ["email"] });
    const { groupName } = await createGroup(poolId);
    const email = `${uniqueName("e")}@example.com`;
    const sub = expectData(
      await gql(SignUpDocument, { input: { clientId, username: email, password: GOOD_PASSWORD } }, null),
    ).signUp.userSub;
    expectData(await add(poolId, email, groupName));
    expect((await members(poolId, groupName)).map((member) => member.userSub)).toEqual([sub]);
    expect(await groupNamesOf(poolId, email)).toEqual([groupName]);
  });

  it("deleting a group removes its memberships but not its users", async () => {
    const { poolId, clientId } = await newPool();
    const user = await signUp(clientId);
    await createGroup(poolId, { groupName: "doomed" });
    await createGroup(poolId, { groupName: "kept" });
    expectData(await add(poolId, user.username, "doomed"));
    expectData(await add(poolId, user.username, "kept"));
    expectData(await gql(DeleteGroupDocument, { userPoolId: poolId, groupName: "doomed" }));
    expect(await groupNamesOf(poolId, user.username)).toEqual(["kept"]);
    await createGroup(poolId, { groupName: "doomed" });
    expect(await members(poolId, "doomed")).toEqual([]);
  });

  it("records every change as an event by the calling key", async () => {
    const { poolId, clientId } = await newPool();
    const user = await signUp(clientId);
    await createGroup(poolId, { groupName: "audited", description: "first", precedence: 3, roleArn: ROLE_ARN });
    expectData(
      await gql(UpdateGroupDocument, { input: { userPoolId: poolId, groupName: "audited", description: "second" } }),
    );
    expectData(await add(poolId, user.username, "audited"));
    expectData(await remove(poolId, user.username, "audited"));
    expectData(await gql(DeleteGroupDocument, { userPoolId: poolId, groupName: "audited" }));
    const recorded = (await events(poolId)).filter((event) => event.type.includes("GROUP"));
    expect(recorded.map((event) => [event.type, event.detail])).toEqual([
      ["GROUP_CREATED", { groupName: "audited", description: "first", precedence: 3, roleArn: ROLE_ARN }],
      [
        "GROUP_UPDATED",
        {
          groupName: "audited",
          description: "second",
          precedence: 3,
          roleArn: ROLE_ARN,
          changedFields: ["description"],
        },
      ],
      ["USER_ADDED_TO_GROUP", { userSub: user.sub, groupName: "audited" }],
      ["USER_REMOVED_FROM_GROUP", { userSub: user.sub, groupName: "audited" }],
      ["GROUP_DELETED", { groupName: "audited", description: "second", precedence: 3, roleArn: ROLE_ARN }],
    ]);
    for (const event of recorded) {
      expect(event.userPoolId).toBe(poolId);
      expect(event.actor).toMatch(/^admin-key:/);
    }
  });

  it("refuses every group operation to a key scoped to another pool", async () => {
    const { poolId, clientId } = await newPool();
    const other = await newPool();
    const user = await signUp(clientId);
    const { groupName } = await createGroup(poolId);
    expectData(await add(poolId, user.username, groupName));
    const scoped = expectData(
      await gql(CreateAdminApiKeyDocument, { input: { name: "other-pool", poolScope: [other.poolId] } }),
    ).createAdminApiKey.secret;
    const denied = ["NotAuthorizedException"];
    expect(
      code(await gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: "intruders" } }, scoped)),
    ).toEqual(denied);
    expect(
      code(
        await gql(UpdateGroupDocument, { input: { userPoolId: poolId, groupName, description: "hijacked" } }, scoped),
      ),
    ).toEqual(denied);
    expect(code(await gql(DeleteGroupDocument, { userPoolId: poolId, groupName }, scoped))).toEqual(denied);
    expect(code(await gql(GetGroupDocument, { userPoolId: poolId, groupName }, scoped))).toEqual(denied);
    expect(code(await gql(ListGroupsDocument, { userPoolId: poolId }, scoped))).toEqual(denied);
    expect(
      code(await gql(AdminAddUserToGroupDocument, { userPoolId: poolId, username: user.username, groupName }, scoped)),
    ).toEqual(denied);
    expect(
      code(
        await gql(AdminRemoveUserFromGroupDocument, { userPoolId: poolId, username: user.username, groupName }, scoped),
      ),
    ).toEqual(denied);
    expect(code(await gql(ListUsersInGroupDocument, { userPoolId: poolId, groupName }, scoped))).toEqual(denied);
    expect(
      code(await gql(AdminListGroupsForUserDocument, { userPoolId: poolId, username: user.username }, scoped)),
    ).toEqual(denied);
    expect(code(await gql(ListGroupsDocument, { userPoolId: poolId }, null))).toEqual(denied);
    expect(await groupNames(poolId)).toEqual([groupName]);
    expect((await members(poolId, groupName)).map((member) => member.userSub)).toEqual([user.sub]);
    // The scoped key works on its own pool.
    await gql(CreateGroupDocument, { input: { userPoolId: other.poolId, groupName: "own" } }, scoped).then(expectData);
  });

  it("adds ten different users to one group in parallel", async () => {
    const { poolId, clientId } = await newPool();
    const { groupName } = await createGroup(poolId);
    // Sign-ups run one at a time: the parallelism under test is the group writes.
    const users: { username: string; sub: string }[] = [];
    for (let index = 0; index < 10; index++) users.push(await signUp(clientId));
    const results = await Promise.all(users.map((user) => add(poolId, user.username, groupName)));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect((await members(poolId, groupName)).map((member) => member.userSub).sort()).toEqual(
      users.map((user) => user.sub).sort(),
    );
    expect((await events(poolId)).filter((event) => event.type === "USER_ADDED_TO_GROUP")).toHaveLength(10);
  });

  describe("with MAX_GROUPS_PER_POOL=3 and MAX_GROUPS_PER_USER=2", () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await getTestApp(backend, { env: { MAX_GROUPS_PER_POOL: "3", MAX_GROUPS_PER_USER: "2" } });
    });
    afterAll(async () => limited?.close());
    const small = groupHelpers(() => limited);

    it("refuses a fourth group in a pool and writes nothing for it", async () => {
      const { poolId } = await small.newPool();
      for (const groupName of ["g1", "g2", "g3"]) await small.createGroup(poolId, { groupName });
      const fourth = await small.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName: "g4" } });
      expect(small.code(fourth)).toEqual(["LimitExceededException"]);
      expect(await small.groupNames(poolId)).toEqual(["g1", "g2", "g3"]);
      expect((await small.events(poolId)).filter((event) => event.type === "GROUP_CREATED")).toHaveLength(3);
      expectData(await small.gql(DeleteGroupDocument, { userPoolId: poolId, groupName: "g1" }));
      await small.createGroup(poolId, { groupName: "g4" });
    });

    it("refuses a third group for a user and writes nothing for it; re-adding at the limit still succeeds", async () => {
      const { poolId, clientId } = await small.newPool();
      for (const groupName of ["a", "b", "c"]) await small.createGroup(poolId, { groupName });
      const user = await small.signUp(clientId);
      expectData(await small.add(poolId, user.username, "a"));
      expectData(await small.add(poolId, user.username, "b"));
      expect(small.code(await small.add(poolId, user.username, "c"))).toEqual(["LimitExceededException"]);
      expect(await small.groupNamesOf(poolId, user.username)).toEqual(["a", "b"]);
      expect(await small.members(poolId, "c")).toEqual([]);
      expect((await small.events(poolId)).filter((event) => event.type === "USER_ADDED_TO_GROUP")).toHaveLength(2);
      expectData(await small.add(poolId, user.username, "a"));
      expectData(await small.remove(poolId, user.username, "a"));
      expectData(await small.add(poolId, user.username, "c"));
      expect(await small.groupNamesOf(poolId, user.username)).toEqual(["b", "c"]);
    });

    it("parallel creates at the limit: exactly the quota succeeds, the rest get LimitExceededException", async () => {
      const { poolId } = await small.newPool();
      const names = Array.from({ length: 8 }, (_, index) => `p${index}`);
      const results = await Promise.all(
        names.map((groupName) => small.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName } })),
      );
      const codes = results.map((result) => small.code(result)[0] ?? "ok");
      expect(codes.filter((outcome) => outcome === "ok")).toHaveLength(3);
      expect(codes.filter((outcome) => outcome !== "ok").every((outcome) => outcome === "LimitExceededException")).toBe(
        true,
      );
      expect(await small.groupNames(poolId)).toHaveLength(3);
      expect((await small.events(poolId)).filter((event) => event.type === "GROUP_CREATED")).toHaveLength(3);
    });

    it("parallel adds of one user at the limit: exactly the quota succeeds, the rest get LimitExceededException", async () => {
      const { poolId, clientId } = await small.newPool();
      for (const groupName of ["a", "b", "c"]) await small.createGroup(poolId, { groupName });
      const user = await small.signUp(clientId);
      // Each group twice: a repeated add of a member is a no-op, not a second use of the quota.
      const results = await Promise.all(
        ["a", "b", "c", "a", "b", "c"].map((groupName) => small.add(poolId, user.username, groupName)),
      );
      const codes = results.map((result) => small.code(result)[0] ?? "ok");
      expect(codes.filter((outcome) => outcome !== "ok").every((outcome) => outcome === "LimitExceededException")).toBe(
        true,
      );
      expect(await small.groupNamesOf(poolId, user.username)).toHaveLength(2);
      expect((await small.events(poolId)).filter((event) => event.type === "USER_ADDED_TO_GROUP")).toHaveLength(2);
    });
  });
});
