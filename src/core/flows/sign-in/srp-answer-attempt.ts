import type { Clock } from "../../../lib/clock.js";
import { CognitoError } from "../../errors.js";
import type { SecretBox } from "../../ports.js";
import type { AttemptReservation, Lockout } from "../../security/lockout.js";
import type { ChallengeSessions, SignInSession } from "./challenge-session.js";

/**
 * The width every sealed subject is padded to. AES-GCM keeps the plaintext's length, and the ref rides
 * in the Session the client sees: a user's id (a 36-character UUID) and a simulated identity's subject
 * (`simulated:<uuid>`, 46) must seal to the same length, or the Session's length alone would tell
 * whether the name has a user (PreventUserExistenceErrors ENABLED).
 */
const SEALED_SUBJECT_WIDTH = 64;
/** Subjects are UUIDs or `simulated:<uuid>`: a trailing space is never theirs, so it pads unambiguously. */
const PAD = " ";

/**
 * The SRP answer's lockout reservation, counted in the same store step that takes its session (one
 * Redis round trip instead of two). The reservation needs the lockout subject before the session is
 * read, so the PASSWORD_VERIFIER token carries it, sealed: a user's sub must not show before the
 * password is proven, nor a simulated identity tell itself from a real user. The store key hashes the
 * whole token, so a token carrying another subject names no session, and nothing is counted unless
 * the session is live: a ref copied from one token cannot count failures against anyone.
 */
export function createSrpAnswerAttempts(deps: {
  sessions: ChallengeSessions;
  lockout: Lockout;
  secretBox: SecretBox;
  clock: Clock;
}) {
  const { sessions, lockout, secretBox, clock } = deps;

  const subjectOf = (token: string | null | undefined): string | null => {
    const ref = sessions.refOf(token);
    if (!ref) return null;
    try {
      return secretBox.decrypt(ref).trimEnd();
    } catch {
      // Not one of ours (or from another SECRETS_KEY): the plain take decides what the token is.
      return null;
    }
  };

  return {
    /** The ref startSrp prepares the session with: the subject sealed at one width for every subject. */
    refFor: (subject: string): string => secretBox.encrypt(subject.padEnd(SEALED_SUBJECT_WIDTH, PAD)),

    /**
     * Takes the session; for a PASSWORD_VERIFIER token also reserves the answer's attempt in the same
     * step (null when the token has no subject, the store cannot do both at once, or the gates refused:
     * then the answer reserves as before, and meets the lockout there). Release the reservation in a
     * `finally`: the steps before the proof is weighed must not leave it counted.
     * @throws NotAuthorizedException (expired, unknown or already used)
     */
    async take(
      poolId: string,
      token: string | null | undefined,
      sourceIp: string | null,
    ): Promise<{ session: SignInSession; attempt: AttemptReservation | null }> {
      const subject = subjectOf(token);
      const taken = subject
        ? await sessions.takeTakingAttempt(token, lockout.gatesOf(poolId, subject, sourceIp))
        : null;
      if (!taken) return { session: await sessions.take(token), attempt: null };
      const attempt = lockout.reservationOf(poolId, subject!, sourceIp, taken.taken);
      if (taken.session.expiresAtMs <= clock.nowMs()) {
        await lockout.release(attempt);
        throw new CognitoError("NotAuthorizedException", "Invalid session for the user, session is expired.");
      }
      return { session: taken.session, attempt };
    },
  };
}

export type SrpAnswerAttempts = ReturnType<typeof createSrpAnswerAttempts>;
