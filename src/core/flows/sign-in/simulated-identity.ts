import type { CodeHasher } from "../../ports.js";
import type { UserPool } from "../../pools/user-pool.types.js";
import { normalizeTypedName, typedNameKind } from "../../users/typed-name.js";

/**
 * The identity an SRP or password sign-in uses for a name with no password behind it (unknown, or a
 * user without credentials), derived with the server key so that every answer about it matches a real
 * user's: the same shape, the same cost, stable across calls.
 */
export function createSimulatedIdentities(codeHasher: CodeHasher) {
  /**
   * A user that does not exist gets a challenge that looks real: a salt and user id derived from the
   * name with a server key (stable across calls, as AWS does), and a random B. It always fails later.
   * The name is normalised as the lookup compares it (normalizeTypedName): in a case-sensitive pool
   * "BOB" and "bob" are two names, as they would be two users, so they must not share one simulated
   * identity (the same SALT, the same lockout) where two real users would not.
   */
  function identityOf(pool: UserPool, typedName: string): { username: string; saltHex: string } {
    const normalized = normalizeTypedName(pool, typedName);
    const digest = codeHasher.hashCode("simulated-srp-user", `${pool.id}:${normalized}`);
    const saltHex = digest.slice(32, 64).replace(/^0+(?=.)/, "");
    // A name typed as a username, in a pool whose usernames are chosen (not generated): a real user found
    // by it is named by it (USER_ID_FOR_SRP), so a name with no user is too. A UUID there would tell
    // anyone which names exist with one InitiateAuth.
    if (pool.usernameAttributes.length === 0 && typedNameKind(pool, typedName) === "username")
      return { username: normalized, saltHex };
    // Otherwise a version-4 UUID drawn as randomUUID draws them: the variant nibble is 8, 9, a or b (a
    // fixed one would tell simulated users from real ones in pools whose usernames are UUIDs).
    const variant = "89ab"[parseInt(digest[16]!, 16) & 3];
    const uuid = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-${variant}${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
    return { username: uuid, saltHex };
  }

  /**
   * A simulated username as 26 characters: with its prefix as long as a real user's id (a UUID), since a
   * simulated username may be the typed name itself, and the subject is sealed into the SRP Session, whose
   * length must not differ between real and unknown names.
   */
  const fixedWidthOf = (simulatedUsername: string): string =>
    codeHasher.hashCode("simulated-subject", simulatedUsername).slice(0, 26);

  /**
   * Whose failures count towards lockout: the user, or for a name with no password behind it the
   * simulated identity, so an unknown name is locked out exactly like a real one (§11.1, §11.2).
   */
  const lockoutSubjectOf = (simulatedUsername: string): string => `simulated:${fixedWidthOf(simulatedUsername)}`;
  /**
   * A verifier for a simulated user, as long as a real one (3,072 bits, below N): the SRP work of both
   * steps then costs what it costs for a real user. Derived with the server key, stable per identity.
   */
  const verifierHexOf = (poolId: string, simulatedUsername: string): string => {
    const blocks = Array.from({ length: 12 }, (_, block) =>
      codeHasher.hashCode("simulated-srp-verifier", `${poolId}:${simulatedUsername}:${block}`),
    );
    return `7${blocks.join("").slice(1)}`;
  };
  /** An id no user has (ids are UUIDs), for the read a simulated sign-in makes in place of the user's. */
  const userIdOf = (simulatedUsername: string): string => `simulated:${fixedWidthOf(simulatedUsername)}`;

  return { identityOf, lockoutSubjectOf, verifierHexOf, userIdOf };
}
