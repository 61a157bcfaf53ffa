import { randomInt } from "../../lib/random.js";
import { CognitoError, invalidParameter } from "../errors.js";
import type { PasswordPolicy } from "../pools/user-pool.types.js";

/** Cognito's symbol set (cognito-reference §8.1); the space counts as a special character too. */
const SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
const MAX_PASSWORD_LENGTH = 256;

/** @throws InvalidParameterException (shape), InvalidPasswordException naming every rule broken. */
export function checkPasswordAgainstPolicy(field: string, password: string, policy: PasswordPolicy): void {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw invalidParameter(`${field} must be 1 to ${MAX_PASSWORD_LENGTH} characters long.`);
  }
  if (/^\s|\s$/.test(password)) throw invalidParameter(`${field} must not begin or end with whitespace.`);
  const broken: string[] = [];
  if (password.length < policy.minimumLength)
    broken.push(`Password not long enough (minimum ${policy.minimumLength} characters)`);
  if (policy.requireUppercase && !/[A-Z]/.test(password)) broken.push("Password must have uppercase characters");
  if (policy.requireLowercase && !/[a-z]/.test(password)) broken.push("Password must have lowercase characters");
  if (policy.requireNumbers && !/[0-9]/.test(password)) broken.push("Password must have numeric characters");
  if (policy.requireSymbols && ![...password].some((character) => SYMBOLS.includes(character)))
    broken.push("Password must have symbol characters");
  if (broken.length > 0)
    throw new CognitoError("InvalidPasswordException", `Password did not conform with policy: ${broken.join("; ")}`);
}

/** A temporary password that satisfies the policy: one of each required class, the rest mixed. */
export function generateTemporaryPassword(policy: PasswordPolicy): string {
  const classes = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "^$*.[]{}()?!@#%&/,><:;|_~=+-"];
  const length = Math.max(policy.minimumLength, 12);
  const characters = classes.map((alphabet) => alphabet[randomInt(alphabet.length)]!);
  const all = classes.join("");
  while (characters.length < length) characters.push(all[randomInt(all.length)]!);
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join("");
}
