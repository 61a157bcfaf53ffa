import type { Clock } from "../../lib/clock.js";
import { actorOf as adminActorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { Database, Repositories } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { loadSelfContext, type AccessTokenPrincipal } from "../tokens/access-token.service.js";
import { loadAdminUserContext, type AdminUserRef } from "../users/admin-user-context.js";
import type { User } from "../users/user.types.js";
import { applyPreferenceInput } from "./mfa-factors.js";
import type { MfaPreferenceInput } from "./mfa.types.js";

export interface MfaPreferenceDeps {
  db: Database;
  clock: Clock;
}

export function createMfaPreferenceOperations({ db, clock }: MfaPreferenceDeps) {
  /** Applies the input to the user's locked MFA record and records one event per factor switched and for a new preference. */
  async function change(
    load: (repositories: Repositories) => Promise<{ pool: UserPool; user: User }>,
    actor: string,
    via: string,
    input: MfaPreferenceInput,
  ): Promise<void> {
    await db.transaction(async (repositories) => {
      const { pool, user } = await load(repositories);
      const now = clock.now();
      const row = await repositories.mfa.findForUpdate(user.id, now);
      const { next, enabled, disabled, preferenceChanged } = applyPreferenceInput(pool, user, row, input);
      if (enabled.length === 0 && disabled.length === 0 && !preferenceChanged) return;
      await repositories.mfa.setFactors(user.id, next, now);
      const base = { poolId: pool.id, actor };
      for (const factor of enabled)
        await repositories.events.append(
          { ...base, type: "MFA_ENABLED", detail: { userSub: user.id, factor, via } },
          now,
        );
      for (const factor of disabled)
        await repositories.events.append(
          { ...base, type: "MFA_DISABLED", detail: { userSub: user.id, factor, via } },
          now,
        );
      if (preferenceChanged) {
        await repositories.events.append(
          {
            ...base,
            type: "MFA_PREFERENCE_CHANGED",
            detail: { userSub: user.id, preferred: next.preferred, previous: row.preferred, via },
          },
          now,
        );
      }
    });
  }

  return {
    /**
     * The signed-in user's factors (SetUserMFAPreference): per factor `enabled` and `preferredMfa`,
     * absent = unchanged; at most one preferred. SOFTWARE_TOKEN_MFA needs a verified authenticator,
     * SMS_MFA a phone_number, EMAIL_OTP an email; each must be offered by the pool.
     * @throws InvalidParameterException, NotAuthorizedException, UserNotFoundException, PasswordResetRequiredException, UserNotConfirmedException
     */
    async setUserMfaPreference(principal: AccessTokenPrincipal, input: MfaPreferenceInput): Promise<void> {
      await change(
        (repositories) => loadSelfContext(repositories, principal),
        `user:${principal.userId}`,
        "SetUserMFAPreference",
        input,
      );
    },

    /**
     * Any user's factors (AdminSetUserMFAPreference), with the same rules; switching factors off always
     * works, e.g. for a user who lost the phone with their authenticator.
     * @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException (scoped key), UserNotFoundException
     */
    async adminSetUserMfaPreference(
      principal: AdminPrincipal,
      ref: AdminUserRef,
      input: MfaPreferenceInput,
    ): Promise<void> {
      await change(
        (repositories) => loadAdminUserContext(repositories, principal, ref),
        adminActorOf(principal),
        "AdminSetUserMFAPreference",
        input,
      );
    },
  };
}
