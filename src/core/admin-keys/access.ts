import { CognitoError } from "../errors.js";
import type { AdminPrincipal } from "./admin-key.types.js";

/** A scoped key sees and changes only its own pools; everything else is refused, never silently empty. */
export function assertPoolAccess(principal: AdminPrincipal, poolId: string): void {
  if (principal.poolScope !== null && !principal.poolScope.includes(poolId)) {
    throw new CognitoError(
      "NotAuthorizedException",
      `This admin API key is not allowed to access user pool ${poolId}.`,
    );
  }
}

/** Creating pools and managing keys would let a scoped key widen its own reach, so only unscoped keys may. */
export function assertUnscoped(principal: AdminPrincipal, action: string): void {
  if (principal.poolScope !== null) {
    throw new CognitoError(
      "NotAuthorizedException",
      `This admin API key is scoped to specific user pools and cannot ${action}.`,
    );
  }
}
