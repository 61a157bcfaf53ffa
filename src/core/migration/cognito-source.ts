import type { Clock } from "../../lib/clock.js";
import { hmacSha256Base64 } from "../../lib/secrets.js";
import { CognitoError, isCognitoError } from "../errors.js";
import { isOfferedByPool } from "../mfa/mfa-factors.js";
import type { MfaFactor } from "../mfa/mfa.types.js";
import type { Database, SecretBox, SourcePoolAnswer, SourcePoolCaller, SourcePoolConnection } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { MigratedUser } from "../triggers/migration.triggers.js";
import type { BuiltInMigrationSource } from "../triggers/user-migration.js";
import { checkAttributeWrites } from "../users/attribute-rules.js";
import type { UserMigrationSource } from "./migration-source.types.js";

/** The challenges that come only after a correct password and stand for a second factor at the source. */
const MFA_CHALLENGES = new Set(["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SELECT_MFA_TYPE"]);
const MFA_FACTOR_NAMES: readonly MfaFactor[] = ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA"];

const sourceFailed = (detail: string) =>
  new CognitoError("UnexpectedLambdaException", `UserMigration failed: ${detail}.`);

/** The user as the source pool describes it (GetUser, AdminGetUser or a NEW_PASSWORD_REQUIRED challenge). */
interface SourceUser {
  username: string;
  attributes: Record<string, string>;
  enabled: boolean;
  status: string | null;
  /** UserMFASettingList; null when the source did not say (a challenge's attributes). */
  mfaFactors: MfaFactor[] | null;
}

export interface SourceConnections {
  source: UserMigrationSource;
  clientSecret: string | null;
  /** Unsigned: InitiateAuth, GetUser. */
  public: SourcePoolConnection;
  /** Signed with the admin credentials; null when the source has none. */
  admin: SourcePoolConnection | null;
}

/** How long a process trusts what it read of a pool's source; a change made by another process shows within this. */
export const SOURCE_CACHE_MS = 5_000;

export type MigrationSourceCache = ReturnType<typeof createMigrationSourceCache>;

/**
 * Each pool's migration source (or its absence), kept for a few seconds. Every sign-in of an unknown
 * name asks for it: read from the database each time, "unknown user" would cost a read that "wrong
 * password" does not — a timing difference that tells names apart. The setting service forgets a
 * pool it changes, so this process sees the change at once, others within SOURCE_CACHE_MS.
 */
export function createMigrationSourceCache({ db, clock }: { db: Database; clock: Clock }) {
  const entries = new Map<string, { source: UserMigrationSource | null; expiresAtMs: number }>();
  return {
    async get(poolId: string): Promise<UserMigrationSource | null> {
      const cached = entries.get(poolId);
      if (cached && cached.expiresAtMs > clock.nowMs()) return cached.source;
      const source = await db.read((repositories) => repositories.migrationSources.find(poolId));
      entries.set(poolId, { source, expiresAtMs: clock.nowMs() + SOURCE_CACHE_MS });
      return source;
    },
    forget(poolId: string): void {
      entries.delete(poolId);
    },
  };
}

/** Unseals the source's secrets for one lookup; they live no longer than the call. */
export function connectionsOf(secretBox: SecretBox, source: UserMigrationSource): SourceConnections {
  const base = { endpoint: source.endpoint, region: source.region, timeoutMs: source.timeoutMs };
  const hasAdmin = source.accessKeyId !== null && source.secretAccessKeyCiphertext !== null;
  return {
    source,
    clientSecret: source.clientSecretCiphertext === null ? null : secretBox.decrypt(source.clientSecretCiphertext),
    public: { ...base, credentials: null },
    admin: hasAdmin
      ? {
          ...base,
          credentials: {
            accessKeyId: source.accessKeyId!,
            secretAccessKey: secretBox.decrypt(source.secretAccessKeyCiphertext!),
          },
        }
      : null,
  };
}

/** DescribeUserPool's EstimatedNumberOfUsers; null without admin credentials. @throws UnexpectedLambdaException */
export async function estimateSourceUsers(
  caller: SourcePoolCaller,
  connections: SourceConnections,
): Promise<number | null> {
  if (!connections.admin) return null;
  const answer = await caller.call(connections.admin, "DescribeUserPool", {
    UserPoolId: connections.source.sourcePoolId,
  });
  if (!answer.ok) throw sourceFailed(`the source pool refused DescribeUserPool (${answer.errorType})`);
  const estimate = (answer.output.UserPool as Record<string, unknown> | undefined)?.EstimatedNumberOfUsers;
  return typeof estimate === "number" ? estimate : null;
}

function readAttributes(list: unknown): Record<string, string> {
  if (!Array.isArray(list)) throw sourceFailed("the source pool described the user without UserAttributes");
  const attributes: Record<string, string> = {};
  for (const entry of list as { Name?: unknown; Value?: unknown }[]) {
    if (typeof entry?.Name === "string" && typeof entry.Value === "string") attributes[entry.Name] = entry.Value;
  }
  return attributes;
}

const readFactors = (list: unknown): MfaFactor[] | null =>
  Array.isArray(list) ? MFA_FACTOR_NAMES.filter((factor) => list.includes(factor)) : null;

function readSourceUser(output: Record<string, unknown>): SourceUser {
  if (typeof output.Username !== "string") throw sourceFailed("the source pool described the user without a Username");
  return {
    username: output.Username,
    attributes: readAttributes(output.UserAttributes),
    enabled: output.Enabled !== false,
    status: typeof output.UserStatus === "string" ? output.UserStatus : null,
    mfaFactors: readFactors(output.UserMFASettingList) ?? [],
  };
}

/**
 * Whether a value of the source user may be stored in this pool as an admin could write it: a name its
 * schema has, a value of the right type, format and length. The source pool held it as valid under its
 * own schema, which may differ from this one (a custom attribute shorter or of another type here, a
 * standard one that pool never checked): what does not fit is left behind (and named in the event)
 * rather than failing the user's sign-in, which they could never get past.
 */
function fitsSchema(pool: UserPool, name: string, value: string): boolean {
  try {
    checkAttributeWrites(pool, [{ name, value }], { kind: "admin" }, { isCreate: true });
    return true;
  } catch (error) {
    if (isCognitoError(error)) return false;
    throw error;
  }
}

/**
 * The built-in migration source: the pool's old Cognito user pool, asked through its public API
 * (InitiateAuth USER_PASSWORD_AUTH + GetUser) or, with admin credentials, AdminInitiateAuth
 * ADMIN_USER_PASSWORD_AUTH + AdminGetUser. What it finds goes through the same migrateUser step as
 * the UserMigration trigger's answer (core/triggers/user-migration.ts): one transaction, one event.
 */
export function createCognitoMigrationSource({
  secretBox,
  caller,
  sources,
}: {
  secretBox: SecretBox;
  caller: SourcePoolCaller;
  sources: MigrationSourceCache;
}): BuiltInMigrationSource {
  const secretHashOf = (connections: SourceConnections, username: string): Record<string, string> =>
    connections.clientSecret === null
      ? {}
      : { SECRET_HASH: hmacSha256Base64(connections.clientSecret, `${username}${connections.source.clientId}`) };

  /** AdminGetUser; null for a name the source does not know. */
  async function adminGetUser(
    connections: SourceConnections,
    admin: SourcePoolConnection,
    username: string,
  ): Promise<SourceUser | null> {
    const answer = await caller.call(admin, "AdminGetUser", {
      UserPoolId: connections.source.sourcePoolId,
      Username: username,
    });
    if (!answer.ok) {
      if (answer.errorType === "UserNotFoundException") return null;
      throw sourceFailed(`the source pool refused AdminGetUser (${answer.errorType})`);
    }
    return readSourceUser(answer.output);
  }

  async function signInAtSource(
    connections: SourceConnections,
    userName: string,
    password: string,
  ): Promise<SourcePoolAnswer> {
    const parameters = { USERNAME: userName, PASSWORD: password, ...secretHashOf(connections, userName) };
    return connections.admin
      ? caller.call(connections.admin, "AdminInitiateAuth", {
          UserPoolId: connections.source.sourcePoolId,
          ClientId: connections.source.clientId,
          AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
          AuthParameters: parameters,
        })
      : caller.call(connections.public, "InitiateAuth", {
          ClientId: connections.source.clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: parameters,
        });
  }

  /** The source's verdict on the password, as this gateway answers it; null for a name the source does not know. */
  function refusal(answer: Extract<SourcePoolAnswer, { ok: false }>): CognitoError | null {
    switch (answer.errorType) {
      case "UserNotFoundException":
        return null;
      case "NotAuthorizedException":
        // Wrong password, or a user disabled there: for this gateway a wrong password (counted by the lockout).
        return new CognitoError("NotAuthorizedException", "Incorrect username or password.");
      case "UserNotConfirmedException":
        // Its password may not even have been checked, and an unconfirmed user has nothing to keep: confirm there first.
        return new CognitoError("UserNotConfirmedException", "User is not confirmed.");
      case "PasswordResetRequiredException":
        // ForgotPassword here migrates it (with admin credentials) and resets the password.
        return new CognitoError("PasswordResetRequiredException", "Password reset required for the user");
      default:
        return sourceFailed(`the source pool refused the sign-in (${answer.errorType})`);
    }
  }

  /** Who signed in at the source, and the factors its challenge stood for. */
  async function describeSignedIn(
    connections: SourceConnections,
    userName: string,
    output: Record<string, unknown>,
  ): Promise<{ user: SourceUser; challenge: string | null }> {
    const challenge = typeof output.ChallengeName === "string" ? output.ChallengeName : null;
    const parameters = (output.ChallengeParameters ?? {}) as Record<string, string>;
    const sourceUsername = parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? userName;
    if (connections.admin) {
      const user = await adminGetUser(connections, connections.admin, sourceUsername);
      if (!user) throw sourceFailed("the source pool signed the user in but does not describe it");
      return { user, challenge };
    }
    const accessToken = (output.AuthenticationResult as Record<string, unknown> | undefined)?.AccessToken;
    if (typeof accessToken === "string") {
      const answer = await caller.call(connections.public, "GetUser", { AccessToken: accessToken });
      if (!answer.ok) throw sourceFailed(`the source pool refused GetUser (${answer.errorType})`);
      return { user: readSourceUser(answer.output), challenge };
    }
    if (challenge === "NEW_PASSWORD_REQUIRED" && typeof parameters.userAttributes === "string") {
      let attributes: Record<string, string>;
      try {
        attributes = JSON.parse(parameters.userAttributes) as Record<string, string>;
      } catch {
        throw sourceFailed("the source pool sent unreadable userAttributes");
      }
      return {
        user: {
          username: sourceUsername,
          attributes,
          enabled: true,
          status: "FORCE_CHANGE_PASSWORD",
          mfaFactors: null,
        },
        challenge,
      };
    }
    // Without tokens (an MFA challenge) only AdminGetUser can tell the user's attributes.
    throw sourceFailed(
      `the source pool answered ${challenge ?? "no tokens"} for this user; migrating such users needs the source's admin credentials (AdminGetUser)`,
    );
  }

  /** The source user as this pool's user: attributes that fit its schema, MFA it can carry over, and what it cannot. */
  function toMigratedUser(
    pool: UserPool,
    connections: SourceConnections,
    found: SourceUser,
    status: MigratedUser["finalUserStatus"],
    challenge: string | null,
  ): MigratedUser {
    const attributes: Record<string, string> = {};
    const dropped: string[] = [];
    for (const [name, value] of Object.entries(found.attributes)) {
      // Cognito gives a migrated user a new sub; the old one only lives on in the chosen custom attribute.
      if (name === "sub") continue;
      if (fitsSchema(pool, name, value)) attributes[name] = value;
      else dropped.push(name);
    }
    const subAttribute = connections.source.subAttribute;
    if (subAttribute && found.attributes.sub) {
      if (fitsSchema(pool, subAttribute, found.attributes.sub)) attributes[subAttribute] = found.attributes.sub;
      else dropped.push(subAttribute);
    }
    const factors = new Set<MfaFactor>(found.mfaFactors ?? []);
    if (challenge && MFA_FACTOR_NAMES.includes(challenge as MfaFactor)) factors.add(challenge as MfaFactor);
    // Codes go to the same phone or address, so those factors carry over where this pool offers them.
    // A TOTP secret never leaves Cognito: that user must set the authenticator up again.
    const enableSmsMfa = factors.has("SMS_MFA") && isOfferedByPool(pool, "SMS_MFA") && Boolean(attributes.phone_number);
    const enableEmailMfa = factors.has("EMAIL_OTP") && isOfferedByPool(pool, "EMAIL_OTP") && Boolean(attributes.email);
    const mfaToSetUpAgain = [...factors].filter(
      (factor) => !(factor === "SMS_MFA" && enableSmsMfa) && !(factor === "EMAIL_OTP" && enableEmailMfa),
    );
    if (mfaToSetUpAgain.length === 0 && challenge && MFA_CHALLENGES.has(challenge) && !enableSmsMfa && !enableEmailMfa)
      mfaToSetUpAgain.push(challenge as MfaFactor);
    return {
      userAttributes: attributes,
      finalUserStatus: status,
      // A silent move: the user just signed in (or asked for a reset code, which is sent anyway).
      messageAction: "SUPPRESS",
      desiredDeliveryMediums: [],
      forceAliasCreation: false,
      enableSmsMfa,
      enableEmailMfa,
      username: found.username,
      eventDetail: {
        from: "UserMigrationSource",
        sourceUserPoolId: connections.source.sourcePoolId,
        ...(mfaToSetUpAgain.length > 0 ? { mfaToSetUpAgain } : {}),
        ...(dropped.length > 0 ? { droppedAttributes: dropped } : {}),
      },
      within: (repositories, now) => repositories.migrationSources.recordMigrated(pool.id, now),
    };
  }

  return {
    async find(pool, { userName, password }) {
      const source = await sources.get(pool.id);
      if (!source) return null;
      const connections = connectionsOf(secretBox, source);
      if (password === null) {
        // ForgotPassword: no password to prove, so only an admin lookup can find the user.
        if (!connections.admin) return null;
        const found = await adminGetUser(connections, connections.admin, userName);
        if (!found || !found.enabled || found.status === "UNCONFIRMED") return null;
        return toMigratedUser(pool, connections, found, "RESET_REQUIRED", null);
      }
      const answer = await signInAtSource(connections, userName, password);
      if (!answer.ok) {
        const error = refusal(answer);
        if (error) throw error;
        return null;
      }
      // Tokens or any challenge: USER_PASSWORD_AUTH challenges only after a correct password.
      const { user, challenge } = await describeSignedIn(connections, userName, answer.output);
      return toMigratedUser(
        pool,
        connections,
        user,
        challenge === "NEW_PASSWORD_REQUIRED" ? "FORCE_CHANGE_PASSWORD" : "CONFIRMED",
        challenge,
      );
    },
  };
}
