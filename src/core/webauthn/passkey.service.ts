import type { Clock } from "../../lib/clock.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { constantTimeEqual } from "../../lib/secrets.js";
import { CognitoError, isCognitoError } from "../errors.js";
import type { CodeHasher, Database, ShortLivedStore, WebAuthnVerifier } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { normalizeTypedName } from "../users/typed-name.js";
import type { User } from "../users/user.types.js";
import type { PasskeyAssertionState, PasskeySignIn } from "./passkey-sign-in.js";
import { isOriginAllowed, loadRelyingParty } from "./relying-party.js";

export interface PasskeyServiceDeps {
  db: Database;
  clock: Clock;
  /** Marks each sign-in challenge used, so that one signed answer signs in once. */
  store: ShortLivedStore;
  verifier: WebAuthnVerifier;
  /** POOL_DOMAIN_SUFFIX: a prefix domain's RP ID is `<prefix>.<suffix>`. */
  poolDomainSuffix: string;
  /** Keyed hash (SECRETS_KEY) that invents an unknown name's credential id: stable per name, unpredictable. */
  codeHasher: CodeHasher;
}

/** One message for every refusal: which check failed is nothing a caller should learn. */
const refused = () => new CognitoError("NotAuthorizedException", "The passkey could not be verified.");
/** Longer than any sign-in session (AuthSessionValidity is at most 15 minutes): a used challenge stays used while its session lives. */
const USED_CHALLENGE_SECONDS = 16 * 60;
/** A typical passkey credential id is 16–32 bytes; an unknown user's invented one has the common size. */
const SIMULATED_CREDENTIAL_ID_BYTES = 32;

const userHandleOf = (userId: string): string => Buffer.from(userId, "utf8").toString("base64url");

function parseCredential(credentialJson: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(credentialJson);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The passkey half of USER_AUTH (reference-oauth §13.4): options for the WEB_AUTHN challenge and the check of its CREDENTIAL answer. */
export function createPasskeyService({
  db,
  clock,
  store,
  verifier,
  poolDomainSuffix,
  codeHasher,
}: PasskeyServiceDeps): PasskeySignIn {
  /**
   * 32 bytes from the keyed hash of pool and name: asking twice shows the same id, as a real user's does.
   * The name is normalised as the lookup compares it, so two spellings share an id exactly when they
   * would be one user (in a case-sensitive pool "BOB" and "bob" are two).
   */
  const simulatedCredentialIdOf = (pool: UserPool, typedName: string): string =>
    Buffer.from(
      codeHasher.hashCode("simulated-passkey-credential", `${pool.id}:${normalizeTypedName(pool, typedName)}`),
      "hex",
    )
      .subarray(0, SIMULATED_CREDENTIAL_ID_BYTES)
      .toString("base64url");

  return {
    async passkeyFactsOf(
      pool: UserPool,
      userId: string,
    ): Promise<{ poolServesPasskeys: boolean; hasPasskeys: boolean }> {
      return db.read(async (repositories) => {
        try {
          const { rpId } = await loadRelyingParty(repositories, pool, poolDomainSuffix);
          return {
            poolServesPasskeys: true,
            hasPasskeys: await repositories.webAuthnCredentials.existsForRelyingParty(userId, rpId),
          };
        } catch (error) {
          // A pool without an RP ID has no usable passkeys; that is not an error for the choice of factors.
          if (isCognitoError(error) && error.code === "WebAuthnConfigurationMissingException")
            return { poolServesPasskeys: false, hasPasskeys: false };
          throw error;
        }
      });
    },

    async startAssertion(
      pool: UserPool,
      user: User | null,
      sessionValiditySeconds: number,
      typedName: string,
    ): Promise<{ requestOptionsJson: string; state: PasskeyAssertionState }> {
      const { relyingParty, credentialIds } = await db.read(async (repositories) => {
        const relyingParty = await loadRelyingParty(repositories, pool, poolDomainSuffix);
        const credentials = user ? await repositories.webAuthnCredentials.listOfUser(user.id) : [];
        return {
          relyingParty,
          credentialIds: credentials
            .filter((credential) => credential.relyingPartyId === relyingParty.rpId)
            .map((credential) => credential.credentialId),
        };
      });
      // An unknown user (PreventUserExistenceErrors) gets one invented credential of the usual size, the same
      // for the same name on every call: the options then look like a real user's. No key exists for it.
      const allowed = user ? credentialIds : [simulatedCredentialIdOf(pool, typedName)];
      const challenge = randomTokenBase64Url(16);
      const options = {
        hints: [],
        attestation: "none",
        attestationFormats: [],
        challenge,
        timeout: sessionValiditySeconds * 1000,
        rpId: relyingParty.rpId,
        allowCredentials: allowed.map((id) => ({ id, type: "public-key" })),
        userVerification: relyingParty.userVerification,
      };
      return {
        requestOptionsJson: JSON.stringify(options),
        state: { challenge, rpId: relyingParty.rpId, userVerification: relyingParty.userVerification },
      };
    },

    async verifyAssertion(
      pool: UserPool,
      user: User,
      state: PasskeyAssertionState,
      credentialJson: string,
    ): Promise<void> {
      const response = parseCredential(credentialJson);
      const credentialId = response?.id;
      if (!response || typeof credentialId !== "string" || credentialId.length === 0 || credentialId.length > 1364)
        throw refused();
      const stored = await db.read((repositories) => repositories.webAuthnCredentials.find(pool.id, credentialId));
      // Only this user's passkey, registered for the RP ID the options named.
      if (!stored || stored.userId !== user.id || stored.relyingPartyId !== state.rpId) throw refused();
      const inner = response.response as Record<string, unknown> | undefined;
      const userHandle = inner?.userHandle;
      if (
        userHandle !== undefined &&
        userHandle !== null &&
        (typeof userHandle !== "string" || !constantTimeEqual(userHandle, userHandleOf(user.id)))
      )
        throw refused();
      const checked = await verifier.verifyAssertion(
        response,
        {
          challenge: state.challenge,
          rpId: state.rpId,
          isOriginAllowed: (origin) => isOriginAllowed(origin, state.rpId),
          requireUserVerification: state.userVerification === "required",
        },
        stored,
      );
      if (!checked.ok) throw refused();
      // The challenge is consumed here, whatever the sign-in session does: one signed answer signs in once,
      // even when parallel requests carry it (setIfAbsent is atomic on both stores).
      if (!(await store.setIfAbsent(`webauthn:assertion-used:${state.challenge}`, "1", USED_CHALLENGE_SECONDS)))
        throw refused();
      const moved = await db.transaction((repositories) =>
        repositories.webAuthnCredentials.recordUse(pool.id, credentialId, {
          expectedSignCount: stored.signCount,
          newSignCount: checked.newSignCount,
          now: clock.now(),
        }),
      );
      // A counting authenticator's counter moved by another sign-in since it was read: this answer is
      // not newer than the stored state. (A non-counting one stays at 0, and the update may change nothing.)
      if (!moved && checked.newSignCount > 0) throw refused();
    },
  };
}
