import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import {
  browserGet,
  CookieJar,
  createOAuthPool,
  createOAuthUser,
  getOAuthTestApp,
  locationOf,
  postForm,
  submitLoginForm,
} from "../support/oauth.js";
import type { TestApp } from "../support/test-app.js";

/** Registered as they are written: a CJK path, and one in U+0080–U+00FF (which Node would send as Latin-1). */
const CALLBACK_CJK = "https://app.example.com/callback/日本";
const CALLBACK_LATIN = "https://app.example.com/café";
const LOGOUT_CJK = "https://app.example.com/signed-out/日本";
/** The same URLs as a Location header carries them: UTF-8, percent-encoded. */
const ENCODED: Record<string, string> = {
  [CALLBACK_CJK]: "https://app.example.com/callback/%E6%97%A5%E6%9C%AC",
  [CALLBACK_LATIN]: "https://app.example.com/caf%C3%A9",
  [LOGOUT_CJK]: "https://app.example.com/signed-out/%E6%97%A5%E6%9C%AC",
};

/**
 * /oauth2/authorize and /logout send the browser to registered URLs that may hold any Unicode: the
 * Location is percent-encoded, as the managed pages' redirects are, never a 500 or mangled bytes.
 */
describe.each(BACKENDS)("redirects to Unicode callback and logout URLs on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getOAuthTestApp(backend);
  });
  afterAll(async () => gateway?.close());

  async function unicodePool() {
    const pool = await createOAuthPool(gateway, {
      callbackURLs: [CALLBACK_CJK, CALLBACK_LATIN],
      logoutURLs: [LOGOUT_CJK],
    });
    const authorizeUrl = (redirectUri: string, extra: Record<string, string> = {}) =>
      `${pool.issuer}/oauth2/authorize?${new URLSearchParams({
        client_id: pool.clientId,
        response_type: "code",
        redirect_uri: redirectUri,
        scope: "openid email",
        state: "st-日本",
        ...extra,
      }).toString()}`;
    return { pool, authorizeUrl };
  }

  it("answers prompt=none without a session with a 302 to the percent-encoded callback carrying login_required and the state", async () => {
    const { authorizeUrl } = await unicodePool();
    for (const callback of [CALLBACK_CJK, CALLBACK_LATIN]) {
      const response = await browserGet(authorizeUrl(callback, { prompt: "none" }));
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(locationOf(response)).toBe(`${ENCODED[callback]}?error=login_required&state=st-%E6%97%A5%E6%9C%AC`);
    }
  });

  it("sends a signed-in browser (single sign-on) to the percent-encoded callback with a code the token endpoint redeems for the registered URL", async () => {
    const { pool, authorizeUrl } = await unicodePool();
    const user = await createOAuthUser(gateway, pool.poolId);
    const jar = new CookieJar();
    const loginUrl = locationOf(await browserGet(authorizeUrl(CALLBACK_LATIN), jar));
    expect(new URL(loginUrl).pathname).toBe(`/${pool.poolId}/login`);
    const signedIn = locationOf(await submitLoginForm(loginUrl, jar, user.username, user.password));
    expect(signedIn.startsWith(`${ENCODED[CALLBACK_LATIN]}?code=`), signedIn).toBe(true);

    for (const callback of [CALLBACK_CJK, CALLBACK_LATIN]) {
      const response = await browserGet(authorizeUrl(callback), jar);
      const location = locationOf(response);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(location).toMatch(
        new RegExp(`^${ENCODED[callback].replace(/[.?]/g, "\\$&")}\\?code=[0-9a-f-]{36}&state=st-%E6%97%A5%E6%9C%AC$`),
      );
      // The browser comes back to the decoded URL, which is what the app then sends as redirect_uri.
      const redeemed = await postForm(`${pool.issuer}/oauth2/token`, {
        grant_type: "authorization_code",
        client_id: pool.clientId,
        code: new URL(location).searchParams.get("code")!,
        redirect_uri: decodeURI(new URL(location).origin + new URL(location).pathname),
      });
      expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    }
  });

  it("sends /logout with a registered Unicode logout_uri to the percent-encoded URL", async () => {
    const { pool } = await unicodePool();
    const response = await browserGet(
      `${pool.issuer}/logout?${new URLSearchParams({ client_id: pool.clientId, logout_uri: LOGOUT_CJK }).toString()}`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(locationOf(response)).toBe(ENCODED[LOGOUT_CJK]);
  });
});
