import type { Clock } from "../../../lib/clock.js";
import { randomTokenBase64Url } from "../../../lib/random.js";
import { sha256Hex } from "../../../lib/secrets.js";
import type { ShortLivedStore } from "../../ports.js";

/**
 * The Session that SignUp and ConfirmSignUp return (reference-oauth §13.6): InitiateAuth USER_AUTH with it
 * signs the new user in without another code — the confirmation code (or PreSignUp's auto-confirmation)
 * counts as the first factor. Amplify's autoSignIn sends it as the request's Session.
 */
export interface SignUpSession {
  poolId: string;
  clientId: string;
  userId: string;
  /**
   * Whether the user was confirmed when the session was issued: ConfirmSignUp's sessions, and SignUp's
   * for a user PreSignUp auto-confirmed. Only these sign in: a SignUp session of a user confirmed later
   * by someone else's code proves nothing about the caller.
   */
  confirmed: boolean;
  expiresAtMs: number;
}

/**
 * Opaque random tokens, kept by hash in the short-lived store for the client's auth session validity.
 * A token is redeemed with one atomic consume: of parallel redemptions exactly one gets it, and a
 * redeemed token never works again.
 */
export function createSignUpSessions(store: ShortLivedStore, clock: Clock) {
  const keyOf = (token: string) => `signup-session:${sha256Hex(token)}`;
  return {
    /** A new token for this user, valid `lifetimeSeconds` (the client's AuthSessionValidity). */
    async issue(record: Omit<SignUpSession, "expiresAtMs">, lifetimeSeconds: number): Promise<string> {
      const token = randomTokenBase64Url(96);
      await store.set(
        keyOf(token),
        JSON.stringify({ ...record, expiresAtMs: clock.nowMs() + lifetimeSeconds * 1000 } satisfies SignUpSession),
        lifetimeSeconds,
      );
      return token;
    },

    /** Uses the token up; null when it is unknown, used or expired. */
    async redeem(token: string): Promise<SignUpSession | null> {
      if (token.length < 20 || token.length > 2048) return null;
      const raw = await store.consume(keyOf(token));
      if (raw === null) return null;
      const record = JSON.parse(raw) as SignUpSession;
      return record.confirmed && record.expiresAtMs > clock.nowMs() ? record : null;
    },
  };
}

export type SignUpSessions = ReturnType<typeof createSignUpSessions>;
