import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { readBoolean, readEnum, readStringArray, readStringMap } from "./trigger-response.js";
import { invalidResponse, type TriggerRunner } from "./trigger-runner.js";

/** What UserMigration answers (cognito-reference §10.2): the user to create. */
export interface MigratedUser {
  userAttributes: Record<string, string>;
  /** FORCE_CHANGE_PASSWORD only from the built-in source (a user who still has a temporary password there). */
  finalUserStatus: "CONFIRMED" | "RESET_REQUIRED" | "FORCE_CHANGE_PASSWORD";
  messageAction: "SUPPRESS" | null;
  desiredDeliveryMediums: ("EMAIL" | "SMS")[];
  forceAliasCreation: boolean;
  /** Switch SMS_MFA on (and prefer it) for the new user, as AdminSetUserMFAPreference would. */
  enableSmsMfa: boolean;
  /**
   * What the built-in migration source (core/migration/cognito-source.ts) adds; the trigger never sets
   * these. `username`: the user's name at the source (else the name typed here); `enableEmailMfa`: as
   * enableSmsMfa for EMAIL_OTP; `eventDetail`: merged into the USER_SIGNED_UP event (e.g. the MFA the
   * user must set up again); `within`: runs in the transaction that creates the user.
   */
  username?: string;
  enableEmailMfa?: boolean;
  eventDetail?: Record<string, unknown>;
  within?: (repositories: Repositories, now: Date) => Promise<void>;
}

/**
 * UserMigration: asks the old user store about a name this pool does not know. At sign-in it gets
 * the password, and a user it vouches for is created with exactly that password (lazy migration);
 * at ForgotPassword it gets no password. Called before anything is written.
 * @throws UserLambdaValidationException (the old store refused: wrong password, unknown user),
 *         UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runUserMigration(
  runner: TriggerRunner,
  pool: UserPool,
  args: {
    source: "UserMigration_Authentication" | "UserMigration_ForgotPassword";
    userName: string;
    clientId: string;
    password: string | null;
    validationData: Record<string, string> | null;
    clientMetadata: Record<string, string> | null;
  },
): Promise<MigratedUser | null> {
  const response = await runner.run(pool, "UserMigration", {
    triggerSource: args.source,
    userName: args.userName,
    caller: { clientId: args.clientId },
    request: {
      ...(args.password !== null ? { password: args.password } : {}),
      validationData: args.validationData ?? {},
      ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
    },
  });
  if (!response) return null;
  const userAttributes = readStringMap("UserMigration", response, "userAttributes");
  if (!userAttributes) throw invalidResponse("UserMigration", "userAttributes is required");
  return {
    userAttributes,
    finalUserStatus:
      readEnum("UserMigration", response, "finalUserStatus", ["CONFIRMED", "RESET_REQUIRED"] as const) ??
      "RESET_REQUIRED",
    messageAction: readEnum("UserMigration", response, "messageAction", ["SUPPRESS"] as const) ?? null,
    desiredDeliveryMediums: (readStringArray("UserMigration", response, "desiredDeliveryMediums") ?? []).map(
      (medium) => {
        if (medium !== "EMAIL" && medium !== "SMS")
          throw invalidResponse("UserMigration", "desiredDeliveryMediums holds EMAIL or SMS");
        return medium;
      },
    ),
    forceAliasCreation: readBoolean("UserMigration", response, "forceAliasCreation") ?? false,
    enableSmsMfa: readBoolean("UserMigration", response, "enableSMSMFA") ?? false,
  };
}
