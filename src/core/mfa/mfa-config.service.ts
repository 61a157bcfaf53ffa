import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { UserPoolService } from "../pools/user-pool.service.js";
import type { UserPool, UserPoolSettings } from "../pools/user-pool.types.js";

/** The pool's MFA settings (GetUserPoolMfaConfig / SetUserPoolMfaConfig), a view of the pool settings. */
export type UserPoolMfaConfig = Pick<UserPoolSettings, "mfaConfiguration" | "enabledMfas" | "smsAuthenticationMessage" | "emailMfaMessage" | "emailMfaSubject">;

const mfaConfigOf = (pool: UserPool): UserPoolMfaConfig => ({
  mfaConfiguration: pool.mfaConfiguration,
  enabledMfas: pool.enabledMfas,
  smsAuthenticationMessage: pool.smsAuthenticationMessage,
  emailMfaMessage: pool.emailMfaMessage,
  emailMfaSubject: pool.emailMfaSubject,
});

/** Thin wrappers over UpdateUserPool, so the pool's rules (ON needs a factor, message templates) live in one place. */
export function createMfaConfigOperations({ userPools }: { userPools: UserPoolService }) {
  return {
    /** @throws ResourceNotFoundException, NotAuthorizedException */
    async getUserPoolMfaConfig(principal: AdminPrincipal, poolId: string): Promise<UserPoolMfaConfig> {
      return mfaConfigOf(await userPools.getUserPool(principal, poolId));
    },

    /**
     * Changes the named MFA settings; the others keep their values. Users who already use a factor the
     * pool stops offering keep their authenticator (Cognito), but cannot switch that factor on anew.
     * @throws InvalidParameterException (ON or OPTIONAL without a factor, templates), ResourceNotFoundException, NotAuthorizedException
     */
    async setUserPoolMfaConfig(principal: AdminPrincipal, poolId: string, input: Partial<UserPoolMfaConfig>): Promise<UserPoolMfaConfig> {
      return mfaConfigOf(await userPools.updateUserPool(principal, poolId, input));
    },
  };
}
