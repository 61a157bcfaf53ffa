import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import { AdminCreateUserDocument, ListUsersDocument, type ListUsersQuery } from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql, wsGraphql } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/**
 * The gateway runs a document on graphql-js the first time and compiled (graphql-jit) from its second run
 * on (src/api/graphql/compiled-execution.ts). A client must not see the difference: every run of the same
 * request answers the same bytes, data, errors, paths, locations and status alike.
 */
const MIXED = `query Mixed($userPoolId: ID!, $known: String!, $missing: String!) {
  known: adminGetUser(userPoolId: $userPoolId, username: $known) { username enabled attributes { name value } }
  missing: adminGetUser(userPoolId: $userPoolId, username: $missing) { username }
}`;

describe.each(BACKENDS)("compiled execution on $name", (backend) => {
  let gateway: TestApp;
  let poolId: string;
  const usernames = Array.from({ length: 5 }, () => uniqueName("compiled"));

  beforeAll(async () => {
    gateway = await getTestApp(backend);
    ({ poolId } = await createPoolWithClient(gateway));
    for (const username of usernames) {
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: {
            userPoolId: poolId,
            username,
            messageAction: "SUPPRESS",
            userAttributes: [
              { name: "email", value: `${username}@example.com` },
              { name: "given_name", value: username.slice(-4) },
            ],
          },
        }),
      );
    }
  });
  afterAll(() => gateway?.close());

  const post = <TData = unknown>(query: string, variables: Record<string, unknown>) =>
    postGraphql<TData, Record<string, unknown>>(gateway.url, query, variables, { token: gateway.adminKey });

  it("answers a page of users the same on its first run and every run after", async () => {
    const query = print(ListUsersDocument).replace("query ListUsers", `query ListUsers${uniqueName("Q")}`);
    const runs = [];
    for (let run = 0; run < 4; run++) runs.push(await post<ListUsersQuery>(query, { userPoolId: poolId, limit: 60 }));
    expect(
      expectData(runs[0]!)
        .listUsers.users.map((user) => user.username)
        .sort(),
    ).toEqual([...usernames].sort());
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    // Apollo runs a new text on graphql-js, then compiled; from the third run on the edge answers from the
    // compiled code without Apollo's pipeline (direct-execution.ts): the same bytes and headers every run.
    const fresh = query.replace("query ListUsers", "query Fresh");
    const raw = [];
    for (let run = 0; run < 3; run++) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${gateway.adminKey}` },
        body: JSON.stringify({ query: fresh, variables: { userPoolId: poolId, limit: 60 } }),
      });
      const { date: _date, "x-request-id": _id, ...headers } = Object.fromEntries(response.headers);
      raw.push({ status: response.status, headers, text: await response.text() });
    }
    expect(raw[0]!.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
    });
    for (const run of raw.slice(1)) expect(run).toEqual(raw[0]);
  });

  it("reports a Cognito error in a non-null field, nulling the whole answer, with the same path every run", async () => {
    const query = MIXED.replace("query Mixed", `query Mixed${uniqueName("Q")}`);
    const variables = { userPoolId: poolId, known: usernames[0], missing: uniqueName("nobody") };
    const runs = [];
    for (let run = 0; run < 4; run++) runs.push(await post(query, variables));
    expect(runs[0]!.status).toBe(200);
    expect(errorCodes(runs[0]!)).toEqual(["UserNotFoundException"]);
    expect(runs[0]).toMatchObject({
      data: null,
      errors: [{ message: "User does not exist.", path: ["missing"] }],
    });
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    // graphql-ws runs it on graphql-js every time: the socket answers as HTTP does.
    expect(await wsGraphql(gateway.url, query, variables, { token: gateway.adminKey })).toEqual({
      data: runs[0]!.data,
      errors: runs[0]!.errors,
    });
  });

  it("refuses a variable of the wrong type with InvalidParameterException and a 400 every run", async () => {
    const query = MIXED.replace("query Mixed", `query Mixed${uniqueName("Q")}`);
    const good = { userPoolId: poolId, known: usernames[1], missing: usernames[2] };
    expectData(await post(query, good));
    expectData(await post(query, good));
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(await post(query, { ...good, missing: 5 }));
    expect(runs[0]!.status).toBe(400);
    expect(errorCodes(runs[0]!)).toEqual(["InvalidParameterException"]);
    expect(runs[0]!.errors![0]!.message).toMatch(/^Variable "\$missing" got invalid value 5/);
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  });

  it("refuses an operation name the document does not have with InvalidParameterException and a 400 every run", async () => {
    const query = MIXED.replace("query Mixed", `query Mixed${uniqueName("Q")}`);
    const variables = { userPoolId: poolId, known: usernames[0], missing: usernames[1] };
    expectData(await post(query, variables));
    expectData(await post(query, variables));
    for (const operationName of ["Nope", ""]) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${gateway.adminKey}` },
        body: JSON.stringify({ query, variables, operationName }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect({ status: response.status, codes: body.errors.map((error) => error.extensions.code) }).toEqual({
        status: 400,
        codes: ["InvalidParameterException"],
      });
    }
  });

  it("keeps a literal that looks like code as data in the compiled document", async () => {
    const payload = 'x"); globalThis.compiledInjection = 1; ("\\`${1}`';
    const query = `mutation Literal${uniqueName("Q")}($username: String!) {
  adminCreateUser(input: { userPoolId: "${poolId}", username: $username, messageAction: SUPPRESS,
    userAttributes: [{ name: "given_name", value: ${JSON.stringify(payload)} }] }) { attributes { name value } }
}`;
    for (let run = 0; run < 3; run++) {
      const created = expectData(
        await post<{ adminCreateUser: { attributes: { name: string; value: string }[] } }>(query, {
          username: uniqueName("literal"),
        }),
      ).adminCreateUser;
      expect(created.attributes).toContainEqual({ name: "given_name", value: payload });
    }
    expect((globalThis as { compiledInjection?: number }).compiledInjection).toBeUndefined();
  });

  it("runs one compiled mutation for 20 requests at once, each with its own variables and answer", async () => {
    const { poolId: ownPool } = await createPoolWithClient(gateway);
    const create = (username: string) =>
      gateway.gql(AdminCreateUserDocument, { input: { userPoolId: ownPool, username, messageAction: "SUPPRESS" } });
    await create(uniqueName("first"));
    await create(uniqueName("second"));
    const names = Array.from({ length: 20 }, () => uniqueName("parallel"));
    const created = await Promise.all(names.map(create));
    expect(created.map((result) => expectData(result).adminCreateUser.username)).toEqual(names);
    const listed = expectData(await gateway.gql(ListUsersDocument, { userPoolId: ownPool, limit: 60 })).listUsers;
    expect(listed.users).toHaveLength(22);
  });
});
