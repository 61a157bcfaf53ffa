import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { UserPoolService } from "../pools/user-pool.service.js";
import type { UserPool, UserPoolSettings } from "../pools/user-pool.types.js";
import { readWebAuthnConfiguration } from "../webauthn/relying-party.js";

/** The pool's MFA settings (GetUserPoolMfaConfig / SetUserPoolMfaConfig), a view of the pool settings. */
export type UserPoolMfaConfig = Pick<
  UserPoolSettings,
  | "mfaConfiguration"
  | "enabledMfas"
  | "smsAuthenticationMessage"
  | "emailMfaMessage"
  | "emailMfaSubject"
  | "webAuthnConfiguration"
>;

/** WebAuthnConfiguration as SetUserPoolMfaConfig takes it: omitted members take their defaults. */
export interface WebAuthnConfigurationInput {
  relyingPartyId?: string | null;
  userVerification?: string | null;
  factorConfiguration?: string | null;
}

export type SetUserPoolMfaConfigInput = Partial<Omit<UserPoolMfaConfig, "webAuthnConfiguration">> & {
  webAuthnConfiguration?: WebAuthnConfigurationInput | null;
};

const mfaConfigOf = (pool: UserPool): UserPoolMfaConfig => ({
  mfaConfiguration: pool.mfaConfiguration,
  enabledMfas: pool.enabledMfas,
  smsAuthenticationMessage: pool.smsAuthenticationMessage,
  emailMfaMessage: pool.emailMfaMessage,
  emailMfaSubject: pool.emailMfaSubject,
  webAuthnConfiguration: pool.webAuthnConfiguration,
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
     * WebAuthnConfiguration: RelyingPartyId a host name (relying-party.ts); changing it orphans registered passkeys.
     * @throws InvalidParameterException (ON or OPTIONAL without a factor, templates, RP ID), ResourceNotFoundException, NotAuthorizedException
     */
    async setUserPoolMfaConfig(
      principal: AdminPrincipal,
      poolId: string,
      input: SetUserPoolMfaConfigInput,
    ): Promise<UserPoolMfaConfig> {
      const { webAuthnConfiguration, ...rest } = input;
      // A WebAuthnConfiguration replaces the pool's whole; an omitted one keeps it (as the other factors' do).
      const webAuthn = webAuthnConfiguration
        ? { webAuthnConfiguration: readWebAuthnConfiguration(webAuthnConfiguration) }
        : {};
      return mfaConfigOf(await userPools.updateUserPool(principal, poolId, { ...rest, ...webAuthn }));
    },
  };
}
