import type { Clock } from "../../lib/clock.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { isCognitoError } from "../errors.js";
import { isOfferedByPool } from "../mfa/mfa-factors.js";
import type { Database, MessageSender, PasswordHasher, Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { composeInvitations, deliveryMediumsOf, reachableTargets, sendInvitations } from "../users/invitation.js";
import { checkAttributeWrites } from "../users/attribute-rules.js";
import { releaseAliasFromOtherUser } from "../users/user-confirmation.js";
import { buildNewUser, saveUser } from "../users/user-store.js";
import type { User, UserStatus } from "../users/user.types.js";
import { runUserMigration, type MigratedUser } from "./migration.triggers.js";
import { invalidResponse, type TriggerRunner } from "./trigger-runner.js";

/**
 * What `{####}` becomes in a migrated user's welcome message. The invitation template was written
 * for a temporary password, but a migrated user has none: at sign-in they keep the password they
 * just proved, from ForgotPassword they set one with the reset code. A made-up password here would
 * not work, and the real one must never travel in a message, so the placeholder gets plain words.
 */
export const MIGRATED_PASSWORD_TEXT = {
  UserMigration_Authentication: "the password you already use",
  UserMigration_ForgotPassword: "the one you choose with your password reset code",
} as const;

/**
 * The pool's built-in migration source (core/migration/cognito-source.ts): another way to find an
 * unknown user elsewhere, asked only when the pool has no UserMigration trigger.
 */
export interface BuiltInMigrationSource {
  /**
   * The user as the source knows it, or null when the pool has no source or the source does not know
   * the name. With a password it is checked there; without one (ForgotPassword) the user is only looked up.
   * @throws NotAuthorizedException (wrong password at the source), UserNotConfirmedException,
   *         PasswordResetRequiredException, UnexpectedLambdaException (source down, slow or refusing)
   */
  find(pool: UserPool, args: { userName: string; password: string | null }): Promise<MigratedUser | null>;
}

/** Attributes a migration may not set: the gateway owns them. */
const OWNED_ATTRIBUTES = new Set(["sub", "cognito:user_status", "cognito:username"]);

/** @throws InvalidLambdaResponseException naming the attribute that does not fit the pool's schema */
function checkMigratedAttributes(pool: UserPool, attributes: Record<string, string>): void {
  try {
    const writes = Object.entries(attributes).map(([name, value]) => ({ name, value }));
    checkAttributeWrites(pool, writes, { kind: "admin" }, { isCreate: true });
  } catch (error) {
    if (isCognitoError(error)) throw invalidResponse("UserMigration", error.message);
    throw error;
  }
}

/**
 * Lazy migration: asks UserMigration about an unknown name and creates the user it vouches for,
 * with the password the sign-in just proved to the old store (or, from ForgotPassword, with none:
 * the user must reset). Every trigger (UserMigration, then CustomMessage for the welcome message)
 * runs before anything is written, so a refusal leaves nothing. The response is honoured whole:
 * finalUserStatus, forceAliasCreation, enableSMSMFA (SMS_MFA on and preferred, as
 * AdminSetUserMFAPreference would set it), and the welcome message unless messageAction is SUPPRESS,
 * over desiredDeliveryMediums (default SMS) that the user has an address for.
 * Returns null when the pool has neither a UserMigration trigger nor a built-in source, or the one it
 * has does not know the name.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 *         (also: enableSMSMFA without SMS_MFA in the pool or a phone_number),
 *         UsernameExistsException / AliasExistsException (a parallel migration or sign-up won),
 *         CodeDeliveryFailureException (the welcome message; the user exists and signs in next time)
 */
export async function migrateUser(
  deps: {
    db: Database;
    clock: Clock;
    hasher: PasswordHasher;
    triggers: TriggerRunner;
    sender: MessageSender;
    migrationSource?: BuiltInMigrationSource | null;
  },
  pool: UserPool,
  args: {
    source: "UserMigration_Authentication" | "UserMigration_ForgotPassword";
    userName: string;
    clientId: string;
    password: string | null;
    clientMetadata: Record<string, string> | null;
  },
): Promise<User | null> {
  let migrated: MigratedUser | null;
  const byTrigger = deps.triggers.isConfigured(pool, "UserMigration");
  if (byTrigger)
    migrated = await runUserMigration(deps.triggers, pool, { ...args, validationData: args.clientMetadata });
  else if (deps.migrationSource)
    migrated = await deps.migrationSource.find(pool, { userName: args.userName, password: args.password });
  else return null;
  if (!migrated) return null;
  const attributes = Object.fromEntries(
    Object.entries(migrated.userAttributes).filter(([name]) => !OWNED_ATTRIBUTES.has(name)),
  );
  // The attributes meet the pool's schema as an admin's would (names, types, formats, lengths). The built-in
  // source has already left out what does not fit (core/migration/cognito-source.ts): for it this is a backstop.
  checkMigratedAttributes(pool, attributes);
  const usernameKind = pool.usernameAttributes.find((kind) =>
    kind === "email" ? args.userName.includes("@") : args.userName.startsWith("+"),
  );
  if (usernameKind) attributes[usernameKind] = attributes[usernameKind] ?? args.userName;
  if (migrated.enableSmsMfa && !(isOfferedByPool(pool, "SMS_MFA") && attributes.phone_number)) {
    throw invalidResponse(
      "UserMigration",
      "enableSMSMFA needs SMS_MFA enabled in the user pool and a phone_number attribute",
    );
  }
  // Without a password (ForgotPassword) the user can only reset: RESET_REQUIRED whatever was asked.
  const status: UserStatus = args.password === null ? "RESET_REQUIRED" : migrated.finalUserStatus;
  const now = deps.clock.now();
  // buildNewUser needs a password; a ForgotPassword migration gets a random one nobody knows.
  const password = args.password ?? randomTokenBase64Url(32);
  const user = await buildNewUser(deps.hasher, pool, {
    givenUsername: usernameKind ? null : (migrated.username ?? args.userName),
    password,
    status,
    attributes,
    now,
  });
  const stored: User = args.password === null ? { ...user, credentials: null } : user;
  const targets =
    migrated.messageAction === "SUPPRESS"
      ? []
      : reachableTargets(attributes, deliveryMediumsOf(migrated.desiredDeliveryMediums));
  const invitations = await composeInvitations(deps.triggers, pool, stored, targets, {
    clientId: args.clientId,
    clientMetadata: args.clientMetadata,
  });
  await deps.db.transaction(async (repositories) => {
    if (migrated.forceAliasCreation) {
      for (const kind of ["email", "phone_number"] as const) {
        if (pool.aliasAttributes.includes(kind) && attributes[kind] && attributes[`${kind}_verified`] === "true")
          await releaseAliasFromOtherUser(repositories, pool, kind, attributes[kind], stored.id, now);
      }
    }
    await saveUser(repositories, pool, stored, { isNew: true });
    await repositories.events.append(
      {
        type: "USER_SIGNED_UP",
        poolId: pool.id,
        actor: `client:${args.clientId}`,
        detail: { ...migrated.eventDetail, userSub: stored.id, username: stored.username, via: args.source },
      },
      now,
    );
    if (migrated.enableSmsMfa || migrated.enableEmailMfa)
      await enableMfa(
        repositories,
        pool,
        stored,
        { sms: migrated.enableSmsMfa, email: migrated.enableEmailMfa ?? false },
        now,
      );
    await migrated.within?.(repositories, now);
  });
  await sendInvitations(deps.sender, pool, stored, invitations, MIGRATED_PASSWORD_TEXT[args.source]);
  return stored;
}

/**
 * enableSMSMFA: what AdminSetUserMFAPreference with SMS enabled and preferred writes for a user with no
 * factors yet; the built-in source may switch EMAIL_OTP on the same way (SMS preferred when both are).
 */
async function enableMfa(
  repositories: Repositories,
  pool: UserPool,
  user: User,
  factors: { sms: boolean; email: boolean },
  now: Date,
): Promise<void> {
  await repositories.mfa.findForUpdate(user.id, now);
  await repositories.mfa.setFactors(
    user.id,
    {
      smsEnabled: factors.sms,
      emailEnabled: factors.email,
      totpEnabled: false,
      preferred: factors.sms ? "SMS_MFA" : "EMAIL_OTP",
    },
    now,
  );
  for (const factor of [...(factors.sms ? ["SMS_MFA"] : []), ...(factors.email ? ["EMAIL_OTP"] : [])]) {
    await repositories.events.append(
      {
        type: "MFA_ENABLED",
        poolId: pool.id,
        actor: "system",
        detail: { userSub: user.id, factor, via: "UserMigration" },
      },
      now,
    );
  }
}
