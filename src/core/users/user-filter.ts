import { CognitoError, invalidParameter } from "../errors.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { foldSearchValue, searchableAttributeNames } from "./user-search.js";

/** Cognito's Filter length limit (cognito-reference §2.2, §12.2). */
export const MAX_FILTER_LENGTH = 256;

export type FilterOperator = "=" | "^=";

/** A filter as written: `attribute op "value"`, escapes resolved, value not yet folded. */
export interface ParsedUserFilter {
  attribute: string;
  operator: FilterOperator;
  value: string;
}

const SHAPE_HINT =
  'Expected attribute_name = "value" or attribute_name ^= "value", with \\" and \\\\ as the only escapes inside the quotes.';

function parseError(detail: string): CognitoError {
  return invalidParameter(`Error while parsing filter. ${detail} ${SHAPE_HINT}`);
}

const isWhitespace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);
/** Attribute names stop at whitespace, an operator or a quote; whether the name exists is checked later. */
const isNameChar = (char: string | undefined): boolean => char !== undefined && !/[\s=^"\\]/.test(char);

/**
 * Parses ListUsers' filter language (cognito-reference §12.2) strictly: one attribute, `=` or `^=`,
 * one double-quoted value in which `\"` and `\\` are the only escapes; whitespace around the
 * tokens is optional. Absent or blank means "every user" (null).
 * @throws InvalidParameterException `Error while parsing filter.` with a hint, or when longer than 256 characters
 */
export function parseUserFilter(filter: string | null | undefined): ParsedUserFilter | null {
  if (filter === undefined || filter === null) return null;
  // Counted in characters (code points), as the API documents its limits, not UTF-16 units.
  if (Array.from(filter).length > MAX_FILTER_LENGTH)
    throw invalidParameter(`filter must be at most ${MAX_FILTER_LENGTH} characters long.`);
  if (filter.trim() === "") return null;

  let position = 0;
  const at = (): string | undefined => filter[position];
  const where = (): string => (position < filter.length ? `at position ${position + 1}` : "at the end of the filter");
  const skipWhitespace = (): void => {
    while (isWhitespace(at())) position++;
  };

  skipWhitespace();
  const nameStart = position;
  while (isNameChar(at())) position++;
  const attribute = filter.slice(nameStart, position);
  if (attribute === "") throw parseError(`Expected an attribute name ${where()}.`);

  skipWhitespace();
  let operator: FilterOperator;
  if (filter.startsWith("^=", position)) {
    operator = "^=";
    position += 2;
  } else if (at() === "=") {
    operator = "=";
    position += 1;
  } else {
    throw parseError(`Expected = or ^= after ${attribute} ${where()}.`);
  }

  skipWhitespace();
  if (at() !== '"') throw parseError(`Expected a double-quoted value ${where()}.`);
  position++;
  let value = "";
  for (;;) {
    const char = at();
    if (char === undefined) throw parseError("The value has no closing double quote.");
    if (char === '"') {
      position++;
      break;
    }
    if (char === "\\") {
      const escaped = filter[position + 1];
      if (escaped !== '"' && escaped !== "\\") throw parseError(`Unsupported escape ${where()}.`);
      value += escaped;
      position += 2;
      continue;
    }
    value += char;
    position++;
  }

  skipWhitespace();
  if (position < filter.length) throw parseError(`Unexpected text after the closing quote ${where()}.`);
  return { attribute, operator, value };
}

/** The attribute must be searchable in this pool; the value is folded exactly as the index folds it. */
export function compileUserFilter(pool: UserPool, parsed: ParsedUserFilter): ParsedUserFilter {
  // Custom attributes are addressed by their full name (custom:tier) and only when declared searchable.
  if (!searchableAttributeNames(pool).includes(parsed.attribute))
    throw invalidParameter(`Invalid search attribute: ${parsed.attribute}`);
  return { ...parsed, value: foldSearchValue(pool, parsed.attribute, parsed.value) };
}
