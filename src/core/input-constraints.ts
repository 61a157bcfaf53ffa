import { invalidParameter, type CognitoError } from "./errors.js";

/**
 * Cognito's member constraints (botocore cognito-idp service-2.json; cognito-reference §2.2), one
 * table for both edges: the wire protocol describes its members with these entries and the core
 * services check them on entry, so GraphQL and the wire refuse the same input with the same
 * InvalidParameterException ("1 validation error detected: Value at 'username' failed to satisfy
 * constraint: …"). Checking before anything else is also what keeps a 200 KB or NUL-laden value
 * away from the hasher, the database and the triggers.
 */
export interface StringConstraint {
  readonly min?: number;
  readonly max?: number;
  /** A Java-style pattern, as in the model, matched against the whole value. */
  readonly pattern?: string;
  /** The value is left out of the message (passwords, usernames, tokens), as Cognito leaves it out. */
  readonly sensitive?: boolean;
}

const NAME_CHARS = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
const NO_WHITESPACE = "[\\S]+";

/** Cognito's shapes, by name (UsernameType, PasswordType, …). */
export const COGNITO_SHAPES = {
  userPoolId: { min: 1, max: 55, pattern: "[\\w-]+_[0-9a-zA-Z]+" },
  clientId: { min: 1, max: 128, pattern: "[\\w+]+", sensitive: true },
  username: { min: 1, max: 128, pattern: NAME_CHARS, sensitive: true },
  password: { max: 256, pattern: NO_WHITESPACE, sensitive: true },
  confirmationCode: { min: 1, max: 2048, pattern: NO_WHITESPACE },
  session: { min: 20, max: 2048, sensitive: true },
  secretHash: { min: 1, max: 128, pattern: "[\\w+=/]+", sensitive: true },
  token: { pattern: "[A-Za-z0-9-_=.]+", sensitive: true },
  clientSecret: { min: 1, max: 64, pattern: "[\\w+]+", sensitive: true },
  groupName: { min: 1, max: 128, pattern: NAME_CHARS },
  attributeName: { min: 1, max: 32, pattern: NAME_CHARS },
  attributeValue: { max: 2048, sensitive: true },
  paginationToken: { min: 1, pattern: NO_WHITESPACE },
  deviceKey: { min: 1, max: 55, pattern: "[\\w-]+_[0-9a-f-]+" },
  userCode: { min: 6, max: 6, pattern: "[0-9]+" },
  /**
   * Not a model shape (AuthParameters is a free map): an SRP public value of the 3072-bit group is 768
   * hex digits; the cap only keeps a huge value from reaching the big-integer maths, whose own check
   * ("SRP_A is not a valid SRP public value.") judges the content.
   */
  srpA: { min: 1, max: 1024, sensitive: true },
} as const satisfies Record<string, StringConstraint>;

export type CognitoShape = keyof typeof COGNITO_SHAPES;

/** The keys of AuthParameters / ChallengeResponses whose values have a Cognito shape; others are the flow's to judge. */
const PARAMETER_MAP_SHAPES: Readonly<Record<string, CognitoShape>> = {
  USERNAME: "username",
  PASSWORD: "password",
  NEW_PASSWORD: "password",
  SRP_A: "srpA",
};

type AttributeList = readonly { name: string; value: string }[];

/**
 * Every request parameter a core service checks, by the (camelCase) name AWS uses in its messages,
 * with the shape it must satisfy. Lists and maps say how their items are checked.
 */
export const INPUT_PARAMETERS = {
  userPoolId: "userPoolId",
  clientId: "clientId",
  secretHash: "secretHash",
  username: "username",
  password: "password",
  previousPassword: "password",
  proposedPassword: "password",
  temporaryPassword: "password",
  confirmationCode: "confirmationCode",
  code: "confirmationCode",
  session: "session",
  accessToken: "token",
  refreshToken: "token",
  clientSecret: "clientSecret",
  deviceKey: "deviceKey",
  attributeName: "attributeName",
  userAttributes: "attributeList",
  validationData: "attributeList",
  userAttributeNames: "attributeNameList",
  authParameters: "parameterMap",
  challengeResponses: "parameterMap",
} as const satisfies Record<string, CognitoShape | "attributeList" | "attributeNameList" | "parameterMap">;

export type InputParameter = keyof typeof INPUT_PARAMETERS;
type ValueOf<K extends InputParameter> = (typeof INPUT_PARAMETERS)[K] extends "attributeList"
  ? AttributeList
  : (typeof INPUT_PARAMETERS)[K] extends "attributeNameList"
    ? readonly string[]
    : (typeof INPUT_PARAMETERS)[K] extends "parameterMap"
      ? Readonly<Record<string, string>>
      : string;
/** A service's parameters to check; null or undefined is an absent optional member. */
export type CheckedInput = { readonly [K in InputParameter]?: ValueOf<K> | null };

const patternCache = new Map<string, RegExp>();
function fullMatch(pattern: string, value: string): boolean {
  let regex = patternCache.get(pattern);
  if (!regex) {
    // The model's patterns are Java regular expressions matched against the whole value.
    regex = new RegExp(`^(?:${pattern})$`, "u");
    patternCache.set(pattern, regex);
  }
  return regex.test(value);
}

/** Code points, as AWS counts a string's length (an emoji is one). Stops counting just past `limit`. */
function codePointLength(value: string, limit: number): number {
  // A string of UTF-16 units can hold at most as many code points as units, and at least half.
  if (value.length <= limit) return [...value].length;
  if (value.length > 2 * limit + 1) return limit + 1;
  return [...value].length;
}

/** The first constraint a string breaks, in AWS's wording; null when it conforms. */
export function brokenStringConstraint(constraint: StringConstraint, value: string): string | null {
  const length = codePointLength(value, Math.max(constraint.max ?? 0, constraint.min ?? 0));
  if (constraint.min !== undefined && length < constraint.min)
    return `Member must have length greater than or equal to ${constraint.min}`;
  if (constraint.max !== undefined && length > constraint.max)
    return `Member must have length less than or equal to ${constraint.max}`;
  if (constraint.pattern && !fullMatch(constraint.pattern, value))
    return `Member must satisfy regular expression pattern: ${constraint.pattern}`;
  return null;
}

/** One problem line, "Value 'x' at 'path' failed to satisfy constraint: …" (no value when sensitive); null when it conforms. */
export function describeStringProblem(path: string, constraint: StringConstraint, value: string): string | null {
  const broken = brokenStringConstraint(constraint, value);
  if (!broken) return null;
  return `${constraint.sensitive ? "Value" : `Value '${value}'`} at '${path}' failed to satisfy constraint: ${broken}`;
}

/** Cognito's "N validation error(s) detected: a; b" InvalidParameterException. */
export function validationError(problems: readonly string[]): CognitoError {
  return invalidParameter(
    `${problems.length} validation error${problems.length === 1 ? "" : "s"} detected: ${problems.join("; ")}`,
  );
}

function collect(name: InputParameter, value: unknown, problems: string[]): void {
  const kind = INPUT_PARAMETERS[name];
  const push = (path: string, shape: CognitoShape, text: string) => {
    const problem = describeStringProblem(path, COGNITO_SHAPES[shape], text);
    if (problem) problems.push(problem);
  };
  if (kind === "attributeList") {
    // As the wire names list items: userAttributes.1.member.name.
    (value as AttributeList).forEach((attribute, index) => {
      push(`${name}.${index + 1}.member.name`, "attributeName", attribute.name);
      push(`${name}.${index + 1}.member.value`, "attributeValue", attribute.value);
    });
  } else if (kind === "attributeNameList") {
    (value as readonly string[]).forEach((item, index) => push(`${name}.${index + 1}.member`, "attributeName", item));
  } else if (kind === "parameterMap") {
    for (const [key, shape] of Object.entries(PARAMETER_MAP_SHAPES)) {
      const entry = (value as Record<string, string | undefined>)[key];
      // An empty or missing entry is the flow's to report ("Missing required parameter USERNAME").
      if (typeof entry === "string" && entry.length > 0) push(`${name}.${key}`, shape, entry);
    }
  } else {
    push(name, kind, value as string);
  }
}

/**
 * Checks a service's parameters against Cognito's constraints, in the order given (the order of the
 * action's members, so a request with several problems reads the same on both edges).
 * @throws InvalidParameterException "N validation error(s) detected: …"
 */
export function checkInput(input: CheckedInput): void {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    collect(name as InputParameter, value, problems);
  }
  if (problems.length > 0) throw validationError(problems);
}
