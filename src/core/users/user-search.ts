import type { SearchEntry } from "../ports.js";
import type { SchemaAttribute } from "../pools/attributes.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "./user.types.js";

/** Attributes ListUsers can filter on (cognito-reference §12.2); custom ones join when declared searchable. */
export const SEARCHABLE_STANDARD_ATTRIBUTES = [
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
] as const;

export function searchableAttributeNames(pool: UserPool): string[] {
  return [
    ...SEARCHABLE_STANDARD_ATTRIBUTES,
    ...pool.schemaAttributes
      .filter((attribute) => attribute.isCustom && attribute.searchable)
      .map((attribute) => attribute.name),
  ];
}

/** Whether ListUsers can filter on a schema attribute: the fixed standard set, or a custom one declared searchable. */
export function isSearchableSchemaAttribute(attribute: SchemaAttribute): boolean {
  return attribute.isCustom
    ? attribute.searchable === true
    : (SEARCHABLE_STANDARD_ATTRIBUTES as readonly string[]).includes(attribute.name);
}

/**
 * Folds a value the way its filter compares: `status` is case-sensitive, `username` follows the
 * pool's case setting, everything else compares case-insensitively.
 */
export function foldSearchValue(pool: UserPool, name: string, value: string): string {
  if (name === "status") return value;
  if (name === "username") return pool.usernameCaseSensitive ? value : value.toLowerCase();
  return value.toLowerCase();
}

/** Every searchable value of the user, folded, for the search index. */
export function searchEntriesOf(pool: UserPool, user: User): SearchEntry[] {
  const raw: [string, string | undefined][] = [
    ["username", user.username],
    ["sub", user.id],
    ["cognito:user_status", user.status],
    ["status", user.enabled ? "Enabled" : "Disabled"],
  ];
  for (const name of searchableAttributeNames(pool)) {
    if (!raw.some(([existing]) => existing === name)) raw.push([name, user.attributes[name]]);
  }
  return raw
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([name, value]) => ({ name, value: foldSearchValue(pool, name, value) }));
}
