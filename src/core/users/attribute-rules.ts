import type { AppClient } from "../clients/app-client.types.js";
import { CognitoError, invalidParameter } from "../errors.js";
import type { SchemaAttribute } from "../pools/attributes.js";
import type { CodePurpose } from "../ports.js";
import type { UserPool, VerifiableAttribute } from "../pools/user-pool.types.js";
import type { UserAttributes } from "./user.types.js";

export interface AttributeInput {
  name: string;
  value: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 320;
const PHONE_PATTERN = /^\+[1-9][0-9]{1,14}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const VERIFIED_FLAGS = new Set(["email_verified", "phone_number_verified"]);

/** The code that verifies each verifiable attribute (VerifyUserAttribute). */
export const VERIFY_CODE_PURPOSE: Record<VerifiableAttribute, CodePurpose> = {
  email: "VERIFY_EMAIL",
  phone_number: "VERIFY_PHONE_NUMBER",
};

/** Who is writing: a client is held to its write list (§7.4); an admin may set any mutable attribute. */
export type AttributeWriter = { kind: "client"; client: AppClient } | { kind: "admin" };

/**
 * Attributes an app client may read: its list, or every attribute of the pool when unset — custom ones
 * included, as real pools do (cognito-reference §7.4: the API reference's "standard attributes" is wrong).
 */
export function readableAttributeNames(pool: UserPool, client: AppClient | null): Set<string> {
  if (client?.readAttributes) return new Set(client.readAttributes);
  return new Set(pool.schemaAttributes.map((attribute) => attribute.name));
}

/**
 * Attributes an app client may write: its list, or every attribute of the pool when unset (custom ones
 * included, §7.4) except the verified flags, which only an admin or an explicit grant may set.
 */
export function writableAttributeNames(pool: UserPool, client: AppClient): Set<string> {
  const names = client.writeAttributes
    ? client.writeAttributes
    : pool.schemaAttributes
        .filter((attribute) => !VERIFIED_FLAGS.has(attribute.name))
        .map((attribute) => attribute.name);
  const writable = new Set(names);
  // Required attributes are always writable, or sign-up could never succeed.
  for (const attribute of pool.schemaAttributes) if (attribute.required) writable.add(attribute.name);
  writable.delete("sub");
  for (const attribute of pool.schemaAttributes) if (attribute.developerOnly) writable.delete(attribute.name);
  return writable;
}

function checkValue(attribute: SchemaAttribute, value: string): void {
  const field = `Attribute ${attribute.name}`;
  if (value.length > 2048) throw invalidParameter(`${field} must be at most 2048 characters.`);
  switch (attribute.attributeDataType) {
    case "String": {
      const min = attribute.minLength ?? 0;
      const max = attribute.maxLength ?? 2048;
      if (value.length < min || value.length > max)
        throw invalidParameter(`${field} must be ${min} to ${max} characters long.`);
      if (attribute.name === "email" && value !== "" && !EMAIL_PATTERN.test(value))
        throw invalidParameter("Invalid email address format.");
      // An address has a local part of up to 64 characters and a domain of up to 255 (RFC 5321): a longer
      // one can receive no code, and the outbox (sent_messages.destination) holds no more.
      if (attribute.name === "email" && value.length > MAX_EMAIL_LENGTH)
        throw invalidParameter(`Invalid email address format: an address has at most ${MAX_EMAIL_LENGTH} characters.`);
      if (attribute.name === "phone_number" && value !== "" && !PHONE_PATTERN.test(value)) {
        throw invalidParameter(
          "Invalid phone number format: use E.164, a + then the country code and digits only, e.g. +14325551212.",
        );
      }
      if (attribute.name === "birthdate" && !DATE_PATTERN.test(value))
        throw invalidParameter("Attribute birthdate must be YYYY-MM-DD.");
      return;
    }
    case "Number": {
      const number = Number(value);
      if (value.trim() === "" || !Number.isFinite(number)) throw invalidParameter(`${field} must be a number.`);
      if (attribute.minValue !== undefined && number < attribute.minValue)
        throw invalidParameter(`${field} must be at least ${attribute.minValue}.`);
      if (attribute.maxValue !== undefined && number > attribute.maxValue)
        throw invalidParameter(`${field} must be at most ${attribute.maxValue}.`);
      return;
    }
    case "Boolean":
      if (value !== "true" && value !== "false") throw invalidParameter(`${field} must be true or false.`);
      return;
    case "DateTime":
      if (Number.isNaN(Date.parse(value))) throw invalidParameter(`${field} must be an ISO 8601 date and time.`);
      return;
  }
}

/**
 * Checks attribute writes against the pool schema and the writer's permissions.
 * @throws InvalidParameterException (unknown attribute, bad value, duplicate, immutable change),
 *         NotAuthorizedException (attribute not writable by this client)
 */
export function checkAttributeWrites(
  pool: UserPool,
  inputs: readonly AttributeInput[],
  writer: AttributeWriter,
  options: { isCreate: boolean },
): void {
  const seen = new Set<string>();
  const writable = writer.kind === "client" ? writableAttributeNames(pool, writer.client) : null;
  for (const { name, value } of inputs) {
    if (name.length < 1 || name.length > 32)
      throw invalidParameter(`Attribute name ${JSON.stringify(name)} must be 1 to 32 characters long.`);
    if (seen.has(name)) throw invalidParameter(`Attribute ${name} is given more than once.`);
    seen.add(name);
    const attribute = pool.schemaAttributes.find((candidate) => candidate.name === name);
    if (!attribute)
      throw invalidParameter(
        `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`,
      );
    if (name === "sub") throw invalidParameter("Attribute sub is set by the user pool and cannot be written.");
    if (writable && !writable.has(name))
      throw new CognitoError("NotAuthorizedException", `A client attempted to write unauthorized attribute ${name}.`);
    if (!attribute.mutable && !options.isCreate)
      throw invalidParameter(`Attribute ${name} is immutable: it can only be set when the user is created.`);
    checkValue(attribute, value);
  }
}

/** @throws InvalidParameterException naming the first required attribute without a value. */
export function checkRequiredAttributes(pool: UserPool, attributes: UserAttributes): void {
  for (const attribute of pool.schemaAttributes) {
    if (attribute.required && attribute.name !== "sub" && !attributes[attribute.name]) {
      throw invalidParameter(
        `Attributes did not conform to the schema: ${attribute.name}: The attribute ${attribute.name} is required.`,
      );
    }
  }
}

export const toAttributeMap = (inputs: readonly AttributeInput[]): UserAttributes =>
  Object.fromEntries(inputs.map(({ name, value }) => [name, value]));
