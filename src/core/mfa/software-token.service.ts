import type { Clock } from "../../lib/clock.js";
import { CognitoError, invalidParameter } from "../errors.js";
import type { ChallengeSessions } from "../flows/sign-in/challenge-session.js";
import type { Database, QrCodeRenderer, Repositories, SecretBox, ShortLivedStore, TotpEngine } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { loadSelfContext, type AccessTokenPrincipal } from "../tokens/access-token.service.js";
import type { User } from "../users/user.types.js";
import { requireLength } from "../validation.js";
import { isOfferedByPool } from "./mfa-factors.js";
import { verifyTotpForSignIn } from "./totp-check.js";
import { countWithinHour } from "../security/hourly-limit.js";

export interface SoftwareTokenDeps {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
  totp: TotpEngine;
  qrCodes: QrCodeRenderer;
  store: ShortLivedStore;
  sessions: ChallengeSessions;
}

/**
 * Who is setting up an authenticator: the signed-in user of an access token, or the user of a sign-in
 * waiting for MFA_SETUP (Cognito takes either, never both). `hostedUi` is where a session caller comes
 * from: the managed sign-in pages, for their pool and client, or (absent) the APIs.
 */
export type SoftwareTokenCaller =
  | { kind: "accessToken"; principal: AccessTokenPrincipal }
  | { kind: "session"; session: string; hostedUi?: { poolId: string; clientId: string } };

export interface SoftwareTokenAssociation {
  /** The shared secret, base32, for typing into the app by hand. */
  secretCode: string;
  /** otpauth://totp/… with the pool name as issuer. */
  otpauthUri: string;
  /** The URI as a QR code: a `data:image/png;base64,` URL. */
  qrCodePng: string;
  /** The sign-in session to carry on with (session callers only). */
  session: string | null;
}

export interface SoftwareTokenVerification {
  status: "SUCCESS";
  session: string | null;
}

interface Target {
  pool: UserPool;
  user: User;
  session: string | null;
  actor: string;
}

/** Attempts per user and hour: ample for typing mistakes, and a brute force of 10^6 codes gets nowhere. */
const VERIFY_PER_HOUR = 20;
const MAX_FRIENDLY_NAME_LENGTH = 256;

// Cognito's words (observed), so clients that match on them keep working.
const mismatch = () =>
  new CognitoError("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA");
const notOfferedByPool = () =>
  new CognitoError("SoftwareTokenMFANotFoundException", "Software Token MFA has not been enabled by the userPool.");
const notAssociated = () =>
  new CognitoError("SoftwareTokenMFANotFoundException", "Software Token MFA does not exist for the user.");

/** The account name an app shows under the issuer: the email or phone in pools that sign in with them, else the username. */
function accountNameOf(pool: UserPool, user: User): string {
  for (const attribute of pool.usernameAttributes) {
    const value = user.attributes[attribute];
    if (value) return value;
  }
  return user.username;
}

export function createSoftwareTokenOperations({
  db,
  clock,
  secretBox,
  totp,
  qrCodes,
  store,
  sessions,
}: SoftwareTokenDeps) {
  /** The pool and user behind the caller, re-read inside the caller's transaction. */
  async function loadTarget(repositories: Repositories, caller: SoftwareTokenCaller): Promise<Target> {
    if (caller.kind === "accessToken") {
      const { pool, user } = await loadSelfContext(repositories, caller.principal);
      return { pool, user, session: null, actor: `user:${user.id}` };
    }
    const session = await sessions.peek(caller.session);
    // A session answers only where it was opened, as RespondToAuthChallenge's: the pages' sessions never
    // through the APIs, the APIs' never on the pages, and the pages' only for the pool and client of the page.
    const isFromPages = caller.hostedUi !== undefined;
    if (
      (session.hostedUi ?? false) !== isFromPages ||
      (caller.hostedUi && (session.poolId !== caller.hostedUi.poolId || session.clientId !== caller.hostedUi.clientId))
    ) {
      throw new CognitoError("NotAuthorizedException", "Invalid session for the user, session is expired.");
    }
    // Only a sign-in waiting for MFA_SETUP, whose pool offers authenticators, may set one up through its
    // session. (Peeking first still answers an expired session with NotAuthorizedException, as Cognito does.)
    if (session.state !== "MFA_SETUP" || !session.userId)
      throw invalidParameter(`This session is waiting for ${session.state}, not MFA_SETUP.`);
    if (!session.mfaChoices?.includes("SOFTWARE_TOKEN_MFA")) throw notOfferedByPool();
    const pool = await repositories.pools.findById(session.poolId);
    const user = pool ? await repositories.users.findById(pool.id, session.userId) : null;
    if (!pool || !user)
      throw new CognitoError("NotAuthorizedException", "Invalid session for the user, session is expired.");
    return { pool, user, session: caller.session, actor: `client:${session.clientId}` };
  }

  /**
   * During MFA_SETUP the proven authenticator moves the sign-in on: the old session is used up
   * (atomically, so one of parallel verifications carries on) and a new one, remembering the proof, is
   * returned for the MFA_SETUP answer (cognito-reference §3.2).
   */
  async function carryOn(caller: SoftwareTokenCaller): Promise<string | null> {
    if (caller.kind !== "session") return null;
    const session = await sessions.take(caller.session);
    return sessions.reissue({ ...session, setup: { factor: "SOFTWARE_TOKEN_MFA" } });
  }

  return {
    /**
     * Starts authenticator setup (AssociateSoftwareToken): a new 160-bit secret, its otpauth URI and a
     * QR code. The secret is stored sealed and pending; an authenticator already in force keeps
     * working until the new one is verified (re-associating never silently drops MFA).
     * @throws SoftwareTokenMFANotFoundException (the pool does not offer SOFTWARE_TOKEN_MFA), NotAuthorizedException,
     *         InvalidParameterException (a session not waiting for MFA_SETUP), UserNotFoundException
     */
    async associateSoftwareToken(caller: SoftwareTokenCaller): Promise<SoftwareTokenAssociation> {
      const secretCode = totp.generateSecret();
      const target = await db.transaction(async (repositories) => {
        const found = await loadTarget(repositories, caller);
        if (!isOfferedByPool(found.pool, "SOFTWARE_TOKEN_MFA")) throw notOfferedByPool();
        const now = clock.now();
        await repositories.mfa.setPendingTotp(found.user.id, secretBox.encrypt(secretCode), now);
        await repositories.events.append(
          {
            type: "SOFTWARE_TOKEN_ASSOCIATED",
            poolId: found.pool.id,
            actor: found.actor,
            detail: { userSub: found.user.id },
          },
          now,
        );
        return found;
      });
      const otpauthUri = totp.keyUri({
        issuer: target.pool.name,
        accountName: accountNameOf(target.pool, target.user),
        secret: secretCode,
      });
      return { secretCode, otpauthUri, qrCodePng: await qrCodes.toPngDataUrl(otpauthUri), session: target.session };
    },

    /**
     * Proves the associated authenticator with one of its codes (VerifySoftwareToken) and puts it in
     * force, replacing any earlier one. Like Cognito this marks it verified without switching
     * SOFTWARE_TOKEN_MFA on or preferring it: SetUserMFAPreference does that. With nothing pending,
     * the code is checked against the authenticator in force. No code is accepted twice.
     * @throws EnableSoftwareTokenMFAException (wrong, stale or reused code), SoftwareTokenMFANotFoundException
     *         (pool without SOFTWARE_TOKEN_MFA, or nothing associated), InvalidParameterException (not 6 digits),
     *         LimitExceededException (20 an hour), NotAuthorizedException, UserNotFoundException
     */
    async verifySoftwareToken(
      caller: SoftwareTokenCaller,
      input: { userCode: string; friendlyDeviceName?: string | null },
    ): Promise<SoftwareTokenVerification> {
      if (!/^\d{6}$/.test(input.userCode)) throw invalidParameter("userCode must be exactly 6 digits.");
      const friendlyName = input.friendlyDeviceName ? input.friendlyDeviceName : null;
      if (friendlyName !== null) requireLength("friendlyDeviceName", friendlyName, 1, MAX_FRIENDLY_NAME_LENGTH);
      const { target, row } = await db.read(async (repositories) => {
        const found = await loadTarget(repositories, caller);
        return { target: found, row: await repositories.mfa.find(found.user.id) };
      });
      if (!isOfferedByPool(target.pool, "SOFTWARE_TOKEN_MFA")) throw notOfferedByPool();
      // Counted before the check: the limit is what bounds guessing.
      if (!(await countWithinHour(store, `attempts:verifySoftwareToken:${target.user.id}`, VERIFY_PER_HOUR))) {
        throw new CognitoError("LimitExceededException", "Attempt limit exceeded, please try after some time.");
      }
      const pending = row?.pendingTotpSecretCiphertext ?? null;
      if (pending === null) {
        if (!row?.totpSecretCiphertext) throw notAssociated();
        const result = await db.read((repositories) =>
          verifyTotpForSignIn({ secretBox, totp }, repositories, target.user.id, input.userCode, clock.nowMs()),
        );
        if (result !== "OK") throw mismatch();
        return { status: "SUCCESS", session: await carryOn(caller) };
      }
      // A new secret has no used steps yet; its first accepted step is recorded as it goes into force.
      const match = totp.verify(secretBox.decrypt(pending), input.userCode, clock.nowMs());
      if (!match.ok) throw mismatch();
      const isPromoted = await db.transaction(async (repositories) => {
        const now = clock.now();
        // Conditional on the pending secret being the one just checked: parallel submissions promote it once.
        if (
          !(await repositories.mfa.promotePendingTotp(target.user.id, pending, { friendlyName, step: match.step, now }))
        )
          return false;
        await repositories.events.append(
          {
            type: "SOFTWARE_TOKEN_VERIFIED",
            poolId: target.pool.id,
            actor: target.actor,
            detail: {
              userSub: target.user.id,
              replacedPrevious: row?.totpSecretCiphertext != null,
              friendlyDeviceName: friendlyName,
            },
          },
          now,
        );
        return true;
      });
      if (!isPromoted) throw mismatch();
      return { status: "SUCCESS", session: await carryOn(caller) };
    },
  };
}
