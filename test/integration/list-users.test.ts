import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveUser } from "../../src/core/users/user-store.js";
import { createManualClock, type ManualClock } from "../../src/lib/clock.js";
import { createAwsCredentials, signedCall } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage } from "../support/directory.js";
import {
  ConfirmSignUpDocument,
  CreateAdminApiKeyDocument,
  CreateUserPoolDocument,
  ListUsersDocument,
  SearchableAttributesDocument,
  SignUpDocument,
  type CreateUserPoolInput,
  type ListUsersQuery,
  type ListUsersQueryVariables,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { captureSql, tablesOf } from "../support/sql-capture.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

type ListedUser = ListUsersQuery["listUsers"]["users"][number];

interface Person {
  username: string;
  given_name: string;
  family_name: string;
  email: string;
  phone_number?: string;
  preferred_username?: string;
}

/** Fifteen people whose values share prefixes, differ in case, and include a quote, accents and an emoji. */
const PEOPLE: Person[] = [
  {
    username: "alice",
    given_name: "Alice",
    family_name: "Reddy",
    email: "alice.reddy@example.com",
    phone_number: "+13125550001",
    preferred_username: "ali",
  },
  {
    username: "bob",
    given_name: "Bob",
    family_name: "Smith",
    email: "Bob.Smith@Example.org",
    phone_number: "+13125550002",
  },
  {
    username: "carol",
    given_name: "Carol",
    family_name: "Smithers",
    email: "carol@corp.example",
    phone_number: "+14155550003",
    preferred_username: "caz",
  },
  {
    username: "dave",
    given_name: "Dave",
    family_name: 'O"Brien',
    email: "dave.obrien@example.com",
    phone_number: "+442071234567",
  },
  {
    username: "erin",
    given_name: "Erin",
    family_name: "Reddy",
    email: "erin@example.net",
    phone_number: "+13125559999",
  },
  {
    username: "frank",
    given_name: "Frank",
    family_name: "Jones",
    email: "frank.jones@example.com",
    phone_number: "+16175550006",
    preferred_username: "franky",
  },
  {
    username: "grace",
    given_name: "Grace",
    family_name: "Hopper",
    email: "grace@navy.example",
    phone_number: "+12025550007",
  },
  {
    username: "heidi",
    given_name: "Heidi",
    family_name: "Smith",
    email: "heidi.smith@example.com",
    phone_number: "+13129990008",
  },
  {
    username: "ivan",
    given_name: "Ivan",
    family_name: "Petrov",
    email: "ivan@example.ru",
    phone_number: "+74955550009",
  },
  {
    username: "judy",
    given_name: "Judy",
    family_name: "Smith-Jones",
    email: "judy@example.com",
    phone_number: "+16175550010",
  },
  {
    username: "mallory",
    given_name: "Mallory",
    family_name: "Reddington",
    email: "mallory@evil.example",
    phone_number: "+13125550011",
  },
  { username: "niaj", given_name: "Niaj", family_name: "Brown", email: "niaj@example.com" },
  {
    username: "olivia",
    given_name: "Olivia",
    family_name: "Ångström",
    email: "Olivia@EXAMPLE.com",
    phone_number: "+33155550013",
  },
  {
    username: "peggy",
    given_name: "Peggy",
    family_name: "Carter",
    email: "peggy@example.com",
    phone_number: "+12125550014",
    preferred_username: "😀peggy",
  },
  {
    username: "trent",
    given_name: "Trent",
    family_name: "Reddy",
    email: "trent@example.com",
    phone_number: "+13125550015",
  },
];

const fullName = (person: Person) => `${person.given_name} ${person.family_name}`;
const attributeOf = (user: ListedUser, name: string) =>
  user.attributes.find((attribute) => attribute.name === name)?.value;

describe.each(BACKENDS)("listUsers on $name", (backend) => {
  let gateway: TestApp;
  // Near the real time: wire calls are signed at clock.now() and the gateway checks X-Amz-Date against it.
  let clock: ManualClock;
  beforeAll(async () => {
    clock = createManualClock(new Date());
    gateway = await getTestApp(backend, { env: { BCRYPT_COST: "4" }, overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  const list = (variables: ListUsersQueryVariables, token?: string | null) =>
    gateway.gql(ListUsersDocument, variables, token);
  const listData = async (variables: ListUsersQueryVariables) => expectData(await list(variables)).listUsers;
  const usernames = async (userPoolId: string, filter: string) =>
    (await listData({ userPoolId, filter })).users.map((user) => user.username);

  /** A pool of its own with the fifteen people signed up (all UNCONFIRMED, all enabled); returns their subs by username. */
  async function seededPool(poolInput: Partial<CreateUserPoolInput> = {}, people: Person[] = PEOPLE) {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      autoVerifiedAttributes: ["email"],
      ...poolInput,
    });
    const subs = new Map<string, string>();
    await Promise.all(
      people.map(async ({ username, ...attributes }) => {
        const userAttributes = Object.entries(attributes).map(([name, value]) => ({ name, value }));
        userAttributes.push({ name: "name", value: fullName({ username, ...attributes }) });
        const result = expectData(
          await gateway.gql(
            SignUpDocument,
            { input: { clientId, username, password: GOOD_PASSWORD, userAttributes } },
            null,
          ),
        );
        subs.set(username, result.signUp.userSub);
      }),
    );
    return { poolId, clientId, subs };
  }

  /** Every page of a listing, following the tokens. */
  async function walk(userPoolId: string, filter: string | undefined, limit: number) {
    const pages: ListedUser[][] = [];
    let paginationToken: string | null | undefined;
    do {
      const page = await listData({ userPoolId, filter, limit, paginationToken });
      expect(page.users.length).toBeLessThanOrEqual(limit);
      pages.push(page.users);
      paginationToken = page.paginationToken;
    } while (paginationToken && pages.length < 100);
    return pages;
  }

  /** Results come ordered by the filtered value as the index folds it, then by sub. */
  function expectOrderedBy(users: ListedUser[], valueOf: (user: ListedUser) => string) {
    const keys = users.map((user) => [valueOf(user), user.userSub] as const);
    const sorted = [...keys].sort(([leftValue, leftSub], [rightValue, rightSub]) =>
      leftValue === rightValue ? (leftSub < rightSub ? -1 : 1) : leftValue < rightValue ? -1 : 1,
    );
    expect(keys).toEqual(sorted);
  }

  it("finds users with = and ^= on every standard searchable attribute, ordered by the filtered value", async () => {
    const { poolId, subs } = await seededPool();
    const lower = (name: string) => (user: ListedUser) => attributeOf(user, name)!.toLowerCase();

    expect(await usernames(poolId, 'email = "alice.reddy@example.com"')).toEqual(["alice"]);
    expect(await usernames(poolId, 'email ^= "frank."')).toEqual(["frank"]);
    const chicago = (await listData({ userPoolId: poolId, filter: 'phone_number ^= "+1312"' })).users;
    expect(chicago.map((user) => user.username)).toEqual(["alice", "bob", "mallory", "trent", "erin", "heidi"]);
    expect(await usernames(poolId, 'phone_number = "+442071234567"')).toEqual(["dave"]);
    expect(await usernames(poolId, 'given_name = "Grace"')).toEqual(["grace"]);
    expect(await usernames(poolId, 'given_name ^= "Ju"')).toEqual(["judy"]);

    const reddys = (await listData({ userPoolId: poolId, filter: 'family_name = "Reddy"' })).users;
    expect(reddys.map((user) => user.username).sort()).toEqual(["alice", "erin", "trent"]);
    expectOrderedBy(reddys, lower("family_name"));
    const smiths = (await listData({ userPoolId: poolId, filter: 'family_name ^= "Smith"' })).users;
    expect(smiths.map((user) => attributeOf(user, "family_name"))).toEqual([
      "Smith",
      "Smith",
      "Smith-Jones",
      "Smithers",
    ]);
    expectOrderedBy(smiths, lower("family_name"));
    const redd = (await listData({ userPoolId: poolId, filter: 'family_name ^= "Redd"' })).users;
    expect(redd.map((user) => attributeOf(user, "family_name"))).toEqual(["Reddington", "Reddy", "Reddy", "Reddy"]);
    expectOrderedBy(redd, lower("family_name"));

    expect(await usernames(poolId, 'name = "Heidi Smith"')).toEqual(["heidi"]);
    expect(await usernames(poolId, 'name ^= "Mal"')).toEqual(["mallory"]);
    expect(await usernames(poolId, 'preferred_username = "caz"')).toEqual(["carol"]);
    expect(await usernames(poolId, 'preferred_username ^= "fr"')).toEqual(["frank"]);
    expect(await usernames(poolId, 'preferred_username ^= "😀"')).toEqual(["peggy"]);
    const withPreferred = (await listData({ userPoolId: poolId, filter: 'preferred_username ^= ""' })).users;
    expect(withPreferred.map((user) => attributeOf(user, "preferred_username"))).toEqual([
      "ali",
      "caz",
      "franky",
      "😀peggy",
    ]);

    expect(await usernames(poolId, 'username = "ivan"')).toEqual(["ivan"]);
    expect(await usernames(poolId, 'username ^= "m"')).toEqual(["mallory"]);
    expect(await usernames(poolId, `sub = "${subs.get("heidi")}"`)).toEqual(["heidi"]);
    expect(await usernames(poolId, `sub ^= "${subs.get("olivia")!.slice(0, 13)}"`)).toEqual(["olivia"]);
    expect(await usernames(poolId, 'family_name ^= "åNG"')).toEqual(["olivia"]);
    expect(await usernames(poolId, 'email = "nobody@example.com"')).toEqual([]);
  });

  it("filters on cognito:user_status case-insensitively and on status case-sensitively", async () => {
    const { poolId, clientId, subs } = await seededPool();
    for (const username of ["bob", "grace"]) {
      const person = PEOPLE.find((candidate) => candidate.username === username)!;
      const code = (await latestMessage(gateway, poolId, person.email)).code!;
      expectData(
        await gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode: code } }, null),
      );
    }
    await gateway.app.db.transaction(async (repositories) => {
      const pool = (await repositories.pools.findById(poolId))!;
      const ivan = (await repositories.users.findById(poolId, subs.get("ivan")!))!;
      await saveUser(repositories, pool, { ...ivan, enabled: false }, { isNew: false });
    });

    const confirmed = (await listData({ userPoolId: poolId, filter: 'cognito:user_status = "Confirmed"' })).users;
    expect(confirmed.map((user) => user.username).sort()).toEqual(["bob", "grace"]);
    expect(confirmed.every((user) => user.userStatus === "CONFIRMED")).toBe(true);
    const unconfirmed = (await listData({ userPoolId: poolId, filter: 'cognito:user_status = "unconfirmed"' })).users;
    expect(unconfirmed).toHaveLength(13);
    expect(unconfirmed.every((user) => user.userStatus === "UNCONFIRMED")).toBe(true);
    expectOrderedBy(unconfirmed, () => "unconfirmed");
    expect(await usernames(poolId, 'cognito:user_status ^= "UNCON"')).toHaveLength(13);

    const enabled = (await listData({ userPoolId: poolId, filter: 'status = "Enabled"' })).users;
    expect(enabled).toHaveLength(14);
    expect(enabled.every((user) => user.enabled)).toBe(true);
    const disabled = (await listData({ userPoolId: poolId, filter: 'status = "Disabled"' })).users;
    expect(disabled.map((user) => [user.username, user.enabled])).toEqual([["ivan", false]]);
    expect(await usernames(poolId, 'status = "enabled"')).toEqual([]);
    expect(await usernames(poolId, 'status ^= "Dis"')).toEqual(["ivan"]);
  });

  it("matches a value holding a double quote through an escaped filter", async () => {
    const { poolId } = await seededPool();
    const found = (await listData({ userPoolId: poolId, filter: 'family_name = "O\\"Brien"' })).users;
    expect(found.map((user) => [user.username, attributeOf(user, "family_name")])).toEqual([["dave", 'O"Brien']]);
    expect(await usernames(poolId, 'family_name ^= "o\\""')).toEqual(["dave"]);
    expect(await usernames(poolId, 'name = "Dave O\\"Brien"')).toEqual(["dave"]);
  });

  it("matches emails case-insensitively and returns them as stored", async () => {
    const { poolId } = await seededPool();
    const olivia = (await listData({ userPoolId: poolId, filter: 'email = "OLIVIA@example.COM"' })).users;
    expect(olivia.map((user) => [user.username, attributeOf(user, "email")])).toEqual([
      ["olivia", "Olivia@EXAMPLE.com"],
    ]);
    expect(await usernames(poolId, 'email ^= "BOB.SMITH@EXAMPLE"')).toEqual(["bob"]);
  });

  it("treats trailing spaces as part of the value on every backend", async () => {
    const { poolId } = await seededPool();
    expect(await usernames(poolId, 'given_name = "Alice "')).toEqual([]);
    expect(await usernames(poolId, 'family_name ^= "Reddy "')).toEqual([]);
    expect(await usernames(poolId, 'name ^= "Alice "')).toEqual(["alice"]);
  });

  it("walks every page with limit 2, without duplicates or gaps, and ends without a token", async () => {
    const { poolId, subs } = await seededPool();
    const everyone = await walk(poolId, undefined, 2);
    expect(everyone).toHaveLength(8);
    const listed = everyone.flat();
    expect(listed.map((user) => user.username).sort()).toEqual(PEOPLE.map((person) => person.username).sort());
    expect(listed.map((user) => user.userSub)).toEqual([...subs.values()].sort());

    const unfiltered = await listData({ userPoolId: poolId });
    expect(unfiltered.users.map((user) => user.userSub)).toEqual(listed.map((user) => user.userSub));
    expect(unfiltered.paginationToken).toBeNull();

    const chicagoPages = await walk(poolId, 'phone_number ^= "+1312"', 2);
    expect(chicagoPages.map((page) => page.map((user) => user.username))).toEqual([
      ["alice", "bob"],
      ["mallory", "trent"],
      ["erin", "heidi"],
    ]);
    const reddyPages = await walk(poolId, 'family_name = "reddy"', 2);
    expect(
      reddyPages
        .flat()
        .map((user) => user.username)
        .sort(),
    ).toEqual(["alice", "erin", "trent"]);
    expect(new Set(reddyPages.flat().map((user) => user.userSub)).size).toBe(3);

    // A limit of 0 means the default, 60.
    const zero = await listData({ userPoolId: poolId, limit: 0 });
    expect(zero.users).toHaveLength(15);
    expect(zero.paginationToken).toBeNull();
  });

  it("refuses a pagination token with another filter, in another pool, or made up", async () => {
    const { poolId } = await seededPool();
    const first = await listData({ userPoolId: poolId, filter: 'family_name ^= "Smith"', limit: 1 });
    const token = first.paginationToken!;
    expect(token).toMatch(/^\S+$/);
    // The same filter written differently is the same filter.
    expect(
      (await listData({ userPoolId: poolId, filter: 'family_name^="SMITH"', limit: 1, paginationToken: token })).users,
    ).toHaveLength(1);

    expect(
      errorCodes(await list({ userPoolId: poolId, filter: 'family_name ^= "Smi"', limit: 1, paginationToken: token })),
    ).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await list({ userPoolId: poolId, limit: 1, paginationToken: token }))).toEqual([
      "InvalidParameterException",
    ]);
    expect(
      errorCodes(await list({ userPoolId: poolId, filter: 'given_name ^= "Smith"', limit: 1, paginationToken: token })),
    ).toEqual(["InvalidParameterException"]);
    const other = await createPoolWithClient(gateway);
    expect(
      errorCodes(
        await list({ userPoolId: other.poolId, filter: 'family_name ^= "Smith"', limit: 1, paginationToken: token }),
      ),
    ).toEqual(["InvalidParameterException"]);
    for (const garbage of ["not a token", "e30", "eyJ2IjoxfQ", "!!!"]) {
      expect(errorCodes(await list({ userPoolId: poolId, paginationToken: garbage }))).toEqual([
        "InvalidParameterException",
      ]);
    }
  });

  it("refuses a pagination token over GraphQL and the wire once it is more than an hour old", async () => {
    const { poolId } = await seededPool({}, PEOPLE.slice(0, 4));
    const credentials = await createAwsCredentials(gateway);
    // Signed at the gateway's time, which moves on below.
    const wireList = (input: { PaginationToken?: string }) =>
      signedCall(gateway, "ListUsers", { UserPoolId: poolId, Limit: 1, ...input }, credentials, {
        signingDate: clock.now(),
      });
    const graphqlToken = (await listData({ userPoolId: poolId, limit: 1 })).paginationToken!;
    const wireFirst = await wireList({});
    expect(wireFirst.status).toBe(200);
    const wireToken = wireFirst.body.PaginationToken as string;

    // Tokens are interchangeable between the two ways in, and still good just short of the hour.
    clock.advanceSeconds(60 * 60 - 5);
    expect((await listData({ userPoolId: poolId, limit: 1, paginationToken: wireToken })).users).toHaveLength(1);
    const within = await wireList({ PaginationToken: graphqlToken });
    expect(within.status).toBe(200);
    expect(within.body.Users).toHaveLength(1);

    clock.advanceSeconds(10);
    const expired = "paginationToken has expired (tokens last 1 hour); start again without a token.";
    const refused = await list({ userPoolId: poolId, limit: 1, paginationToken: graphqlToken });
    expect(errorCodes(refused)).toEqual(["InvalidParameterException"]);
    expect(refused.errors![0]!.message).toBe(expired);
    const wireRefused = await wireList({ PaginationToken: wireToken });
    expect({ status: wireRefused.status, body: wireRefused.body }).toEqual({
      status: 400,
      body: { __type: "InvalidParameterException", message: expired },
    });

    // A token from before issue times were recorded has none and counts as expired; one from the future is refused.
    const fresh = (await listData({ userPoolId: poolId, limit: 1 })).paginationToken!;
    const rewrite = (change: (fields: Record<string, unknown>) => void) => {
      const fields = JSON.parse(Buffer.from(fresh, "base64url").toString("utf8")) as Record<string, unknown>;
      change(fields);
      return Buffer.from(JSON.stringify(fields), "utf8").toString("base64url");
    };
    const legacy = await list({ userPoolId: poolId, limit: 1, paginationToken: rewrite((fields) => delete fields.t) });
    expect(legacy.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ["InvalidParameterException", expired],
    ]);
    const future = rewrite((fields) => (fields.t = clock.nowMs() + 10 * 60 * 1000));
    expect(errorCodes(await list({ userPoolId: poolId, limit: 1, paginationToken: future }))).toEqual([
      "InvalidParameterException",
    ]);
  });

  it("accepts limits 0 to 60 only", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    expect(errorCodes(await list({ userPoolId: poolId, limit: 61 }))).toEqual(["InvalidParameterException"]);
    expect(errorCodes(await list({ userPoolId: poolId, limit: -1 }))).toEqual(["InvalidParameterException"]);
    expect((await listData({ userPoolId: poolId, limit: 60 })).users).toEqual([]);
  });

  it("rejects bad filters with InvalidParameterException and a message that says why", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const failure = async (filter: string) => {
      const result = await list({ userPoolId: poolId, filter });
      expect(errorCodes(result)).toEqual(["InvalidParameterException"]);
      return result.errors![0]!.message;
    };
    expect(await failure('address = "Main St"')).toBe("Invalid search attribute: address");
    expect(await failure('shoe_size = "9"')).toBe("Invalid search attribute: shoe_size");
    expect(await failure('custom:tier = "gold"')).toBe("Invalid search attribute: custom:tier");
    for (const filter of [
      "email = unquoted",
      'email = "open',
      'email != "x"',
      'email = "a" or name = "b"',
      'email = "a\\tb"',
      'family_name = "O"Brien"',
    ]) {
      expect(await failure(filter)).toMatch(/^Error while parsing filter\./);
    }
    expect(await failure(`email ^= "${"a".repeat(246)}"`)).toBe("filter must be at most 256 characters long.");
    expect((await listData({ userPoolId: poolId, filter: `email ^= "${"a".repeat(245)}"` })).users).toEqual([]);
  });

  it("returns only the attributes asked for, and always the user's own fields", async () => {
    const { poolId } = await seededPool();
    const emailsOnly = (
      await listData({ userPoolId: poolId, filter: 'family_name = "Smith"', attributesToGet: ["email"] })
    ).users;
    expect(emailsOnly).toHaveLength(2);
    for (const user of emailsOnly) {
      expect(user.attributes.map((attribute) => attribute.name)).toEqual(["email"]);
      expect(user).toMatchObject({ enabled: true, userStatus: "UNCONFIRMED" });
      expect(user.username).toMatch(/^(bob|heidi)$/);
      expect(user.userCreateDate).toBeTruthy();
    }
    const two = (
      await listData({
        userPoolId: poolId,
        filter: 'username = "niaj"',
        attributesToGet: ["sub", "phone_number", "given_name"],
      })
    ).users;
    // niaj has no phone number: an attribute the user lacks is simply absent.
    expect(two[0]!.attributes.map((attribute) => attribute.name).sort()).toEqual(["given_name", "sub"]);
    const none = (await listData({ userPoolId: poolId, filter: 'username = "niaj"', attributesToGet: [] })).users;
    expect(none[0]!.attributes).toEqual([]);
    const all = (await listData({ userPoolId: poolId, filter: 'username = "niaj"' })).users;
    expect(all[0]!.attributes.map((attribute) => attribute.name)).toEqual(
      expect.arrayContaining(["sub", "email", "family_name", "given_name", "name"]),
    );

    expect(errorCodes(await list({ userPoolId: poolId, attributesToGet: ["email", "shoe_size"] }))).toEqual([
      "InvalidParameterException",
    ]);
  });

  it("filters on a custom attribute the pool declares searchable, and on no other", async () => {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      {
        schema: [
          { name: "tier", attributeDataType: "String", searchable: true },
          { name: "plan", attributeDataType: "String" },
        ],
      },
      { writeAttributes: ["custom:tier", "custom:plan"] },
    );
    const tiers: [string, string][] = [
      ["u1", "Gold"],
      ["u2", "gold-plus"],
      ["u3", "Silver"],
      ["u4", "gold"],
    ];
    await Promise.all(
      tiers.map(async ([username, tier]) => {
        const userAttributes = [
          { name: "custom:tier", value: tier },
          { name: "custom:plan", value: "pro" },
        ];
        expectData(
          await gateway.gql(
            SignUpDocument,
            { input: { clientId, username, password: GOOD_PASSWORD, userAttributes } },
            null,
          ),
        );
      }),
    );
    expect((await usernames(poolId, 'custom:tier = "GOLD"')).sort()).toEqual(["u1", "u4"]);
    const golds = (await listData({ userPoolId: poolId, filter: 'custom:tier ^= "gold"' })).users;
    expect(golds.map((user) => attributeOf(user, "custom:tier"))).toEqual([
      expect.stringMatching(/^gold$/i),
      expect.stringMatching(/^gold$/i),
      "gold-plus",
    ]);
    expect(await usernames(poolId, 'custom:tier = "Silver"')).toEqual(["u3"]);

    const plan = await list({ userPoolId: poolId, filter: 'custom:plan = "pro"' });
    expect(errorCodes(plan)).toEqual(["InvalidParameterException"]);
    expect(plan.errors![0]!.message).toBe("Invalid search attribute: custom:plan");
    expect(errorCodes(await list({ userPoolId: poolId, filter: 'tier = "gold"' }))).toEqual([
      "InvalidParameterException",
    ]);

    const schema = expectData(await gateway.gql(SearchableAttributesDocument, { userPoolId: poolId })).userPool
      .schemaAttributes;
    const searchable = Object.fromEntries(schema.map((attribute) => [attribute.name, attribute.searchable]));
    expect(searchable).toMatchObject({
      "custom:tier": true,
      "custom:plan": false,
      email: true,
      sub: true,
      family_name: true,
      address: false,
      email_verified: false,
    });
    const standard = await gateway.gql(CreateUserPoolDocument, {
      input: {
        name: "searchable-address",
        schema: [{ name: "address", attributeDataType: "String", searchable: true }],
      },
    });
    expect(errorCodes(standard)).toEqual(["InvalidParameterException"]);
  });

  it("reads a page in one statement that selects no credential, on every kind of page", async () => {
    const { poolId } = await seededPool();
    const smiths = { userPoolId: poolId, filter: 'family_name ^= "Smith"', limit: 2 };
    const second = { ...smiths, paginationToken: (await listData(smiths)).paginationToken };
    const pages: ListUsersQueryVariables[] = [
      { userPoolId: poolId },
      { userPoolId: poolId, filter: 'email = "alice.reddy@example.com"' },
      smiths,
      second,
      { ...smiths, attributesToGet: ["email"] },
    ];
    for (const variables of pages) {
      const { result, statements } = await captureSql(() => listData(variables));
      expect(result.users.length).toBeGreaterThan(0);
      const reads = statements.filter((statement) => /^\s*SELECT/i.test(statement.sql));
      // The users signed up with passwords: a listing still never carries their hashes or SRP verifiers.
      expect(reads.map((statement) => statement.sql).join("\n")).not.toMatch(/password_hash|srp_salt|srp_verifier/i);
      expect(
        reads.filter((statement) =>
          tablesOf(statement.sql).some((table) => table === "users" || table === "user_search_entries"),
        ),
      ).toHaveLength(1);
    }
  });

  it("answers ResourceNotFoundException for an unknown pool and NotAuthorizedException for a key scoped to another", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const missing = `${poolId.split("_")[0]}_doesNotExist1`;
    expect(errorCodes(await list({ userPoolId: missing }))).toEqual(["ResourceNotFoundException"]);
    const other = await createPoolWithClient(gateway);
    const scoped = expectData(
      await gateway.gql(CreateAdminApiKeyDocument, { input: { name: "scoped-list-users", poolScope: [other.poolId] } }),
    ).createAdminApiKey.secret;
    expect(errorCodes(await list({ userPoolId: poolId }, scoped))).toEqual(["NotAuthorizedException"]);
    expect(expectData(await list({ userPoolId: other.poolId }, scoped)).listUsers.users).toEqual([]);
    expect(errorCodes(await list({ userPoolId: poolId }, null))).toEqual(["NotAuthorizedException"]);
  });
});
