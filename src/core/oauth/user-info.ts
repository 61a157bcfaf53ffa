import { isCognitoError } from "../errors.js";
import type { AccessTokenService } from "../tokens/access-token.service.js";
import { readableAttributeNames } from "../users/attribute-rules.js";
import { userInfoAttributeFilter } from "./scopes.js";

/** Why /oauth2/userInfo refused (reference-oauth §4): told only in WWW-Authenticate. */
export type UserInfoRefusal = { status: 400; error: "invalid_request" } | { status: 401; error: "invalid_token" };

export type UserInfoResult = { ok: true; claims: Record<string, string> } | ({ ok: false } & UserInfoRefusal);

/**
 * /oauth2/userInfo (reference-oauth §4): the claims an access token with `openid` unlocks, from the user as
 * they are now. Every value is a string, as Cognito renders them (`"email_verified": "true"`); `sub` and
 * `username` always. A token of another pool, a revoked, expired or signed-out token, or a user who is
 * gone or disabled are all `invalid_token`.
 */
export async function readUserInfo(
  accessTokens: AccessTokenService,
  poolId: string,
  token: string | null,
): Promise<UserInfoResult> {
  if (!token) return { ok: false, status: 400, error: "invalid_request" };
  let principal: Awaited<ReturnType<AccessTokenService["authenticateOpenId"]>>;
  try {
    principal = await accessTokens.authenticateOpenId(token);
  } catch (error) {
    if (isCognitoError(error)) return { ok: false, status: 401, error: "invalid_token" };
    throw error;
  }
  if (principal.poolId !== poolId) return { ok: false, status: 401, error: "invalid_token" };
  const { pool, client, user } = principal.verified;
  const readable = readableAttributeNames(pool, client);
  const unlocked = userInfoAttributeFilter(principal.scopes);
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name !== "sub" && readable.has(name) && unlocked(name)) claims[name] = value;
  }
  return { ok: true, claims: { sub: user.id, ...claims, username: user.username } };
}
