import { invalidParameter } from "../errors.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { AttributeInput } from "./attribute-rules.js";
import type { UserAttributes } from "./user.types.js";

const VERIFIABLE = ["email", "phone_number"] as const;

/**
 * Attributes that may be removed: known to the schema, neither `sub` nor required nor immutable.
 * Shared by AdminDeleteUserAttributes and the self-service DeleteUserAttributes/UpdateUserAttributes.
 * @throws InvalidParameterException
 */
export function checkAttributeDeletes(pool: UserPool, names: readonly string[]): void {
  for (const name of names) {
    const attribute = pool.schemaAttributes.find((candidate) => candidate.name === name);
    if (!attribute)
      throw invalidParameter(
        `Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`,
      );
    if (name === "sub") throw invalidParameter("Attribute sub is set by the user pool and cannot be deleted.");
    if (attribute.required)
      throw invalidParameter(`Attributes did not conform to the schema: ${name}: The attribute ${name} is required.`);
    if (!attribute.mutable) throw invalidParameter(`Attribute ${name} is immutable and cannot be deleted.`);
  }
}

/**
 * Applies writes and deletions and keeps the verified flags honest: a changed email or phone is
 * unverified unless the same call vouches for it, and a flag never outlives its attribute.
 * Returns the new attributes and the names that changed.
 */
export function applyAttributeChanges(
  current: UserAttributes,
  writes: readonly AttributeInput[],
  deletes: readonly string[],
): { attributes: UserAttributes; changed: string[] } {
  const attributes = { ...current };
  const changed = new Set<string>();
  for (const name of deletes) {
    if (name in attributes) changed.add(name);
    delete attributes[name];
  }
  for (const { name, value } of writes) {
    if (attributes[name] !== value) changed.add(name);
    attributes[name] = value;
  }
  for (const kind of VERIFIABLE) {
    const flag = `${kind}_verified`;
    const flagWritten = writes.some((write) => write.name === flag);
    if (!attributes[kind]) {
      if (flagWritten && attributes[flag] === "true")
        throw invalidParameter(`${flag} cannot be true without a ${kind} attribute.`);
      if (flag in attributes) changed.add(flag);
      delete attributes[flag];
    } else if (changed.has(kind) && !flagWritten && attributes[flag] !== "false") {
      attributes[flag] = "false";
      changed.add(flag);
    }
  }
  return { attributes, changed: [...changed].sort() };
}
