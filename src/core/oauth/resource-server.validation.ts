import { describeStringProblem, validationError, type StringConstraint } from "../input-constraints.js";
import { CognitoError } from "../errors.js";
import type { ResourceServerScope } from "./resource-server.types.js";

/**
 * Cognito's ResourceServer shapes (botocore ResourceServerIdentifierType, ResourceServerNameType,
 * ResourceServerScopeNameType, ResourceServerScopeDescriptionType; reference-oauth §10.2). The wire
 * describes its members with these and the service checks them, so both edges refuse alike.
 */
export const RESOURCE_SERVER_SHAPES = {
  /** Often a URL (`https://api.example.com`); no space, `"` or `\`. */
  identifier: { min: 1, max: 256, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" },
  name: { min: 1, max: 256, pattern: "[\\w\\s+=,.@-]+" },
  /** As the identifier, and no `/`: the full scope string is `<identifier>/<scopeName>`. */
  scopeName: { min: 1, max: 256, pattern: "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+" },
  scopeDescription: { min: 1, max: 256 },
} as const satisfies Record<string, StringConstraint>;

export const MAX_SCOPES_PER_RESOURCE_SERVER = 100;

export interface ResourceServerInput {
  identifier: string;
  name: string;
  scopes: readonly ResourceServerScope[];
}

/**
 * @throws InvalidParameterException: "N validation errors detected: …" for the shapes, and for more than
 * 100 scopes (Cognito's model caps the Scopes member at 100, so it is a validation error on `scopes`, not
 * LimitExceededException); or a scope named twice
 */
export function validateResourceServer(input: ResourceServerInput): void {
  const problems: string[] = [];
  const check = (path: string, constraint: StringConstraint, value: string) => {
    const problem = describeStringProblem(path, constraint, value);
    if (problem) problems.push(problem);
  };
  check("identifier", RESOURCE_SERVER_SHAPES.identifier, input.identifier);
  check("name", RESOURCE_SERVER_SHAPES.name, input.name);
  input.scopes.forEach((scope, index) => {
    check(`scopes.${index + 1}.member.scopeName`, RESOURCE_SERVER_SHAPES.scopeName, scope.scopeName);
    check(
      `scopes.${index + 1}.member.scopeDescription`,
      RESOURCE_SERVER_SHAPES.scopeDescription,
      scope.scopeDescription,
    );
  });
  if (input.scopes.length > MAX_SCOPES_PER_RESOURCE_SERVER) {
    problems.push(
      `Value at 'scopes' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SCOPES_PER_RESOURCE_SERVER}`,
    );
  }
  if (problems.length > 0) throw validationError(problems);
  const seen = new Set<string>();
  for (const scope of input.scopes) {
    if (seen.has(scope.scopeName))
      throw new CognitoError("InvalidParameterException", `The scope ${scope.scopeName} is listed more than once.`);
    seen.add(scope.scopeName);
  }
}
