import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import {
  AdminGetUserDocument,
  CreateUserPoolClientDocument,
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
  unescapeHtml,
  type PageResponse,
} from "../support/login-pages.js";
import { createConfirmedUser, listEvents, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";
import { latestOtp, messageCount, otherCode, PASSWORDLESS_POOL } from "../support/user-auth.js";

const REDIRECT = "https://app.example.com/callback";
const TOO_MANY = "Too many attempts, try again later.";
const WRONG_CODE = "That code is not right. Check it and try again.";

/** The factor buttons of a choice page, as a person reads them. */
const choicesOf = (html: string): string[] =>
  [
    ...html.matchAll(/<button class="factor-button" type="submit" name="answer" value="([A-Z_]+)">([^<]*)<\/button>/g),
  ].map((match) => `${match[1]}: ${unescapeHtml(match[2]!)}`);

/**
 * Choice-based sign-in on the managed pages (managed login v2 with a passwordless SignInPolicy,
 * reference-oauth §8.1, §13): the name first, the user's ways in, 8-digit codes by email and SMS, the
 * password through the choice, the same choices for a name with no user, the lockout; PASSWORD-only pools
 * keep the classic form.
 */
describe.each(BACKENDS)("choice-based sign-in on the managed pages on $name", (backend) => {
  // Held still: a lockout does not run out during the test, and the 5-minute interaction neither.
  const clock = createManualClock(new Date());
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  /**
   * A pool and a web client for the pages that allows no sign-in flow of its own (the pages run USER_AUTH
   * whatever ExplicitAuthFlows say), and a user with a password, an email address and a phone number.
   */
  async function setup(
    poolInput: Partial<CreateUserPoolInput> = PASSWORDLESS_POOL,
    options: { generateSecret?: boolean } = {},
  ) {
    const { poolId } = await createPoolWithClient(gateway, poolInput);
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: {
          clientName: "web",
          explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
          generateSecret: options.generateSecret ?? false,
          ...oauthClientInput(REDIRECT),
        },
      }),
    ).createUserPoolClient;
    const username = uniqueName("pl");
    const email = `${username}@example.com`;
    const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, [
      { name: "email", value: email },
      { name: "phone_number", value: phone },
    ]);
    const loginUrl = `/${poolId}/login?${authorizeQuery(web.clientId, REDIRECT)}`;
    return { poolId, clientId: web.clientId, username, email, phone, sub, loginUrl };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  /** /login, the name, and the choice page. */
  async function choose(agent: PageBrowser, ids: Setup, username = ids.username): Promise<PageResponse> {
    const login = await agent.get(ids.loginUrl);
    expect(login.status).toBe(200);
    const choices = await agent.submit(login, { username });
    expect(headingOf(choices.html), alertOf(choices.html) ?? "").toBe("Choose how to sign in");
    return choices;
  }
  const pick = (agent: PageBrowser, choices: PageResponse, answer: string) =>
    agent.submit(choices, { answer }, "/login/factor");

  it("/login asks for the name only, then offers the user's factors; the client's ExplicitAuthFlows do not matter", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    const login = await agent.get(ids.loginUrl);
    expect(headingOf(login.html)).toBe("Sign in");
    expect(login.html).toContain('name="username"');
    expect(login.html).toContain('autocomplete="username webauthn"');
    expect(login.html).not.toContain('name="password"');
    // No script on a page that needs none.
    expect(login.headers.get("content-security-policy")).not.toContain("script-src");
    expect(login.html).not.toMatch(/<script/i);
    const choices = await agent.submit(login, { username: ids.username });
    expect(choicesOf(choices.html)).toEqual([
      "EMAIL_OTP: Email me a code",
      "SMS_OTP: Text me a code",
      "PASSWORD: Use my password",
    ]);
    expect(choices.html).toContain(`Signing in as <strong>${ids.username}</strong>`);
  });

  it("Email me a code (a confidential client: the pages need no SECRET_HASH): an 8-digit code, a wrong one is refused on the same page, the right one goes back to the app with a code; the email is verified", async () => {
    const ids = await setup(PASSWORDLESS_POOL, { generateSecret: true });
    const agent = new PageBrowser(gateway.baseUrl);
    const codePage = await pick(agent, await choose(agent, ids), "EMAIL_OTP");
    expect(headingOf(codePage.html)).toBe("Enter your sign-in code");
    expect(codePage.html).toContain(`We sent an 8-digit code by email to ${ids.username[0]}***@e***.`);
    expect(codePage.html).toContain('autocomplete="one-time-code"');
    expect(codePage.html).toContain('inputmode="numeric"');
    const { code, purpose } = await latestOtp(gateway, ids.poolId, ids.email);
    expect(purpose).toBe("EMAIL_OTP");
    const wrong = await agent.submit(codePage, { code: otherCode(code) }, "/mfa");
    expect(alertOf(wrong.html)).toBe(WRONG_CODE);
    expect(headingOf(wrong.html)).toBe("Enter your sign-in code");
    const done = await agent.submit(wrong, { code }, "/mfa");
    expectCodeRedirect(done, REDIRECT);
    expect(done.headers.getSetCookie().some((line) => line.startsWith("cognito="))).toBe(true);
    const attributes = expectData(
      await gateway.gql(AdminGetUserDocument, { userPoolId: ids.poolId, username: ids.username }),
    ).adminGetUser.attributes;
    expect(attributes).toContainEqual({ name: "email_verified", value: "true" });
    const events = (await listEvents(gateway, ids.poolId)).filter((event) => event.type === "SIGN_IN_SUCCEEDED");
    expect(events.map((event) => event.detail)).toEqual([
      expect.objectContaining({ userSub: ids.sub, clientId: ids.clientId, via: "HOSTED_UI" }),
    ]);
  });

  it("Text me a code: an 8-digit SMS code signs in; the right code posted five times at once signs in once", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    const codePage = await pick(agent, await choose(agent, ids), "SMS_OTP");
    expect(codePage.html).toContain("We sent an 8-digit code by text message to +*******");
    const { code, purpose, deliveryMedium } = await latestOtp(gateway, ids.poolId, ids.phone);
    expect([purpose, deliveryMedium]).toEqual(["SMS_OTP", "SMS"]);
    const form = formOf(codePage.html, "/mfa");
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => agent.post(form.action, { ...form.hidden, code })),
    );
    expect(
      answers.filter((answer) => answer.status === 302 && new URL(answer.location!).searchParams.has("code")),
    ).toHaveLength(1);
  });

  it("Use my password: the password page posts as the classic form; a wrong password stays on it; the classic post of name and password works too", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    const passwordPage = await pick(agent, await choose(agent, ids), "PASSWORD");
    expect(headingOf(passwordPage.html)).toBe("Enter your password");
    expect(passwordPage.html).toContain('autocomplete="current-password"');
    const form = formOf(passwordPage.html, "/login?");
    expect(form.hidden.username).toBe(ids.username);
    const wrong = await agent.submit(passwordPage, { password: "Wr0ng-Password!" }, "/login?");
    expect([headingOf(wrong.html), alertOf(wrong.html)]).toEqual([
      "Enter your password",
      "Incorrect username or password.",
    ]);
    expectCodeRedirect(await agent.submit(wrong, { password: GOOD_PASSWORD }, "/login?"), REDIRECT);
    // The classic contract: POST username + password to /login → 302 with a code, in this pool too.
    const classic = new PageBrowser(gateway.baseUrl);
    const login = await classic.get(ids.loginUrl);
    expectCodeRedirect(
      await classic.post(formOf(login.html).action, {
        _csrf: classic.cookies.get("XSRF-TOKEN")!,
        username: ids.username,
        password: GOOD_PASSWORD,
      }),
      REDIRECT,
    );
  });

  it("a name with no user sees the same choices and the same code page, and nothing is sent", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    const ghost = `${ids.username}x`;
    const real = await choose(agent, ids);
    const unknown = await choose(agent, ids, ghost);
    expect(choicesOf(unknown.html)).toEqual(choicesOf(real.html));
    const normalized = (page: PageResponse, name: string) =>
      page.html
        .replaceAll(name, "NAME")
        .replace(/nonce-[^"']+/g, "")
        .replace(/name="(_csrf|session)" value="[^"]*"/g, "");
    expect(normalized(unknown, ghost)).toBe(normalized(real, ids.username));
    const codePage = await pick(agent, unknown, "EMAIL_OTP");
    expect(headingOf(codePage.html)).toBe("Enter your sign-in code");
    expect(codePage.html).toMatch(/We sent an 8-digit code by email to \S+\*\*\*@\S+\*\*\*\./);
    expect(alertOf((await agent.submit(codePage, { code: "12345678" }, "/mfa")).html)).toBe(WRONG_CODE);
    expect(await messageCount(gateway, ids.poolId, `${ghost}@example.com`)).toBe(0);
  });

  it("wrong codes meet the lockout, with words a person understands; then even the right code waits", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    let page = await pick(agent, await choose(agent, ids), "EMAIL_OTP");
    const seen: string[] = [];
    for (let attempt = 0; attempt < 8 && alertOf(page.html) !== TOO_MANY; attempt++) {
      const { code } = await latestOtp(gateway, ids.poolId, ids.email);
      // A session that took its last wrong code offers the same name's ways in again (a new code goes out).
      page =
        headingOf(page.html) === "Sign in again"
          ? await pick(agent, await agent.submit(page, {}), "EMAIL_OTP")
          : await agent.submit(page, { code: otherCode(code) }, "/mfa");
      seen.push(alertOf(page.html) ?? headingOf(page.html) ?? "");
    }
    // Three wrong codes use a session up; the pool's five free failures end in the lockout.
    expect(seen).toEqual([
      WRONG_CODE,
      WRONG_CODE,
      WRONG_CODE,
      "Sign in again",
      "Enter your sign-in code",
      WRONG_CODE,
      WRONG_CODE,
      TOO_MANY,
    ]);
    const sent = await messageCount(gateway, ids.poolId, ids.email);
    const again = await agent.submit(await agent.get(ids.loginUrl), { username: ids.username });
    const locked = await pick(agent, again, "EMAIL_OTP");
    expect(alertOf(locked.html)).toBe(TOO_MANY);
    expect(await messageCount(gateway, ids.poolId, ids.email)).toBe(sent);
    clock.advanceSeconds(60);
    const fresh = await pick(agent, await choose(agent, ids), "EMAIL_OTP");
    expectCodeRedirect(
      await agent.submit(fresh, { code: (await latestOtp(gateway, ids.poolId, ids.email)).code }, "/mfa"),
      REDIRECT,
    );
  });

  it("a PASSWORD-only pool keeps the classic form: username and password on /login, no choice", async () => {
    const ids = await setup({});
    const agent = new PageBrowser(gateway.baseUrl);
    const login = await agent.get(ids.loginUrl);
    expect(login.html).toContain('name="password"');
    expect(login.html).not.toContain("Next");
    // A name alone is not a step here: the form asks for both.
    expect(alertOf((await agent.submit(login, { username: ids.username })).html)).toBe(
      "Enter your username and password.",
    );
    expectCodeRedirect(await agent.submit(login, { username: ids.username, password: GOOD_PASSWORD }), REDIRECT);
  });
});
