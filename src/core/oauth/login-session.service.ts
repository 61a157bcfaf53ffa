import type { Clock } from "../../lib/clock.js";
import { randomTokenBase64Url } from "../../lib/random.js";
import { sha256Hex } from "../../lib/secrets.js";
import type { Database, ShortLivedStore } from "../ports.js";

/** The managed-login session cookie's name, as Cognito's (reference-oauth §8.3). */
export const LOGIN_SESSION_COOKIE = "cognito";
/** A session lasts one hour from the last interactive sign-in and is never extended by silent use. */
export const LOGIN_SESSION_SECONDS = 3600;

export interface LoginSession {
  userId: string;
  authTime: Date;
}

export type LoginSessionService = ReturnType<typeof createLoginSessionService>;

interface StoredSession {
  poolId: string;
  userId: string;
  authTimeMs: number;
}

/** Cookie values are 256 random bits as base64url; anything else is not worth a store round trip. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;
const keyOf = (cookieValue: string) => `login-session:${sha256Hex(cookieValue)}`;

/**
 * The managed-login session behind the `cognito` cookie: single sign-on for every app client of the pool
 * for an hour after an interactive sign-in (reference-oauth §8.3). Only the SHA-256 of the cookie value is
 * stored, so the store's contents cannot be replayed as cookies.
 */
export function createLoginSessionService({
  db,
  store,
  clock,
}: {
  db: Database;
  store: ShortLivedStore;
  clock: Clock;
}) {
  return {
    /**
     * Starts a session after an interactive sign-in (also under prompt=login: the old session is not
     * ended, the browser simply gets the new cookie). The cookie should live `maxAgeSeconds`.
     */
    async start(
      poolId: string,
      userId: string,
      authTime: Date,
    ): Promise<{ cookieValue: string; maxAgeSeconds: number }> {
      const cookieValue = randomTokenBase64Url(32);
      const endsAtMs = authTime.getTime() + LOGIN_SESSION_SECONDS * 1000;
      const maxAgeSeconds = Math.max(1, Math.min(LOGIN_SESSION_SECONDS, Math.ceil((endsAtMs - clock.nowMs()) / 1000)));
      const stored: StoredSession = { poolId, userId, authTimeMs: authTime.getTime() };
      await store.set(keyOf(cookieValue), JSON.stringify(stored), maxAgeSeconds);
      return { cookieValue, maxAgeSeconds };
    },

    /**
     * The session a cookie names in this pool; null for none, another pool's, an expired one, or a user
     * who is gone, disabled or no longer allowed to sign in.
     */
    async find(poolId: string, cookieValue: string | undefined): Promise<LoginSession | null> {
      if (!cookieValue || !COOKIE_VALUE.test(cookieValue)) return null;
      const raw = await store.get(keyOf(cookieValue));
      if (raw === null) return null;
      const stored = JSON.parse(raw) as StoredSession;
      if (stored.poolId !== poolId) return null;
      const user = await db.read((repositories) => repositories.users.findById(poolId, stored.userId));
      if (!user || !user.enabled || user.status !== "CONFIRMED") return null;
      return { userId: user.id, authTime: new Date(stored.authTimeMs) };
    },

    /** Ends the session (/logout); a cookie of another pool is left alone. */
    async end(poolId: string, cookieValue: string | undefined): Promise<void> {
      if (!cookieValue || !COOKIE_VALUE.test(cookieValue)) return;
      const raw = await store.get(keyOf(cookieValue));
      if (raw !== null && (JSON.parse(raw) as StoredSession).poolId === poolId) await store.delete(keyOf(cookieValue));
    },
  };
}
