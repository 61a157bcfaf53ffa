import type { Clock } from "../../lib/clock.js";
import { toSeconds } from "../../lib/durations.js";
import { randomTokenBase64Url, randomUuid } from "../../lib/random.js";
import { sha256Hex } from "../../lib/secrets.js";
import type { AppClient } from "../clients/app-client.types.js";
import { CognitoError } from "../errors.js";
import type { Group } from "../groups/group.types.js";
import type { Database, RefreshTokenRecord, Repositories, TokenSigner } from "../ports.js";
import type { SchemaAttribute } from "../pools/attributes.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { runPreTokenGeneration, type TokenGenerationSource } from "../triggers/token.triggers.js";
import type { TriggerRunner } from "../triggers/trigger-runner.js";
import { readableAttributeNames } from "../users/attribute-rules.js";
import { hasGroupsLoaded, type User, type UserWithGroups } from "../users/user.types.js";
import { idTokenAttributeFilter, OPENID, SELF_SERVICE_SCOPE } from "../oauth/scopes.js";
import { leftHalfSha256Base64Url } from "../../lib/oauth-hashes.js";

export { SELF_SERVICE_SCOPE };

export interface AuthenticationResult {
  accessToken: string;
  idToken: string;
  /** Absent on a refresh without rotation: the client keeps the token it has. */
  refreshToken: string | null;
  expiresIn: number;
  tokenType: "Bearer";
  newDeviceMetadata: { deviceKey: string; deviceGroupKey: string } | null;
}

export interface IssueArgs {
  pool: UserPool;
  client: AppClient;
  user: User;
  authTime: Date;
  /** The refresh-token family (origin_jti) of an earlier sign-in; a new one is started when absent. */
  familyId?: string;
  deviceKey?: string | null;
  withRefreshToken: boolean;
  /** When the new refresh token expires: a rotated token keeps its family's expiry (no sliding). Now + the client's validity when absent. */
  refreshExpiresAt?: Date;
  /** The PreTokenGeneration trigger source; TokenGeneration_Authentication when absent. */
  tokenGeneration?: { source: TokenGenerationSource; clientMetadata?: Record<string, string> | null };
  /** Tokens of the OAuth endpoints (or a refresh of them): what the grant bound them to (reference-oauth §10.3). */
  oauth?: OAuthBinding;
}

/** What an OAuth grant bound its tokens to; the refresh token keeps scopes and resource for every refresh. */
export interface OAuthBinding {
  /** The granted scopes: the access token's `scope`; the ID token only with openid, narrowed by email/phone/profile. */
  scopes: string[];
  /** The authorization request's nonce, copied into the ID token; null on refreshes. */
  nonce: string | null;
  /** RFC 8707 resource: the access token's `aud`. */
  resource: string | null;
}

/** What /oauth2/token and the implicit redirect hand out; no ID token without openid. */
export interface OAuthTokens {
  accessToken: string;
  idToken: string | null;
  refreshToken: string | null;
  expiresIn: number;
}

export type TokenService = ReturnType<typeof createTokenService>;

/** At most this many groups go into cognito:groups (MAX_GROUPS_PER_USER is at most 100 too). */
const MAX_GROUP_CLAIMS = 100;

function attributeClaim(attribute: SchemaAttribute | undefined, value: string): unknown {
  if (attribute?.isCustom) return value;
  if (attribute?.attributeDataType === "Boolean") return value === "true";
  if (attribute?.attributeDataType === "Number" && value !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** Cognito's group claims: names, and the roles of groups that carry one (lowest precedence first). */
function groupClaims(groups: Group[]): Record<string, unknown> {
  if (groups.length === 0) return {};
  const withRoles = groups
    .filter((group) => group.roleArn)
    .sort(
      (left, right) => (left.precedence ?? Number.MAX_SAFE_INTEGER) - (right.precedence ?? Number.MAX_SAFE_INTEGER),
    );
  // Groups of equal precedence take no precedence over each other: when the first ones tie with
  // different roles, Cognito sets no preferred role; when they share the role, it is the preferred one.
  const first = withRoles[0];
  const tied = withRoles.filter((group) => (group.precedence ?? null) === (first?.precedence ?? null));
  const preferredRole = first && tied.every((group) => group.roleArn === first.roleArn) ? first.roleArn : null;
  return {
    "cognito:groups": groups.map((group) => group.name),
    ...(withRoles.length > 0 ? { "cognito:roles": withRoles.map((group) => group.roleArn) } : {}),
    ...(preferredRole ? { "cognito:preferred_role": preferredRole } : {}),
  };
}

export interface IssuedTokens {
  result: AuthenticationResult;
  /** To be inserted in the transaction that completes the sign-in; null when no refresh token was issued. */
  refreshRecord: RefreshTokenRecord | null;
}

export function createTokenService({
  db,
  clock,
  signer,
  triggers,
}: {
  db: Database;
  clock: Clock;
  signer: TokenSigner;
  triggers: TriggerRunner;
}) {
  /** The checks every use of a refresh token makes. @throws NotAuthorizedException (unknown, expired, revoked, other client) */
  function requireUsableRefreshToken(
    client: AppClient,
    found: { record: RefreshTokenRecord; isFamilyRevoked: boolean } | null,
  ): RefreshTokenRecord {
    const record = found?.record;
    if (!record || record.clientId !== client.clientId)
      throw new CognitoError("NotAuthorizedException", "Invalid Refresh Token");
    // The family check catches a token minted by a refresh that raced a sign-out or a revocation.
    if (record.revokedAt !== null || found.isFamilyRevoked) {
      throw new CognitoError("NotAuthorizedException", "Refresh Token has been revoked");
    }
    if (record.expiresAt.getTime() <= clock.nowMs())
      throw new CognitoError("NotAuthorizedException", "Refresh Token has expired");
    return record;
  }

  /** Both kinds of user tokens; `withIdToken` false only for OAuth grants without openid. */
  async function mint(
    args: IssueArgs,
    withIdToken: boolean,
  ): Promise<{ tokens: OAuthTokens; refreshRecord: RefreshTokenRecord | null }> {
    const { pool, client, user, oauth } = args;
    const now = clock.now();
    const familyId = args.familyId ?? randomUuid();
    // origin_jti names a family of stored refresh tokens, which revocation marks. Tokens of a grant that
    // stores none (the implicit grant) carry none, so GlobalSignOut's record of the user refuses them.
    const revocable = client.enableTokenRevocation && (args.familyId !== undefined || args.withRefreshToken);
    const eventId = randomUuid();
    const authTime = Math.floor(args.authTime.getTime() / 1000);
    const groups = hasGroupsLoaded(user)
      ? user.groups.slice(0, MAX_GROUP_CLAIMS)
      : await db.read((repositories) => repositories.groups.listGroupsOfUser(user.id, { limit: MAX_GROUP_CLAIMS }));
    const readable = readableAttributeNames(pool, client);
    // OAuth ID tokens carry only what email/phone/profile unlock (reference-oauth §10.1).
    const inIdToken = oauth ? idTokenAttributeFilter(oauth.scopes) : () => true;
    const attributes: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(user.attributes)) {
      if (readable.has(name) && name !== "sub" && inIdToken(name))
        attributes[name] = attributeClaim(
          pool.schemaAttributes.find((attribute) => attribute.name === name),
          value,
        );
    }
    const idClaims: Record<string, unknown> = {
      ...attributes,
      sub: user.id,
      ...groupClaims(groups),
      aud: client.clientId,
      event_id: eventId,
      token_use: "id",
      auth_time: authTime,
      "cognito:username": user.username,
      ...(oauth?.nonce ? { nonce: oauth.nonce } : {}),
      ...(revocable ? { origin_jti: familyId } : {}),
      jti: randomUuid(),
    };
    const accessClaims = {
      sub: user.id,
      ...(groups.length > 0 ? { "cognito:groups": groups.map((group) => group.name) } : {}),
      ...(args.deviceKey ? { device_key: args.deviceKey } : {}),
      ...(revocable ? { origin_jti: familyId } : {}),
      ...(oauth?.resource ? { aud: oauth.resource } : {}),
      event_id: eventId,
      token_use: "access",
      // API sign-ins always get exactly the self-service scope; OAuth grants get what was granted.
      scope: oauth ? oauth.scopes.join(" ") : SELF_SERVICE_SCOPE,
      auth_time: authTime,
      jti: randomUuid(),
      client_id: client.clientId,
      username: user.username,
      version: 2,
    };
    // PreTokenGeneration edits the claims before anything is signed or stored.
    const claims = triggers.isConfigured(pool, "PreTokenGeneration")
      ? await runPreTokenGeneration(triggers, pool, {
          source: args.tokenGeneration?.source ?? "TokenGeneration_Authentication",
          user,
          clientId: client.clientId,
          groups,
          claims: { idClaims, accessClaims },
          clientMetadata: args.tokenGeneration?.clientMetadata ?? null,
        })
      : { idClaims, accessClaims };
    const accessSeconds = toSeconds(client.accessTokenValidity, client.tokenValidityUnits.accessToken);
    const idSeconds = toSeconds(client.idTokenValidity, client.tokenValidityUnits.idToken);
    let accessToken: string;
    let idToken: string | null = null;
    if (oauth) {
      // at_hash binds the ID token to the access token as finally signed (after the trigger's edits).
      accessToken = await signer.sign(pool.id, "access", claims.accessClaims, accessSeconds);
      if (withIdToken)
        idToken = await signer.sign(
          pool.id,
          "id",
          { ...claims.idClaims, at_hash: leftHalfSha256Base64Url(accessToken) },
          idSeconds,
        );
    } else {
      [idToken, accessToken] = await Promise.all([
        signer.sign(pool.id, "id", claims.idClaims, idSeconds),
        signer.sign(pool.id, "access", claims.accessClaims, accessSeconds),
      ]);
    }
    let refreshToken: string | null = null;
    let refreshRecord: RefreshTokenRecord | null = null;
    if (args.withRefreshToken) {
      refreshToken = randomTokenBase64Url(64);
      refreshRecord = {
        id: randomUuid(),
        poolId: pool.id,
        clientId: client.clientId,
        userId: user.id,
        tokenHash: sha256Hex(refreshToken),
        familyId,
        deviceKey: args.deviceKey ?? null,
        authTime: args.authTime,
        createdAt: now,
        expiresAt:
          args.refreshExpiresAt ??
          new Date(
            now.getTime() + toSeconds(client.refreshTokenValidity, client.tokenValidityUnits.refreshToken) * 1000,
          ),
        rotatedAt: null,
        revokedAt: null,
        oauth: oauth ? { scopes: oauth.scopes, resource: oauth.resource } : null,
      };
    }
    return { tokens: { accessToken, idToken, refreshToken, expiresIn: accessSeconds }, refreshRecord };
  }

  return {
    /**
     * Signs ID and access tokens (and mints a refresh token) for a completed authentication. Runs
     * outside any transaction — signing may create the pool's keys — and returns the refresh-token
     * row for the caller to store in the transaction that records the sign-in. Always with an ID token
     * (the JSON API's AuthenticationResult has one), also for a refresh of OAuth-issued tokens.
     */
    async issue(args: IssueArgs): Promise<IssuedTokens> {
      const minted = await mint(args, true);
      return {
        result: { ...minted.tokens, idToken: minted.tokens.idToken!, tokenType: "Bearer", newDeviceMetadata: null },
        refreshRecord: minted.refreshRecord,
      };
    },

    /**
     * Tokens for the OAuth endpoints (code exchange, implicit redirect, refresh grant): the ID token only
     * when openid was granted, with the nonce and at_hash.
     */
    async issueOAuth(
      args: IssueArgs & { oauth: OAuthBinding },
    ): Promise<{ tokens: OAuthTokens; refreshRecord: RefreshTokenRecord | null }> {
      return mint(args, args.oauth.scopes.includes(OPENID));
    },

    /**
     * The client_credentials access token (reference-oauth §10.3): the client speaks for itself, so
     * sub = client_id and no user claim, ID token or refresh token exists. PreTokenGeneration runs for
     * this grant only in its V3_0 form, which the gateway does not offer, so no trigger runs.
     */
    async issueClientCredentials(
      pool: UserPool,
      client: AppClient,
      scopes: string[],
    ): Promise<{ accessToken: string; expiresIn: number }> {
      const expiresIn = toSeconds(client.accessTokenValidity, client.tokenValidityUnits.accessToken);
      const claims = {
        sub: client.clientId,
        token_use: "access",
        scope: scopes.join(" "),
        auth_time: Math.floor(clock.nowMs() / 1000),
        jti: randomUuid(),
        client_id: client.clientId,
        version: 2,
      };
      return { accessToken: await signer.sign(pool.id, "access", claims, expiresIn), expiresIn };
    },

    /**
     * Checks a refresh token (read only) and finds its user in the client's pool with its groups (null
     * when the user is gone), in one read.
     * @throws NotAuthorizedException (unknown, expired, revoked, other client)
     */
    async findRefreshTokenWithUser(
      repositories: Repositories,
      client: AppClient,
      refreshToken: string,
    ): Promise<{ record: RefreshTokenRecord; user: UserWithGroups | null }> {
      const found = await repositories.refreshTokens.findByHashWithHolder(sha256Hex(refreshToken), client.poolId);
      // A disabled user's own token says so before it says revoked (AdminDisableUser revokes it too), as
      // access tokens do: the holder of a real token of this client learns why, anyone else learns nothing.
      if (found?.user && !found.user.enabled && found.record.clientId === client.clientId)
        throw new CognitoError("NotAuthorizedException", "User is disabled.");
      return { record: requireUsableRefreshToken(client, found), user: found?.user ?? null };
    },

    /**
     * Rotation (client setting), in the caller's transaction: marks the token, found usable by
     * findRefreshTokenWithUser moments before, used. A token used again after its grace period is
     * reported as reuse, so the caller can revoke the whole family (the token was probably stolen).
     * @throws NotAuthorizedException (revoked or expired since it was read, or gone)
     */
    async rotate(
      repositories: Repositories,
      client: AppClient,
      record: RefreshTokenRecord,
    ): Promise<"rotated" | "within-grace" | "reused"> {
      const now = clock.now();
      if (record.expiresAt.getTime() <= now.getTime())
        throw new CognitoError("NotAuthorizedException", "Refresh Token has expired");
      // The conditional UPDATE is the decision: of any number of racing uses exactly one finds the
      // token neither rotated nor revoked. A revocation of the token's family since it was read has
      // revoked this row too (every revocation marks each row of its family, user or device), so no
      // read of the family is needed here. Everything after it only classifies the losers.
      if (await repositories.refreshTokens.markRotated(record.id, now)) return "rotated";
      // The committed state, never this transaction's snapshot: on MariaDB a plain read may still
      // show the token unrotated, and a guessed time would pass any reuse off as a retry.
      const state = await repositories.refreshTokens.findRotationStateLocked(record.id);
      if (!state) throw new CognitoError("NotAuthorizedException", "Invalid Refresh Token");
      if (state.revokedAt !== null) throw new CognitoError("NotAuthorizedException", "Refresh Token has been revoked");
      const graceMs = client.refreshTokenRotation.retryGracePeriodSeconds * 1000;
      // No grace period: every use after the first is reuse, even one in the same millisecond.
      if (graceMs === 0 || !state.rotatedAt) return "reused";
      return now.getTime() - state.rotatedAt.getTime() <= graceMs ? "within-grace" : "reused";
    },
  };
}
