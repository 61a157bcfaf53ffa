import type { Group } from "../groups/group.types.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";
import { readObject, readStringArray } from "./trigger-response.js";
import { eventAttributesOf, invalidResponse, type TriggerRunner } from "./trigger-runner.js";

export type TokenGenerationSource =
  | "TokenGeneration_Authentication"
  | "TokenGeneration_NewPasswordChallenge"
  | "TokenGeneration_AuthenticateDevice"
  | "TokenGeneration_RefreshTokens"
  | "TokenGeneration_HostedAuth";

/** Claims no trigger may add, override or suppress (cognito-reference §6.6): they carry the token's security. */
export const PROTECTED_CLAIMS: ReadonlySet<string> = new Set([
  "acr",
  "amr",
  "aud",
  "at_hash",
  "auth_time",
  "azp",
  "cognito:username",
  "exp",
  "iat",
  "identities",
  "iss",
  "jti",
  "nbf",
  "nonce",
  "origin_jti",
  "sub",
  "token_use",
]);

/**
 * A deviation from the reference's list, for the access token only: the gateway trusts its own access
 * tokens' `client_id` and `username` when it serves token-authorised calls (GetUser, userInfo,
 * GlobalSignOut, the client's settings), so a trigger that could rewrite or drop them would make a token
 * speak for another client or user. `scope`, which those calls check, changes only through scopesToAdd /
 * scopesToSuppress. The other claims read there (sub, origin_jti, token_use, iss, iat, exp, nbf) are
 * protected above.
 */
export const ACCESS_TOKEN_PROTECTED_CLAIMS: ReadonlySet<string> = new Set([
  ...PROTECTED_CLAIMS,
  "client_id",
  "scope",
  "username",
]);

type Claims = Record<string, unknown>;

export interface TokenClaims {
  idClaims: Claims;
  accessClaims: Claims;
}

const NAME = "PreTokenGeneration";

function readClaimEdits(
  container: Record<string, unknown>,
  path: string,
  allowAnyJson: boolean,
): { add: Claims; suppress: string[] } {
  const add = readObject(NAME, container, "claimsToAddOrOverride") ?? {};
  for (const [claim, value] of Object.entries(add)) {
    const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    if (value === null || (!allowAnyJson && !scalar))
      throw invalidResponse(
        NAME,
        `${path}.claimsToAddOrOverride.${claim} must be a ${allowAnyJson ? "JSON value" : "string, number or boolean"}`,
      );
  }
  return { add, suppress: readStringArray(NAME, container, "claimsToSuppress") ?? [] };
}

/** Overrides first, then suppressions (suppress beats override); protected claims are left as they are. */
function applyClaimEdits(
  claims: Claims,
  edits: { add: Claims; suppress: string[] },
  protectedClaims: ReadonlySet<string>,
): Claims {
  const result = { ...claims };
  for (const [claim, value] of Object.entries(edits.add)) if (!protectedClaims.has(claim)) result[claim] = value;
  for (const claim of edits.suppress) if (!protectedClaims.has(claim)) delete result[claim];
  return result;
}

/** groupOverrideDetails replaces cognito:groups (both tokens) and the role claims (ID token); empty lists remove them. */
function applyGroupOverride(tokens: TokenClaims, override: Record<string, unknown>): TokenClaims {
  const groups = readStringArray(NAME, override, "groupsToOverride") ?? [];
  const roles = readStringArray(NAME, override, "iamRolesToOverride") ?? [];
  const preferredRole = override.preferredRole;
  if (preferredRole !== undefined && preferredRole !== null && typeof preferredRole !== "string")
    throw invalidResponse(NAME, "groupOverrideDetails.preferredRole must be a string");
  const idClaims = { ...tokens.idClaims };
  const accessClaims = { ...tokens.accessClaims };
  delete idClaims["cognito:groups"];
  delete idClaims["cognito:roles"];
  delete idClaims["cognito:preferred_role"];
  delete accessClaims["cognito:groups"];
  if (groups.length > 0) {
    idClaims["cognito:groups"] = groups;
    accessClaims["cognito:groups"] = groups;
  }
  if (roles.length > 0) idClaims["cognito:roles"] = roles;
  if (typeof preferredRole === "string") idClaims["cognito:preferred_role"] = preferredRole;
  return { idClaims, accessClaims };
}

/**
 * PreTokenGeneration V1_0 (ID token claims) or V2_0 (ID and access token claims and scopes), before
 * anything is signed or stored: a failing trigger fails the sign-in with nothing issued.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runPreTokenGeneration(
  runner: TriggerRunner,
  pool: UserPool,
  args: {
    source: TokenGenerationSource;
    user: User;
    clientId: string;
    groups: Group[];
    claims: TokenClaims;
    clientMetadata: Record<string, string> | null;
  },
): Promise<TokenClaims> {
  const isV2 = pool.lambdaConfig.preTokenGenerationConfig?.lambdaVersion === "V2_0";
  const withRoles = args.groups.filter((group) => group.roleArn);
  const scopes =
    typeof args.claims.accessClaims.scope === "string" ? args.claims.accessClaims.scope.split(" ").filter(Boolean) : [];
  const response = await runner.run(pool, "PreTokenGeneration", {
    triggerSource: args.source,
    version: isV2 ? "2" : "1",
    userName: args.user.username,
    caller: { clientId: args.clientId },
    request: {
      userAttributes: eventAttributesOf(args.user),
      groupConfiguration: {
        groupsToOverride: args.groups.map((group) => group.name),
        iamRolesToOverride: withRoles.map((group) => group.roleArn),
        preferredRole:
          typeof args.claims.idClaims["cognito:preferred_role"] === "string"
            ? args.claims.idClaims["cognito:preferred_role"]
            : null,
      },
      ...(isV2 ? { scopes } : {}),
      ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
    },
  });
  if (!response) return args.claims;
  let result = args.claims;
  if (!isV2) {
    const details = readObject(NAME, response, "claimsOverrideDetails");
    if (!details) return result;
    result = {
      ...result,
      idClaims: applyClaimEdits(
        result.idClaims,
        readClaimEdits(details, "claimsOverrideDetails", false),
        PROTECTED_CLAIMS,
      ),
    };
    const groupOverride = readObject(NAME, details, "groupOverrideDetails");
    return groupOverride ? applyGroupOverride(result, groupOverride) : result;
  }
  const details = readObject(NAME, response, "claimsAndScopeOverrideDetails");
  if (!details) return result;
  const idGeneration = readObject(NAME, details, "idTokenGeneration");
  const accessGeneration = readObject(NAME, details, "accessTokenGeneration");
  if (idGeneration)
    result = {
      ...result,
      idClaims: applyClaimEdits(
        result.idClaims,
        readClaimEdits(idGeneration, "idTokenGeneration", true),
        PROTECTED_CLAIMS,
      ),
    };
  if (accessGeneration) {
    const accessClaims = applyClaimEdits(
      result.accessClaims,
      readClaimEdits(accessGeneration, "accessTokenGeneration", true),
      ACCESS_TOKEN_PROTECTED_CLAIMS,
    );
    const add = readStringArray(NAME, accessGeneration, "scopesToAdd") ?? [];
    const suppress = new Set(readStringArray(NAME, accessGeneration, "scopesToSuppress") ?? []);
    const nextScopes = [...new Set([...scopes, ...add])].filter((scope) => !suppress.has(scope));
    if (nextScopes.length > 0) accessClaims.scope = nextScopes.join(" ");
    else delete accessClaims.scope;
    result = { ...result, accessClaims };
  }
  const groupOverride = readObject(NAME, details, "groupOverrideDetails");
  return groupOverride ? applyGroupOverride(result, groupOverride) : result;
}
