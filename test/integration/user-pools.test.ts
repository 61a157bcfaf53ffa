import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import {
  AddCustomAttributesDocument,
  CreateAdminApiKeyDocument,
  CreateUserPoolDocument,
  DeleteUserPoolDocument,
  GetUserPoolDocument,
  ListEventsDocument,
  ListUserPoolsDocument,
  UpdateUserPoolDocument,
  type CreateUserPoolInput,
  type PoolFieldsFragment,
  type SchemaAttributeInput,
  type UpdateUserPoolInput,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, wsGraphql, type GraphqlResult } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const INVALID = "InvalidParameterException";
const LIMIT = "LimitExceededException";
const NOT_FOUND = "ResourceNotFoundException";
const UNKNOWN_POOL_ID = "local_AAAAAAAAA";

const STANDARD_NAMES = [
  "sub",
  "address",
  "birthdate",
  "email",
  "email_verified",
  "family_name",
  "gender",
  "given_name",
  "locale",
  "middle_name",
  "name",
  "nickname",
  "phone_number",
  "phone_number_verified",
  "picture",
  "preferred_username",
  "profile",
  "updated_at",
  "website",
  "zoneinfo",
];

const unique = (prefix: string): string => `${prefix}-${randomBytes(5).toString("hex")}`;
const stringAttrs = (count: number, prefix: string): SchemaAttributeInput[] =>
  Array.from({ length: count }, (_, index) => ({ name: `${prefix}${index}`, attributeDataType: "String" as const }));
const attributeNamed = (pool: PoolFieldsFragment, name: string) =>
  pool.schemaAttributes.find((attribute) => attribute.name === name);
const customNames = (pool: PoolFieldsFragment): string[] =>
  pool.schemaAttributes.filter((attribute) => attribute.name.startsWith("custom:")).map((attribute) => attribute.name);

/** Asserts exactly one error with this Cognito code, a message matching `message`, and no data. */
function expectRejected(result: Omit<GraphqlResult<unknown>, "status">, code: string, message: RegExp): void {
  expect(errorCodes(result)).toEqual([code]);
  expect(result.errors![0]!.message).toMatch(message);
  expect(result.data ?? null).toBeNull();
}

/** [case, create input (name defaults to a fresh unique one), code, message that names the field] */
type Rejection = [string, Partial<CreateUserPoolInput>, string, RegExp];
const CREATE_REJECTIONS: Rejection[] = [
  ["an empty pool name", { name: "" }, INVALID, /^poolName must be 1 to 128 characters/],
  [
    "a pool name over 128 characters",
    { name: unique("long").padEnd(129, "x") },
    INVALID,
    /^poolName must be 1 to 128 characters/,
  ],
  ["a pool name with / and #", { name: unique("bad/name#") }, INVALID, /^poolName may only contain/],
  [
    "usernameAttributes together with aliasAttributes",
    { usernameAttributes: ["email"], aliasAttributes: ["phone_number"] },
    INVALID,
    /usernameAttributes and aliasAttributes/,
  ],
  [
    "preferred_username as alias and required",
    {
      aliasAttributes: ["preferred_username"],
      schema: [{ name: "preferred_username", attributeDataType: "String", required: true }],
    },
    INVALID,
    /preferred_username.*alias.*required/,
  ],
  [
    "passwordPolicy.minimumLength 5",
    { passwordPolicy: { minimumLength: 5 } },
    INVALID,
    /passwordPolicy\.minimumLength .*6 to 99; got 5/,
  ],
  [
    "passwordPolicy.minimumLength 100",
    { passwordPolicy: { minimumLength: 100 } },
    INVALID,
    /passwordPolicy\.minimumLength .*6 to 99; got 100/,
  ],
  [
    "temporaryPasswordValidityDays 366",
    { passwordPolicy: { temporaryPasswordValidityDays: 366 } },
    INVALID,
    /passwordPolicy\.temporaryPasswordValidityDays .*0 to 365; got 366/,
  ],
  [
    "passwordHistorySize 25",
    { passwordPolicy: { passwordHistorySize: 25 } },
    INVALID,
    /passwordPolicy\.passwordHistorySize .*0 to 24; got 25/,
  ],
  ["mfaConfiguration ON without enabledMfas", { mfaConfiguration: "ON" }, INVALID, /mfaConfiguration ON .*enabledMfas/],
  [
    "verification-before-update of an attribute that is not auto-verified",
    { autoVerifiedAttributes: ["phone_number"], attributesRequireVerificationBeforeUpdate: ["email"] },
    INVALID,
    /attributesRequireVerificationBeforeUpdate lists email.*autoVerifiedAttributes/,
  ],
  [
    "an SMS verification template without {####}",
    { verificationMessageTemplate: { smsMessage: "Your code is below" } },
    INVALID,
    /verificationMessageTemplate\.smsMessage must contain the placeholder \{####\}/,
  ],
  [
    "an SMS verification template over 140 characters",
    { verificationMessageTemplate: { smsMessage: `Code {####} ${"x".repeat(130)}` } },
    INVALID,
    /verificationMessageTemplate\.smsMessage must be 6 to 140 characters/,
  ],
  [
    "an email verification template without {####}",
    { verificationMessageTemplate: { emailMessage: "Your code is below" } },
    INVALID,
    /verificationMessageTemplate\.emailMessage must contain the placeholder \{####\}/,
  ],
  [
    "emailMessageByLink without {##…##}",
    { verificationMessageTemplate: { emailMessageByLink: "Verify with code {####}" } },
    INVALID,
    /verificationMessageTemplate\.emailMessageByLink must contain the placeholder \{##link text##\}/,
  ],
  [
    "an invitation template without {####}",
    { adminCreateUserConfig: { inviteMessageTemplate: { emailMessage: "Welcome, {username}!" } } },
    INVALID,
    /adminCreateUserConfig\.inviteMessageTemplate\.emailMessage must contain the placeholder \{####\}/,
  ],
  [
    "three recovery mechanisms",
    {
      accountRecoverySetting: [
        { name: "verified_email", priority: 1 },
        { name: "verified_phone_number", priority: 2 },
        { name: "admin_only", priority: 3 },
      ],
    },
    INVALID,
    /^accountRecoverySetting must hold 1 or 2/,
  ],
  [
    "duplicate recovery priorities",
    {
      accountRecoverySetting: [
        { name: "verified_email", priority: 1 },
        { name: "verified_phone_number", priority: 1 },
      ],
    },
    INVALID,
    /^accountRecoverySetting priorities lists 1 more than once/,
  ],
  [
    "admin_only combined with another mechanism",
    {
      accountRecoverySetting: [
        { name: "admin_only", priority: 1 },
        { name: "verified_email", priority: 2 },
      ],
    },
    INVALID,
    /^accountRecoverySetting: admin_only cannot be combined/,
  ],
  [
    "a lambda trigger that is not a URL",
    { lambdaConfig: { preSignUp: "not a url" } },
    INVALID,
    /^lambdaConfig\.preSignUp must be an absolute URL/,
  ],
  [
    "a lambda trigger with ftp://",
    { lambdaConfig: { postConfirmation: "ftp://hooks.example.com/confirm" } },
    INVALID,
    /^lambdaConfig\.postConfirmation must be an http or https URL/,
  ],
  [
    "a custom attribute name over 20 characters",
    { schema: [{ name: "a".repeat(21), attributeDataType: "String" }] },
    INVALID,
    /^customAttribute name must be 1 to 20 characters/,
  ],
  [
    "a required custom attribute",
    { schema: [{ name: "tier", attributeDataType: "String", required: true }] },
    INVALID,
    /^customAttribute tier: required custom attributes are not supported/,
  ],
  [
    "a String custom attribute with minValue",
    { schema: [{ name: "tier", attributeDataType: "String", numberAttributeConstraints: { minValue: 1 } }] },
    INVALID,
    /^customAttribute tier: minValue\/maxValue apply to Number/,
  ],
  [
    "minLength greater than maxLength",
    {
      schema: [
        { name: "tier", attributeDataType: "String", stringAttributeConstraints: { minLength: 10, maxLength: 5 } },
      ],
    },
    INVALID,
    /^customAttribute tier: minLength must not exceed maxLength/,
  ],
  [
    "the same custom attribute twice",
    {
      schema: [
        { name: "tier", attributeDataType: "String" },
        { name: "custom:tier", attributeDataType: "Number" },
      ],
    },
    INVALID,
    /^schema lists tier more than once/,
  ],
  [
    "a redefinition of sub",
    { schema: [{ name: "sub", attributeDataType: "String", required: true, mutable: true }] },
    INVALID,
    /^schema: sub is managed by the user pool/,
  ],
  [
    "51 custom attributes",
    { schema: stringAttrs(51, "attr") },
    LIMIT,
    /at most 50 custom attributes; this change would make 51/,
  ],
];

describe.each(BACKENDS)("user pools on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date("2031-05-06T07:08:09.123Z"));
  const rejectedNames: string[] = [];

  beforeAll(async () => {
    gateway = await getTestApp(backend, { overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  const tryCreate = (input: Partial<CreateUserPoolInput> = {}) =>
    gateway.gql(CreateUserPoolDocument, { input: { name: unique("pool"), ...input } });
  const createPool = async (input: Partial<CreateUserPoolInput> = {}) =>
    expectData(await tryCreate(input)).createUserPool;
  const getPool = async (userPoolId: string) =>
    expectData(await gateway.gql(GetUserPoolDocument, { userPoolId })).userPool;
  const updatePool = (userPoolId: string, input: UpdateUserPoolInput) =>
    gateway.gql(UpdateUserPoolDocument, { userPoolId, input });
  const addAttributes = (userPoolId: string, customAttributes: SchemaAttributeInput[]) =>
    gateway.gql(AddCustomAttributesDocument, { userPoolId, customAttributes });

  /** Every pool (id, name) the admin key sees, following the cursor chain to its end. */
  async function allPools(first: number, token?: string): Promise<{ pages: { id: string; name: string }[][] }> {
    const pages: { id: string; name: string }[][] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string; name: string }[]; nextCursor: string | null } = expectData(
        await gateway.gql(ListUserPoolsDocument, { first, after }, token),
      ).userPools;
      expect(page.items.length).toBeLessThanOrEqual(first);
      if (page.nextCursor !== null) expect(page.items).toHaveLength(first);
      pages.push(page.items);
      after = page.nextCursor;
    } while (after !== null);
    return { pages };
  }

  async function allEvents(userPoolId?: string) {
    const items = [];
    let after: string | null = null;
    do {
      const page: {
        items: {
          seq: number;
          type: string;
          userPoolId: string | null;
          actor: string;
          occurredAt: string;
          detail: Record<string, unknown>;
        }[];
        nextCursor: string | null;
      } = expectData(await gateway.gql(ListEventsDocument, { userPoolId, first: 1000, after })).events;
      items.push(...page.items);
      after = page.nextCursor;
    } while (after !== null);
    return items;
  }

  describe("createUserPool", () => {
    it("creates a pool with Cognito's defaults", async () => {
      const name = unique("defaults");
      const created = await createPool({ name });
      expect(created.id).toMatch(/^local_[A-Za-z0-9]{9}$/);
      expect(created).toMatchObject({
        name,
        deletionProtection: "INACTIVE",
        usernameAttributes: [],
        aliasAttributes: [],
        usernameConfiguration: { caseSensitive: false },
        passwordPolicy: {
          minimumLength: 8,
          requireUppercase: true,
          requireLowercase: true,
          requireNumbers: true,
          requireSymbols: true,
          temporaryPasswordValidityDays: 7,
          passwordHistorySize: 0,
        },
        mfaConfiguration: "OFF",
        enabledMfas: [],
        autoVerifiedAttributes: [],
        userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: [] },
        verificationMessageTemplate: {
          smsMessage: "Your verification code is {####}. ",
          emailMessage: "Your verification code is {####}. ",
          emailSubject: "Your verification code",
          emailMessageByLink: expect.stringMatching(/\{##[^#]+##\}/),
          emailSubjectByLink: expect.any(String),
          defaultEmailOption: "CONFIRM_WITH_CODE",
        },
        smsAuthenticationMessage: expect.stringContaining("{####}"),
        adminCreateUserConfig: {
          allowAdminCreateUserOnly: false,
          inviteMessageTemplate: {
            smsMessage: "Your username is {username} and temporary password is {####}. ",
            emailMessage: "Your username is {username} and temporary password is {####}. ",
            emailSubject: "Your temporary password",
          },
        },
        accountRecoverySetting: [
          { name: "verified_email", priority: 1 },
          { name: "verified_phone_number", priority: 2 },
        ],
        deviceConfiguration: null,
        estimatedNumberOfUsers: 0,
        creationDate: clock.now().toISOString(),
        lastModifiedDate: clock.now().toISOString(),
      });
      expect(new Set(Object.values(created.lambdaConfig))).toEqual(new Set([null]));
      expect(created.schemaAttributes.map((attribute) => attribute.name).sort()).toEqual([...STANDARD_NAMES].sort());
      expect(attributeNamed(created, "sub")).toMatchObject({
        attributeDataType: "String",
        required: true,
        mutable: false,
        stringAttributeConstraints: { minLength: 1, maxLength: 2048 },
      });
      expect(
        created.schemaAttributes.filter((attribute) => attribute.required).map((attribute) => attribute.name),
      ).toEqual(["sub"]);
      expect(attributeNamed(created, "email_verified")).toMatchObject({
        attributeDataType: "Boolean",
        stringAttributeConstraints: null,
      });
      expect(attributeNamed(created, "updated_at")).toMatchObject({
        attributeDataType: "Number",
        numberAttributeConstraints: { minValue: 0 },
      });
      expect(attributeNamed(created, "birthdate")?.stringAttributeConstraints).toEqual({
        minLength: 10,
        maxLength: 10,
      });
      // What was returned is what was stored.
      expect(await getPool(created.id)).toEqual(created);
    });

    it("creates custom attributes with their constraints and makes a standard attribute required", async () => {
      const created = await createPool({
        schema: [
          {
            name: "plan",
            attributeDataType: "String",
            mutable: false,
            stringAttributeConstraints: { minLength: 2, maxLength: 16 },
          },
          { name: "score", attributeDataType: "Number", numberAttributeConstraints: { minValue: -5, maxValue: 100.5 } },
          { name: "beta", attributeDataType: "Boolean" },
          { name: "custom:joined", attributeDataType: "DateTime", developerOnlyAttribute: true },
          { name: "email", attributeDataType: "String", required: true },
        ],
      });
      expect(created.schemaAttributes).toHaveLength(24);
      expect(customNames(created).sort()).toEqual(["custom:beta", "custom:joined", "custom:plan", "custom:score"]);
      expect(attributeNamed(created, "custom:plan")).toEqual({
        name: "custom:plan",
        attributeDataType: "String",
        developerOnlyAttribute: false,
        mutable: false,
        required: false,
        stringAttributeConstraints: { minLength: 2, maxLength: 16 },
        numberAttributeConstraints: null,
      });
      expect(attributeNamed(created, "custom:score")).toMatchObject({
        attributeDataType: "Number",
        mutable: true,
        required: false,
        stringAttributeConstraints: null,
        numberAttributeConstraints: { minValue: -5, maxValue: 100.5 },
      });
      expect(attributeNamed(created, "custom:beta")).toMatchObject({
        attributeDataType: "Boolean",
        stringAttributeConstraints: null,
        numberAttributeConstraints: null,
      });
      expect(attributeNamed(created, "custom:joined")).toMatchObject({
        attributeDataType: "DateTime",
        developerOnlyAttribute: true,
      });
      expect(attributeNamed(created, "custom:custom:joined")).toBeUndefined();
      expect(attributeNamed(created, "email")).toMatchObject({ required: true, mutable: true });
      expect(attributeNamed(created, "phone_number")?.required).toBe(false);
      expect((await getPool(created.id)).schemaAttributes).toEqual(created.schemaAttributes);
    });

    it.each(CREATE_REJECTIONS)("rejects %s", async (_case, input, code, message) => {
      const name = input.name ?? unique("rejected");
      rejectedNames.push(name);
      expectRejected(await tryCreate({ ...input, name }), code, message);
    });

    it("leaves no pool and no event behind after a rejected create", async () => {
      const name = unique("leftover");
      rejectedNames.push(name);
      const before = (await allPools(60)).pages.flat().length;
      expectRejected(await tryCreate({ name, schema: stringAttrs(51, "a") }), LIMIT, /50 custom attributes/);
      const after = (await allPools(60)).pages.flat();
      if (backend.name === "embedded") expect(after).toHaveLength(before); // the shared MariaDB may gain other files' pools meanwhile
      expect(after.filter((pool) => rejectedNames.includes(pool.name))).toEqual([]);
      const created = (await allEvents())
        .filter((event) => event.type === "USER_POOL_CREATED")
        .map((event) => event.detail.name);
      expect(created.filter((poolName) => rejectedNames.includes(poolName as string))).toEqual([]);
    });
  });

  describe("updateUserPool", () => {
    it("merges field by field and moves lastModifiedDate", async () => {
      const created = await createPool({
        passwordPolicy: { requireSymbols: false, passwordHistorySize: 3, temporaryPasswordValidityDays: 30 },
        verificationMessageTemplate: { smsMessage: "Code: {####}" },
      });
      clock.advanceSeconds(90);
      const updated = expectData(
        await updatePool(created.id, { passwordPolicy: { minimumLength: 12 } }),
      ).updateUserPool;
      expect(updated.passwordPolicy).toEqual({
        minimumLength: 12,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: false,
        temporaryPasswordValidityDays: 30,
        passwordHistorySize: 3,
      });
      expect(updated.verificationMessageTemplate.smsMessage).toBe("Code: {####}");
      expect(updated.name).toBe(created.name);
      expect(updated.creationDate).toBe(created.creationDate);
      expect(updated.lastModifiedDate).toBe(clock.now().toISOString());
      expect(updated.lastModifiedDate).not.toBe(created.lastModifiedDate);
      expect(await getPool(created.id)).toEqual(updated);

      clock.advanceSeconds(5);
      const second = expectData(
        await updatePool(created.id, {
          passwordPolicy: { temporaryPasswordValidityDays: 0 },
          mfaConfiguration: "OPTIONAL",
          enabledMfas: ["SOFTWARE_TOKEN_MFA"],
        }),
      ).updateUserPool;
      expect(second.passwordPolicy).toMatchObject({
        minimumLength: 12,
        requireSymbols: false,
        temporaryPasswordValidityDays: 7,
      });
      expect(second).toMatchObject({ mfaConfiguration: "OPTIONAL", enabledMfas: ["SOFTWARE_TOKEN_MFA"] });
      expect(second.verificationMessageTemplate.smsMessage).toBe("Code: {####}");
    });

    it("validates the merged settings and leaves the pool unchanged when it rejects", async () => {
      const created = await createPool({ autoVerifiedAttributes: ["email"] });
      clock.advanceSeconds(10);
      expectRejected(
        await updatePool(created.id, { passwordPolicy: { minimumLength: 100 } }),
        INVALID,
        /passwordPolicy\.minimumLength .*got 100/,
      );
      expectRejected(await updatePool(created.id, { mfaConfiguration: "ON" }), INVALID, /enabledMfas/);
      expectRejected(await updatePool(created.id, { name: "no/slashes" }), INVALID, /^poolName/);
      expectRejected(
        await updatePool(created.id, {
          autoVerifiedAttributes: [],
          attributesRequireVerificationBeforeUpdate: ["email"],
        }),
        INVALID,
        /attributesRequireVerificationBeforeUpdate lists email/,
      );
      expectRejected(
        await updatePool(created.id, { verificationMessageTemplate: { emailMessageByLink: "no link here" } }),
        INVALID,
        /emailMessageByLink/,
      );
      expectRejected(
        await updatePool(created.id, { lambdaConfig: { userMigration: "ftp://x.example" } }),
        INVALID,
        /lambdaConfig\.userMigration/,
      );
      expect(await getPool(created.id)).toEqual(created);
    });

    it("keeps the username mode fixed after creation", async () => {
      const created = await createPool({ usernameAttributes: ["email"] });
      const result = await updatePool(created.id, { aliasAttributes: ["email"] } as UpdateUserPoolInput);
      expect(errorCodes(result)).toEqual([INVALID]);
      expect(result.errors![0]!.message).toMatch(/aliasAttributes/);
      expect((await getPool(created.id)).usernameAttributes).toEqual(["email"]);
    });

    it("answers ResourceNotFoundException for an unknown pool and InvalidParameterException for a malformed id", async () => {
      expectRejected(
        await updatePool(UNKNOWN_POOL_ID, { deletionProtection: "ACTIVE" }),
        NOT_FOUND,
        new RegExp(UNKNOWN_POOL_ID),
      );
      expectRejected(await updatePool("nope", { deletionProtection: "ACTIVE" }), INVALID, /^userPoolId/);
      expectRejected(
        await gateway.gql(GetUserPoolDocument, { userPoolId: UNKNOWN_POOL_ID }),
        NOT_FOUND,
        new RegExp(UNKNOWN_POOL_ID),
      );
      expectRejected(await gateway.gql(GetUserPoolDocument, { userPoolId: "nope" }), INVALID, /^userPoolId/);
    });
  });

  describe("addCustomAttributes", () => {
    it("adds attributes, refuses duplicates and bad batch sizes, and leaves the schema unchanged when it rejects", async () => {
      const created = await createPool({ schema: [{ name: "plan", attributeDataType: "String" }] });
      clock.advanceSeconds(30);
      const added = expectData(
        await addAttributes(created.id, [
          { name: "score", attributeDataType: "Number", numberAttributeConstraints: { minValue: 1, maxValue: 5 } },
          { name: "custom:nick", attributeDataType: "String", stringAttributeConstraints: { maxLength: 30 } },
        ]),
      ).addCustomAttributes;
      expect(customNames(added)).toEqual(["custom:plan", "custom:score", "custom:nick"]);
      expect(attributeNamed(added, "custom:score")?.numberAttributeConstraints).toEqual({ minValue: 1, maxValue: 5 });
      expect(attributeNamed(added, "custom:nick")?.stringAttributeConstraints).toEqual({ minLength: 0, maxLength: 30 });
      expect(added.lastModifiedDate).toBe(clock.now().toISOString());
      const schemaAfterAdd = (await getPool(created.id)).schemaAttributes;
      expect(schemaAfterAdd).toEqual(added.schemaAttributes);

      expectRejected(
        await addAttributes(created.id, [{ name: "plan", attributeDataType: "Number" }]),
        INVALID,
        /^custom:plan: an attribute with this name already exists/,
      );
      expectRejected(
        await addAttributes(created.id, [
          { name: "fresh", attributeDataType: "String" },
          { name: "custom:score", attributeDataType: "Number" },
        ]),
        INVALID,
        /^custom:score/,
      );
      expectRejected(
        await addAttributes(created.id, [
          { name: "fresh", attributeDataType: "String" },
          { name: "bad", attributeDataType: "String", required: true },
        ]),
        INVALID,
        /^customAttribute bad/,
      );
      expectRejected(await addAttributes(created.id, []), INVALID, /^customAttributes must hold at least one/);
      expectRejected(await addAttributes(created.id, stringAttrs(26, "b")), INVALID, /^customAttributes .*25/);
      expectRejected(
        await addAttributes(UNKNOWN_POOL_ID, [{ name: "x", attributeDataType: "String" }]),
        NOT_FOUND,
        new RegExp(UNKNOWN_POOL_ID),
      );
      expect((await getPool(created.id)).schemaAttributes).toEqual(schemaAfterAdd);
    });

    it("holds at most 50 custom attributes per pool", async () => {
      const created = await createPool({ schema: stringAttrs(3, "seed") });
      expect(
        customNames(expectData(await addAttributes(created.id, stringAttrs(25, "a"))).addCustomAttributes),
      ).toHaveLength(28);
      expectRejected(
        await addAttributes(created.id, stringAttrs(23, "b")),
        LIMIT,
        /at most 50 custom attributes; this change would make 51/,
      );
      expect(customNames(await getPool(created.id))).toHaveLength(28);
      expect(
        customNames(expectData(await addAttributes(created.id, stringAttrs(22, "c"))).addCustomAttributes),
      ).toHaveLength(50);
      expectRejected(
        await addAttributes(created.id, [{ name: "last", attributeDataType: "Number" }]),
        LIMIT,
        /at most 50 custom attributes/,
      );
      const pool = await getPool(created.id);
      expect(customNames(pool)).toHaveLength(50);
      expect(attributeNamed(pool, "custom:last")).toBeUndefined();
    });
  });

  describe("deleteUserPool", () => {
    it("deletes a pool, refusing while deletion protection is ACTIVE", async () => {
      const created = await createPool({ deletionProtection: "ACTIVE" });
      expect(created.deletionProtection).toBe("ACTIVE");
      expectRejected(
        await gateway.gql(DeleteUserPoolDocument, { userPoolId: created.id }),
        INVALID,
        /deletion protection/i,
      );
      expect((await getPool(created.id)).id).toBe(created.id);

      expect(
        expectData(await updatePool(created.id, { deletionProtection: "INACTIVE" })).updateUserPool.deletionProtection,
      ).toBe("INACTIVE");
      expect(expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: created.id })).deleteUserPool).toBe(
        true,
      );
      expectRejected(
        await gateway.gql(GetUserPoolDocument, { userPoolId: created.id }),
        NOT_FOUND,
        new RegExp(created.id),
      );
      expectRejected(
        await gateway.gql(DeleteUserPoolDocument, { userPoolId: created.id }),
        NOT_FOUND,
        new RegExp(created.id),
      );
      expectRejected(await updatePool(created.id, { name: "gone" }), NOT_FOUND, new RegExp(created.id));
    });

    it("answers ResourceNotFoundException for an unknown pool and InvalidParameterException for a malformed id", async () => {
      expectRejected(
        await gateway.gql(DeleteUserPoolDocument, { userPoolId: UNKNOWN_POOL_ID }),
        NOT_FOUND,
        new RegExp(UNKNOWN_POOL_ID),
      );
      expectRejected(await gateway.gql(DeleteUserPoolDocument, { userPoolId: "nope" }), INVALID, /^userPoolId/);
    });
  });

  describe("userPools", () => {
    it("pages through every pool exactly once following nextCursor", async () => {
      const mine = new Set<string>();
      for (let index = 0; index < 5; index += 1) mine.add((await createPool({ name: unique(`page${index}`) })).id);
      const { pages } = await allPools(2);
      const ids = pages.flat().map((pool) => pool.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => mine.has(id)).sort()).toEqual([...mine].sort());
      expect(pages.length).toBeGreaterThanOrEqual(3);
      if (backend.name === "embedded") expect(ids.length).toBeGreaterThanOrEqual(5);
    });

    it("pages a scoped key through exactly its pools, whatever the case of their ids", async () => {
      const ids: string[] = [];
      // Ids that sort differently with and without case folding: a case-insensitive collation must not skip or repeat them.
      const caseInverted = () => ids.some((a) => ids.some((b) => a < b && a.toLowerCase() > b.toLowerCase()));
      while (ids.length < 40 && (ids.length < 4 || !caseInverted())) ids.push((await createPool()).id);
      expect(caseInverted()).toBe(true);
      const { secret } = expectData(
        await gateway.gql(CreateAdminApiKeyDocument, { input: { name: unique("scoped"), poolScope: ids } }),
      ).createAdminApiKey;
      const { pages } = await allPools(1, secret);
      expect(
        pages
          .flat()
          .map((pool) => pool.id)
          .sort(),
      ).toEqual([...ids].sort());
      expect(pages).toHaveLength(ids.length);
    });

    it("rejects page sizes outside 1–60 and cursors it did not issue", async () => {
      expectRejected(
        await gateway.gql(ListUserPoolsDocument, { first: 0 }),
        INVALID,
        /^first must be an integer from 1 to 60; got 0/,
      );
      expectRejected(
        await gateway.gql(ListUserPoolsDocument, { first: 61 }),
        INVALID,
        /^first must be an integer from 1 to 60; got 61/,
      );
      expectRejected(
        await gateway.gql(ListUserPoolsDocument, { after: "garbage!!" }),
        INVALID,
        /^after is not a cursor/,
      );
      const wrongShape = Buffer.from(JSON.stringify({ seq: 1 })).toString("base64url");
      expectRejected(
        await gateway.gql(ListUserPoolsDocument, { after: wrongShape }),
        INVALID,
        /^after is not a cursor/,
      );
      expect(
        expectData(await gateway.gql(ListUserPoolsDocument, { first: 60 })).userPools.items.length,
      ).toBeGreaterThan(0);
    });
  });

  describe("events", () => {
    it("records create, update, addCustomAttributes and delete with the calling key as actor", async () => {
      const { key, secret } = expectData(
        await gateway.gql(CreateAdminApiKeyDocument, { input: { name: unique("events") } }),
      ).createAdminApiKey;
      const name = unique("audited");
      const created = expectData(
        await gateway.gql(
          CreateUserPoolDocument,
          { input: { name, schema: [{ name: "plan", attributeDataType: "String" }] } },
          secret,
        ),
      ).createUserPool;
      const times = [clock.now().toISOString()];
      clock.advanceSeconds(1);
      expectData(
        await gateway.gql(
          UpdateUserPoolDocument,
          { userPoolId: created.id, input: { passwordPolicy: { minimumLength: 10 } } },
          secret,
        ),
      );
      times.push(clock.now().toISOString());
      clock.advanceSeconds(1);
      expectData(
        await gateway.gql(
          AddCustomAttributesDocument,
          { userPoolId: created.id, customAttributes: [{ name: "score", attributeDataType: "Number" }] },
          secret,
        ),
      );
      times.push(clock.now().toISOString());
      clock.advanceSeconds(1);
      expectData(await gateway.gql(DeleteUserPoolDocument, { userPoolId: created.id }, secret));
      times.push(clock.now().toISOString());

      const events = await allEvents(created.id);
      expect(events.map((event) => event.type)).toEqual([
        "USER_POOL_CREATED",
        "USER_POOL_UPDATED",
        "CUSTOM_ATTRIBUTES_ADDED",
        "USER_POOL_DELETED",
      ]);
      expect(events.map((event) => event.occurredAt)).toEqual(times);
      for (const event of events) expect(event).toMatchObject({ userPoolId: created.id, actor: `admin-key:${key.id}` });
      expect([...events.map((event) => event.seq)].sort((a, b) => a - b)).toEqual(events.map((event) => event.seq));
      const [create, update, add, remove] = events.map((event) => event.detail);
      expect(create).toMatchObject({
        id: created.id,
        name,
        customAttributes: ["custom:plan"],
        passwordPolicy: { minimumLength: 8 },
      });
      expect(update).toMatchObject({
        changedFields: ["passwordPolicy"],
        settings: { name, passwordPolicy: { minimumLength: 10, requireSymbols: true } },
      });
      expect(add).toMatchObject({
        attributes: [expect.objectContaining({ name: "custom:score", attributeDataType: "Number" })],
      });
      expect(remove).toEqual({ name });
      expect(JSON.stringify(events)).not.toContain(secret);
    });
  });

  describe("over graphql-ws", () => {
    it("creates and reads a pool", async () => {
      const name = unique("socket");
      const created = expectData(
        await wsGraphql(
          gateway.url,
          CreateUserPoolDocument,
          { input: { name, passwordPolicy: { minimumLength: 11 } } },
          { token: gateway.adminKey },
        ),
      ).createUserPool;
      expect(created.id).toMatch(/^local_[A-Za-z0-9]{9}$/);
      const read = expectData(
        await wsGraphql(gateway.url, GetUserPoolDocument, { userPoolId: created.id }, { token: gateway.adminKey }),
      ).userPool;
      expect(read).toEqual(created);
      expect(read).toMatchObject({ name, passwordPolicy: { minimumLength: 11, requireSymbols: true } });
      expect((await getPool(created.id)).name).toBe(name);
      const rejected = await wsGraphql(
        gateway.url,
        CreateUserPoolDocument,
        { input: { name: unique("ws"), passwordPolicy: { minimumLength: 5 } } },
        { token: gateway.adminKey },
      );
      expect(errorCodes(rejected)).toEqual([INVALID]);
    });
  });
});
