import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter, isCognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import { recoveryTarget } from "../messaging/delivery.js";
import type { DeliveryMedium, Repositories } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { runPreSignUp } from "../triggers/sign-up.triggers.js";
import { requireSubset } from "../validation.js";
import {
  loadAdminUserContext,
  userNotFound,
  type AdminUserRef,
  type AdminUserServiceDeps,
} from "./admin-user-context.js";
import { checkAttributeWrites, toAttributeMap, type AttributeInput } from "./attribute-rules.js";
import { credentialsFor, prepareCredentials, retireCurrentPassword } from "./credentials.js";
import { classifySignUpUsername, findUserByIdentifier } from "./identity.js";
import { composeInvitations, deliveryMediumsOf, invitationTargets, sendInvitations } from "./invitation.js";
import { composePasswordResetCode } from "./password-recovery.service.js";
import { checkPasswordAgainstPolicy, generateTemporaryPassword } from "./password-policy.js";
import { releaseAliasFromOtherUser } from "./user-confirmation.js";
import { buildNewUser, saveUser } from "./user-store.js";
import { allowsPasswordless } from "../pools/sign-in-policy.js";
import type { User, UserAttributes } from "./user.types.js";

export type MessageAction = "RESEND" | "SUPPRESS";

export interface AdminCreateUserInput extends AdminUserRef {
  userAttributes?: AttributeInput[] | null;
  /** Checked against the policy; a conforming one is generated when absent. */
  temporaryPassword?: string | null;
  /** Move a verified email/phone alias held by another user to the new one. */
  forceAliasCreation?: boolean | null;
  messageAction?: MessageAction | null;
  /** Where the invitation goes; Cognito's default is SMS. */
  desiredDeliveryMediums?: DeliveryMedium[] | null;
  /** Passed to the PreSignUp trigger; not stored. */
  validationData?: AttributeInput[] | null;
  clientMetadata?: Record<string, string> | null;
}

export interface AdminSetUserPasswordInput extends AdminUserRef {
  password: string;
  /** true → CONFIRMED; false (the default, as Cognito's) → FORCE_CHANGE_PASSWORD. */
  permanent?: boolean | null;
}

const VERIFIABLE = ["email", "phone_number"] as const;

/** The attributes of a new user: the username's email/phone copied in, verified flags defaulted to "false". */
function initialAttributes(
  pool: UserPool,
  input: AdminCreateUserInput,
  usernameKind: ReturnType<typeof classifySignUpUsername>,
): UserAttributes {
  const attributes = toAttributeMap((input.userAttributes ?? []).filter((attribute) => attribute.value !== ""));
  if (usernameKind.kind !== "username") {
    if (attributes[usernameKind.kind] && attributes[usernameKind.kind] !== usernameKind.value) {
      throw invalidParameter(`${usernameKind.kind} must match the username in this user pool.`);
    }
    attributes[usernameKind.kind] = usernameKind.value;
  }
  for (const kind of VERIFIABLE) {
    const flag = `${kind}_verified`;
    if (attributes[kind] && attributes[flag] === undefined) attributes[flag] = "false";
    if (!attributes[kind] && attributes[flag] === "true")
      throw invalidParameter(`${flag} cannot be true without a ${kind} attribute.`);
  }
  return attributes;
}

export function createAdminUserPasswordOperations({
  db,
  clock,
  hasher,
  codes,
  sender,
  triggers,
}: AdminUserServiceDeps) {
  function chooseTemporaryPassword(pool: UserPool, given: string | null | undefined): string {
    if (given === null || given === undefined) return generateTemporaryPassword(pool.passwordPolicy);
    checkPasswordAgainstPolicy("temporaryPassword", given, pool.passwordPolicy);
    return given;
  }

  /** MessageAction RESEND: a new temporary password, a fresh validity period, the invitation again. */
  async function resendInvitation(
    principal: AdminPrincipal,
    pool: UserPool,
    input: AdminCreateUserInput,
    mediums: DeliveryMedium[],
  ): Promise<User> {
    const assertResendable = (user: User) => {
      if (user.status !== "FORCE_CHANGE_PASSWORD") {
        throw new CognitoError(
          "UnsupportedUserStateException",
          `Resend not possible: the user's status is ${user.status}, and only FORCE_CHANGE_PASSWORD users get a new temporary password.`,
        );
      }
    };
    const existing = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
    if (!existing) throw userNotFound();
    assertResendable(existing);
    const targets = invitationTargets(existing.attributes, mediums);
    const temporaryPassword = chooseTemporaryPassword(pool, input.temporaryPassword);
    const passwordHash = await hasher.hash(temporaryPassword);
    // CustomMessage_AdminCreateUser again, before the new password is written.
    const invitations = await composeInvitations(triggers, pool, existing, targets, {
      clientId: null,
      clientMetadata: input.clientMetadata ?? null,
    });
    const user = await db.transaction(async (repositories) => {
      const current = await repositories.users.findById(pool.id, existing.id);
      if (!current) throw userNotFound();
      assertResendable(current);
      const now = clock.now();
      const updated: User = {
        ...current,
        credentials: credentialsFor(hasher, pool, current.username, temporaryPassword, passwordHash),
        passwordChangedAt: now,
        updatedAt: now,
      };
      await saveUser(repositories, pool, updated, { isNew: false });
      await repositories.events.append(
        {
          type: "PASSWORD_CHANGED",
          poolId: pool.id,
          actor: actorOf(principal),
          detail: {
            userSub: current.id,
            username: current.username,
            via: "AdminCreateUser(RESEND)",
            temporary: true,
            deliveryMediums: mediums,
          },
        },
        now,
      );
      return updated;
    });
    await sendInvitations(sender, pool, user, invitations, temporaryPassword);
    return user;
  }

  return {
    /**
     * Creates a user in FORCE_CHANGE_PASSWORD with a temporary password and sends the invitation
     * (AdminCreateUser); MessageAction RESEND re-invites an existing FORCE_CHANGE_PASSWORD user instead
     * (a new temporary password, given or generated, and a fresh validity; userAttributes are ignored).
     * Required attributes may be omitted, as Cognito allows for admins.
     * @throws ResourceNotFoundException, NotAuthorizedException, InvalidParameterException, InvalidPasswordException,
     *         UsernameExistsException, AliasExistsException, UserNotFoundException and UnsupportedUserStateException (RESEND),
     *         CodeDeliveryFailureException (the user then exists; RESEND sends again)
     */
    async adminCreateUser(principal: AdminPrincipal, input: AdminCreateUserInput): Promise<User> {
      checkInput({
        userPoolId: input.userPoolId,
        username: input.username,
        userAttributes: input.userAttributes,
        validationData: input.validationData,
        temporaryPassword: input.temporaryPassword,
      });
      const pool = await db.read((repositories) => loadAccessiblePool(repositories, principal, input.userPoolId));
      if (input.messageAction) requireSubset("messageAction", [input.messageAction], ["RESEND", "SUPPRESS"]);
      const mediums = deliveryMediumsOf(input.desiredDeliveryMediums);
      if (input.messageAction === "RESEND") return resendInvitation(principal, pool, input, mediums);

      const usernameKind = classifySignUpUsername(pool, input.username);
      checkAttributeWrites(pool, input.userAttributes ?? [], { kind: "admin" }, { isCreate: true });
      const attributes = initialAttributes(pool, input, usernameKind);
      // A pool with a passwordless first factor creates a user without a temporary password when none is
      // given (reference-oauth §13.6): CONFIRMED, no credentials, no invitation (there is nothing to send).
      const isPasswordless = !input.temporaryPassword && allowsPasswordless(pool.signInPolicy);
      const targets =
        input.messageAction === "SUPPRESS" || isPasswordless ? [] : invitationTargets(attributes, mediums);
      const temporaryPassword = isPasswordless ? null : chooseTemporaryPassword(pool, input.temporaryPassword);

      // Triggers before anything is written: a refusal leaves no user (their auto* answers do not apply to admins).
      await runPreSignUp(triggers, pool, {
        source: "PreSignUp_AdminCreateUser",
        userName: input.username,
        caller: { clientId: null },
        attributes,
        validationData: input.validationData ? toAttributeMap(input.validationData) : null,
        clientMetadata: input.clientMetadata ?? null,
      });
      const now = clock.now();
      const user = await buildNewUser(hasher, pool, {
        givenUsername: usernameKind.kind === "username" ? input.username : null,
        password: temporaryPassword,
        status: isPasswordless ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD",
        attributes,
        now,
      });
      // CustomMessage before anything is written, as PreSignUp: a failing trigger leaves no user.
      const invitations = await composeInvitations(triggers, pool, user, targets, {
        clientId: null,
        clientMetadata: input.clientMetadata ?? null,
      });
      try {
        await db.transaction(async (repositories) => {
          if (input.forceAliasCreation) await claimVerifiedAliases(repositories, pool, user, now);
          await saveUser(repositories, pool, user, { isNew: true });
          await repositories.events.append(
            {
              type: "USER_CREATED_BY_ADMIN",
              poolId: pool.id,
              actor: actorOf(principal),
              detail: {
                userSub: user.id,
                username: user.username,
                attributes: Object.keys(user.attributes).sort(),
                messageAction: input.messageAction ?? null,
                deliveryMediums: targets.map((target) => target.medium),
              },
            },
            now,
          );
        });
      } catch (error) {
        // In email/phone-as-username pools the sign-in name lives in the alias table.
        if (isCognitoError(error) && error.code === "AliasExistsException" && usernameKind.kind !== "username") {
          throw new CognitoError(
            "UsernameExistsException",
            `An account with the given ${usernameKind.kind === "email" ? "email" : "phone number"} already exists.`,
          );
        }
        throw error;
      }
      if (temporaryPassword !== null) await sendInvitations(sender, pool, user, invitations, temporaryPassword);
      return user;
    },

    /**
     * Sets a user's password (AdminSetUserPassword): permanent → CONFIRMED, otherwise FORCE_CHANGE_PASSWORD
     * with a fresh temporary-password validity. A pending reset code stops working.
     * @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException, InvalidParameterException,
     *         InvalidPasswordException, PasswordHistoryPolicyViolationException
     */
    async adminSetUserPassword(principal: AdminPrincipal, input: AdminSetUserPasswordInput): Promise<void> {
      checkInput({ userPoolId: input.userPoolId, username: input.username, password: input.password });
      const { pool, user } = await db.read((repositories) => loadAdminUserContext(repositories, principal, input));
      const credentials = await db.read((repositories) =>
        prepareCredentials(hasher, repositories, pool, user, input.password),
      );
      const permanent = input.permanent ?? false;
      await db.transaction(async (repositories) => {
        const current = await repositories.users.findById(pool.id, user.id);
        if (!current) throw userNotFound();
        const now = clock.now();
        await retireCurrentPassword(repositories, pool, current, now);
        const status = permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
        await saveUser(
          repositories,
          pool,
          { ...current, credentials, status, passwordChangedAt: now, updatedAt: now },
          { isNew: false },
        );
        await repositories.codes.deleteForUser(current.id, "FORGOT_PASSWORD");
        await repositories.events.append(
          {
            type: "PASSWORD_CHANGED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: current.id, username: current.username, via: "AdminSetUserPassword", permanent },
          },
          now,
        );
      });
    },

    /**
     * Marks the user RESET_REQUIRED and sends a FORGOT_PASSWORD code to the first verified channel in
     * the pool's recovery order (AdminResetUserPassword); ConfirmForgotPassword then makes them CONFIRMED.
     * With admin_only recovery no code can be sent: the user stays RESET_REQUIRED until AdminSetUserPassword.
     * @throws ResourceNotFoundException, NotAuthorizedException (also: FORCE_CHANGE_PASSWORD users, who need
     *         AdminCreateUser RESEND), UserNotFoundException, InvalidParameterException (no verified email or
     *         phone; nothing is changed), CodeDeliveryFailureException, ConcurrentModificationException (the user's
     *         channel changed while CustomMessage ran), UserLambdaValidationException and the other trigger errors
     */
    async adminResetUserPassword(
      principal: AdminPrincipal,
      ref: AdminUserRef & { clientMetadata?: Record<string, string> | null },
    ): Promise<void> {
      const assertResettable = (user: User) => {
        if (user.status === "FORCE_CHANGE_PASSWORD")
          throw new CognitoError("NotAuthorizedException", "User password cannot be reset in the current state.");
      };
      const { pool, user } = await db.read((repositories) => loadAdminUserContext(repositories, principal, ref));
      assertResettable(user);
      const target = recoveryTarget(pool, user.attributes);
      if (target === null)
        throw invalidParameter(
          "Cannot reset password for the user as there is no registered/verified email or phone_number",
        );
      // CustomMessage_ForgotPassword before anything is written: a failing trigger leaves the user as they were.
      const composed =
        target === "admin_only"
          ? null
          : await composePasswordResetCode(
              codes,
              pool,
              { ...user, status: "RESET_REQUIRED" },
              { clientId: null, clientMetadata: ref.clientMetadata ?? null },
            );
      const prepared = await db.transaction(async (repositories) => {
        const { user: current } = await loadAdminUserContext(repositories, principal, ref);
        assertResettable(current);
        // The code was made for the channel read before the trigger ran; it must still be the one in force.
        const currentTarget = recoveryTarget(pool, current.attributes);
        const isSameChannel =
          current.id === user.id &&
          (target === "admin_only"
            ? currentTarget === "admin_only"
            : currentTarget !== null && currentTarget !== "admin_only" && currentTarget.address === target.address);
        if (!isSameChannel)
          throw new CognitoError(
            "ConcurrentModificationException",
            "The user changed while the reset code was being prepared; try again.",
          );
        const now = clock.now();
        const reset: User = { ...current, status: "RESET_REQUIRED", updatedAt: now };
        await saveUser(repositories, pool, reset, { isNew: false });
        await repositories.events.append(
          {
            type: "PASSWORD_RESET_REQUESTED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: current.id, username: current.username, by: "admin", codeSent: target !== "admin_only" },
          },
          now,
        );
        return composed ? codes.storeCode(repositories, composed) : null;
      });
      if (prepared) await codes.deliver(prepared);
    },
  };
}

/** ForceAliasCreation at creation: verified email/phone aliases move from whoever holds them to the new user. */
async function claimVerifiedAliases(repositories: Repositories, pool: UserPool, user: User, now: Date): Promise<void> {
  for (const kind of VERIFIABLE) {
    const value = user.attributes[kind];
    if (value && pool.aliasAttributes.includes(kind) && user.attributes[`${kind}_verified`] === "true") {
      await releaseAliasFromOtherUser(repositories, pool, kind, value, user.id, now);
    }
  }
}
