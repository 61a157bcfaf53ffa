import { isCognitoError } from "../errors.js";
import { isOfferedByPool } from "../mfa/mfa-factors.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { checkAttributeWrites, checkRequiredAttributes, type AttributeInput } from "../users/attribute-rules.js";
import { aliasesOf, checkUsernameShape, classifySignUpUsername, normalizeIdentifier } from "../users/identity.js";
import { searchEntriesOf } from "../users/user-search.js";
import type { User, UserAttributes } from "../users/user.types.js";
import type { ImportedUserRows } from "./user-import.types.js";

/**
 * Cognito's CSV rules (developer guide, "Creating the user import CSV file"): the header is the pool's
 * schema, every column present in any order; cognito:username and cognito:mfa_enabled required;
 * values trimmed; booleans in any case; birthdate as mm/dd/yyyy; updated_at in epoch seconds. Imported
 * users have no password: they are RESET_REQUIRED and set one through ForgotPassword.
 */

const USERNAME = "cognito:username";
const MFA_ENABLED = "cognito:mfa_enabled";

/** GetCSVHeader's standard columns, in Cognito's order. */
const STANDARD_COLUMNS = [
  "name",
  "given_name",
  "family_name",
  "middle_name",
  "nickname",
  "preferred_username",
  "profile",
  "picture",
  "website",
  "email",
  "email_verified",
  "gender",
  "birthdate",
  "zoneinfo",
  "locale",
  "phone_number",
  "phone_number_verified",
  "address",
  "updated_at",
] as const;

const BOOLEAN_COLUMNS = new Set(["email_verified", "phone_number_verified"]);
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Thrown for a file the job cannot read at all: the job fails with this message. */
export class ImportFileError extends Error {}

/** GetCSVHeader: the standard attributes, the two cognito: columns, then the pool's custom attributes. */
export function csvHeaderOf(pool: UserPool): string[] {
  const custom = pool.schemaAttributes.filter((attribute) => attribute.isCustom).map((attribute) => attribute.name);
  return [...STANDARD_COLUMNS, MFA_ENABLED, USERNAME, ...custom];
}

/** Column name → position, for a header that names exactly the pool's columns. @throws ImportFileError */
export function readHeader(pool: UserPool, fields: readonly string[]): Map<string, number> {
  const expected = csvHeaderOf(pool);
  const columns = new Map<string, number>();
  fields.forEach((raw, index) => {
    const name = raw.trim();
    if (columns.has(name)) throw new ImportFileError(`The CSV header names column ${JSON.stringify(name)} twice.`);
    if (!expected.includes(name))
      throw new ImportFileError(
        `The CSV header has column ${JSON.stringify(name)}, which is not in the user pool's schema; use the header GetCSVHeader returns.`,
      );
    columns.set(name, index);
  });
  const missing = expected.filter((name) => !columns.has(name));
  if (missing.length > 0)
    throw new ImportFileError(
      `The CSV header lacks column(s) ${missing.join(", ")}; every column GetCSVHeader returns must be present.`,
    );
  return columns;
}

export type RowOutcome = { kind: "user"; rows: ImportedUserRows } | { kind: "failed"; message: string };

const failed = (message: string): RowOutcome => ({ kind: "failed", message });

function readBoolean(column: string, value: string): string {
  const lower = value.toLowerCase();
  if (lower !== "true" && lower !== "false") throw new RowError(`${column} must be TRUE or FALSE.`);
  return lower;
}

class RowError extends Error {}

/** mm/dd/yyyy as the CSV rules have it; an ISO date (as the API stores it) is taken as is. */
function readBirthdate(value: string): string {
  const match = US_DATE.exec(value);
  return match ? `${match[3]}-${match[1]}-${match[2]}` : value;
}

/** The per-row checks that need no database: the user to write, or why the row fails. */
export function userFromRow(
  pool: UserPool,
  columns: ReadonlyMap<string, number>,
  fields: readonly string[],
  ids: { userId: string },
  now: Date,
): RowOutcome {
  if (fields.length !== columns.size)
    return failed(`The row has ${fields.length} values; the header has ${columns.size} columns.`);
  const valueOf = (column: string) => (fields[columns.get(column)!] ?? "").trim();
  try {
    const givenName = valueOf(USERNAME);
    if (givenName === "") throw new RowError("cognito:username is required.");
    checkUsernameShape(givenName);
    if (/[\s]/u.test(givenName)) throw new RowError("cognito:username may not contain spaces or tabs.");
    const mfaText = valueOf(MFA_ENABLED);
    if (mfaText === "") throw new RowError("cognito:mfa_enabled is required.");
    const mfaEnabled = readBoolean(MFA_ENABLED, mfaText) === "true";
    if (pool.mfaConfiguration === "ON" && !mfaEnabled)
      throw new RowError("cognito:mfa_enabled must be TRUE: MFA is required in this user pool.");
    if (pool.mfaConfiguration === "OFF" && mfaEnabled)
      throw new RowError("cognito:mfa_enabled must be FALSE: MFA is off in this user pool.");

    const inputs: AttributeInput[] = [];
    for (const column of columns.keys()) {
      if (column === USERNAME || column === MFA_ENABLED) continue;
      let value = valueOf(column);
      if (value === "") continue;
      if (BOOLEAN_COLUMNS.has(column)) value = readBoolean(column, value);
      if (column === "birthdate") value = readBirthdate(value);
      inputs.push({ name: column, value });
    }
    checkAttributeWrites(pool, inputs, { kind: "admin" }, { isCreate: true });
    const attributes: UserAttributes = Object.fromEntries(inputs.map((input) => [input.name, input.value]));

    // The sign-in name: the username, or in email/phone-as-username pools the email or phone it is.
    const kind = classifySignUpUsername(pool, givenName);
    if (kind.kind !== "username") {
      if (
        attributes[kind.kind] !== undefined &&
        normalizeIdentifier(pool, kind.kind, attributes[kind.kind]!) !==
          normalizeIdentifier(pool, kind.kind, kind.value)
      ) {
        throw new RowError(
          `cognito:username is the user's ${kind.kind}, but the ${kind.kind} column holds another value.`,
        );
      }
      attributes[kind.kind] = kind.value;
    }
    if (attributes.email_verified === "true" && !attributes.email)
      throw new RowError("email_verified is TRUE but the user has no email.");
    if (attributes.phone_number_verified === "true" && !attributes.phone_number)
      throw new RowError("phone_number_verified is TRUE but the user has no phone_number.");
    // A reset code must reach the user somewhere, as in Cognito.
    if (
      pool.autoVerifiedAttributes.length > 0 &&
      !pool.autoVerifiedAttributes.some((attribute) => attributes[`${attribute}_verified`] === "true")
    ) {
      throw new RowError(
        "The User Record does not set any of the auto verified attributes to true. (Example: email_verified to true).",
      );
    }
    checkRequiredAttributes(pool, attributes);

    // cognito:mfa_enabled is SMS MFA (Cognito's MFAOptions). In an OPTIONAL pool it must be deliverable;
    // with MFA ON a user without it is asked to set a factor up at sign-in (MFA_SETUP).
    let smsMfa = false;
    if (mfaEnabled) {
      const isSmsOffered = isOfferedByPool(pool, "SMS_MFA");
      smsMfa = isSmsOffered && Boolean(attributes.phone_number);
      if (pool.mfaConfiguration === "OPTIONAL" && !smsMfa) {
        throw new RowError(
          isSmsOffered
            ? "cognito:mfa_enabled is TRUE but the user has no phone_number for SMS MFA."
            : "cognito:mfa_enabled is TRUE but the user pool does not offer SMS MFA.",
        );
      }
    }

    const id = ids.userId;
    const username = kind.kind === "username" ? givenName : id;
    const user: User = {
      id,
      poolId: pool.id,
      username,
      usernameNormalized: normalizeIdentifier(pool, "username", username),
      status: "RESET_REQUIRED",
      enabled: true,
      attributes: { ...attributes, sub: id },
      credentials: null,
      passwordChangedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return {
      kind: "user",
      rows: { user, aliases: aliasesOf(pool, user.attributes), searchEntries: searchEntriesOf(pool, user), smsMfa },
    };
  } catch (error) {
    if (error instanceof RowError) return failed(error.message);
    if (isCognitoError(error)) return failed(error.message);
    throw error;
  }
}

/** The alias kind that is the user's sign-in name in email/phone-as-username pools (a clash there is "the user already exists"). */
export function isSignInNameAlias(pool: UserPool, kind: string): boolean {
  return (pool.usernameAttributes as readonly string[]).includes(kind);
}
