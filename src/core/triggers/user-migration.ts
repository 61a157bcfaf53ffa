import type { Clock } from "../../lib/clock.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import type { Database, PasswordHasher } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { releaseAliasFromOtherUser } from "../users/sign-up.service.js";
import { buildNewUser, saveUser } from "../users/user-store.js";
import type { User, UserStatus } from "../users/user.types.js";
import { runUserMigration } from "./migration.triggers.js";
import type { TriggerRunner } from "./trigger-runner.js";

/** Attributes a migration may not set: the gateway owns them. */
const OWNED_ATTRIBUTES = new Set(["sub", "cognito:user_status", "cognito:username"]);

/**
 * Lazy migration: asks UserMigration about an unknown name and creates the user it vouches for,
 * with the password the sign-in just proved to the old store (or, from ForgotPassword, with none:
 * the user must reset). The trigger runs before anything is written, so a refusal leaves nothing.
 * Returns null when the pool has no UserMigration trigger.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException,
 *         UsernameExistsException / AliasExistsException (a parallel migration or sign-up won)
 */
export async function migrateUser(
  deps: { db: Database; clock: Clock; hasher: PasswordHasher; triggers: TriggerRunner },
  pool: UserPool,
  args: { source: "UserMigration_Authentication" | "UserMigration_ForgotPassword"; userName: string; clientId: string; password: string | null; clientMetadata: Record<string, string> | null },
): Promise<User | null> {
  if (!deps.triggers.isConfigured(pool, "UserMigration")) return null;
  const migrated = await runUserMigration(deps.triggers, pool, { ...args, validationData: args.clientMetadata });
  if (!migrated) return null;
  const attributes = Object.fromEntries(Object.entries(migrated.userAttributes).filter(([name]) => !OWNED_ATTRIBUTES.has(name)));
  const usernameKind = pool.usernameAttributes.find((kind) => (kind === "email" ? args.userName.includes("@") : args.userName.startsWith("+")));
  if (usernameKind) attributes[usernameKind] = attributes[usernameKind] ?? args.userName;
  // Without a password (ForgotPassword) the user can only reset: RESET_REQUIRED whatever was asked.
  const status: UserStatus = args.password === null ? "RESET_REQUIRED" : migrated.finalUserStatus;
  const now = deps.clock.now();
  // buildNewUser needs a password; a ForgotPassword migration gets a random one nobody knows.
  const password = args.password ?? randomTokenBase64Url(32);
  const user = await buildNewUser(deps.hasher, pool, { givenUsername: usernameKind ? null : args.userName, password, status, attributes, now });
  const stored: User = args.password === null ? { ...user, credentials: null } : user;
  await deps.db.transaction(async (repositories) => {
    if (migrated.forceAliasCreation) {
      for (const kind of ["email", "phone_number"] as const) {
        if (pool.aliasAttributes.includes(kind) && attributes[kind] && attributes[`${kind}_verified`] === "true") await releaseAliasFromOtherUser(repositories, pool, kind, attributes[kind], stored.id, now);
      }
    }
    await saveUser(repositories, pool, stored, { isNew: true });
    await repositories.events.append({ type: "USER_SIGNED_UP", poolId: pool.id, actor: `client:${args.clientId}`, detail: { userSub: stored.id, username: stored.username, via: args.source } }, now);
  });
  return stored;
}
