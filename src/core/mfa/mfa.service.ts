import type { UserPoolService } from "../pools/user-pool.service.js";
import { createMfaConfigOperations } from "./mfa-config.service.js";
import { createMfaPreferenceOperations } from "./mfa-preference.service.js";
import { createSoftwareTokenOperations, type SoftwareTokenDeps } from "./software-token.service.js";

export type MfaServiceDeps = SoftwareTokenDeps & { userPools: UserPoolService };

export type MfaService = ReturnType<typeof createMfaService>;

/** Authenticator setup, users' factor preferences and the pool's MFA settings. */
export function createMfaService(deps: MfaServiceDeps) {
  return {
    ...createSoftwareTokenOperations(deps),
    ...createMfaPreferenceOperations(deps),
    ...createMfaConfigOperations(deps),
  };
}
