/**
 * Confirming a user (ConfirmSignUp, AdminConfirmSignUp) and moving a verified alias to a user
 * (ForceAliasCreation), shared by sign-up, the admin operations and user migration.
 */
import type { CodeDestination, Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { normalizeIdentifier } from "./identity.js";
import { saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

/**
 * Marks a user CONFIRMED and the address a code proved verified, claiming the alias it carries. Shared
 * by ConfirmSignUp (`proven`: where its code went, which the caller has checked is still the user's)
 * and AdminConfirmSignUp (null: the admin vouches for the account, not for an address).
 * Not the pool's sign-up channel as it is now: autoVerifiedAttributes may have changed since the code
 * went out, and a code sent by email proves nothing about the phone.
 * @throws AliasExistsException unless forceAliasCreation
 */
export async function confirmUser(
  repositories: Repositories,
  pool: UserPool,
  user: User,
  options: { forceAliasCreation: boolean; actor: string; now: Date; proven: CodeDestination | null },
): Promise<User> {
  const attributes = { ...user.attributes };
  const channel = options.proven;
  if (channel) attributes[`${channel.attributeName}_verified`] = "true";
  if (channel && pool.aliasAttributes.includes(channel.attributeName) && options.forceAliasCreation) {
    await releaseAliasFromOtherUser(
      repositories,
      pool,
      channel.attributeName,
      attributes[channel.attributeName]!,
      user.id,
      options.now,
    );
  }
  const confirmed: User = { ...user, status: "CONFIRMED", attributes, updatedAt: options.now };
  await saveUser(repositories, pool, confirmed, { isNew: false });
  await repositories.events.append(
    {
      type: "USER_CONFIRMED",
      poolId: pool.id,
      actor: options.actor,
      detail: { userSub: user.id, username: user.username },
    },
    options.now,
  );
  return confirmed;
}

/** ForceAliasCreation: the alias moves to this user, and the old holder's value becomes unverified. */
export async function releaseAliasFromOtherUser(
  repositories: Repositories,
  pool: UserPool,
  kind: "email" | "phone_number",
  value: string,
  newHolderId: string,
  now: Date,
): Promise<void> {
  const holderId = await repositories.users.releaseAlias(pool.id, kind, normalizeIdentifier(pool, kind, value));
  if (!holderId || holderId === newHolderId) return;
  const holder = await repositories.users.findById(pool.id, holderId);
  if (!holder) return;
  const updated: User = {
    ...holder,
    attributes: { ...holder.attributes, [`${kind}_verified`]: "false" },
    updatedAt: now,
  };
  await saveUser(repositories, pool, updated, { isNew: false });
  await repositories.events.append(
    {
      type: "USER_ATTRIBUTES_CHANGED",
      poolId: pool.id,
      actor: "system",
      detail: { userSub: holder.id, reason: "alias moved by forceAliasCreation", attributes: [`${kind}_verified`] },
    },
    now,
  );
}
