import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  ConfirmSignUpDocument,
  ListEventsDocument,
  ResendConfirmationCodeDocument,
  SignUpDocument,
  type SignUpInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

describe.each(BACKENDS)("sign-up and confirmation on $name", (backend) => {
  const clock = createManualClock(new Date("2026-11-26T10:00:00Z"));
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  const signUp = (input: SignUpInput) => gateway.gql(SignUpDocument, { input }, null);
  const confirm = (clientId: string, username: string, confirmationCode: string, forceAliasCreation?: boolean) =>
    gateway.gql(ConfirmSignUpDocument, { input: { clientId, username, confirmationCode, forceAliasCreation } }, null);
  const emailPool = (extra = {}) => createPoolWithClient(gateway, { autoVerifiedAttributes: ["email"], ...extra });
  const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");

  async function signUpWithEmail(clientId: string, username = uniqueName("u"), email = `${username}@example.com`) {
    expectData(
      await signUp({ clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] }),
    );
    return { username, email };
  }

  it("signs up, sends the templated code to the email and confirms with it, once", async () => {
    const { poolId, clientId } = await emailPool({
      verificationMessageTemplate: { emailMessage: "Code for you: {####}!", emailSubject: "Welcome" },
    });
    const username = uniqueName("user");
    const email = `${username}@example.com`;
    const result = expectData(
      await signUp({ clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] }),
    ).signUp;
    expect(result.userSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.userConfirmed).toBe(false);
    expect(result.codeDeliveryDetails).toEqual({
      destination: `${username[0]}***@e***`,
      deliveryMedium: "EMAIL",
      attributeName: "email",
    });
    const message = await latestMessage(gateway, poolId, email);
    expect(message.subject).toBe("Welcome");
    expect(message.body).toMatch(/^Code for you: \d{6}!$/);
    expect(errorCodes(await confirm(clientId, username, wrongCode(message.code!)))).toEqual(["CodeMismatchException"]);
    expectData(await confirm(clientId, username, message.code!));
    expect(errorCodes(await confirm(clientId, username, message.code!))).toEqual(["NotAuthorizedException"]);

    const events = expectData(await gateway.gql(ListEventsDocument, { userPoolId: poolId })).events.items;
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(["USER_SIGNED_UP", "CODE_SENT", "USER_CONFIRMED"]),
    );
    expect(JSON.stringify(events)).not.toContain(message.code!);
    expect(JSON.stringify(events)).not.toContain(GOOD_PASSWORD);
  });

  it("sends the code by SMS when the phone is auto-verified, masked like Cognito", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      autoVerifiedAttributes: ["phone_number", "email"],
    });
    const username = uniqueName("p");
    const result = expectData(
      await signUp({
        clientId,
        username,
        password: GOOD_PASSWORD,
        userAttributes: [
          { name: "phone_number", value: "+14325551212" },
          { name: "email", value: `${username}@example.com` },
        ],
      }),
    );
    expect(result.signUp.codeDeliveryDetails).toEqual({
      destination: "+*******1212",
      deliveryMedium: "SMS",
      attributeName: "phone_number",
    });
    const message = await latestMessage(gateway, poolId, "+14325551212");
    expect(message).toMatchObject({
      deliveryMedium: "SMS",
      subject: null,
      body: `Your verification code is ${message.code}. `,
    });
  });

  it("compares usernames case-insensitively by default and exactly in case-sensitive pools", async () => {
    const insensitive = await emailPool();
    const name = uniqueName("Alice");
    await signUpWithEmail(insensitive.clientId, name);
    expect(
      errorCodes(
        await signUp({
          clientId: insensitive.clientId,
          username: name.toLowerCase(),
          password: GOOD_PASSWORD,
          userAttributes: [{ name: "email", value: "x@example.com" }],
        }),
      ),
    ).toEqual(["UsernameExistsException"]);
    const code = (await latestMessage(gateway, insensitive.poolId, `${name}@example.com`)).code!;
    expectData(await confirm(insensitive.clientId, name.toUpperCase(), code));

    const sensitive = await emailPool({ usernameCaseSensitive: true });
    await signUpWithEmail(sensitive.clientId, name);
    expectData(
      await signUp({
        clientId: sensitive.clientId,
        username: name.toLowerCase(),
        password: GOOD_PASSWORD,
        userAttributes: [{ name: "email", value: "y@example.com" }],
      }),
    );
  });

  it("uses a UUID as the username in email-as-username pools and refuses a second account for an email", async () => {
    const { clientId } = await createPoolWithClient(gateway, {
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
    });
    const email = `${uniqueName("e")}@example.com`;
    const first = expectData(await signUp({ clientId, username: email, password: GOOD_PASSWORD })).signUp;
    expect(first.codeDeliveryDetails?.attributeName).toBe("email");
    const again = await signUp({ clientId, username: email.toUpperCase(), password: GOOD_PASSWORD });
    expect(errorCodes(again)).toEqual(["UsernameExistsException"]);
    expect(again.errors?.[0]?.message).toBe("An account with the given email already exists.");
    expect(errorCodes(await signUp({ clientId, username: "not-an-email", password: GOOD_PASSWORD }))).toEqual([
      "InvalidParameterException",
    ]);
  });

  it("lets aliases collide until confirmation, then needs forceAliasCreation", async () => {
    const { poolId, clientId } = await emailPool({ aliasAttributes: ["email"] });
    expect(errorCodes(await signUp({ clientId, username: "someone@example.com", password: GOOD_PASSWORD }))).toEqual([
      "InvalidParameterException",
    ]);
    const email = `${uniqueName("shared")}@example.com`;
    const first = await signUpWithEmail(clientId, uniqueName("first"), email);
    expectData(await confirm(clientId, first.username, (await latestMessage(gateway, poolId, email)).code!));
    const second = await signUpWithEmail(clientId, uniqueName("second"), email);
    const secondCode = (await latestMessage(gateway, poolId, email)).code!;
    expect(errorCodes(await confirm(clientId, second.username, secondCode))).toEqual(["AliasExistsException"]);
    // The code survives a refused confirmation: the refusal rolled back its use.
    expectData(await confirm(clientId, second.username, secondCode, true));
    // The alias now finds the second user: confirming "by email" targets them (already confirmed).
    expect(errorCodes(await confirm(clientId, email, secondCode))).toEqual(["NotAuthorizedException"]);
    const preferredPool = await emailPool({ aliasAttributes: ["preferred_username"] });
    const preferred = await signUp({
      clientId: preferredPool.clientId,
      username: uniqueName("pu"),
      password: GOOD_PASSWORD,
      userAttributes: [{ name: "preferred_username", value: "nick" }],
    });
    expect(errorCodes(preferred)).toEqual(["InvalidParameterException"]);
  });

  it.each([
    ["short", "Aa1!", "InvalidPasswordException", /not long enough/],
    ["no uppercase", "lower-case-1!", "InvalidPasswordException", /uppercase/],
    ["no lowercase", "UPPER-CASE-1!", "InvalidPasswordException", /lowercase/],
    ["no number", "No-Numbers-Here!", "InvalidPasswordException", /numeric/],
    ["no symbol", "NoSymbols123", "InvalidPasswordException", /symbol/],
    ["too long", `Aa1!${"x".repeat(253)}`, "InvalidParameterException", /256/],
    // Cognito's PasswordType pattern, the same message as the wire protocol gives.
    [
      "leading space",
      " Aa1!aaaaaa",
      "InvalidParameterException",
      /failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\S\]\+/,
    ],
  ])("rejects a password that is %s", async (_case, password, code, message) => {
    const { clientId } = await emailPool();
    const result = await signUp({
      clientId,
      username: uniqueName("pw"),
      password,
      userAttributes: [{ name: "email", value: "pw@example.com" }],
    });
    expect(errorCodes(result)).toEqual([code]);
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it("names every broken rule at once", async () => {
    const { clientId } = await emailPool();
    const result = await signUp({ clientId, username: uniqueName("pw"), password: "abc", userAttributes: [] });
    expect(result.errors?.[0]?.message).toMatch(/not long enough.*uppercase.*numeric.*symbol/);
  });

  it("checks attributes against the schema and the client's write list", async () => {
    const { poolId, clientId } = await createPoolWithClient(gateway, {
      schema: [
        { name: "email", attributeDataType: "String", required: true },
        { name: "age", attributeDataType: "Number", numberAttributeConstraints: { minValue: 13, maxValue: 120 } },
      ],
    });
    const attempt = (userAttributes: { name: string; value: string }[], client = clientId) =>
      signUp({ clientId: client, username: uniqueName("a"), password: GOOD_PASSWORD, userAttributes });
    expect(errorCodes(await attempt([]))).toEqual(["InvalidParameterException"]);
    expect((await attempt([])).errors?.[0]?.message).toMatch(/email.*required/);
    expect(errorCodes(await attempt([{ name: "email", value: "not-an-email" }]))).toEqual([
      "InvalidParameterException",
    ]);
    expect(
      errorCodes(
        await attempt([
          { name: "email", value: "a@example.com" },
          { name: "phone_number", value: "+1 (432) 555" },
        ]),
      ),
    ).toEqual(["InvalidParameterException"]);
    expect(
      errorCodes(
        await attempt([
          { name: "email", value: "a@example.com" },
          { name: "shoe_size", value: "9" },
        ]),
      ),
    ).toEqual(["InvalidParameterException"]);
    expect(
      errorCodes(
        await attempt([
          { name: "email", value: "a@example.com" },
          { name: "birthdate", value: "1.2.2000" },
        ]),
      ),
    ).toEqual(["InvalidParameterException"]);
    expect(
      errorCodes(
        await attempt([
          { name: "email", value: "a@example.com" },
          { name: "name", value: "x".repeat(2049) },
        ]),
      ),
    ).toEqual(["InvalidParameterException"]);
    // A client without a write list may write custom attributes too (cognito-reference §7.4, corrected in
    // #14: this line used to expect NotAuthorizedException); its values are still checked against the schema.
    expect(
      errorCodes(
        await attempt([
          { name: "email", value: "a@example.com" },
          { name: "custom:age", value: "12" },
        ]),
      ),
    ).toEqual(["InvalidParameterException"]);
    expectData(
      await attempt([
        { name: "email", value: "a@example.com" },
        { name: "custom:age", value: "30" },
      ]),
    );
    // An explicit write list is a restriction: without custom:age in it, the attribute is refused.
    const emailOnly = (await createPoolClientFor(poolId, ["email"])).clientId;
    expect(
      errorCodes(
        await attempt(
          [
            { name: "email", value: "a@example.com" },
            { name: "custom:age", value: "30" },
          ],
          emailOnly,
        ),
      ),
    ).toEqual(["NotAuthorizedException"]);
    const writer = (await createPoolClientFor(poolId, ["email", "custom:age"])).clientId;
    expect(
      errorCodes(
        await attempt(
          [
            { name: "email", value: "a@example.com" },
            { name: "custom:age", value: "12" },
          ],
          writer,
        ),
      ),
    ).toEqual(["InvalidParameterException"]);
    expect(
      errorCodes(
        await attempt(
          [
            { name: "email", value: "a@example.com" },
            { name: "custom:age", value: "thirty" },
          ],
          writer,
        ),
      ),
    ).toEqual(["InvalidParameterException"]);
    expectData(
      await attempt(
        [
          { name: "email", value: "a@example.com" },
          { name: "custom:age", value: "30" },
        ],
        writer,
      ),
    );
    expect(
      errorCodes(
        await attempt(
          [
            { name: "email", value: "a@example.com" },
            { name: "email_verified", value: "true" },
          ],
          writer,
        ),
      ),
    ).toEqual(["NotAuthorizedException"]);
  });

  async function createPoolClientFor(poolId: string, writeAttributes: string[]) {
    const { CreateUserPoolClientDocument } = await import("../support/generated/graphql.js");
    return expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "writer", writeAttributes },
      }),
    ).createUserPoolClient;
  }

  it("enforces the secret hash for clients with a secret", async () => {
    const { clientId, clientSecret } = await createPoolWithClient(
      gateway,
      { autoVerifiedAttributes: ["email"] },
      { generateSecret: true },
    );
    const username = uniqueName("s");
    const base = {
      clientId,
      username,
      password: GOOD_PASSWORD,
      userAttributes: [{ name: "email", value: `${username}@example.com` }],
    };
    expect(errorCodes(await signUp(base))).toEqual(["NotAuthorizedException"]);
    expect(errorCodes(await signUp({ ...base, secretHash: "d3Jvbmc=" }))).toEqual(["NotAuthorizedException"]);
    const secretHash = createHmac("sha256", clientSecret!)
      .update(username + clientId)
      .digest("base64");
    expectData(await signUp({ ...base, secretHash }));
  });

  it("creates exactly one user when 50 sign-ups of one username race", async () => {
    const { clientId } = await emailPool();
    const username = uniqueName("race");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        signUp({
          clientId,
          username,
          password: GOOD_PASSWORD,
          userAttributes: [{ name: "email", value: `${username}${index}@example.com` }],
        }),
      ),
    );
    const codes = results.map((result) => (result.errors ? result.errors[0]!.extensions?.code : "OK"));
    expect(codes.filter((code) => code === "OK")).toHaveLength(1);
    expect(codes.filter((code) => code === "UsernameExistsException")).toHaveLength(49);
  });

  it("lets exactly one of 10 parallel submissions of a code succeed", async () => {
    const { poolId, clientId } = await emailPool();
    const { username, email } = await signUpWithEmail(clientId);
    const code = (await latestMessage(gateway, poolId, email)).code!;
    const results = await Promise.all(Array.from({ length: 10 }, () => confirm(clientId, username, code)));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
  });

  it("voids a code after 5 wrong guesses, and a resent code replaces the old one", async () => {
    const { poolId, clientId } = await emailPool();
    const { username, email } = await signUpWithEmail(clientId);
    const code = (await latestMessage(gateway, poolId, email)).code!;
    for (let attempt = 0; attempt < 5; attempt++)
      expect(errorCodes(await confirm(clientId, username, wrongCode(code)))).toEqual(["CodeMismatchException"]);
    expect(errorCodes(await confirm(clientId, username, code))).toEqual(["TooManyFailedAttemptsException"]);
    expectData(await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null));
    const fresh = (await latestMessage(gateway, poolId, email)).code!;
    if (fresh !== code) expect(errorCodes(await confirm(clientId, username, code))).toEqual(["CodeMismatchException"]);
    expectData(await confirm(clientId, username, fresh));
  });

  it("limits resends to 5 and confirmations to 15 an hour per user", async () => {
    const { poolId, clientId } = await emailPool();
    const { username, email } = await signUpWithEmail(clientId);
    for (let attempt = 0; attempt < 5; attempt++)
      expectData(await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null));
    expect(
      errorCodes(await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null)),
    ).toEqual(["LimitExceededException"]);
    const code = (await latestMessage(gateway, poolId, email)).code!;
    for (let attempt = 0; attempt < 15; attempt++) await confirm(clientId, username, wrongCode(code));
    expect(errorCodes(await confirm(clientId, username, code))).toEqual(["LimitExceededException"]);
    clock.advanceSeconds(3601);
    expectData(await gateway.gql(ResendConfirmationCodeDocument, { input: { clientId, username } }, null));
  });

  it("expires sign-up codes after 24 hours", async () => {
    const { poolId, clientId } = await emailPool();
    const { username, email } = await signUpWithEmail(clientId);
    const code = (await latestMessage(gateway, poolId, email)).code!;
    clock.advanceSeconds(24 * 3600 + 1);
    expect(errorCodes(await confirm(clientId, username, code))).toEqual(["ExpiredCodeException"]);
  });

  it("refuses self sign-up when only admins may create users", async () => {
    const { clientId } = await emailPool({ adminCreateUserConfig: { allowAdminCreateUserOnly: true } });
    expect(errorCodes(await signUp({ clientId, username: uniqueName("n"), password: GOOD_PASSWORD }))).toEqual([
      "NotAuthorizedException",
    ]);
  });

  it("reports an unknown client and a malformed request as Cognito does", async () => {
    expect(errorCodes(await signUp({ clientId: "a".repeat(26), username: "x", password: GOOD_PASSWORD }))).toEqual([
      "ResourceNotFoundException",
    ]);
    const { clientId } = await emailPool();
    expect(errorCodes(await signUp({ clientId, username: "has space", password: GOOD_PASSWORD }))).toEqual([
      "InvalidParameterException",
    ]);
  });
});
