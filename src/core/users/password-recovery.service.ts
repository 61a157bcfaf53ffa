import { withMinimumDuration } from "../../lib/timing.js";
import { loadClientContext, verifySecretHash } from "../clients/client-context.js";
import { CognitoError, invalidParameter, isCognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import type { CodeService, ComposedCode } from "../messaging/code.service.js";
import { hidesUsersFor, type HidesUsersOverride, type SignUpServiceDeps } from "./sign-up.service.js";
import { recoveryTarget, type CodeDeliveryDetails, type DeliveryTarget } from "../messaging/delivery.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { MessageCaller } from "../triggers/message.triggers.js";
import { runPostConfirmation } from "../triggers/sign-up.triggers.js";
import { migrateUser, type BuiltInMigrationSource } from "../triggers/user-migration.js";
import { prepareCredentials, retireCurrentPassword } from "./credentials.js";
import { findUserByIdentifier } from "./identity.js";
import { checkPasswordAgainstPolicy } from "./password-policy.js";
import { normalizeTypedName } from "./typed-name.js";
import { saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

/** Same collaborators as sign-up (the public, enumeration-safe user flows), and the pools' built-in migration sources. */
export type PasswordRecoveryDeps = SignUpServiceDeps & { migrationSource?: BuiltInMigrationSource | null };

export type PasswordRecoveryService = ReturnType<typeof createPasswordRecoveryService>;

const FORGOT_PASSWORD_PER_HOUR = 5;
const CONFIRM_FORGOT_PASSWORD_PER_HOUR = 10;
const codeMismatch = () =>
  new CognitoError("CodeMismatchException", "Invalid verification code provided, please try again.");

/**
 * Makes a password-reset code for the user's first verified channel in recovery order, running
 * CustomMessage_ForgotPassword (which sees `caller`): before the transaction that stores it
 * (codes.storeCode). Shared with AdminResetUserPassword.
 * @throws NotAuthorizedException (admin_only recovery), InvalidParameterException (no verified channel),
 *         UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function composePasswordResetCode(
  codes: CodeService,
  pool: UserPool,
  user: User,
  caller: MessageCaller,
): Promise<ComposedCode> {
  const target = recoveryTarget(pool, user.attributes);
  if (target === "admin_only") throw adminOnlyRecovery();
  if (target === null)
    throw invalidParameter(
      "Cannot reset password for the user as there is no registered/verified email or phone_number",
    );
  return codes.composeCode({
    pool,
    user,
    purpose: "FORGOT_PASSWORD",
    target,
    template: templateFor(pool, target),
    clientId: caller.clientId,
    clientMetadata: caller.clientMetadata,
  });
}

const adminOnlyRecovery = () =>
  new CognitoError(
    "NotAuthorizedException",
    "User password cannot be reset in the current state: this pool allows admin-only recovery.",
  );

function templateFor(pool: UserPool, target: DeliveryTarget) {
  const template = pool.verificationMessageTemplate;
  return target.medium === "SMS"
    ? { subject: null, body: template.smsMessage }
    : { subject: template.emailSubject, body: template.emailMessage };
}

export function createPasswordRecoveryService({
  db,
  clock,
  hasher,
  codes,
  secretBox,
  enumerationSafeMs,
  triggers,
  sender,
  migrationSource,
}: PasswordRecoveryDeps) {
  /** UserMigration_ForgotPassword; a parallel request that migrated the same name first wins, and its user is used. */
  async function migrateForReset(
    pool: UserPool,
    clientId: string,
    username: string,
    clientMetadata: Record<string, string> | null,
  ): Promise<User | null> {
    try {
      return await migrateUser({ db, clock, hasher, triggers, sender, migrationSource }, pool, {
        source: "UserMigration_ForgotPassword",
        userName: username,
        clientId,
        password: null,
        clientMetadata,
      });
    } catch (error) {
      if (!(
        isCognitoError(error) &&
        (error.code === "UsernameExistsException" || error.code === "AliasExistsException")
      ))
        throw error;
      const raced = await db.read((repositories) => findUserByIdentifier(repositories, pool, username));
      if (!raced) throw error;
      return raced;
    }
  }

  /**
   * ConfirmForgotPassword for a name with no reset pending (PreventUserExistenceErrors ENABLED): the
   * simulated code a ForgotPassword "sent" wears out like a real one; with none, CodeMismatch — what
   * Cognito answers an unknown name, and so also a real user with no code (never ExpiredCode, which
   * only a real user could get).
   * @throws CodeMismatchException, TooManyFailedAttemptsException
   */
  async function answerAsUnknown(nameSubject: string): Promise<never> {
    try {
      return await codes.redeemSimulated(nameSubject, "FORGOT_PASSWORD");
    } catch (error) {
      if (isCognitoError(error) && error.code === "ExpiredCodeException") throw codeMismatch();
      throw error;
    }
  }

  /** A real user's missing, used or expired code answers as an unknown name would (LEGACY: ExpiredCode). */
  async function hideMissingCode<T>(hidesUsers: boolean, nameSubject: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (hidesUsers && isCognitoError(error) && error.code === "ExpiredCodeException")
        return answerAsUnknown(nameSubject);
      throw error;
    }
  }

  return {
    /**
     * Sends a reset code (ForgotPassword). With prevent-user-existence-errors ENABLED, unknown, disabled
     * or unverified users get simulated delivery details after the same minimum time, count towards
     * the same hourly limit (per typed name where there is no user) and get a simulated code that
     * ConfirmForgotPassword treats like a real one; an admin-only pool refuses every name alike.
     * @throws LimitExceededException, CodeDeliveryFailureException, NotAuthorizedException, InvalidParameterException (LEGACY clients),
     *         UserNotFoundException (LEGACY clients)
     */
    async forgotPassword(
      input: {
        clientId: string;
        username: string;
        secretHash?: string | null;
        clientMetadata?: Record<string, string> | null;
      } & HidesUsersOverride,
    ): Promise<CodeDeliveryDetails> {
      checkInput({ clientId: input.clientId, secretHash: input.secretHash, username: input.username });
      const { client, pool } = await db.read((repositories) => loadClientContext(repositories, input.clientId));
      const hidesUsers = hidesUsersFor(client, input);
      const work = async () => {
        const found = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
        verifySecretHash(secretBox, client, input.secretHash, [input.username, ...(found ? [found.username] : [])]);
        // An unknown name may live in the old user store: UserMigration_ForgotPassword creates it (RESET_REQUIRED).
        const clientMetadata = input.clientMetadata ?? null;
        const user = found ?? (await migrateForReset(pool, client.clientId, input.username, clientMetadata));
        if (hidesUsers) {
          // Whether the pool lets users recover at all is the pool's, not the user's: everyone hears it.
          if (recoveryTarget(pool, {}) === "admin_only") throw adminOnlyRecovery();
          const name = normalizeTypedName(pool, input.username);
          const nameSubject = codes.nameSubject(pool.id, name);
          // Counted per user, and per typed name where there is none, so the limit fires alike for both.
          await codes.countAttempt("forgotPassword", user?.id ?? nameSubject, FORGOT_PASSWORD_PER_HOUR);
          // Disabled and unverified users are treated as unknown (§8.2, §11.1), with their own addresses.
          if (!user || !user.enabled || recoveryTarget(pool, user.attributes) === null) {
            await codes.issueSimulated(nameSubject, "FORGOT_PASSWORD");
            return codes.simulatedDelivery(pool, input.username, name, "FORGOT_PASSWORD", user);
          }
        } else {
          if (!user) throw new CognitoError("UserNotFoundException", "User does not exist.");
          if (!user.enabled) throw new CognitoError("NotAuthorizedException", "User is disabled.");
          await codes.countAttempt("forgotPassword", user.id, FORGOT_PASSWORD_PER_HOUR);
        }
        const composed = await composePasswordResetCode(codes, pool, user, {
          clientId: client.clientId,
          clientMetadata,
        });
        const prepared = await db.transaction(async (repositories) => {
          const code = await codes.storeCode(repositories, composed);
          await repositories.events.append(
            {
              type: "PASSWORD_RESET_REQUESTED",
              poolId: pool.id,
              actor: `client:${client.clientId}`,
              detail: { userSub: user.id, by: "user" },
            },
            clock.now(),
          );
          return code;
        });
        return codes.deliver(prepared);
      };
      return hidesUsers ? withMinimumDuration(enumerationSafeMs, work) : work();
    },

    /**
     * Sets a new password with the reset code (ConfirmForgotPassword). The code is checked before the
     * password history. With prevent-user-existence-errors ENABLED a missing, used or expired code
     * answers CodeMismatch as an unknown name does, and unknown names count towards the hourly limit.
     * @throws CodeMismatchException, ExpiredCodeException (LEGACY clients), TooManyFailedAttemptsException, LimitExceededException,
     *         InvalidPasswordException, PasswordHistoryPolicyViolationException, UserNotFoundException (LEGACY clients),
     *         UserLambdaValidationException / UnexpectedLambdaException / InvalidLambdaResponseException (PostConfirmation; the new password is in force)
     */
    async confirmForgotPassword(
      input: {
        clientId: string;
        username: string;
        confirmationCode: string;
        password: string;
        secretHash?: string | null;
        clientMetadata?: Record<string, string> | null;
      } & HidesUsersOverride,
    ): Promise<void> {
      checkInput({
        clientId: input.clientId,
        secretHash: input.secretHash,
        username: input.username,
        confirmationCode: input.confirmationCode,
        password: input.password,
      });
      const { client, pool } = await db.read((repositories) => loadClientContext(repositories, input.clientId));
      const hidesUsers = hidesUsersFor(client, input);
      const work = async () => {
        const user = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
        verifySecretHash(secretBox, client, input.secretHash, [input.username, ...(user ? [user.username] : [])]);
        checkPasswordAgainstPolicy("password", input.password, pool.passwordPolicy);
        if (!user && !hidesUsers) throw new CognitoError("UserNotFoundException", "User does not exist.");
        const nameSubject = codes.nameSubject(pool.id, normalizeTypedName(pool, input.username));
        await codes.countAttempt("confirmForgotPassword", user?.id ?? nameSubject, CONFIRM_FORGOT_PASSWORD_PER_HOUR);
        if (!user) return answerAsUnknown(nameSubject);
        // The code first: the history check below answers differently for a password the user had,
        // so only whoever holds the code may hear it (else it is a password oracle, and an existence one).
        // No bcrypt runs before this point on any path, so a wrong code costs the same for every name.
        const credentials = await hideMissingCode(hidesUsers, nameSubject, async () => {
          await codes.check(user.id, "FORGOT_PASSWORD", input.confirmationCode);
          return db.read((repositories) => prepareCredentials(hasher, repositories, pool, user, input.password));
        });
        const updated = await hideMissingCode(hidesUsers, nameSubject, () =>
          codes.redeem(user.id, "FORGOT_PASSWORD", input.confirmationCode, async (repositories) => {
            const current = (await repositories.users.findById(pool.id, user.id)) ?? user;
            const now = clock.now();
            await retireCurrentPassword(repositories, pool, current, now);
            const status =
              current.status === "RESET_REQUIRED" || current.status === "FORCE_CHANGE_PASSWORD"
                ? "CONFIRMED"
                : current.status;
            const changed = { ...current, credentials, status, passwordChangedAt: now, updatedAt: now };
            await saveUser(repositories, pool, changed, { isNew: false });
            await repositories.events.append(
              {
                type: "PASSWORD_CHANGED",
                poolId: pool.id,
                actor: `client:${client.clientId}`,
                detail: { userSub: user.id, via: "ConfirmForgotPassword" },
              },
              now,
            );
            return changed;
          }),
        );
        // After the commit, as Cognito: a failing PostConfirmation fails the call, but the new password is in force.
        await runPostConfirmation(triggers, pool, {
          source: "PostConfirmation_ConfirmForgotPassword",
          user: updated,
          caller: { clientId: client.clientId },
          clientMetadata: input.clientMetadata ?? null,
        });
      };
      return hidesUsers ? withMinimumDuration(enumerationSafeMs, work) : work();
    },
  };
}
