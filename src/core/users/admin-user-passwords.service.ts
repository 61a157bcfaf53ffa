import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, invalidParameter, isCognitoError } from "../errors.js";
import { recoveryTarget, renderTemplate, type DeliveryTarget } from "../messaging/delivery.js";
import type { DeliveryMedium, Repositories } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { runCustomMessage } from "../triggers/message.triggers.js";
import { runPreSignUp } from "../triggers/sign-up.triggers.js";
import { requireSubset } from "../validation.js";
import { loadAdminUserContext, userNotFound, type AdminUserRef, type AdminUserServiceDeps } from "./admin-user-context.js";
import { checkAttributeWrites, toAttributeMap, type AttributeInput } from "./attribute-rules.js";
import { credentialsFor, prepareCredentials, retireCurrentPassword } from "./credentials.js";
import { classifySignUpUsername, findUserByIdentifier } from "./identity.js";
import { preparePasswordResetCode } from "./password-recovery.service.js";
import { checkPasswordAgainstPolicy, generateTemporaryPassword } from "./password-policy.js";
import { releaseAliasFromOtherUser } from "./sign-up.service.js";
import { buildNewUser, saveUser } from "./user-store.js";
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

function deliveryMediumsOf(requested: readonly string[] | null | undefined): DeliveryMedium[] {
  if (!requested || requested.length === 0) return ["SMS"];
  return requireSubset<DeliveryMedium>("desiredDeliveryMediums", requested, ["EMAIL", "SMS"]);
}

/** Every requested medium needs its attribute: a silently skipped invitation leaves a user who cannot sign in. */
function invitationTargets(attributes: UserAttributes, mediums: readonly DeliveryMedium[]): DeliveryTarget[] {
  return mediums.map((medium) => {
    const attributeName = medium === "EMAIL" ? "email" : "phone_number";
    const address = attributes[attributeName];
    if (!address) throw invalidParameter(`desiredDeliveryMediums includes ${medium} but the user has no ${attributeName} attribute.`);
    return { medium, attributeName, address };
  });
}

/** The name the user signs in with: the email/phone in email/phone-as-username pools, else the username. */
function signInNameOf(pool: UserPool, user: User): string {
  for (const kind of pool.usernameAttributes) if (user.attributes[kind]) return user.attributes[kind];
  return user.username;
}

/** The attributes of a new user: the username's email/phone copied in, verified flags defaulted to "false". */
function initialAttributes(pool: UserPool, input: AdminCreateUserInput, usernameKind: ReturnType<typeof classifySignUpUsername>): UserAttributes {
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
    if (!attributes[kind] && attributes[flag] === "true") throw invalidParameter(`${flag} cannot be true without a ${kind} attribute.`);
  }
  return attributes;
}

export function createAdminUserPasswordOperations({ db, clock, hasher, codes, sender, triggers }: AdminUserServiceDeps) {
  /**
   * Sends the invitation after the user's transaction committed. The body holds the temporary
   * password in clear, which is its purpose; the outbox seals bodies at rest, and nothing else
   * (events, logs) ever sees it.
   */
  async function sendInvitations(pool: UserPool, user: User, temporaryPassword: string, targets: readonly DeliveryTarget[], custom: Partial<Record<DeliveryMedium, { subject: string | null; body: string }>> = {}): Promise<void> {
    const template = pool.adminCreateUserConfig.inviteMessageTemplate;
    const username = signInNameOf(pool, user);
    for (const target of targets) {
      const isSms = target.medium === "SMS";
      await sender.send({
        poolId: pool.id,
        userId: user.id,
        medium: target.medium,
        destination: target.address,
        subject: isSms ? null : (custom.EMAIL?.subject ?? template.emailSubject),
        body: renderTemplate(custom[target.medium]?.body ?? (isSms ? template.smsMessage : template.emailMessage), { code: temporaryPassword, username }),
        purpose: "INVITATION",
      });
    }
  }

  function chooseTemporaryPassword(pool: UserPool, given: string | null | undefined): string {
    if (given === null || given === undefined) return generateTemporaryPassword(pool.passwordPolicy);
    checkPasswordAgainstPolicy("temporaryPassword", given, pool.passwordPolicy);
    return given;
  }

  /** MessageAction RESEND: a new temporary password, a fresh validity period, the invitation again. */
  async function resendInvitation(principal: AdminPrincipal, pool: UserPool, input: AdminCreateUserInput, mediums: DeliveryMedium[]): Promise<User> {
    const assertResendable = (user: User) => {
      if (user.status !== "FORCE_CHANGE_PASSWORD") {
        throw new CognitoError("UnsupportedUserStateException", `Resend not possible: the user's status is ${user.status}, and only FORCE_CHANGE_PASSWORD users get a new temporary password.`);
      }
    };
    const existing = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
    if (!existing) throw userNotFound();
    assertResendable(existing);
    const targets = invitationTargets(existing.attributes, mediums);
    const temporaryPassword = chooseTemporaryPassword(pool, input.temporaryPassword);
    const passwordHash = await hasher.hash(temporaryPassword);
    const user = await db.transaction(async (repositories) => {
      const current = await repositories.users.findById(pool.id, existing.id);
      if (!current) throw userNotFound();
      assertResendable(current);
      const now = clock.now();
      const updated: User = { ...current, credentials: credentialsFor(hasher, pool, current.username, temporaryPassword, passwordHash), passwordChangedAt: now, updatedAt: now };
      await saveUser(repositories, pool, updated, { isNew: false });
      await repositories.events.append(
        { type: "PASSWORD_CHANGED", poolId: pool.id, actor: actorOf(principal), detail: { userSub: current.id, username: current.username, via: "AdminCreateUser(RESEND)", temporary: true, deliveryMediums: mediums } },
        now,
      );
      return updated;
    });
    await sendInvitations(pool, user, temporaryPassword, targets);
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
      const pool = await db.read((repositories) => loadAccessiblePool(repositories, principal, input.userPoolId));
      if (input.messageAction) requireSubset("messageAction", [input.messageAction], ["RESEND", "SUPPRESS"]);
      const mediums = deliveryMediumsOf(input.desiredDeliveryMediums);
      if (input.messageAction === "RESEND") return resendInvitation(principal, pool, input, mediums);

      const usernameKind = classifySignUpUsername(pool, input.username);
      checkAttributeWrites(pool, input.userAttributes ?? [], { kind: "admin" }, { isCreate: true });
      const attributes = initialAttributes(pool, input, usernameKind);
      const targets = input.messageAction === "SUPPRESS" ? [] : invitationTargets(attributes, mediums);
      const temporaryPassword = chooseTemporaryPassword(pool, input.temporaryPassword);

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
      const user = await buildNewUser(hasher, pool, { givenUsername: usernameKind.kind === "username" ? input.username : null, password: temporaryPassword, status: "FORCE_CHANGE_PASSWORD", attributes, now });
      const inviteTemplate = pool.adminCreateUserConfig.inviteMessageTemplate;
      const customInvitations: Partial<Record<DeliveryMedium, { subject: string | null; body: string }>> = {};
      for (const target of targets) {
        const base = target.medium === "SMS" ? { subject: null, body: inviteTemplate.smsMessage } : { subject: inviteTemplate.emailSubject, body: inviteTemplate.emailMessage };
        customInvitations[target.medium] = await runCustomMessage(triggers, pool, { event: "AdminCreateUser", user, medium: target.medium, template: base, clientId: null, clientMetadata: input.clientMetadata ?? null });
      }
      try {
        await db.transaction(async (repositories) => {
          if (input.forceAliasCreation) await claimVerifiedAliases(repositories, pool, user, now);
          await saveUser(repositories, pool, user, { isNew: true });
          await repositories.events.append(
            {
              type: "USER_CREATED_BY_ADMIN",
              poolId: pool.id,
              actor: actorOf(principal),
              detail: { userSub: user.id, username: user.username, attributes: Object.keys(user.attributes).sort(), messageAction: input.messageAction ?? null, deliveryMediums: targets.map((target) => target.medium) },
            },
            now,
          );
        });
      } catch (error) {
        // In email/phone-as-username pools the sign-in name lives in the alias table.
        if (isCognitoError(error) && error.code === "AliasExistsException" && usernameKind.kind !== "username") {
          throw new CognitoError("UsernameExistsException", `An account with the given ${usernameKind.kind === "email" ? "email" : "phone number"} already exists.`);
        }
        throw error;
      }
      await sendInvitations(pool, user, temporaryPassword, targets, customInvitations);
      return user;
    },

    /**
     * Sets a user's password (AdminSetUserPassword): permanent → CONFIRMED, otherwise FORCE_CHANGE_PASSWORD
     * with a fresh temporary-password validity. A pending reset code stops working.
     * @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException, InvalidParameterException,
     *         InvalidPasswordException, PasswordHistoryPolicyViolationException
     */
    async adminSetUserPassword(principal: AdminPrincipal, input: AdminSetUserPasswordInput): Promise<void> {
      const { pool, user } = await db.read((repositories) => loadAdminUserContext(repositories, principal, input));
      const credentials = await db.read((repositories) => prepareCredentials(hasher, repositories, pool, user, input.password));
      const permanent = input.permanent ?? false;
      await db.transaction(async (repositories) => {
        const current = await repositories.users.findById(pool.id, user.id);
        if (!current) throw userNotFound();
        const now = clock.now();
        await retireCurrentPassword(repositories, pool, current, now);
        const status = permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
        await saveUser(repositories, pool, { ...current, credentials, status, passwordChangedAt: now, updatedAt: now }, { isNew: false });
        await repositories.codes.deleteForUser(current.id, "FORGOT_PASSWORD");
        await repositories.events.append(
          { type: "PASSWORD_CHANGED", poolId: pool.id, actor: actorOf(principal), detail: { userSub: current.id, username: current.username, via: "AdminSetUserPassword", permanent } },
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
     *         phone; nothing is changed), CodeDeliveryFailureException
     */
    async adminResetUserPassword(principal: AdminPrincipal, ref: AdminUserRef): Promise<void> {
      const prepared = await db.transaction(async (repositories) => {
        const { pool, user } = await loadAdminUserContext(repositories, principal, ref);
        if (user.status === "FORCE_CHANGE_PASSWORD") throw new CognitoError("NotAuthorizedException", "User password cannot be reset in the current state.");
        const target = recoveryTarget(pool, user.attributes);
        if (target === null) throw invalidParameter("Cannot reset password for the user as there is no registered/verified email or phone_number");
        const now = clock.now();
        const reset: User = { ...user, status: "RESET_REQUIRED", updatedAt: now };
        await saveUser(repositories, pool, reset, { isNew: false });
        await repositories.events.append(
          { type: "PASSWORD_RESET_REQUESTED", poolId: pool.id, actor: actorOf(principal), detail: { userSub: user.id, username: user.username, by: "admin", codeSent: target !== "admin_only" } },
          now,
        );
        return target === "admin_only" ? null : preparePasswordResetCode(codes, repositories, pool, reset);
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
