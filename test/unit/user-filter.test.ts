import { describe, expect, it } from "vitest";
import { CognitoError } from "../../src/core/errors.js";
import { DEFAULT_POOL_SETTINGS } from "../../src/core/pools/user-pool.defaults.js";
import type { UserPool } from "../../src/core/pools/user-pool.types.js";
import { buildInitialSchema } from "../../src/core/pools/user-pool.validation.js";
import { compileUserFilter, MAX_FILTER_LENGTH, parseUserFilter } from "../../src/core/users/user-filter.js";

function poolWith(options: { usernameCaseSensitive?: boolean } = {}): UserPool {
  const at = new Date("2026-11-26T10:00:00Z");
  return {
    ...DEFAULT_POOL_SETTINGS,
    name: "filters",
    usernameCaseSensitive: options.usernameCaseSensitive ?? false,
    id: "local_filters1",
    schemaAttributes: buildInitialSchema([
      { name: "tier", attributeDataType: "String", searchable: true },
      { name: "plan", attributeDataType: "String" },
    ]),
    createdAt: at,
    updatedAt: at,
  };
}

/** The CognitoError a call throws; fails the test when it does not throw one. */
function failure(call: () => unknown): CognitoError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CognitoError);
    return error as CognitoError;
  }
  throw new Error("expected a CognitoError");
}

describe("parseUserFilter", () => {
  it("reads both operators", () => {
    expect(parseUserFilter('family_name = "Reddy"')).toEqual({
      attribute: "family_name",
      operator: "=",
      value: "Reddy",
    });
    expect(parseUserFilter('phone_number ^= "+1312"')).toEqual({
      attribute: "phone_number",
      operator: "^=",
      value: "+1312",
    });
  });

  it("allows any whitespace around the tokens, including none", () => {
    const expected = { attribute: "email", operator: "^=", value: "a b" };
    expect(parseUserFilter('email^="a b"')).toEqual(expected);
    expect(parseUserFilter('  \temail \n ^=   "a b"  ')).toEqual(expected);
    expect(parseUserFilter('cognito:user_status="confirmed"')).toEqual({
      attribute: "cognito:user_status",
      operator: "=",
      value: "confirmed",
    });
  });

  it('resolves \\" and \\\\ inside the quotes and keeps everything else as written', () => {
    expect(parseUserFilter('family_name = "O\\"Brien"')?.value).toBe('O"Brien');
    expect(parseUserFilter('name = "back\\\\slash"')?.value).toBe("back\\slash");
    expect(parseUserFilter('name = "\\\\\\""')?.value).toBe('\\"');
    expect(parseUserFilter('name = "= ^= \' 日本 😀"')?.value).toBe("= ^= ' 日本 😀");
    expect(parseUserFilter('email = ""')).toEqual({ attribute: "email", operator: "=", value: "" });
  });

  it("treats an absent or blank filter as every user", () => {
    expect(parseUserFilter(undefined)).toBeNull();
    expect(parseUserFilter(null)).toBeNull();
    expect(parseUserFilter("")).toBeNull();
    expect(parseUserFilter("   ")).toBeNull();
  });

  it.each([
    ["no operator", 'email "a"'],
    ["no value", "email ="],
    ["an unquoted value", "email = a@example.com"],
    ["a single-quoted value", "email = 'a@example.com'"],
    ["an unterminated value", 'email = "a@example.com'],
    ["an unescaped quote inside", 'family_name = "O"Brien"'],
    ["a trailing backslash", 'email = "a\\"'],
    ["an unsupported escape", 'email = "a\\nb"'],
    ["text after the value", 'email = "a" and name = "b"'],
    ["two values", 'email = "a" "b"'],
    ["a doubled operator", 'email == "a"'],
    ["a split prefix operator", 'email ^ = "a"'],
    ["another operator", 'email != "a"'],
    ["a quoted attribute", '"email" = "a"'],
    ["two words before the operator", 'given name = "a"'],
    ["no attribute", '= "a"'],
  ])("rejects %s as unparsable", (_case, filter) => {
    const error = failure(() => parseUserFilter(filter));
    expect(error.code).toBe("InvalidParameterException");
    expect(error.message).toMatch(
      /^Error while parsing filter\. .+ Expected attribute_name = "value" or attribute_name \^= "value"/,
    );
  });

  it("says where the parse failed", () => {
    expect(failure(() => parseUserFilter('email = "a" x')).message).toContain(
      "Unexpected text after the closing quote at position 13.",
    );
    expect(failure(() => parseUserFilter('email = "a')).message).toContain("The value has no closing double quote.");
  });

  it("accepts 256 characters and rejects 257, counted in characters", () => {
    const filterOfLength = (length: number) => `email = "${"a".repeat(length - 10)}"`;
    expect(filterOfLength(MAX_FILTER_LENGTH)).toHaveLength(256);
    expect(parseUserFilter(filterOfLength(256))?.value).toHaveLength(246);
    const error = failure(() => parseUserFilter(filterOfLength(257)));
    expect(error.code).toBe("InvalidParameterException");
    expect(error.message).toBe("filter must be at most 256 characters long.");
    // 200 emoji are 400 UTF-16 units but 210 characters.
    expect(parseUserFilter(`name = "${"😀".repeat(200)}"`)?.value).toHaveLength(400);
  });
});

describe("compileUserFilter", () => {
  const compile = (filter: string, pool = poolWith()) => compileUserFilter(pool, parseUserFilter(filter)!);

  it("accepts every standard searchable attribute", () => {
    for (const attribute of [
      "username",
      "email",
      "phone_number",
      "name",
      "given_name",
      "family_name",
      "preferred_username",
      "sub",
      "cognito:user_status",
      "status",
    ]) {
      expect(compile(`${attribute} = "x"`).attribute).toBe(attribute);
    }
  });

  it("folds the value as the index does: case-insensitive except status, username per pool", () => {
    expect(compile('email = "Ann@Example.COM"').value).toBe("ann@example.com");
    expect(compile('cognito:user_status = "Unconfirmed"').value).toBe("unconfirmed");
    expect(compile('status = "Enabled"').value).toBe("Enabled");
    expect(compile('username = "Ann"').value).toBe("ann");
    expect(compile('username = "Ann"', poolWith({ usernameCaseSensitive: true })).value).toBe("Ann");
  });

  it("filters on a custom attribute only by its full name and only when declared searchable", () => {
    expect(compile('custom:tier ^= "Gold"')).toEqual({ attribute: "custom:tier", operator: "^=", value: "gold" });
    for (const [filter, name] of [
      ['tier = "gold"', "tier"],
      ['custom:plan = "pro"', "custom:plan"],
      ['address = "x"', "address"],
      ['email_verified = "true"', "email_verified"],
      ['nonsense = "x"', "nonsense"],
      ['Email = "x"', "Email"],
    ]) {
      const error = failure(() => compile(filter!));
      expect(error.code).toBe("InvalidParameterException");
      expect(error.message).toBe(`Invalid search attribute: ${name}`);
    }
  });
});
