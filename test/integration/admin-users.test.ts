import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminConfirmSignUpDocument,
  AdminCreateUserDocument,
  AdminDeleteUserAttributesDocument,
  AdminDeleteUserDocument,
  AdminDisableUserDocument,
  AdminEnableUserDocument,
  AdminGetUserDocument,
  AdminResetUserPasswordDocument,
  AdminSetUserPasswordDocument,
  AdminUpdateUserAttributesDocument,
  ConfirmForgotPasswordDocument,
  CreateAdminApiKeyDocument,
  CreateUserPoolDocument,
  ListEventsDocument,
  SentMessagesDocument,
  SignUpDocument,
  type AdminCreateUserInput,
  type AttributeInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** Invitation templates that quote the password, so a test can read it back exactly ('  is never generated). */
const INVITE_TEMPLATE = {
  emailSubject: "Welcome aboard",
  emailMessage: "Hello {username}, your temporary password is '{####}'",
  smsMessage: "Hi {username}: '{####}'",
};
const OTHER_PASSWORD = "An0ther-Secret!";

const temporaryPasswordIn = (body: string): string => {
  const match = /'([^']+)'/.exec(body);
  expect(match, `a quoted temporary password in ${JSON.stringify(body)}`).not.toBeNull();
  return match![1]!;
};

const attributeOf = (user: { attributes: { name: string; value: string }[] }, name: string): string | undefined =>
  user.attributes.find((attribute) => attribute.name === name)?.value;

const firstErrorMessage = (result: GraphqlResult<unknown>): string => result.errors?.[0]?.message ?? "";

describe.each(BACKENDS)("admin user operations on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  const newPool = (input: Partial<CreateUserPoolInput> = {}) =>
    createPoolWithClient(gateway, { adminCreateUserConfig: { inviteMessageTemplate: INVITE_TEMPLATE }, ...input });

  const createUser = (
    userPoolId: string,
    username: string,
    userAttributes: AttributeInput[] = [],
    extra: Partial<AdminCreateUserInput> = {},
  ) =>
    gateway.gql(AdminCreateUserDocument, {
      input: { userPoolId, username, userAttributes, desiredDeliveryMediums: ["EMAIL"], ...extra },
    });

  /** A user with a verified email and a permanent password: CONFIRMED, recoverable by email. */
  async function confirmedUser(userPoolId: string) {
    const username = uniqueName("user");
    const email = `${username}@example.com`;
    expectData(
      await createUser(
        userPoolId,
        username,
        [
          { name: "email", value: email },
          { name: "email_verified", value: "true" },
        ],
        { messageAction: "SUPPRESS" },
      ),
    );
    expectData(
      await gateway.gql(AdminSetUserPasswordDocument, {
        input: { userPoolId, username, password: GOOD_PASSWORD, permanent: true },
      }),
    );
    return { username, email };
  }

  const getUser = async (userPoolId: string, username: string) =>
    expectData(await gateway.gql(AdminGetUserDocument, { userPoolId, username })).adminGetUser;
  const messagesTo = async (userPoolId: string, destination: string) =>
    expectData(await gateway.gql(SentMessagesDocument, { userPoolId, destination, first: 60 })).sentMessages.items;

  describe("adminCreateUser", () => {
    it("creates a FORCE_CHANGE_PASSWORD user and emails the pool's invitation with a temporary password that meets the policy", async () => {
      const { poolId } = await newPool({ passwordPolicy: { minimumLength: 14 } });
      const username = uniqueName("Invited");
      const email = `${username}@example.com`;
      const created = expectData(
        await createUser(poolId, username, [
          { name: "email", value: email },
          { name: "given_name", value: "Ada" },
        ]),
      ).adminCreateUser;
      expect(created).toMatchObject({ username, enabled: true, userStatus: "FORCE_CHANGE_PASSWORD" });
      expect(created.attributes[0]).toEqual({ name: "sub", value: created.userSub });
      expect(attributeOf(created, "email")).toBe(email);
      expect(attributeOf(created, "email_verified")).toBe("false");
      expect(attributeOf(created, "given_name")).toBe("Ada");

      const invitation = await latestMessage(gateway, poolId, email);
      expect(invitation).toMatchObject({ purpose: "INVITATION", deliveryMedium: "EMAIL", subject: "Welcome aboard" });
      expect(invitation.body).toMatch(new RegExp(`^Hello ${username}, your temporary password is '[^']+'$`));
      const temporaryPassword = temporaryPasswordIn(invitation.body);
      expect(temporaryPassword.length).toBeGreaterThanOrEqual(14);
      for (const required of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(temporaryPassword).toMatch(required);

      expect(await getUser(poolId, username)).toEqual(created);
      // Usernames compare case-insensitively by default.
      expect((await getUser(poolId, username.toLowerCase())).userSub).toBe(created.userSub);
    });

    it("uses a given temporary password, sends by SMS by default and by both mediums when asked", async () => {
      const { poolId } = await newPool();
      const username = uniqueName("sms");
      const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: {
            userPoolId: poolId,
            username,
            temporaryPassword: OTHER_PASSWORD,
            userAttributes: [{ name: "phone_number", value: phone }],
          },
        }),
      );
      const sms = await latestMessage(gateway, poolId, phone);
      expect(sms).toMatchObject({
        purpose: "INVITATION",
        deliveryMedium: "SMS",
        subject: null,
        body: `Hi ${username}: '${OTHER_PASSWORD}'`,
      });

      const both = uniqueName("both");
      const email = `${both}@example.com`;
      const phone2 = `+1666${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
      expectData(
        await createUser(
          poolId,
          both,
          [
            { name: "email", value: email },
            { name: "phone_number", value: phone2 },
          ],
          { desiredDeliveryMediums: ["EMAIL", "SMS"] },
        ),
      );
      const byEmail = temporaryPasswordIn((await latestMessage(gateway, poolId, email)).body);
      const bySms = temporaryPasswordIn((await latestMessage(gateway, poolId, phone2)).body);
      expect(byEmail).toBe(bySms);
    });

    it("refuses a temporary password against the policy and a delivery medium without its attribute, creating nothing", async () => {
      const { poolId } = await newPool();
      const username = uniqueName("weak");
      const weak = await createUser(poolId, username, [{ name: "email", value: `${username}@example.com` }], {
        temporaryPassword: "short",
      });
      expect(errorCodes(weak)).toEqual(["InvalidPasswordException"]);
      const noPhone = await gateway.gql(AdminCreateUserDocument, {
        input: { userPoolId: poolId, username, userAttributes: [{ name: "email", value: `${username}@example.com` }] },
      });
      expect(errorCodes(noPhone)).toEqual(["InvalidParameterException"]);
      expect(firstErrorMessage(noPhone)).toMatch(/phone_number/);
      expect(errorCodes(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username }))).toEqual([
        "UserNotFoundException",
      ]);
    });

    it("sends nothing with SUPPRESS, and needs no delivery attribute then", async () => {
      const { poolId } = await newPool();
      const username = uniqueName("quiet");
      const email = `${username}@example.com`;
      const created = expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: {
            userPoolId: poolId,
            username,
            messageAction: "SUPPRESS",
            userAttributes: [{ name: "email", value: email }],
          },
        }),
      ).adminCreateUser;
      expect(created.userStatus).toBe("FORCE_CHANGE_PASSWORD");
      expect(await messagesTo(poolId, email)).toEqual([]);
    });

    it("RESEND issues a new temporary password to a FORCE_CHANGE_PASSWORD user and is refused for others", async () => {
      const { poolId } = await newPool();
      const username = uniqueName("resend");
      const email = `${username}@example.com`;
      expectData(await createUser(poolId, username, [{ name: "email", value: email }]));
      const first = temporaryPasswordIn((await latestMessage(gateway, poolId, email)).body);
      const before = await getUser(poolId, username);
      const resent = expectData(await createUser(poolId, username, [], { messageAction: "RESEND" })).adminCreateUser;
      expect(resent.userSub).toBe(before.userSub);
      expect(resent.userStatus).toBe("FORCE_CHANGE_PASSWORD");
      const second = temporaryPasswordIn((await latestMessage(gateway, poolId, email)).body);
      expect(second).not.toBe(first);
      expect(await messagesTo(poolId, email)).toHaveLength(2);

      expect(errorCodes(await createUser(poolId, uniqueName("ghost"), [], { messageAction: "RESEND" }))).toEqual([
        "UserNotFoundException",
      ]);
      expectData(
        await gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: true },
        }),
      );
      expect(errorCodes(await createUser(poolId, username, [], { messageAction: "RESEND" }))).toEqual([
        "UnsupportedUserStateException",
      ]);
    });

    it("refuses an existing username (in any case) without RESEND", async () => {
      const { poolId } = await newPool();
      const username = uniqueName("dup");
      expectData(await createUser(poolId, username, [{ name: "email", value: `${username}@example.com` }]));
      expect(
        errorCodes(await createUser(poolId, username, [{ name: "email", value: `${username}@example.com` }])),
      ).toEqual(["UsernameExistsException"]);
      expect(errorCodes(await createUser(poolId, username.toUpperCase(), [], { messageAction: "SUPPRESS" }))).toEqual([
        "UsernameExistsException",
      ]);
    });

    it("in an email-as-username pool makes a UUID username, sets the email and refuses a second account for it", async () => {
      const { poolId } = await newPool({ usernameAttributes: ["email"] });
      const email = `${uniqueName("mail")}@example.com`;
      const created = expectData(await createUser(poolId, email)).adminCreateUser;
      expect(created.username).toBe(created.userSub);
      expect(attributeOf(created, "email")).toBe(email);
      expect((await latestMessage(gateway, poolId, email)).body).toMatch(new RegExp(`^Hello ${email}, `));
      expect((await getUser(poolId, email)).userSub).toBe(created.userSub);
      expect(errorCodes(await createUser(poolId, email))).toEqual(["UsernameExistsException"]);
      expect(errorCodes(await createUser(poolId, uniqueName("plain")))).toEqual(["InvalidParameterException"]);
    });

    it("refuses an email-looking username when email is an alias, and moves a verified alias only with forceAliasCreation", async () => {
      const { poolId } = await newPool({ aliasAttributes: ["email"] });
      const email = `${uniqueName("alias")}@example.com`;
      expect(errorCodes(await createUser(poolId, email, [], { messageAction: "SUPPRESS" }))).toEqual([
        "InvalidParameterException",
      ]);

      const holder = uniqueName("holder");
      const verifiedEmail = [
        { name: "email", value: email },
        { name: "email_verified", value: "true" },
      ];
      expectData(await createUser(poolId, holder, verifiedEmail, { messageAction: "SUPPRESS" }));
      expect((await getUser(poolId, email)).username).toBe(holder);
      const taker = uniqueName("taker");
      expect(errorCodes(await createUser(poolId, taker, verifiedEmail, { messageAction: "SUPPRESS" }))).toEqual([
        "AliasExistsException",
      ]);
      expectData(
        await createUser(poolId, taker, verifiedEmail, { messageAction: "SUPPRESS", forceAliasCreation: true }),
      );
      expect((await getUser(poolId, email)).username).toBe(taker);
      expect(attributeOf(await getUser(poolId, holder), "email_verified")).toBe("false");
    });

    it("checks attributes against the schema with admin rights, and lets required attributes be omitted", async () => {
      const { poolId } = await newPool({
        schema: [
          { name: "given_name", attributeDataType: "String", required: true },
          { name: "tenant", attributeDataType: "String", mutable: false },
        ],
      });
      const create = (attributes: AttributeInput[]) =>
        createUser(poolId, uniqueName("attr"), attributes, { messageAction: "SUPPRESS" });
      const unknown = await create([{ name: "shoe_size", value: "42" }]);
      expect(errorCodes(unknown)).toEqual(["InvalidParameterException"]);
      expect(firstErrorMessage(unknown)).toMatch(/shoe_size: Attribute does not exist in the schema/);
      expect(errorCodes(await create([{ name: "email", value: "not-an-email" }]))).toEqual([
        "InvalidParameterException",
      ]);
      expect(errorCodes(await create([{ name: "sub", value: "mine" }]))).toEqual(["InvalidParameterException"]);
      expect(errorCodes(await create([{ name: "email_verified", value: "yes" }]))).toEqual([
        "InvalidParameterException",
      ]);
      expect(errorCodes(await create([{ name: "email_verified", value: "true" }]))).toEqual([
        "InvalidParameterException",
      ]);
      // Admins may write the verified flags and immutable attributes at creation, and skip required ones.
      const created = expectData(
        await create([
          { name: "custom:tenant", value: "acme" },
          { name: "phone_number", value: "+14325551212" },
          { name: "phone_number_verified", value: "true" },
        ]),
      ).adminCreateUser;
      expect(attributeOf(created, "custom:tenant")).toBe("acme");
      expect(attributeOf(created, "phone_number_verified")).toBe("true");
      expect(attributeOf(created, "given_name")).toBeUndefined();
    });
  });

  describe("attributes", () => {
    it("adminUpdateUserAttributes resets email_verified on an email change unless the same call verifies it", async () => {
      const { poolId } = await newPool();
      const { username, email } = await confirmedUser(poolId);
      const update = (userAttributes: AttributeInput[]) =>
        gateway.gql(AdminUpdateUserAttributesDocument, { input: { userPoolId: poolId, username, userAttributes } });
      expect(attributeOf(await getUser(poolId, username), "email_verified")).toBe("true");

      expect(
        expectData(
          await update([
            { name: "email", value: email },
            { name: "name", value: "Same Email" },
          ]),
        ).adminUpdateUserAttributes,
      ).toBe(true);
      expect(attributeOf(await getUser(poolId, username), "email_verified")).toBe("true");

      const changed = `new-${email}`;
      expectData(await update([{ name: "email", value: changed }]));
      const afterChange = await getUser(poolId, username);
      expect(attributeOf(afterChange, "email")).toBe(changed);
      expect(attributeOf(afterChange, "email_verified")).toBe("false");

      const vouched = `vouched-${email}`;
      expectData(
        await update([
          { name: "email", value: vouched },
          { name: "email_verified", value: "true" },
        ]),
      );
      expect(attributeOf(await getUser(poolId, username), "email_verified")).toBe("true");

      // An empty value deletes the attribute.
      expectData(await update([{ name: "name", value: "" }]));
      expect(attributeOf(await getUser(poolId, username), "name")).toBeUndefined();
    });

    it("adminUpdateUserAttributes refuses immutable, unknown and sub attributes, and a verified alias another user holds", async () => {
      const { poolId } = await newPool({
        aliasAttributes: ["email"],
        schema: [{ name: "tenant", attributeDataType: "String", mutable: false }],
      });
      const first = await confirmedUser(poolId);
      const second = await confirmedUser(poolId);
      const update = (userAttributes: AttributeInput[]) =>
        gateway.gql(AdminUpdateUserAttributesDocument, {
          input: { userPoolId: poolId, username: second.username, userAttributes },
        });
      expect(errorCodes(await update([{ name: "custom:tenant", value: "acme" }]))).toEqual([
        "InvalidParameterException",
      ]);
      expect(errorCodes(await update([{ name: "custom:nope", value: "x" }]))).toEqual(["InvalidParameterException"]);
      expect(errorCodes(await update([{ name: "sub", value: "x" }]))).toEqual(["InvalidParameterException"]);
      expect(
        errorCodes(
          await update([
            { name: "email", value: first.email },
            { name: "email_verified", value: "true" },
          ]),
        ),
      ).toEqual(["AliasExistsException"]);
      // Unverified, the same value is no alias and collides with nothing.
      expectData(await update([{ name: "email", value: first.email }]));
      expect((await getUser(poolId, first.email)).username).toBe(first.username);
    });

    it("adminDeleteUserAttributes removes attributes (email takes its flag along) but never required ones or sub", async () => {
      const { poolId } = await newPool({
        schema: [{ name: "given_name", attributeDataType: "String", required: true }],
      });
      const username = uniqueName("del");
      expectData(
        await createUser(
          poolId,
          username,
          [
            { name: "given_name", value: "Ada" },
            { name: "email", value: `${username}@example.com` },
            { name: "email_verified", value: "true" },
            { name: "nickname", value: "ada" },
          ],
          {
            messageAction: "SUPPRESS",
          },
        ),
      );
      const remove = (userAttributeNames: string[]) =>
        gateway.gql(AdminDeleteUserAttributesDocument, { input: { userPoolId: poolId, username, userAttributeNames } });
      const required = await remove(["given_name"]);
      expect(errorCodes(required)).toEqual(["InvalidParameterException"]);
      expect(firstErrorMessage(required)).toMatch(/given_name.*required/);
      expect(errorCodes(await remove(["sub"]))).toEqual(["InvalidParameterException"]);
      expect(errorCodes(await remove(["shoe_size"]))).toEqual(["InvalidParameterException"]);
      expect(expectData(await remove(["email", "nickname"])).adminDeleteUserAttributes).toBe(true);
      const user = await getUser(poolId, username);
      expect(user.attributes.map((attribute) => attribute.name).sort()).toEqual(["given_name", "sub"]);
    });
  });

  describe("lifecycle", () => {
    it("adminDisableUser and adminEnableUser show in adminGetUser", async () => {
      const { poolId } = await newPool();
      const { username } = await confirmedUser(poolId);
      expect(
        expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username })).adminDisableUser,
      ).toBe(true);
      expect((await getUser(poolId, username)).enabled).toBe(false);
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username }));
      expect(
        expectData(await gateway.gql(AdminEnableUserDocument, { userPoolId: poolId, username })).adminEnableUser,
      ).toBe(true);
      const enabled = await getUser(poolId, username);
      expect(enabled).toMatchObject({ enabled: true, userStatus: "CONFIRMED" });
    });

    it("adminDeleteUser removes the user, its alias and its name", async () => {
      const { poolId } = await newPool({ aliasAttributes: ["email"] });
      const { username, email } = await confirmedUser(poolId);
      expect(
        expectData(await gateway.gql(AdminDeleteUserDocument, { userPoolId: poolId, username })).adminDeleteUser,
      ).toBe(true);
      const gone = await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username });
      expect(errorCodes(gone)).toEqual(["UserNotFoundException"]);
      expect(firstErrorMessage(gone)).toBe("User does not exist.");
      expect(errorCodes(await gateway.gql(AdminGetUserDocument, { userPoolId: poolId, username: email }))).toEqual([
        "UserNotFoundException",
      ]);
      expect(errorCodes(await gateway.gql(AdminDeleteUserDocument, { userPoolId: poolId, username }))).toEqual([
        "UserNotFoundException",
      ]);
      // The username and the verified email are free again.
      expectData(
        await createUser(
          poolId,
          username,
          [
            { name: "email", value: email },
            { name: "email_verified", value: "true" },
          ],
          { messageAction: "SUPPRESS" },
        ),
      );
    });

    it("adminConfirmSignUp confirms an UNCONFIRMED user without verifying the email, and only such a user", async () => {
      const { poolId, clientId } = await newPool({ autoVerifiedAttributes: ["email"] });
      const username = uniqueName("signup");
      const email = `${username}@example.com`;
      expectData(
        await gateway.gql(
          SignUpDocument,
          { input: { clientId, username, password: GOOD_PASSWORD, userAttributes: [{ name: "email", value: email }] } },
          null,
        ),
      );
      expect((await getUser(poolId, username)).userStatus).toBe("UNCONFIRMED");
      expect(
        expectData(await gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username })).adminConfirmSignUp,
      ).toBe(true);
      const confirmed = await getUser(poolId, username);
      expect(confirmed.userStatus).toBe("CONFIRMED");
      expect(attributeOf(confirmed, "email_verified")).toBe("false");
      const again = await gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username });
      expect(errorCodes(again)).toEqual(["NotAuthorizedException"]);
      expect(firstErrorMessage(again)).toBe("User cannot be confirmed. Current status is CONFIRMED");

      const invited = uniqueName("invited");
      expectData(await createUser(poolId, invited, [], { messageAction: "SUPPRESS" }));
      expect(
        firstErrorMessage(await gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username: invited })),
      ).toBe("User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD");
    });
  });

  describe("passwords", () => {
    it("adminSetUserPassword moves between CONFIRMED and FORCE_CHANGE_PASSWORD, and confirms an UNCONFIRMED user", async () => {
      const { poolId, clientId } = await newPool();
      const username = uniqueName("setpw");
      expectData(await createUser(poolId, username, [], { messageAction: "SUPPRESS" }));
      const set = (password: string, permanent?: boolean) =>
        gateway.gql(AdminSetUserPasswordDocument, { input: { userPoolId: poolId, username, password, permanent } });
      expect(expectData(await set(GOOD_PASSWORD, true)).adminSetUserPassword).toBe(true);
      expect((await getUser(poolId, username)).userStatus).toBe("CONFIRMED");
      expectData(await set(OTHER_PASSWORD, false));
      expect((await getUser(poolId, username)).userStatus).toBe("FORCE_CHANGE_PASSWORD");
      expectData(await set(GOOD_PASSWORD));
      expect((await getUser(poolId, username)).userStatus).toBe("FORCE_CHANGE_PASSWORD");

      const signedUp = uniqueName("unconfirmed");
      expectData(
        await gateway.gql(SignUpDocument, { input: { clientId, username: signedUp, password: GOOD_PASSWORD } }, null),
      );
      expectData(
        await gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username: signedUp, password: OTHER_PASSWORD, permanent: true },
        }),
      );
      expect((await getUser(poolId, signedUp)).userStatus).toBe("CONFIRMED");
    });

    it("adminSetUserPassword enforces the policy and a history of 2", async () => {
      const { poolId } = await newPool({ passwordPolicy: { passwordHistorySize: 2 } });
      const username = uniqueName("history");
      expectData(
        await createUser(poolId, username, [], { messageAction: "SUPPRESS", temporaryPassword: "Temp0rary-Pass!" }),
      );
      const set = (password: string) =>
        gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username, password, permanent: true },
        });
      const weak = await set("alllowercase1!");
      expect(errorCodes(weak)).toEqual(["InvalidPasswordException"]);
      expect(firstErrorMessage(weak)).toMatch(
        /^Password did not conform with policy: Password must have uppercase characters/,
      );
      expectData(await set(GOOD_PASSWORD));
      expect(errorCodes(await set(GOOD_PASSWORD))).toEqual(["PasswordHistoryPolicyViolationException"]);
      expectData(await set(OTHER_PASSWORD));
      expect(errorCodes(await set(GOOD_PASSWORD))).toEqual(["PasswordHistoryPolicyViolationException"]);
      // Two back is beyond a history of 2 (the current password and one before it).
      expectData(await set("Temp0rary-Pass!"));
    });

    it("adminResetUserPassword sets RESET_REQUIRED and sends a code; confirmForgotPassword then makes the user CONFIRMED", async () => {
      const { poolId, clientId } = await newPool({
        verificationMessageTemplate: { emailMessage: "Reset code {####}", emailSubject: "Reset" },
      });
      const { username, email } = await confirmedUser(poolId);
      expect(
        expectData(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username }))
          .adminResetUserPassword,
      ).toBe(true);
      expect((await getUser(poolId, username)).userStatus).toBe("RESET_REQUIRED");
      const message = await latestMessage(gateway, poolId, email);
      expect(message).toMatchObject({ purpose: "FORGOT_PASSWORD", deliveryMedium: "EMAIL", subject: "Reset" });
      expect(message.code).toMatch(/^\d{6}$/);
      expectData(
        await gateway.gql(
          ConfirmForgotPasswordDocument,
          { input: { clientId, username, confirmationCode: message.code!, password: OTHER_PASSWORD } },
          null,
        ),
      );
      expect((await getUser(poolId, username)).userStatus).toBe("CONFIRMED");
    });

    it("adminSetUserPassword ends a RESET_REQUIRED state and voids the pending reset code", async () => {
      const { poolId, clientId } = await newPool();
      const { username, email } = await confirmedUser(poolId);
      expectData(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username }));
      const { code } = await latestMessage(gateway, poolId, email);
      expectData(
        await gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username, password: OTHER_PASSWORD, permanent: true },
        }),
      );
      expect((await getUser(poolId, username)).userStatus).toBe("CONFIRMED");
      const late = await gateway.gql(
        ConfirmForgotPasswordDocument,
        { input: { clientId, username, confirmationCode: code!, password: "Third-Passw0rd!" } },
        null,
      );
      // Voided, and answered as a code never sent would be: the client hides user existence (PreventUserExistenceErrors ENABLED).
      expect(errorCodes(late)).toEqual(["CodeMismatchException"]);
    });

    it("adminResetUserPassword without a verified channel is refused and changes nothing; FORCE_CHANGE_PASSWORD users need RESEND", async () => {
      const { poolId } = await newPool();
      const username = uniqueName("unverified");
      const email = `${username}@example.com`;
      expectData(await createUser(poolId, username, [{ name: "email", value: email }], { messageAction: "SUPPRESS" }));
      expect(errorCodes(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username }))).toEqual([
        "NotAuthorizedException",
      ]);
      expectData(
        await gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: true },
        }),
      );
      const refused = await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username });
      expect(errorCodes(refused)).toEqual(["InvalidParameterException"]);
      expect(firstErrorMessage(refused)).toMatch(/no registered\/verified email or phone_number/);
      expect((await getUser(poolId, username)).userStatus).toBe("CONFIRMED");
      expect(await messagesTo(poolId, email)).toEqual([]);
    });

    it("adminResetUserPassword in an admin_only pool sets RESET_REQUIRED and sends nothing", async () => {
      const { poolId } = await newPool({ accountRecoverySetting: [{ name: "admin_only", priority: 1 }] });
      const { username, email } = await confirmedUser(poolId);
      expectData(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username }));
      expect((await getUser(poolId, username)).userStatus).toBe("RESET_REQUIRED");
      expect(await messagesTo(poolId, email)).toEqual([]);
    });
  });

  describe("events, access and unknown users", () => {
    it("writes an event per change, naming attributes but never a password or code", async () => {
      const { poolId, clientId } = await newPool();
      const username = uniqueName("audited");
      const email = `${username}@example.com`;
      const temporaryPassword = "Temp0rary-Audit!";
      const created = expectData(
        await createUser(
          poolId,
          username,
          [
            { name: "email", value: email },
            { name: "email_verified", value: "true" },
          ],
          { temporaryPassword },
        ),
      ).adminCreateUser;
      expectData(await createUser(poolId, username, [], { messageAction: "RESEND" }));
      const resentPassword = temporaryPasswordIn((await latestMessage(gateway, poolId, email)).body);
      expectData(
        await gateway.gql(AdminUpdateUserAttributesDocument, {
          input: { userPoolId: poolId, username, userAttributes: [{ name: "nickname", value: "audit" }] },
        }),
      );
      expectData(
        await gateway.gql(AdminDeleteUserAttributesDocument, {
          input: { userPoolId: poolId, username, userAttributeNames: ["nickname"] },
        }),
      );
      expectData(
        await gateway.gql(AdminSetUserPasswordDocument, {
          input: { userPoolId: poolId, username, password: GOOD_PASSWORD, permanent: true },
        }),
      );
      expectData(await gateway.gql(AdminResetUserPasswordDocument, { userPoolId: poolId, username }));
      const { code } = await latestMessage(gateway, poolId, email);
      expectData(
        await gateway.gql(
          ConfirmForgotPasswordDocument,
          { input: { clientId, username, confirmationCode: code!, password: OTHER_PASSWORD } },
          null,
        ),
      );
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: poolId, username }));
      expectData(await gateway.gql(AdminEnableUserDocument, { userPoolId: poolId, username }));
      const signedUp = uniqueName("signedup");
      expectData(
        await gateway.gql(SignUpDocument, { input: { clientId, username: signedUp, password: GOOD_PASSWORD } }, null),
      );
      expectData(await gateway.gql(AdminConfirmSignUpDocument, { userPoolId: poolId, username: signedUp }));
      expectData(await gateway.gql(AdminDeleteUserDocument, { userPoolId: poolId, username }));

      const events = expectData(await gateway.gql(ListEventsDocument, { userPoolId: poolId, first: 1000 })).events
        .items;
      const mine = events.filter((event) => (event.detail as { userSub?: string }).userSub === created.userSub);
      expect(mine.map((event) => event.type)).toEqual([
        "USER_CREATED_BY_ADMIN",
        "PASSWORD_CHANGED",
        "USER_ATTRIBUTES_CHANGED",
        "USER_ATTRIBUTES_CHANGED",
        "PASSWORD_CHANGED",
        "PASSWORD_RESET_REQUESTED",
        "PASSWORD_CHANGED",
        "USER_DISABLED",
        "USER_ENABLED",
        "USER_DELETED",
      ]);
      expect(mine[0]!.detail).toMatchObject({
        userSub: created.userSub,
        username,
        attributes: ["email", "email_verified", "sub"],
      });
      expect(mine[2]!.detail).toMatchObject({ attributes: ["nickname"] });
      expect(mine.every((event) => event.actor.startsWith("admin-key:") || event.actor.startsWith("client:"))).toBe(
        true,
      );
      expect(
        events.some(
          (event) => event.type === "USER_CONFIRMED" && (event.detail as { username?: string }).username === signedUp,
        ),
      ).toBe(true);
      expect(events.some((event) => event.type === "CODE_SENT")).toBe(true);
      const everything = JSON.stringify(events);
      for (const secret of [temporaryPassword, resentPassword, GOOD_PASSWORD, OTHER_PASSWORD, code!])
        expect(everything).not.toContain(secret);
    });

    it("a key scoped to another pool gets NotAuthorizedException; unknown users and pools get their own codes", async () => {
      const { poolId } = await newPool();
      const { username } = await confirmedUser(poolId);
      const otherPool = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name: uniqueName("other") } }))
        .createUserPool.id;
      const scoped = expectData(
        await gateway.gql(CreateAdminApiKeyDocument, { input: { name: uniqueName("scoped"), poolScope: [otherPool] } }),
      ).createAdminApiKey.secret;
      const ref = { userPoolId: poolId, username };
      const denied = [
        await gateway.gql(AdminGetUserDocument, ref, scoped),
        await gateway.gql(
          AdminCreateUserDocument,
          { input: { userPoolId: poolId, username: uniqueName("x"), messageAction: "SUPPRESS" } },
          scoped,
        ),
        await gateway.gql(
          AdminUpdateUserAttributesDocument,
          { input: { ...ref, userAttributes: [{ name: "nickname", value: "x" }] } },
          scoped,
        ),
        await gateway.gql(
          AdminDeleteUserAttributesDocument,
          { input: { ...ref, userAttributeNames: ["email"] } },
          scoped,
        ),
        await gateway.gql(AdminDisableUserDocument, ref, scoped),
        await gateway.gql(AdminEnableUserDocument, ref, scoped),
        await gateway.gql(AdminConfirmSignUpDocument, ref, scoped),
        await gateway.gql(AdminSetUserPasswordDocument, { input: { ...ref, password: OTHER_PASSWORD } }, scoped),
        await gateway.gql(AdminResetUserPasswordDocument, ref, scoped),
        await gateway.gql(AdminDeleteUserDocument, ref, scoped),
      ];
      expect(denied.map(errorCodes)).toEqual(denied.map(() => ["NotAuthorizedException"]));
      expect(await getUser(poolId, username)).toMatchObject({ enabled: true, userStatus: "CONFIRMED" });
      expect(errorCodes(await gateway.gql(AdminGetUserDocument, ref, null))).toEqual(["NotAuthorizedException"]);

      const ghost = { userPoolId: poolId, username: uniqueName("ghost") };
      const missing = [
        await gateway.gql(AdminGetUserDocument, ghost),
        await gateway.gql(AdminUpdateUserAttributesDocument, {
          input: { ...ghost, userAttributes: [{ name: "nickname", value: "x" }] },
        }),
        await gateway.gql(AdminDeleteUserAttributesDocument, { input: { ...ghost, userAttributeNames: ["nickname"] } }),
        await gateway.gql(AdminDisableUserDocument, ghost),
        await gateway.gql(AdminEnableUserDocument, ghost),
        await gateway.gql(AdminConfirmSignUpDocument, ghost),
        await gateway.gql(AdminSetUserPasswordDocument, { input: { ...ghost, password: OTHER_PASSWORD } }),
        await gateway.gql(AdminResetUserPasswordDocument, ghost),
        await gateway.gql(AdminDeleteUserDocument, ghost),
      ];
      expect(missing.map(errorCodes)).toEqual(missing.map(() => ["UserNotFoundException"]));
      expect(
        errorCodes(
          await gateway.gql(AdminGetUserDocument, { userPoolId: `${poolId.split("_")[0]}_Nope12345`, username }),
        ),
      ).toEqual(["ResourceNotFoundException"]);
    });
  });
});
