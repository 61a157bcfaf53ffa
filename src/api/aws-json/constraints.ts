import { brokenStringConstraint, validationError, type StringConstraint } from "../../core/input-constraints.js";
import { serializationError } from "./wire-errors.js";

/**
 * A declarative description of a request member, after Cognito's Smithy model (botocore
 * service-2.json, cognito-reference §2.2): type, required, length/range, pattern, enum.
 * Wrong JSON types are SerializationException, as AWS's deserialiser reports them; broken
 * constraints are InvalidParameterException in Cognito's "N validation errors detected" form.
 * String constraints are core's (src/core/input-constraints.ts): the same table and wording the
 * services check on entry, so GraphQL and the wire refuse a value alike.
 */
export type Member =
  | ({ kind: "string"; required?: boolean; values?: readonly string[] } & StringConstraint)
  | { kind: "integer"; required?: boolean; min?: number; max?: number }
  | { kind: "boolean"; required?: boolean }
  | { kind: "list"; required?: boolean; min?: number; max?: number; member: Member }
  | { kind: "map"; required?: boolean; max?: number }
  | { kind: "structure"; required?: boolean; members: Members };

export type Members = Readonly<Record<string, Member>>;

type Options<M> = Omit<M, "kind">;
export const str = (options: Options<Extract<Member, { kind: "string" }>> = {}): Member => ({
  kind: "string",
  ...options,
});
export const int = (options: Options<Extract<Member, { kind: "integer" }>> = {}): Member => ({
  kind: "integer",
  ...options,
});
export const bool = (options: { required?: boolean } = {}): Member => ({ kind: "boolean", ...options });
export const list = (
  member: Member,
  options: Omit<Options<Extract<Member, { kind: "list" }>>, "member"> = {},
): Member => ({ kind: "list", member, ...options });
export const map = (options: Options<Extract<Member, { kind: "map" }>> = {}): Member => ({ kind: "map", ...options });
export const struct = (members: Members, options: { required?: boolean } = {}): Member => ({
  kind: "structure",
  members,
  ...options,
});
export const required = (member: Member): Member => ({ ...member, required: true });

/** AWS names members in messages by their camelCase name, list items as `name.<1-based index>.member`. */
const memberPath = (parent: string, name: string): string => {
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return parent ? `${parent}.${camel}` : camel;
};

function render(value: unknown): string {
  if (Array.isArray(value))
    return `'[${value.map((item) => (typeof item === "object" && item !== null ? JSON.stringify(item) : String(item))).join(", ")}]'`;
  if (typeof value === "object" && value !== null) return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

const typeNames: Record<Member["kind"], string> = {
  string: "a string",
  integer: "an integer",
  boolean: "a boolean",
  list: "a list",
  map: "a map of strings",
  structure: "a structure",
};

function hasKind(member: Member, value: unknown): boolean {
  switch (member.kind) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value);
    case "map":
      // A null entry reads as absent, as Cognito takes it (amazon-cognito-identity-js sends DEVICE_KEY: null).
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((entry) => typeof entry === "string" || entry === null)
      );
    case "structure":
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

/** The first broken constraint of one present, well-typed value, in AWS's wording; null when it conforms. */
function constraintOf(member: Member, value: unknown): string | null {
  if (member.kind === "string") {
    if (member.values && !member.values.includes(value as string))
      return `Member must satisfy enum value set: [${member.values.join(", ")}]`;
    return brokenStringConstraint(member, value as string);
  }
  if (member.kind === "list") {
    const length = (value as unknown[]).length;
    if (member.min !== undefined && length < member.min)
      return `Member must have length greater than or equal to ${member.min}`;
    if (member.max !== undefined && length > member.max)
      return `Member must have length less than or equal to ${member.max}`;
  }
  if (member.kind === "integer") {
    if (member.min !== undefined && (value as number) < member.min)
      return `Member must have value greater than or equal to ${member.min}`;
    if (member.max !== undefined && (value as number) > member.max)
      return `Member must have value less than or equal to ${member.max}`;
  }
  if (member.kind === "map" && member.max !== undefined && Object.keys(value as object).length > member.max)
    return `Member must have length less than or equal to ${member.max}`;
  return null;
}

function collect(members: Members, input: Record<string, unknown>, parent: string, problems: string[]): void {
  for (const [name, member] of Object.entries(members)) {
    const path = memberPath(parent, name);
    const value = input[name];
    if (value === undefined || value === null) {
      if (member.required)
        problems.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    if (!hasKind(member, value)) throw serializationError(`Value at '${path}' must be ${typeNames[member.kind]}.`);
    const broken = constraintOf(member, value);
    if (broken) {
      const shown = member.kind === "string" && member.sensitive ? "Value" : `Value ${render(value)}`;
      problems.push(`${shown} at '${path}' failed to satisfy constraint: ${broken}`);
    }
    if (member.kind === "map")
      input[name] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== null),
      );
    if (member.kind === "structure") collect(member.members, value as Record<string, unknown>, path, problems);
    if (member.kind === "list" && member.member.kind === "structure") {
      const itemMembers = member.member.members;
      (value as unknown[]).forEach((item, index) => {
        const itemPath = `${path}.${index + 1}.member`;
        if (!hasKind(member.member, item))
          throw serializationError(`Value at '${itemPath}' must be ${typeNames[member.member.kind]}.`);
        collect(itemMembers, item as Record<string, unknown>, itemPath, problems);
      });
    } else if (member.kind === "list") {
      (value as unknown[]).forEach((item, index) => {
        const itemPath = `${path}.${index + 1}.member`;
        if (!hasKind(member.member, item))
          throw serializationError(`Value at '${itemPath}' must be ${typeNames[member.member.kind]}.`);
        const itemBroken = constraintOf(member.member, item);
        if (itemBroken)
          problems.push(`Value ${render(item)} at '${itemPath}' failed to satisfy constraint: ${itemBroken}`);
      });
    }
  }
}

/**
 * Checks a request body against an action's members.
 * @throws SerializationException (a member of the wrong JSON type), InvalidParameterException (constraints)
 */
export function checkMembers(members: Members, input: Record<string, unknown>): void {
  const problems: string[] = [];
  collect(members, input, "", problems);
  if (problems.length > 0) throw validationError(problems);
}
