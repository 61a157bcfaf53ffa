import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import { mfaSummaryOf } from "../mfa/mfa-factors.js";
import type { MfaSummary } from "../mfa/mfa.types.js";
import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { requireUnique } from "../validation.js";
import { loadAdminUserContext, type AdminUserRef, type AdminUserServiceDeps } from "./admin-user-context.js";
import { createAdminUserPasswordOperations } from "./admin-user-passwords.service.js";
import { applyAttributeChanges, checkAttributeDeletes } from "./attribute-changes.js";
import { voidCodesForOldAddresses } from "./address-codes.js";
import { checkAttributeWrites, type AttributeInput } from "./attribute-rules.js";
import { createAttributeUpdates } from "./attribute-update.js";
import { endAllSessions } from "../tokens/sign-out.service.js";
import { runPostConfirmation } from "../triggers/sign-up.triggers.js";
import { confirmUser } from "./user-confirmation.js";
import { saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

export type { AdminUserRef, AdminUserServiceDeps } from "./admin-user-context.js";
export type { AdminCreateUserInput, AdminSetUserPasswordInput, MessageAction } from "./admin-user-passwords.service.js";

export type AdminUserService = ReturnType<typeof createAdminUserService>;

export function createAdminUserService(deps: AdminUserServiceDeps) {
  const { db, clock, signOuts } = deps;
  const { updateAttributes } = createAttributeUpdates(deps);

  /**
   * Loads the user in a transaction, lets `change` decide the new state, and saves it with its event
   * and without the codes the change leaves pointing at an old address. Returns the saved user (null
   * when `change` found nothing to do).
   */
  async function changeUser(
    principal: AdminPrincipal,
    ref: AdminUserRef,
    change: (
      pool: UserPool,
      user: User,
      repositories: Repositories,
    ) => Promise<{
      user: User;
      type: "USER_ATTRIBUTES_CHANGED" | "USER_DISABLED" | "USER_ENABLED";
      detail?: Record<string, unknown>;
    } | null>,
  ): Promise<User | null> {
    return db.transaction(async (repositories) => {
      const { pool, user } = await loadAdminUserContext(repositories, principal, ref);
      const outcome = await change(pool, user, repositories);
      if (!outcome) return null;
      await voidCodesForOldAddresses(repositories, pool, user, outcome.user);
      await saveUser(repositories, pool, outcome.user, { isNew: false });
      await repositories.events.append(
        {
          type: outcome.type,
          poolId: pool.id,
          actor: actorOf(principal),
          detail: { userSub: user.id, username: user.username, ...outcome.detail },
        },
        outcome.user.updatedAt,
      );
      return outcome.user;
    });
  }

  async function setEnabled(principal: AdminPrincipal, ref: AdminUserRef, enabled: boolean): Promise<void> {
    const disabled = await changeUser(principal, ref, async (_pool, user, repositories) => {
      if (user.enabled === enabled) return null;
      const now = clock.now();
      // AdminDisableUser "deactivates a user and revokes all access tokens for the user": its sessions
      // end with the disable, so enabling the user again brings none of its tokens back.
      if (!enabled) await endAllSessions(repositories, user.id, now);
      return { user: { ...user, enabled, updatedAt: now }, type: enabled ? "USER_ENABLED" : "USER_DISABLED" };
    });
    if (disabled && !enabled) await signOuts.recordGlobalSignOut(disabled.id);
  }

  return {
    ...createAdminUserPasswordOperations(deps),

    /** The user with every attribute and the MFA factors switched on (AdminGetUser). @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException */
    async adminGetUser(principal: AdminPrincipal, ref: AdminUserRef): Promise<{ user: User; mfa: MfaSummary }> {
      return db.read(async (repositories) => {
        const { user } = await loadAdminUserContext(repositories, principal, ref);
        return { user, mfa: mfaSummaryOf(await repositories.mfa.find(user.id)) };
      });
    },

    /**
     * Writes attributes as an admin (AdminUpdateUserAttributes): any mutable attribute, including the
     * verified flags; an empty value deletes the attribute. A changed email/phone becomes unverified
     * unless the call sets its flag to "true"; otherwise, as UpdateUserAttributes does, an auto-verified
     * one gets a code at the new value, and where the pool requires verification before update the old
     * value stays in force until the new one is verified. The codes sent for an old value stop working.
     * @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException, InvalidParameterException,
     *         AliasExistsException (a verified alias another user holds), CodeDeliveryFailureException (the change
     *         is kept), ConcurrentModificationException, CustomMessage's trigger errors
     */
    async adminUpdateUserAttributes(
      principal: AdminPrincipal,
      input: AdminUserRef & { userAttributes: AttributeInput[]; clientMetadata?: Record<string, string> | null },
    ): Promise<void> {
      checkInput({ userPoolId: input.userPoolId, username: input.username, userAttributes: input.userAttributes });
      requireUnique(
        "userAttributes",
        input.userAttributes.map((attribute) => attribute.name),
      );
      await updateAttributes(
        {
          load: (repositories) => loadAdminUserContext(repositories, principal, input),
          check: ({ pool }, writes, deletes) => {
            checkAttributeWrites(pool, writes, { kind: "admin" }, { isCreate: false });
            checkAttributeDeletes(pool, deletes);
          },
          actor: actorOf(principal),
          eventDetail: ({ user }) => ({ username: user.username }),
        },
        input.userAttributes,
        { clientId: null, clientMetadata: input.clientMetadata ?? null },
      );
    },

    /**
     * Removes attributes (AdminDeleteUserAttributes); removing email or phone removes its verified flag.
     * @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException, InvalidParameterException
     *         (unknown, required, immutable or `sub`)
     */
    async adminDeleteUserAttributes(
      principal: AdminPrincipal,
      input: AdminUserRef & { userAttributeNames: string[] },
    ): Promise<void> {
      checkInput({
        userPoolId: input.userPoolId,
        username: input.username,
        userAttributeNames: input.userAttributeNames,
      });
      await changeUser(principal, input, async (pool, user) => {
        checkAttributeDeletes(pool, input.userAttributeNames);
        const { attributes, changed } = applyAttributeChanges(user.attributes, [], input.userAttributeNames);
        if (changed.length === 0) return null;
        return {
          user: { ...user, attributes, updatedAt: clock.now() },
          type: "USER_ATTRIBUTES_CHANGED",
          detail: { attributes: changed },
        };
      });
    },

    /**
     * Disables sign-in and signs the user out everywhere (AdminDisableUser), as adminUserGlobalSignOut does:
     * refresh tokens are revoked and access tokens refused, for good.
     * @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException
     */
    adminDisableUser: (principal: AdminPrincipal, ref: AdminUserRef): Promise<void> =>
      setEnabled(principal, ref, false),

    /** Re-enables sign-in (AdminEnableUser). @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException */
    adminEnableUser: (principal: AdminPrincipal, ref: AdminUserRef): Promise<void> => setEnabled(principal, ref, true),

    /**
     * Deletes the user (AdminDeleteUser); aliases, codes, group memberships, search rows and password
     * history go with it by cascade, and the username becomes free again.
     * @throws ResourceNotFoundException, NotAuthorizedException, UserNotFoundException
     */
    async adminDeleteUser(principal: AdminPrincipal, ref: AdminUserRef): Promise<void> {
      await db.transaction(async (repositories) => {
        const { pool, user } = await loadAdminUserContext(repositories, principal, ref);
        await repositories.users.delete(user.id);
        await repositories.events.append(
          {
            type: "USER_DELETED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: user.id, username: user.username },
          },
          clock.now(),
        );
      });
    },

    /**
     * Confirms an UNCONFIRMED user without a code (AdminConfirmSignUp). Like Cognito it does not mark
     * the email or phone verified: the admin has vouched for the account, not for the channel.
     * @throws ResourceNotFoundException, NotAuthorizedException (any other status), UserNotFoundException,
     *         UserLambdaValidationException / UnexpectedLambdaException / InvalidLambdaResponseException (PostConfirmation; the user is confirmed)
     */
    async adminConfirmSignUp(
      principal: AdminPrincipal,
      ref: AdminUserRef & { clientMetadata?: Record<string, string> | null },
    ): Promise<void> {
      const { pool, confirmed } = await db.transaction(async (repositories) => {
        const { pool, user } = await loadAdminUserContext(repositories, principal, ref);
        if (user.status !== "UNCONFIRMED")
          throw new CognitoError(
            "NotAuthorizedException",
            `User cannot be confirmed. Current status is ${user.status}`,
          );
        const confirmed = await confirmUser(repositories, pool, user, {
          forceAliasCreation: false,
          actor: actorOf(principal),
          now: clock.now(),
          proven: null,
        });
        // The sign-up code has nothing left to confirm.
        await repositories.codes.deleteForUser(user.id, "SIGN_UP");
        return { pool, confirmed };
      });
      // After the commit, as ConfirmSignUp's: a failing PostConfirmation fails the call; the user stays confirmed.
      await runPostConfirmation(deps.triggers, pool, {
        source: "PostConfirmation_ConfirmSignUp",
        user: confirmed,
        caller: { clientId: null },
        clientMetadata: ref.clientMetadata ?? null,
      });
    },
  };
}
