import type { Clock } from "../../lib/clock.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { sha256Hex } from "../../lib/secrets.js";
import { CognitoError, invalidParameter, type CognitoErrorCode } from "../errors.js";
import type { Database, Repositories, ShortLivedStore, WebAuthnFailure, WebAuthnVerifier } from "../ports.js";
import { loadSelfContext, type AccessTokenPrincipal, type SelfContext } from "../tokens/access-token.service.js";
import { requireIntegerInRange, requireLength } from "../validation.js";
import { isOriginAllowed, isWebAuthnEnabled, loadRelyingParty, type RelyingParty } from "./relying-party.js";
import { MAX_WEB_AUTHN_CREDENTIALS_PER_USER, type WebAuthnCredential } from "./webauthn.types.js";

export interface WebAuthnCredentialServiceDeps {
  db: Database;
  clock: Clock;
  store: ShortLivedStore;
  verifier: WebAuthnVerifier;
  /** POOL_DOMAIN_SUFFIX: a prefix domain's RP ID is `<prefix>.<suffix>`. */
  poolDomainSuffix: string;
}

export type WebAuthnCredentialService = ReturnType<typeof createWebAuthnCredentialService>;

/** The registration options' timeout, as Cognito's (reference-oauth §13.5: 60000 in Amplify's captured fixture). */
export const REGISTRATION_TIMEOUT_MS = 60_000;
/** The challenge outlives the ceremony's timeout by the time a slow network needs to bring the answer back. */
const REGISTRATION_CHALLENGE_TTL_SECONDS = REGISTRATION_TIMEOUT_MS / 1000 + 30;
/** ListWebAuthnCredentials' MaxResults: 0–20 (0 or absent = 20). */
const MAX_LIST_RESULTS = 20;
/** The WebAuthn spec's longest credential id is 1,023 bytes: 1,364 characters of base64url. */
const MAX_CREDENTIAL_ID_LENGTH = 1364;

/** Names an authenticator by its AAGUID where it is a well-known one (Cognito auto-generates the friendly name). */
const KNOWN_AUTHENTICATORS: Record<string, string> = {
  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "iCloud Keychain",
  "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
  "adce0002-35bc-c60a-648b-0b25f1f05503": "Chrome on Mac",
  "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
  "9ddd1817-af5a-4672-a2b9-3e3dd95000a9": "Windows Hello",
  "6028b017-b1d4-4c02-b4b3-afcdafc96bb2": "Windows Hello",
  "bada5566-a7aa-401f-bd96-45619a55120d": "1Password",
  "d548826e-79b4-db40-a3d8-11116f7e8349": "Bitwarden",
  "531126d6-e717-415c-9320-3d9aa6981239": "Dashlane",
};

export function friendlyNameOf(aaguid: string, attachment: WebAuthnCredential["authenticatorAttachment"]): string {
  return KNOWN_AUTHENTICATORS[aaguid.toLowerCase()] ?? (attachment === "cross-platform" ? "Security key" : "Passkey");
}

/** What Start keeps for Complete: single use, for this user only. */
interface PendingRegistration {
  challenge: string;
  clientId: string;
  rpId: string;
}

const registrationKey = (poolId: string, userId: string) => `webauthn:registration:${poolId}:${userId}`;
const actorOf = (principal: Pick<AccessTokenPrincipal, "userId">) => `user:${principal.userId}`;

/**
 * Who registers: the holder of an access token (the API), or a user the managed sign-in pages signed in
 * (their `cognito` session names the user; /passkeys/add, reference-oauth §8.1). Both go through the same
 * checks (user state, pool switch, RP ID, quota, the ceremony); only how the user is known differs.
 */
export interface PasskeyRegistrant {
  poolId: string;
  userId: string;
  /** The app client the registration is for: Start and Complete must name the same one. */
  clientId: string;
}
const userHandleOf = (userId: string): string => Buffer.from(userId, "utf8").toString("base64url");

/** How a refused registration is told to the client (reference-oauth §13.5). */
const REGISTRATION_REFUSALS: Record<WebAuthnFailure, { code: CognitoErrorCode; message: string }> = {
  malformed: {
    code: "InvalidParameterException",
    message: "Credential is not a valid WebAuthn registration response.",
  },
  challenge: {
    code: "WebAuthnChallengeNotFoundException",
    message: "The credential does not answer the registration challenge; call StartWebAuthnRegistration again.",
  },
  origin: {
    code: "WebAuthnOriginNotAllowedException",
    message: "The credential was created on an origin that this user pool's relying party does not allow.",
  },
  relyingParty: {
    code: "WebAuthnRelyingPartyMismatchException",
    message: "The credential was created for another relying party ID.",
  },
  userVerification: {
    code: "WebAuthnCredentialNotSupportedException",
    message: "The authenticator did not verify the user, which this user pool requires.",
  },
  unsupported: {
    code: "WebAuthnCredentialNotSupportedException",
    message: "The credential's key algorithm or attestation is not supported (ES256 or RS256).",
  },
  signature: { code: "WebAuthnCredentialNotSupportedException", message: "The credential could not be verified." },
  counter: { code: "WebAuthnCredentialNotSupportedException", message: "The credential could not be verified." },
};

function assertEnabled(context: SelfContext): void {
  if (!isWebAuthnEnabled(context.pool))
    throw new CognitoError(
      "WebAuthnNotEnabledException",
      "Passkeys are not enabled for this user pool: add WEB_AUTHN to its AllowedFirstAuthFactors.",
    );
}

function assertBelowQuota(count: number): void {
  if (count >= MAX_WEB_AUTHN_CREDENTIALS_PER_USER)
    throw new CognitoError(
      "LimitExceededException",
      `A user can register at most ${MAX_WEB_AUTHN_CREDENTIALS_PER_USER} passkeys.`,
    );
}

/** A position in the user's list, oldest first: (created at, credential id hash). */
const positionOf = (credential: WebAuthnCredential) => ({
  t: credential.createdAt.getTime(),
  h: sha256Hex(credential.credentialId),
});
const isAfter = (credential: WebAuthnCredential, after: { t: number; h: string }) => {
  const own = positionOf(credential);
  return own.t > after.t || (own.t === after.t && own.h > after.h);
};

/** StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials, DeleteWebAuthnCredential. */
export function createWebAuthnCredentialService({
  db,
  clock,
  store,
  verifier,
  poolDomainSuffix,
}: WebAuthnCredentialServiceDeps) {
  /** Start, for a token holder or a page-signed-in user: the same checks either way. */
  async function startRegistration(registrant: PasskeyRegistrant): Promise<Record<string, unknown>> {
    const { context, relyingParty, existing } = await db.read(async (repositories) => {
      const context = await loadSelfContext(repositories, registrant);
      assertEnabled(context);
      const relyingParty = await loadRelyingParty(repositories, context.pool, poolDomainSuffix);
      return { context, relyingParty, existing: await repositories.webAuthnCredentials.listOfUser(context.user.id) };
    });
    assertBelowQuota(existing.length);
    const challenge = randomTokenBase64Url(16);
    const pending: PendingRegistration = { challenge, clientId: registrant.clientId, rpId: relyingParty.rpId };
    // One pending registration per user: a new Start replaces the previous challenge.
    await store.set(
      registrationKey(context.pool.id, context.user.id),
      JSON.stringify(pending),
      REGISTRATION_CHALLENGE_TTL_SECONDS,
    );
    return {
      rp: { id: relyingParty.rpId, name: relyingParty.rpId },
      user: { id: userHandleOf(context.user.id), name: context.user.username, displayName: "" },
      challenge,
      pubKeyCredParams: [
        { type: "public-key", alg: -7 },
        { type: "public-key", alg: -257 },
      ],
      timeout: REGISTRATION_TIMEOUT_MS,
      excludeCredentials: existing
        .filter((credential) => credential.relyingPartyId === relyingParty.rpId)
        .map((credential) => ({ type: "public-key", id: credential.credentialId })),
      authenticatorSelection: {
        requireResidentKey: true,
        residentKey: "required",
        userVerification: relyingParty.userVerification,
      },
    };
  }

  /**
   * Verifies the RegistrationResponseJSON against the pending challenge (consumed, whatever the outcome)
   * and stores the passkey with its event.
   * @throws WebAuthnChallengeNotFoundException, WebAuthnClientMismatchException, WebAuthnRelyingPartyMismatchException,
   *         WebAuthnOriginNotAllowedException, WebAuthnCredentialNotSupportedException, WebAuthnNotEnabledException,
   *         WebAuthnConfigurationMissingException, LimitExceededException, InvalidParameterException, NotAuthorizedException
   */
  async function completeRegistration(
    registrant: PasskeyRegistrant,
    credential: unknown,
    via: "API" | "HOSTED_UI",
  ): Promise<void> {
    const taken = await store.consume(registrationKey(registrant.poolId, registrant.userId));
    if (taken === null)
      throw new CognitoError(
        "WebAuthnChallengeNotFoundException",
        "No registration is waiting for this user, or it expired: call StartWebAuthnRegistration first.",
      );
    const pending = JSON.parse(taken) as PendingRegistration;
    if (pending.clientId !== registrant.clientId)
      throw new CognitoError(
        "WebAuthnClientMismatchException",
        "The registration was started with another app client.",
      );
    const relyingParty: RelyingParty = await db.read(async (repositories) => {
      const context = await loadSelfContext(repositories, registrant);
      assertEnabled(context);
      return loadRelyingParty(repositories, context.pool, poolDomainSuffix);
    });
    // The pool's RP ID changed between Start and Complete: the options named another one.
    if (relyingParty.rpId !== pending.rpId)
      throw new CognitoError(
        "WebAuthnRelyingPartyMismatchException",
        "The user pool's relying party ID changed since the registration started.",
      );
    const rpId = relyingParty.rpId;
    const checked = await verifier.verifyRegistration(credential, {
      challenge: pending.challenge,
      rpId,
      isOriginAllowed: (origin) => isOriginAllowed(origin, rpId),
      requireUserVerification: relyingParty.userVerification === "required",
    });
    if (!checked.ok) {
      const refusal = REGISTRATION_REFUSALS[checked.failure];
      throw new CognitoError(refusal.code, refusal.message);
    }
    if (checked.credentialId.length > MAX_CREDENTIAL_ID_LENGTH)
      throw new CognitoError(
        "WebAuthnCredentialNotSupportedException",
        "The credential id is longer than WebAuthn allows.",
      );
    await db.transaction(async (repositories) => {
      const { pool, user } = await loadSelfContext(repositories, registrant);
      // One pending challenge per user means one Complete at a time: the count cannot be raced past 20.
      assertBelowQuota(await repositories.webAuthnCredentials.countOfUser(user.id));
      const now = clock.now();
      await repositories.webAuthnCredentials.insert({
        credentialId: checked.credentialId,
        poolId: pool.id,
        userId: user.id,
        relyingPartyId: rpId,
        publicKey: checked.publicKey,
        signCount: checked.signCount,
        transports: checked.transports,
        authenticatorAttachment: checked.authenticatorAttachment,
        friendlyName: friendlyNameOf(checked.aaguid, checked.authenticatorAttachment),
        createdAt: now,
        lastUsedAt: null,
      });
      await repositories.events.append(
        {
          type: "PASSKEY_REGISTERED",
          poolId: pool.id,
          actor: actorOf(registrant),
          detail: {
            userSub: user.id,
            clientId: registrant.clientId,
            credentialId: checked.credentialId,
            relyingPartyId: rpId,
            ...(via === "HOSTED_UI" ? { via } : {}),
          },
        },
        now,
      );
    });
  }

  return {
    /**
     * The PublicKeyCredentialCreationOptions for the signed-in user (a JSON document, reference-oauth §13.5),
     * whose challenge only CompleteWebAuthnRegistration with a token of the same client can answer.
     * @throws WebAuthnNotEnabledException, WebAuthnConfigurationMissingException, LimitExceededException, NotAuthorizedException
     */
    startRegistration: (principal: AccessTokenPrincipal): Promise<Record<string, unknown>> =>
      startRegistration(principal),

    /**
     * Start for a user the managed sign-in pages signed in (/passkeys/add), with no access token minted
     * for it: the pool, client and user are read and checked as a token's would be (a client of another
     * pool, a disabled or deleted user are refused alike).
     * @throws as startRegistration
     */
    startRegistrationForUser: (registrant: PasskeyRegistrant): Promise<Record<string, unknown>> =>
      startRegistration(registrant),

    /** CompleteWebAuthnRegistration with an access token. */
    completeRegistration: (principal: AccessTokenPrincipal, credential: unknown): Promise<void> =>
      completeRegistration(principal, credential, "API"),

    /** Complete for a user the managed sign-in pages signed in (/passkeys/add). @throws as completeRegistration */
    completeRegistrationForUser: (registrant: PasskeyRegistrant, credential: unknown): Promise<void> =>
      completeRegistration(registrant, credential, "HOSTED_UI"),

    /** The signed-in user's passkeys, oldest first. @throws InvalidParameterException, NotAuthorizedException */
    async listCredentials(
      principal: AccessTokenPrincipal,
      request: { maxResults?: number | null; nextToken?: string | null },
    ): Promise<{ credentials: WebAuthnCredential[]; nextToken: string | null }> {
      requireIntegerInRange("MaxResults", request.maxResults ?? 0, 0, MAX_LIST_RESULTS);
      const limit = request.maxResults ? request.maxResults : MAX_LIST_RESULTS;
      let after: { t: number; h: string } | null = null;
      if (request.nextToken !== undefined && request.nextToken !== null) {
        const decoded = decodeCursor(request.nextToken);
        // The token names the user it was issued for: it cannot page through another user's passkeys.
        if (
          !decoded ||
          typeof decoded.t !== "number" ||
          typeof decoded.h !== "string" ||
          decoded.u !== principal.userId
        )
          throw invalidParameter("NextToken is not a token returned by ListWebAuthnCredentials for this user.");
        after = { t: decoded.t, h: decoded.h };
      }
      const all = await db.read(async (repositories) =>
        repositories.webAuthnCredentials.listOfUser((await loadSelfContext(repositories, principal)).user.id),
      );
      const rest = after ? all.filter((credential) => isAfter(credential, after)) : all;
      const credentials = rest.slice(0, limit);
      const last = credentials[credentials.length - 1];
      return {
        credentials,
        nextToken: rest.length > limit && last ? encodeCursor({ ...positionOf(last), u: principal.userId }) : null,
      };
    },

    /** Deletes one of the signed-in user's passkeys. @throws ResourceNotFoundException, InvalidParameterException, NotAuthorizedException */
    async deleteCredential(principal: AccessTokenPrincipal, credentialId: string): Promise<void> {
      requireLength("CredentialId", credentialId, 1, MAX_CREDENTIAL_ID_LENGTH);
      await db.transaction(async (repositories: Repositories) => {
        const { pool, user } = await loadSelfContext(repositories, principal);
        const found = await repositories.webAuthnCredentials.find(pool.id, credentialId);
        // Another user's passkey is "not found" too: ids are not secret, but they are not the caller's to delete.
        if (
          !found ||
          found.userId !== user.id ||
          !(await repositories.webAuthnCredentials.delete(pool.id, credentialId))
        ) {
          throw new CognitoError("ResourceNotFoundException", "Credential not found.");
        }
        await repositories.events.append(
          {
            type: "PASSKEY_DELETED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: user.id, credentialId, relyingPartyId: found.relyingPartyId },
          },
          clock.now(),
        );
      });
    },
  };
}
