import type { Clock } from "../../../lib/clock.js";
import { randomTokenBase64Url } from "../../../lib/random.js";
import { sha256Hex } from "../../../lib/secrets.js";
import { CognitoError } from "../../errors.js";
import type { AttemptGate, AttemptTaken, ShortLivedStore } from "../../ports.js";
import type { ValueWrite } from "../../security/lockout.js";
import type { MfaFactor } from "../../pools/user-pool.types.js";
import type { ChallengeResult } from "../../triggers/auth.triggers.js";
import type { PasskeyAssertionState } from "../../webauthn/passkey-sign-in.js";
import type { ChallengeState } from "./sign-in.flow.js";

/** One sign-in in progress, as stored in the short-lived store (Redis when shared). */
export interface SignInSession {
  kind: "SIGN_IN";
  state: ChallengeState;
  poolId: string;
  clientId: string;
  /** null for the simulated challenge of a user that does not exist. */
  userId: string | null;
  /** USER_ID_FOR_SRP: the immutable username (or the simulated one). */
  username: string;
  viaAdmin: boolean;
  /** Opened by the managed sign-in pages: only they may answer it (CallerContext.hostedUi). */
  hostedUi?: true;
  authTimeMs: number | null;
  expiresAtMs: number;
  /** PASSWORD_VERIFIER: the user's SRP exchange; DEVICE_PASSWORD_VERIFIER: the device's (salt = the device's). */
  srp?: { aHex: string; bHex: string; bigBHex: string; saltHex: string; secretBlock: string };
  /** CUSTOM_AUTH: the steps so far (DefineAuthChallenge's `session`) and the current challenge's private parameters. */
  custom?: {
    history: ChallengeResult[];
    privateChallengeParameters: Record<string, string>;
    challengeMetadata: string | null;
  };
  /** A confirmed device of this user, named at the password step: it proves itself (device SRP) before the tokens. */
  deviceKey?: string;
  /** SMS_MFA / EMAIL_OTP: the keyed hash of the code sent (never the code) and when it stops working. */
  codeHash?: string;
  codeExpiresAtMs?: number;
  /** The address the code went to: it proves that address only (absent in a session that sent nothing). */
  codeSentTo?: string;
  /** Wrong MFA answers on this session so far; at the limit the session is not given back. */
  failedAttempts?: number;
  /** SELECT_MFA_TYPE: MFAS_CAN_CHOOSE; MFA_SETUP: MFAS_CAN_SETUP. */
  mfaChoices?: MfaFactor[];
  /**
   * A factor being set up during this sign-in: the authenticator once VerifySoftwareToken proved it
   * (MFA_SETUP), or the email address an EMAIL_OTP code went to (switched on when the code comes back).
   */
  setup?: { factor: "SOFTWARE_TOKEN_MFA" } | { factor: "EMAIL_OTP"; email: string };
  /** USER_AUTH (sign-in.user-auth.ts): the USERNAME as typed at InitiateAuth, which answers must name (or the user's own username). */
  typedUsername?: string;
  /** SELECT_CHALLENGE: the AvailableChallenges offered, the only answers accepted. */
  availableChallenges?: string[];
  /** EMAIL_OTP / SMS_OTP as USER_AUTH's first factor (no MFA follows; the code verifies the address). */
  firstFactor?: true;
  /** WEB_AUTHN: what the passkey service needs to check the assertion against the options it made. */
  passkey?: PasskeyAssertionState;
}

const EXPIRED = "Invalid session for the user, session is expired.";
const REUSED = "Invalid session for the user, session can only be used once.";
/** How long after a used session would have expired a replay is still told "used once" rather than "expired". */
const USED_MARKER_EXTRA_SECONDS = 60;

/**
 * Sessions are opaque random tokens; the store keys them by hash, so a dump of Redis cannot be
 * replayed. Each step consumes its session atomically (one use) and the next step gets a new one.
 */
export function createChallengeSessions(store: ShortLivedStore, clock: Clock) {
  // One hash tag for a session and its used-marker: consume sets the marker in the same atomic step.
  const keyOf = (token: string) => `signin:{${sha256Hex(token)}}`;
  const usedKeyOf = (token: string) => `signin-used:{${sha256Hex(token)}}`;
  /**
   * A new session's token and the store write that opens it. `ref` (base64url and dots) rides in the
   * token after a dot, for the caller to read back before the session is taken (`refOf`); the store
   * key hashes the whole token, so a token with another ref names no session.
   */
  const prepare = (
    session: Omit<SignInSession, "kind" | "expiresAtMs">,
    lifetimeSeconds: number,
    options?: { ref?: string },
  ): { token: string; write: ValueWrite } => {
    const token = options?.ref ? `${randomTokenBase64Url(96)}.${options.ref}` : randomTokenBase64Url(96);
    const record: SignInSession = { ...session, kind: "SIGN_IN", expiresAtMs: clock.nowMs() + lifetimeSeconds * 1000 };
    return { token, write: { key: keyOf(token), value: JSON.stringify(record), ttlSeconds: lifetimeSeconds } };
  };
  return {
    async open(session: Omit<SignInSession, "kind" | "expiresAtMs">, lifetimeSeconds: number): Promise<string> {
      const { token, write } = prepare(session, lifetimeSeconds);
      await store.set(write.key, write.value, write.ttlSeconds);
      return token;
    },

    /**
     * `open` without the write: the caller stores `write` itself, with another step in the same
     * round trip (the start of SRP stores it with the lockout check), and hands out `token` once it has.
     */
    prepare,

    /**
     * Takes the session for one step: of parallel callers with the same token exactly one gets it.
     * @throws NotAuthorizedException (expired, unknown or already used)
     */
    async take(token: string | null | undefined): Promise<SignInSession> {
      if (!token || token.length < 20 || token.length > 2048) throw new CognitoError("NotAuthorizedException", EXPIRED);
      // One round trip takes the session and leaves the "used" marker (for the session's lifetime plus a minute).
      const raw = await store.consume(keyOf(token), {
        marker: { key: usedKeyOf(token), extraSeconds: USED_MARKER_EXTRA_SECONDS },
      });
      if (raw === null) {
        const used = await store.get(usedKeyOf(token));
        throw new CognitoError("NotAuthorizedException", used ? REUSED : EXPIRED);
      }
      const session = JSON.parse(raw) as SignInSession;
      if (session.expiresAtMs <= clock.nowMs()) throw new CognitoError("NotAuthorizedException", EXPIRED);
      return session;
    },

    /** The `ref` a token was prepared with, as the client sent it back (unchecked); null for none. */
    refOf(token: string | null | undefined): string | null {
      const dot = token ? token.indexOf(".") : -1;
      return dot > 0 ? token!.slice(dot + 1) : null;
    },

    /**
     * `take`, counting an attempt in `gates` in the same step (the SRP answer's lockout reservation):
     * nothing is counted unless the session is live, and the session is left alone when the gates
     * refuse. Null when the store cannot do both at once, or the gates refused: the caller takes
     * the session apart (and meets the lockout when it reserves its attempt).
     * @throws NotAuthorizedException (expired, unknown or already used)
     */
    async takeTakingAttempt(
      token: string | null | undefined,
      gates: readonly AttemptGate[],
    ): Promise<{ session: SignInSession; taken: AttemptTaken } | null> {
      if (!token || token.length < 20 || token.length > 2048) throw new CognitoError("NotAuthorizedException", EXPIRED);
      const result = await store.consumeTakingAttempt(keyOf(token), {
        marker: { key: usedKeyOf(token), extraSeconds: USED_MARKER_EXTRA_SECONDS },
        gates,
      });
      if (result === null) return null;
      if (result.taken === null) {
        const used = await store.get(usedKeyOf(token));
        throw new CognitoError("NotAuthorizedException", used ? REUSED : EXPIRED);
      }
      if (result.value === null) return null;
      // Live by the store's clock, which is this one: the record's own expiry is a hair earlier at most.
      return { session: JSON.parse(result.value) as SignInSession, taken: result.taken };
    },

    /**
     * Reads a live session without using it up: AssociateSoftwareToken during MFA_SETUP carries the
     * session without answering the challenge, so the answer can still take it afterwards.
     * @throws NotAuthorizedException (expired, unknown or already used)
     */
    async peek(token: string | null | undefined): Promise<SignInSession> {
      if (!token || token.length < 20 || token.length > 2048) throw new CognitoError("NotAuthorizedException", EXPIRED);
      const raw = await store.get(keyOf(token));
      if (raw === null) {
        const used = await store.get(usedKeyOf(token));
        throw new CognitoError("NotAuthorizedException", used ? REUSED : EXPIRED);
      }
      const session = JSON.parse(raw) as SignInSession;
      if (session.expiresAtMs <= clock.nowMs()) throw new CognitoError("NotAuthorizedException", EXPIRED);
      return session;
    },

    /**
     * A new token for a session taken from its old one, keeping its expiry: VerifySoftwareToken
     * during MFA_SETUP answers with a new session that remembers the authenticator was proven.
     * @throws NotAuthorizedException (expired)
     */
    async reissue(session: SignInSession): Promise<string> {
      const remainingSeconds = Math.ceil((session.expiresAtMs - clock.nowMs()) / 1000);
      if (remainingSeconds <= 0) throw new CognitoError("NotAuthorizedException", EXPIRED);
      const token = randomTokenBase64Url(96);
      await store.set(keyOf(token), JSON.stringify(session), remainingSeconds);
      return token;
    },

    /** Puts a session back for another try at the same step (e.g. a new password the policy refused). */
    async giveBack(token: string, session: SignInSession): Promise<void> {
      const remainingSeconds = Math.ceil((session.expiresAtMs - clock.nowMs()) / 1000);
      if (remainingSeconds <= 0) return;
      await store.delete(usedKeyOf(token));
      await store.set(keyOf(token), JSON.stringify(session), remainingSeconds);
    },
  };
}

export type ChallengeSessions = ReturnType<typeof createChallengeSessions>;
