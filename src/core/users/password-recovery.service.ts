import { withMinimumDuration } from "../../lib/timing.js";
import { loadClientContext, verifySecretHash } from "../clients/client-context.js";
import { CognitoError, invalidParameter } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import type { CodeService, ComposedCode } from "../messaging/code.service.js";
import type { SignUpServiceDeps } from "./sign-up.service.js";
import { recoveryTarget, simulatedTarget, type CodeDeliveryDetails, type DeliveryTarget } from "../messaging/delivery.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { runPostConfirmation } from "../triggers/sign-up.triggers.js";
import { migrateUser } from "../triggers/user-migration.js";
import { prepareCredentials, retireCurrentPassword } from "./credentials.js";
import { findUserByIdentifier } from "./identity.js";
import { checkPasswordAgainstPolicy } from "./password-policy.js";
import { saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

/** Same collaborators as sign-up: the public, enumeration-safe user flows. */
export type PasswordRecoveryDeps = SignUpServiceDeps;

export type PasswordRecoveryService = ReturnType<typeof createPasswordRecoveryService>;

const FORGOT_PASSWORD_PER_HOUR = 5;
const CONFIRM_FORGOT_PASSWORD_PER_HOUR = 10;

/**
 * Makes a password-reset code for the user's first verified channel in recovery order, running
 * CustomMessage_ForgotPassword: before the transaction that stores it (codes.storeCode). Shared
 * with AdminResetUserPassword.
 * @throws NotAuthorizedException (admin_only recovery), InvalidParameterException (no verified channel),
 *         UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function composePasswordResetCode(codes: CodeService, pool: UserPool, user: User): Promise<ComposedCode> {
  const target = recoveryTarget(pool, user.attributes);
  if (target === "admin_only") throw new CognitoError("NotAuthorizedException", "User password cannot be reset in the current state: this pool allows admin-only recovery.");
  if (target === null) throw invalidParameter("Cannot reset password for the user as there is no registered/verified email or phone_number");
  return codes.composeCode({ pool, user, purpose: "FORGOT_PASSWORD", target, template: templateFor(pool, target) });
}

function templateFor(pool: UserPool, target: DeliveryTarget) {
  const template = pool.verificationMessageTemplate;
  return target.medium === "SMS" ? { subject: null, body: template.smsMessage } : { subject: template.emailSubject, body: template.emailMessage };
}

export function createPasswordRecoveryService({ db, clock, hasher, codes, secretBox, enumerationSafeMs, triggers, sender }: PasswordRecoveryDeps) {
  return {
    /**
     * Sends a reset code (ForgotPassword). With prevent-user-existence-errors ENABLED, unknown, disabled
     * or unverified users get simulated delivery details after the same minimum time.
     * @throws LimitExceededException, CodeDeliveryFailureException, NotAuthorizedException, InvalidParameterException,
     *         UserNotFoundException (LEGACY clients)
     */
    async forgotPassword(input: { clientId: string; username: string; secretHash?: string | null }): Promise<CodeDeliveryDetails> {
      checkInput({ clientId: input.clientId, secretHash: input.secretHash, username: input.username });
      const { client, pool } = await db.read((repositories) => loadClientContext(repositories, input.clientId));
      const hidesUsers = client.preventUserExistenceErrors === "ENABLED";
      const work = async () => {
        const found = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
        verifySecretHash(secretBox, client, input.secretHash, [input.username, ...(found ? [found.username] : [])]);
        // An unknown name may live in the old user store: UserMigration_ForgotPassword creates it (RESET_REQUIRED).
        const user = found ?? (await migrateUser({ db, clock, hasher, triggers, sender }, pool, { source: "UserMigration_ForgotPassword", userName: input.username, clientId: client.clientId, password: null, clientMetadata: null }));
        const target = user ? recoveryTarget(pool, user.attributes) : null;
        if (!user || (hidesUsers && (!user.enabled || target === null))) {
          if (hidesUsers) return simulatedTarget(pool, input.username, "FORGOT_PASSWORD");
          throw new CognitoError("UserNotFoundException", "User does not exist.");
        }
        if (!user.enabled) throw new CognitoError("NotAuthorizedException", "User is disabled.");
        await codes.countAttempt("forgotPassword", user.id, FORGOT_PASSWORD_PER_HOUR);
        const composed = await composePasswordResetCode(codes, pool, user);
        const prepared = await db.transaction(async (repositories) => {
          const code = await codes.storeCode(repositories, composed);
          await repositories.events.append({ type: "PASSWORD_RESET_REQUESTED", poolId: pool.id, actor: `client:${client.clientId}`, detail: { userSub: user.id, by: "user" } }, clock.now());
          return code;
        });
        return codes.deliver(prepared);
      };
      return hidesUsers ? withMinimumDuration(enumerationSafeMs, work) : work();
    },

    /**
     * Sets a new password with the reset code (ConfirmForgotPassword).
     * @throws CodeMismatchException, ExpiredCodeException, TooManyFailedAttemptsException, LimitExceededException,
     *         InvalidPasswordException, PasswordHistoryPolicyViolationException, UserNotFoundException (LEGACY clients),
     *         UserLambdaValidationException / UnexpectedLambdaException / InvalidLambdaResponseException (PostConfirmation; the new password is in force)
     */
    async confirmForgotPassword(input: { clientId: string; username: string; confirmationCode: string; password: string; secretHash?: string | null; clientMetadata?: Record<string, string> | null }): Promise<void> {
      checkInput({ clientId: input.clientId, secretHash: input.secretHash, username: input.username, confirmationCode: input.confirmationCode, password: input.password });
      const { client, pool } = await db.read((repositories) => loadClientContext(repositories, input.clientId));
      const hidesUsers = client.preventUserExistenceErrors === "ENABLED";
      const work = async () => {
        const user = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
        verifySecretHash(secretBox, client, input.secretHash, [input.username, ...(user ? [user.username] : [])]);
        checkPasswordAgainstPolicy("password", input.password, pool.passwordPolicy);
        if (!user) {
          // Spend what a real reset spends, so the answer's timing does not tell the user is missing.
          await hasher.hash(input.password);
          if (hidesUsers) throw new CognitoError("CodeMismatchException", "Invalid verification code provided, please try again.");
          throw new CognitoError("UserNotFoundException", "User does not exist.");
        }
        await codes.countAttempt("confirmForgotPassword", user.id, CONFIRM_FORGOT_PASSWORD_PER_HOUR);
        const credentials = await db.read((repositories) => prepareCredentials(hasher, repositories, pool, user, input.password));
        const updated = await codes.redeem(user.id, "FORGOT_PASSWORD", input.confirmationCode, async (repositories) => {
          const current = (await repositories.users.findById(pool.id, user.id)) ?? user;
          const now = clock.now();
          await retireCurrentPassword(repositories, pool, current, now);
          const status = current.status === "RESET_REQUIRED" || current.status === "FORCE_CHANGE_PASSWORD" ? "CONFIRMED" : current.status;
          const changed = { ...current, credentials, status, passwordChangedAt: now, updatedAt: now };
          await saveUser(repositories, pool, changed, { isNew: false });
          await repositories.events.append({ type: "PASSWORD_CHANGED", poolId: pool.id, actor: `client:${client.clientId}`, detail: { userSub: user.id, via: "ConfirmForgotPassword" } }, now);
          return changed;
        });
        // After the commit, as Cognito: a failing PostConfirmation fails the call, but the new password is in force.
        await runPostConfirmation(triggers, pool, { source: "PostConfirmation_ConfirmForgotPassword", user: updated, caller: { clientId: client.clientId }, clientMetadata: input.clientMetadata ?? null });
      };
      return hidesUsers ? withMinimumDuration(enumerationSafeMs, work) : work();
    },
  };
}
