import { sha256Hex } from "../../../lib/secrets.js";
import type { MessageAuthenticator } from "../../../core/ports.js";
import { CLOCK_SKEW_MS } from "./security.js";

/**
 * The `signed_in` page parameter (and the add page's hidden field of that name): proof that the pages
 * themselves just finished a sign-in for this session, handed to /passkeys/add with the redirect that
 * follows it. Under prompt=login that page takes the `cognito` session only with this proof, so the
 * freshness the app asked for is tied to the sign-in itself and not to anything the browser chooses to
 * send (a CSRF cookie dates a page view, not a sign-in).
 */
export const FRESH_SIGN_IN_FIELD = "signed_in";

/** A proof older than this (from the sign-in) no longer stands for "signed in now". */
export const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

const SCOPE = "page-fresh-sign-in";

/** What a proof is bound to: the pool, the app client, the session and its sign-in time. */
export interface FreshSignIn {
  poolId: string;
  clientId: string;
  /** The `cognito` cookie's value: only its SHA-256 enters the MAC, and nothing of it enters the proof. */
  sessionCookie: string;
  authTime: Date;
}

const signedText = (signIn: FreshSignIn, authTimeMs: number) =>
  `${signIn.poolId}\u0000${signIn.clientId}\u0000${sha256Hex(signIn.sessionCookie)}\u0000${authTimeMs}`;

/** `<sign-in time, base 36>.<HMAC>`: names the session only by the hash inside the MAC. */
export function signFreshSignIn(authenticator: MessageAuthenticator, signIn: FreshSignIn): string {
  const authTimeMs = signIn.authTime.getTime();
  return `${authTimeMs.toString(36)}.${authenticator.sign(SCOPE, signedText(signIn, authTimeMs))}`;
}

/**
 * Whether `value` is a proof this gateway gave for exactly this session's sign-in (its time included, so a
 * new sign-in in the same browser voids the old proof's session binding), for this pool and client, at
 * most FRESH_SIGN_IN_MS old and not more than CLOCK_SKEW_MS ahead.
 */
export function isFreshSignIn(
  authenticator: MessageAuthenticator,
  value: string | null,
  signIn: FreshSignIn,
  nowMs: number,
): boolean {
  if (!value || value.length > 200) return false;
  const [time, mac, ...rest] = value.split(".");
  if (rest.length > 0 || !time || !mac || !/^[0-9a-z]{1,12}$/.test(time)) return false;
  const authTimeMs = parseInt(time, 36);
  if (authTimeMs !== signIn.authTime.getTime()) return false;
  if (nowMs - authTimeMs > FRESH_SIGN_IN_MS || authTimeMs - nowMs > CLOCK_SKEW_MS) return false;
  return authenticator.verify(SCOPE, signedText(signIn, authTimeMs), mac);
}
