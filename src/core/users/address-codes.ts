/**
 * The codes a change of a user's email or phone leaves bound to an address the user no longer has.
 * Every path that writes those attributes calls this in the transaction that saves the change.
 */
import { signUpTarget } from "../messaging/delivery.js";
import type { Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { VERIFY_CODE_PURPOSE } from "./attribute-rules.js";
import type { User } from "./user.types.js";

/**
 * Deletes the codes sent for an email/phone that `after` no longer has. A code sent for the old value
 * must not verify the new one: VerifyUserAttribute verifies the value in force when the code comes
 * back, and a held change waiting for its code is withdrawn with it. A sign-up code dies when the
 * sign-up channel's attribute or address changes; the user asks for a new one, which goes to the new
 * address. (Redemption checks the address a code went to as well; deleting the codes here keeps the
 * store honest and answers at once.)
 */
export async function voidCodesForOldAddresses(
  repositories: Repositories,
  pool: UserPool,
  before: User,
  after: User,
): Promise<void> {
  for (const kind of ["email", "phone_number"] as const)
    if (before.attributes[kind] !== after.attributes[kind])
      await repositories.codes.deleteForUser(before.id, VERIFY_CODE_PURPOSE[kind]);
  const channelBefore = signUpTarget(pool, before.attributes);
  const channelAfter = signUpTarget(pool, after.attributes);
  if (channelBefore?.attributeName !== channelAfter?.attributeName || channelBefore?.address !== channelAfter?.address)
    await repositories.codes.deleteForUser(before.id, "SIGN_UP");
}
