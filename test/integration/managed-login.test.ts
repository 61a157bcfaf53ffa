import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminCreateUserDocument,
  AdminSetUserMfaPreferenceDocument,
  AssociateSoftwareTokenDocument,
  CreateUserPoolClientDocument,
  SetUserMfaPreferenceDocument,
  VerifySoftwareTokenDocument,
  type AttributeInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import {
  alertOf,
  authorizeQuery,
  expectCodeRedirect,
  formOf,
  headingOf,
  oauthClientInput,
  PageBrowser,
  type PageResponse,
} from "../support/login-pages.js";
import {
  createConfirmedUser,
  createMidStepClock,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  respond,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const REDIRECT = "https://app.example.com/callback";
const NEW_PASSWORD = "N3w-Battery-Staple!";
const PHONE = "+15555550123";

describe.each(BACKENDS)("managed sign-in pages on $name", (backend) => {
  const clock = createMidStepClock();
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  /**
   * A pool with two clients: `clientId` for the API (the test's own set-up calls), `webClientId` for the
   * pages, which allows no password flow at all (the hosted UI ignores ExplicitAuthFlows, as Cognito's).
   */
  async function setup(poolInput: Partial<CreateUserPoolInput> = {}) {
    const { poolId, clientId } = await createPoolWithClient(gateway, poolInput);
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"], ...oauthClientInput(REDIRECT) },
      }),
    ).createUserPoolClient;
    const base = `/${poolId}`;
    const loginUrl = (extra: Record<string, string> = {}, client = web.clientId) =>
      `${base}/login?${authorizeQuery(client, REDIRECT, extra)}`;
    return { poolId, clientId, webClientId: web.clientId, base, loginUrl };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  const browser = () => new PageBrowser(gateway.baseUrl);
  const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });

  async function withUser(ids: Setup, attributes: AttributeInput[] = []) {
    const username = uniqueName("page");
    const { sub } = await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD, attributes);
    return { username, sub };
  }

  /** GET /login, then post the username and password. */
  async function signIn(
    agent: PageBrowser,
    ids: Setup,
    username: string,
    password: string,
    extra: Record<string, string> = {},
  ): Promise<PageResponse> {
    const page = await agent.get(ids.loginUrl(extra));
    expect(page.status, page.html.slice(0, 500)).toBe(200);
    return agent.submit(page, { username, password });
  }

  function expectPageHeaders(page: PageResponse, redirectOrigin = "https://app.example.com"): void {
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9_-]+'/);
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain(redirectOrigin ? `form-action 'self' ${redirectOrigin};` : "form-action 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    // No referrer to other origins; same-origin posts keep their Origin (checked against the page's).
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("cache-control")).toBe("no-store");
    if (page.status === 200) {
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.html).not.toMatch(/<script/i);
      expect(page.html).toMatch(/<html lang="en">/);
    }
  }

  describe("the classic form contract (reference-oauth §8.2)", () => {
    it("GET sets XSRF-TOKEN and renders the same value as _csrf; a POST without it, or with another, is 403; with it, 302 to the app with code and state", async () => {
      const ids = await setup();
      const { username } = await withUser(ids);
      const agent = browser();
      const page = await agent.get(ids.loginUrl());
      expect(page.status).toBe(200);
      expectPageHeaders(page);
      const token = agent.cookies.get("XSRF-TOKEN");
      expect(token).toBeTruthy();
      const form = formOf(page.html);
      expect(form.hidden._csrf).toBe(token);
      expect(form.action).toBe(ids.loginUrl());
      const setCookie = page.headers.getSetCookie().find((line) => line.startsWith("XSRF-TOKEN="))!;
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).toContain(`Path=${ids.base}`);

      // No field, another value, and the field without the cookie: all refused before anything is tried.
      expect((await agent.post(form.action, { username, password: GOOD_PASSWORD })).status).toBe(403);
      expect(
        (await agent.post(form.action, { _csrf: `${token!.slice(0, -1)}x`, username, password: GOOD_PASSWORD })).status,
      ).toBe(403);
      expect((await browser().post(form.action, { _csrf: token!, username, password: GOOD_PASSWORD })).status).toBe(
        403,
      );

      const done = await agent.post(form.action, { _csrf: token!, username, password: GOOD_PASSWORD });
      expectCodeRedirect(done, REDIRECT);
      expectPageHeaders(done);
      const session = done.headers.getSetCookie().find((line) => line.startsWith("cognito="))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(session).toContain(`Path=${ids.base}`);
      expect(session).not.toMatch(/Secure/i);
      // The sign-in is recorded like the APIs' (with no tokens: the code carries it on).
      const events = (await listEvents(gateway, ids.poolId)).filter((event) => event.type === "SIGN_IN_SUCCEEDED");
      expect(events.map((event) => event.detail)).toEqual([
        expect.objectContaining({ clientId: ids.webClientId, via: "HOSTED_UI" }),
      ]);
    });

    it("a wrong password and an unknown user get the same page; login_hint pre-fills the name", async () => {
      const ids = await setup();
      const { username } = await withUser(ids);
      const agent = browser();
      const hinted = await agent.get(ids.loginUrl({ login_hint: username }));
      expect(hinted.html).toContain(`value="${username}"`);
      const wrong = await signIn(agent, ids, username, "Wr0ng-Password!");
      const unknown = await signIn(agent, ids, `${username}x`, "Wr0ng-Password!");
      expect(wrong.status).toBe(200);
      expect(unknown.status).toBe(200);
      expect(alertOf(wrong.html)).toBe("Incorrect username or password.");
      expect(alertOf(unknown.html)).toBe(alertOf(wrong.html));
      const normalized = (page: PageResponse, name: string) =>
        page.html
          .replaceAll(name, "NAME")
          .replace(/nonce-[^']+'/g, "")
          .replace(/name="_csrf" value="[^"]*"/, "");
      expect(normalized(unknown, `${username}x`)).toBe(normalized(wrong, username));
      expect(wrong.html).not.toContain("Wr0ng-Password!");
    });

    it("locks the user out after the pool's free failures, with words a person understands; the lock ends", async () => {
      const ids = await setup();
      const { username } = await withUser(ids);
      const agent = browser();
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect(alertOf((await signIn(agent, ids, username, "Wr0ng-Password!")).html)).toBe(
          "Incorrect username or password.",
        );
      expect(alertOf((await signIn(agent, ids, username, GOOD_PASSWORD)).html)).toBe(
        "Too many attempts, try again later.",
      );
      clock.advanceSeconds(2);
      expectCodeRedirect(await signIn(agent, ids, username, GOOD_PASSWORD), REDIRECT);
    });

    it("an interaction older than 5 minutes starts again", async () => {
      const ids = await setup();
      const { username } = await withUser(ids);
      const agent = browser();
      const page = await agent.get(ids.loginUrl());
      clock.advanceSeconds(5 * 60 + 1);
      const late = await agent.submit(page, { username, password: GOOD_PASSWORD });
      expect(late.html).toContain("Something went wrong, please start again.");
      expect(late.headers.getSetCookie().some((line) => line.startsWith("cognito="))).toBe(false);
      expectCodeRedirect(await signIn(agent, ids, username, GOOD_PASSWORD), REDIRECT);
    });

    it("an authorize fault shows the error page (unregistered redirect URI) or goes back to the app (bad scope), as /oauth2/authorize does", async () => {
      const ids = await setup();
      const agent = browser();
      const mismatch = await agent.get(
        `${ids.base}/login?${authorizeQuery(ids.webClientId, "https://evil.example.net/cb")}`,
      );
      expect(mismatch.status).toBe(400);
      expect(mismatch.html).toContain("An error was encountered with the requested page.");
      expect(mismatch.html).not.toContain("evil.example.net");
      expectPageHeaders(mismatch, "");
      const scope = await agent.get(ids.loginUrl({ scope: "openid nonsense" }));
      expect(scope.status).toBe(302);
      expect(new URL(scope.location!).searchParams.get("error")).toBe("invalid_scope");
    });
  });

  describe("single sign-on and prompt (reference-oauth §8.3)", () => {
    it("another client of the pool signs in without the form within the hour, and needs it after the hour", async () => {
      const ids = await setup();
      const { username } = await withUser(ids);
      const other = expectData(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: ids.poolId,
          input: { clientName: "other", ...oauthClientInput(REDIRECT) },
        }),
      ).createUserPoolClient.clientId;
      const agent = browser();
      expectCodeRedirect(await signIn(agent, ids, username, GOOD_PASSWORD), REDIRECT);
      clock.advanceSeconds(59 * 60);
      expectCodeRedirect(await agent.get(ids.loginUrl({}, other)), REDIRECT);
      // prompt=login shows the form even with a session.
      const forced = await agent.get(ids.loginUrl({ prompt: "login" }, other));
      expect(forced.status).toBe(200);
      expect(headingOf(forced.html)).toBe("Sign in");
      // The silent sign-in did not extend the hour.
      clock.advanceSeconds(2 * 60);
      const after = await agent.get(ids.loginUrl({}, other));
      expect(after.status).toBe(200);
      expect(headingOf(after.html)).toBe("Sign in");
      // prompt=none without a session goes back to the app with login_required and the state.
      const none = await agent.get(ids.loginUrl({ prompt: "none" }, other));
      expect(none.status).toBe(302);
      const location = new URL(none.location!);
      expect([location.searchParams.get("error"), location.searchParams.get("state")]).toEqual([
        "login_required",
        "st-123",
      ]);
    });

    it("prompt=none with a session signs in silently", async () => {
      const ids = await setup();
      const { username } = await withUser(ids);
      const agent = browser();
      expectCodeRedirect(await signIn(agent, ids, username, GOOD_PASSWORD), REDIRECT);
      expectCodeRedirect(await agent.get(ids.loginUrl({ prompt: "none", state: "again" })), REDIRECT, "again");
    });
  });

  describe("escaping", () => {
    it("a hostile login_hint and state come back as text, never as markup", async () => {
      const ids = await setup();
      const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
      const page = await browser().get(ids.loginUrl({ login_hint: hostile, state: hostile }));
      expect(page.status).toBe(200);
      expect(page.html).not.toContain("<script>");
      expect(page.html).not.toContain("<img src=x");
      expect(page.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(formOf(page.html).action).toContain(
        `state=${encodeURIComponent(hostile).replace(/%20/g, "+")}`.slice(0, 20),
      );
    });
  });

  describe("sign-up, confirmation and password reset", () => {
    it("sign up → confirm with the emailed code → sign in", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const agent = browser();
      const login = await agent.get(ids.loginUrl());
      const signUpLink = /<a href="([^"]*\/signup\?[^"]*)">Sign up<\/a>/.exec(login.html)![1]!.replaceAll("&amp;", "&");
      const signUp = await agent.get(signUpLink);
      expect(signUp.status).toBe(200);
      expectPageHeaders(signUp);
      expect(signUp.html).toContain('name="requiredAttributes[email]"');
      const username = uniqueName("new");
      const email = `${username}@example.com`;
      const created = await agent.submit(signUp, {
        username,
        password: GOOD_PASSWORD,
        "requiredAttributes[email]": email,
      });
      expect(created.status, alertOf(created.html) ?? "").toBe(302);
      expect(created.location).toMatch(new RegExp(`^${ids.base}/confirm\\?`));
      const confirm = await agent.get(created.location!);
      expectPageHeaders(confirm);
      expect(confirm.html).toContain("We sent a code by email to");
      // Not confirmed yet: signing in sends a new code and goes to the confirmation page.
      const early = await signIn(agent, ids, username, GOOD_PASSWORD);
      expect(early.status).toBe(302);
      expect(early.location).toContain("/confirm?");
      // (Each GET gives the browser a new CSRF token: the earlier confirmation page's form is stale now.)
      expect((await agent.submit(confirm, { code: "000000" }, "/confirm")).status).toBe(403);
      const wrong = await agent.submit(await agent.get(early.location!), { code: "000000" }, "/confirm");
      expect(alertOf(wrong.html)).toBe("That code is not right. Check it and try again.");
      const { code } = await latestMessage(gateway, ids.poolId, email);
      // Confirmed in the browser that signed up: signed in, back to the app (as Cognito's hosted UI).
      const confirmed = await agent.submit(wrong, { code: code! }, "/confirm");
      expectCodeRedirect(confirmed, REDIRECT);
      expect(agent.cookies.has("cognito")).toBe(true);
      expect(agent.cookies.has("cognito-signup")).toBe(false);
      expectCodeRedirect(await agent.get(ids.loginUrl()), REDIRECT);
    });

    it("forgot password → the emailed code and a new password → sign in with it", async () => {
      const ids = await setup();
      const email = `${uniqueName("reset")}@example.com`;
      const { username } = await withUser(ids, [
        { name: "email", value: email },
        { name: "email_verified", value: "true" },
      ]);
      const agent = browser();
      const forgot = await agent.get(`${ids.base}/forgotPassword?${authorizeQuery(ids.webClientId, REDIRECT)}`);
      expectPageHeaders(forgot);
      const sent = await agent.submit(forgot, { username });
      expect(sent.status).toBe(302);
      const reset = await agent.get(sent.location!);
      expectPageHeaders(reset);
      const mismatch = await agent.submit(
        reset,
        { code: "123456", password: NEW_PASSWORD, confirmPassword: "other" },
        "/confirmforgotPassword",
      );
      expect(alertOf(mismatch.html)).toBe("The two passwords don’t match.");
      const { code } = await latestMessage(gateway, ids.poolId, email);
      const changed = await agent.submit(
        reset,
        { code: code!, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        "/confirmforgotPassword",
      );
      expect(changed.status, alertOf(changed.html) ?? "").toBe(302);
      expect((await agent.get(changed.location!)).html).toContain("Your password has been changed.");
      expect(alertOf((await signIn(agent, ids, username, GOOD_PASSWORD)).html)).toBe("Incorrect username or password.");
      expectCodeRedirect(await signIn(agent, ids, username, NEW_PASSWORD), REDIRECT);
    });

    it("an unknown name on forgot-password goes on exactly like a known one", async () => {
      const ids = await setup();
      const sent = await browser().submit(
        await browser().get(`${ids.base}/forgotPassword?${authorizeQuery(ids.webClientId, REDIRECT)}`),
        { username: "nobody-here" },
      );
      // (The CSRF cookie of the first browser is not the second's: a fresh browser posting is refused.)
      expect(sent.status).toBe(403);
      const agent = browser();
      const unknown = await agent.submit(
        await agent.get(`${ids.base}/forgotPassword?${authorizeQuery(ids.webClientId, REDIRECT)}`),
        { username: "nobody-here" },
      );
      expect(unknown.status).toBe(302);
      expect(unknown.location).toContain("/confirmforgotPassword?");
    });
  });

  describe("challenges", () => {
    it("NEW_PASSWORD_REQUIRED for an admin-created user: the new password signs in", async () => {
      const ids = await setup();
      const username = uniqueName("invited");
      expectData(
        await gateway.gql(AdminCreateUserDocument, {
          input: { userPoolId: ids.poolId, username, messageAction: "SUPPRESS", temporaryPassword: "Temp-Passw0rd!" },
        }),
      );
      const agent = browser();
      const page = await signIn(agent, ids, username, "Temp-Passw0rd!");
      expect(headingOf(page.html)).toBe("Set a new password");
      expectPageHeaders(page);
      expect(page.html).toContain('autocomplete="new-password"');
      const weak = await agent.submit(page, { newPassword: "short", confirmPassword: "short" });
      expect(alertOf(weak.html)).toMatch(/^The password doesn’t meet the requirements/);
      // The session survives a refused password.
      expectCodeRedirect(
        await agent.submit(weak, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
        REDIRECT,
      );
      expectCodeRedirect(await signIn(browser(), ids, username, NEW_PASSWORD), REDIRECT);
    });

    it("SMS and email codes: a wrong code keeps the page, the right one finishes", async () => {
      const ids = await setup({
        mfaConfiguration: "OPTIONAL",
        enabledMfas: ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA"],
      });
      const email = `${uniqueName("otp")}@example.com`;
      const sms = await withUser(ids, [{ name: "phone_number", value: PHONE }]);
      const mail = await withUser(ids, [{ name: "email", value: email }]);
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: ids.poolId, username: sms.username, smsMfaSettings: { enabled: true } },
        }),
      );
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: ids.poolId, username: mail.username, emailMfaSettings: { enabled: true } },
        }),
      );
      for (const [user, destination, words] of [
        [sms, PHONE, "by text message"],
        [mail, email, "by email"],
      ] as const) {
        const agent = browser();
        const page = await signIn(agent, ids, user.username, GOOD_PASSWORD);
        expect(headingOf(page.html)).toBe("Enter your sign-in code");
        expect(page.html).toContain(words);
        expect(page.html).toContain('autocomplete="one-time-code"');
        expect(page.html).toContain('inputmode="numeric"');
        expectPageHeaders(page);
        const { code } = await latestMessage(gateway, ids.poolId, destination);
        const wrong = await agent.submit(page, { code: code === "000000" ? "000001" : "000000" });
        expect(alertOf(wrong.html)).toBe("That code is not right. Check it and try again.");
        expectCodeRedirect(await agent.submit(wrong, { code: code! }), REDIRECT);
      }
    });

    it("a session opened by the pages cannot be answered through the API", async () => {
      const ids = await setup({ mfaConfiguration: "OPTIONAL", enabledMfas: ["SMS_MFA"] });
      const user = await withUser(ids, [{ name: "phone_number", value: PHONE }]);
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: ids.poolId, username: user.username, smsMfaSettings: { enabled: true } },
        }),
      );
      const page = await signIn(browser(), ids, user.username, GOOD_PASSWORD);
      const { session } = formOf(page.html).hidden;
      const { code } = await latestMessage(gateway, ids.poolId, PHONE);
      expectError(
        await respond(
          gateway,
          ids.webClientId,
          { challengeName: "SMS_MFA", session: session! },
          { USERNAME: user.username, SMS_MFA_CODE: code! },
        ),
        "NotAuthorizedException",
      );
    });

    it("authenticator code, choosing a factor, and setting up an authenticator", async () => {
      const ids = await setup({ mfaConfiguration: "OPTIONAL", enabledMfas: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"] });
      const user = await withUser(ids, [{ name: "phone_number", value: PHONE }]);
      const token = expectTokens(await passwordSignIn(gateway, ids.clientId, user.username, GOOD_PASSWORD)).accessToken;
      const secret = expectData(await gateway.gql(AssociateSoftwareTokenDocument, {}, token)).associateSoftwareToken
        .secretCode;
      expectData(await gateway.gql(VerifySoftwareTokenDocument, { userCode: await codeNow(secret) }, token));
      expectData(
        await gateway.gql(
          SetUserMfaPreferenceDocument,
          { input: { softwareTokenMfaSettings: { enabled: true } } },
          token,
        ),
      );
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: ids.poolId, username: user.username, smsMfaSettings: { enabled: true } },
        }),
      );
      clock.advanceSeconds(30);

      const agent = browser();
      const choose = await signIn(agent, ids, user.username, GOOD_PASSWORD);
      expect(headingOf(choose.html)).toBe("Choose how to verify");
      expect(choose.html).toContain('value="SMS_MFA"');
      const totp = await agent.submit(choose, { answer: "SOFTWARE_TOKEN_MFA" });
      expect(headingOf(totp.html)).toBe("Enter your authenticator code");
      expectCodeRedirect(await agent.submit(totp, { code: await codeNow(secret) }), REDIRECT);

      // A pool that requires MFA, a user with no factor: set up an authenticator on the page.
      const strict = await setup({ mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] });
      const newcomer = await withUser(strict);
      const setupAgent = browser();
      const setupPage = await signIn(setupAgent, strict, newcomer.username, GOOD_PASSWORD);
      expect(headingOf(setupPage.html)).toBe("Set up an authenticator app");
      expectPageHeaders(setupPage);
      expect(setupPage.html).toMatch(/<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/=]+"/);
      expect(setupPage.html).toContain("<summary>Show secret key</summary>");
      const shown = /<code class="secret">([A-Z2-7]+)<\/code>/.exec(setupPage.html)![1]!;
      const wrongCode = await setupAgent.submit(
        setupPage,
        { code: (await codeNow(shown)) === "000000" ? "000001" : "000000" },
        "/mfa/setup",
      );
      expect(alertOf(wrongCode.html)).toMatch(/That code is not right/);
      expect(wrongCode.html).toContain(shown);
      expectCodeRedirect(
        await setupAgent.submit(wrongCode, { code: await codeNow(shown), deviceName: "Phone" }, "/mfa/setup"),
        REDIRECT,
      );
      clock.advanceSeconds(30);
      const next = await signIn(browser(), strict, newcomer.username, GOOD_PASSWORD);
      expect(headingOf(next.html)).toBe("Enter your authenticator code");
      expect(next.html).toContain("(Phone)");
    });
  });

  describe("every page", () => {
    it("answers with the page headers, a title and lang, and no script", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const query = authorizeQuery(ids.webClientId, REDIRECT);
      const agent = browser();
      for (const path of ["/login", "/signup", "/confirm", "/forgotPassword", "/confirmforgotPassword"]) {
        const page = await agent.get(`${ids.base}${path}?${query}&username=someone`);
        expect(page.status, path).toBe(200);
        expectPageHeaders(page);
        expect(page.html).toMatch(/<title>[^<]+ – pool/);
      }
      for (const url of [
        `${ids.base}/error?error=redirect_mismatch&client_id=${ids.webClientId}`,
        `${ids.base}/confirmUser?client_id=${ids.webClientId}&user_name=nobody&confirmation_code=123456`,
      ]) {
        const page = await agent.get(url);
        expect(page.status).toBe(400);
        expectPageHeaders(page, "");
      }
      const css = await agent.get(`${ids.base}/assets/login.css`);
      expect(css.status).toBe(200);
      expect(css.headers.get("content-type")).toMatch(/^text\/css/);
      expect(css.headers.get("cache-control")).toContain("immutable");
    });
  });
});
