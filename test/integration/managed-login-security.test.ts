import { randomInt } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminDisableUserDocument,
  AdminSetUserMfaPreferenceDocument,
  AssociateSoftwareTokenDocument,
  CreateUserPoolClientDocument,
  VerifySoftwareTokenDocument,
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
import {
  createConfirmedUser,
  createMidStepClock,
  expectChallenge,
  expectError,
  expectTokens,
  listEvents,
  passwordSignIn,
  respond,
  signInEnv,
} from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const REDIRECT = "https://app.example.com/callback";
const WRONG = "Wr0ng-Password!";
const TOO_MANY = "Too many attempts, try again later.";
const INCORRECT = "Incorrect username or password.";

/** The sentence under the heading of /confirm and /confirmforgotPassword. */
const descriptionOf = (html: string): string | null => {
  const match = /<p class="textDescription-customizable">([^<]*)<\/p>/.exec(html);
  return match ? unescapeHtml(match[1]!) : null;
};

/**
 * The managed sign-in pages against hostile use: which names exist must not show, text from the URL
 * must not reach the page, the pages' and the API's sessions stay apart, and the 5-minute interaction
 * and the forms' origin are enforced by the server.
 */
describe.each(BACKENDS)("managed sign-in pages, hostile use, on $name", (backend) => {
  const clock = createMidStepClock();
  let gateway: TestApp;
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());

  /** A pool, and a pages client (LEGACY unless said otherwise: the pages must hide users anyway). */
  async function setup(
    poolInput: Partial<CreateUserPoolInput> = {},
    clientExtra: Record<string, unknown> = { preventUserExistenceErrors: "LEGACY" },
  ) {
    const { poolId, clientId } = await createPoolWithClient(gateway, poolInput);
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", ...oauthClientInput(REDIRECT), ...clientExtra } as never,
      }),
    ).createUserPoolClient;
    const base = `/${poolId}`;
    const pageUrl = (page: string, extra: Record<string, string> = {}) =>
      `${base}${page}?${authorizeQuery(web.clientId, REDIRECT, extra)}`;
    return { poolId, clientId, webClientId: web.clientId, base, pageUrl };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const browser = () => new PageBrowser(gateway.baseUrl);

  async function signIn(agent: PageBrowser, ids: Setup, username: string, password: string): Promise<PageResponse> {
    const page = await agent.get(ids.pageUrl("/login"));
    expect(page.status, page.html.slice(0, 500)).toBe(200);
    return agent.submit(page, { username, password });
  }

  describe("user existence (PreventUserExistenceErrors LEGACY clients too)", () => {
    it("an unknown name is counted and locked out exactly like a real one, and its failures are recorded", async () => {
      const ids = await setup();
      const username = uniqueName("real");
      await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD);
      const agent = browser();
      const alerts = async (name: string) => {
        const seen: (string | null)[] = [];
        for (let attempt = 0; attempt < 7; attempt += 1)
          seen.push(alertOf((await signIn(agent, ids, name, WRONG)).html));
        return seen;
      };
      const real = await alerts(username);
      const unknown = await alerts(`${username}-nobody`);
      expect(real).toEqual([...Array<string>(5).fill(INCORRECT), TOO_MANY, TOO_MANY]);
      expect(unknown).toEqual(real);
      const failures = (await listEvents(gateway, ids.poolId)).filter((event) => event.type === "SIGN_IN_FAILED");
      expect(failures.filter((event) => event.detail.reason === "unknown user")).toHaveLength(5);
    });

    it("/forgotPassword redirects alike for a real, an unknown, a disabled and an unverified name, and the next page reads alike", async () => {
      const ids = await setup();
      const real = uniqueName("real");
      const disabled = uniqueName("off");
      const unverified = uniqueName("unverified");
      for (const [name, verified] of [
        [real, "true"],
        [disabled, "true"],
        [unverified, "false"],
      ] as const) {
        await createConfirmedUser(gateway, ids.poolId, name, GOOD_PASSWORD, [
          { name: "email", value: `${name}@example.com` },
          { name: "email_verified", value: verified },
        ]);
      }
      expectData(await gateway.gql(AdminDisableUserDocument, { userPoolId: ids.poolId, username: disabled }));
      const agent = browser();
      const shapes: string[] = [];
      for (const name of [real, `${real}-nobody`, disabled, unverified]) {
        const sent = await agent.submit(await agent.get(ids.pageUrl("/forgotPassword")), { username: name });
        expect(sent.status, `${name}: ${alertOf(sent.html)}`).toBe(302);
        const location = new URL(sent.location!, gateway.baseUrl);
        expect(location.pathname).toBe(`${ids.base}/confirmforgotPassword`);
        shapes.push([...location.searchParams.keys()].sort().join(","));
        expect(descriptionOf((await agent.get(sent.location!)).html), name).toMatch(
          /^We sent a code by email to [^\s@]+@\S+\.$/,
        );
      }
      expect(new Set(shapes).size).toBe(1);
    });

    it("/confirmforgotPassword and /resendcode answer an unknown name as they answer a real one", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const real = uniqueName("real");
      await createConfirmedUser(gateway, ids.poolId, real, GOOD_PASSWORD, [
        { name: "email", value: `${real}@example.com` },
        { name: "email_verified", value: "true" },
      ]);
      const agent = browser();
      for (const name of [real, `${real}-nobody`]) {
        const reset = await agent.get(ids.pageUrl("/confirmforgotPassword", { username: name }));
        const answer = await agent.submit(
          reset,
          { code: "123456", password: "N3w-Battery-Staple!", confirmPassword: "N3w-Battery-Staple!" },
          "/confirmforgotPassword",
        );
        expect(alertOf(answer.html), name).toBe("That code is not right. Check it and try again.");
        const confirm = await agent.get(ids.pageUrl("/confirm", { username: name }));
        const resent = await agent.submit(confirm, {}, "/resendcode");
        // A confirmed user and an unknown name alike: a code "sent" (LEGACY's "already confirmed" / "no such user" would tell).
        expect(resent.status, `${name}: ${alertOf(resent.html)}`).toBe(302);
        expect(descriptionOf((await agent.get(resent.location!)).html), name).toMatch(/^We sent a code by email to /);
      }
    });
    it("/confirm and the /confirmUser link answer a confirmed name as an unknown one, and count both alike", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const real = uniqueName("real");
      await createConfirmedUser(gateway, ids.poolId, real, GOOD_PASSWORD, [
        { name: "email", value: `${real}@example.com` },
        { name: "email_verified", value: "true" },
      ]);
      const agent = browser();
      const sequences: string[][] = [];
      for (const name of [real, `${real}-nobody`]) {
        const answers: string[] = [];
        for (let call = 0; call < 7; call++) {
          const confirm = await agent.get(ids.pageUrl("/confirm", { username: name }));
          const answer = await agent.submit(confirm, { username: name, code: "123456" }, "/confirm?");
          answers.push(`${answer.status} ${alertOf(answer.html)}`);
        }
        const link = await agent.get(
          `/${ids.poolId}/confirmUser?client_id=${ids.webClientId}&user_name=${encodeURIComponent(name)}&confirmation_code=123456`,
        );
        answers.push(`${link.status} ${headingOf(link.html)}`);
        // A resend starts the guesses again, for a confirmed name as for an unknown one.
        const resent = await agent.submit(
          await agent.get(ids.pageUrl("/confirm", { username: name })),
          {},
          "/resendcode",
        );
        expect(resent.status).toBe(302);
        const again = await agent.get(ids.pageUrl("/confirm", { username: name }));
        const afterResend = await agent.submit(again, { username: name, code: "123456" }, "/confirm?");
        answers.push(`${afterResend.status} ${alertOf(afterResend.html)}`);
        sequences.push(answers);
      }
      // Five "not right", then worn out: the same for both names (a confirmed user was never counted before).
      expect(sequences[0]!.slice(0, 5)).toEqual(
        Array<string>(5).fill("200 That code is not right. Check it and try again."),
      );
      expect(sequences[0]!.at(-1)).toBe("200 That code is not right. Check it and try again.");
      expect(sequences[0]).toEqual(sequences[1]);
    });
  });

  describe("text from the URL", () => {
    const HOSTILE = "our helpdesk. Your account is suspended: call +1-900-555-0100";

    it("/confirm and /confirmforgotPassword never show a destination the URL wrote, nor one signed for another name or changed", async () => {
      const ids = await setup();
      const username = uniqueName("real");
      await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD, [
        { name: "email", value: `${username}@example.com` },
        { name: "email_verified", value: "true" },
      ]);
      const agent = browser();
      for (const page of ["/confirm", "/confirmforgotPassword"]) {
        const forged = await agent.get(
          ids.pageUrl(page, {
            username,
            destination: HOSTILE,
            deliveryMedium: "SMS",
            delivery: `SMS.${Buffer.from(HOSTILE).toString("base64url")}.AAAA`,
          }),
        );
        expect(forged.status).toBe(200);
        expect(forged.html).not.toContain("+1-900-555-0100");
        expect(descriptionOf(forged.html)).toBe("If an account exists for that name, we sent it a code.");
      }
      // A genuine delivery parameter shows its destination, for its own name only, and not once changed.
      const sent = await agent.submit(await agent.get(ids.pageUrl("/forgotPassword")), { username });
      const genuine = new URL(sent.location!, gateway.baseUrl);
      const delivery = genuine.searchParams.get("delivery")!;
      expect(descriptionOf((await agent.get(`${genuine.pathname}${genuine.search}`)).html)).toMatch(
        /^We sent a code by email to \S+@\S+\.$/,
      );
      const otherName = await agent.get(ids.pageUrl("/confirmforgotPassword", { username: `${username}x`, delivery }));
      expect(descriptionOf(otherName.html)).toBe("If an account exists for that name, we sent it a code.");
      const [medium, encoded, mac] = delivery.split(".");
      const changed = `${medium}.${Buffer.from(`${Buffer.from(encoded!, "base64url").toString()}x`).toString("base64url")}.${mac}`;
      expect(
        descriptionOf((await agent.get(ids.pageUrl("/confirmforgotPassword", { username, delivery: changed }))).html),
      ).toBe("If an account exists for that name, we sent it a code.");
      expect(
        descriptionOf(
          (await agent.get(ids.pageUrl("/confirmforgotPassword", { username, delivery: `SMS.${encoded}.${mac}` })))
            .html,
        ),
      ).toBe("If an account exists for that name, we sent it a code.");
    });

    it("a notice is one of the fixed sentences or none", async () => {
      const ids = await setup();
      const agent = browser();
      const noticeOf = (html: string) => /<p class="notice" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? null;
      expect(noticeOf((await agent.get(ids.pageUrl("/login", { notice: "confirmed" }))).html)).toBe(
        "Your account is confirmed. You can sign in now.",
      );
      for (const notice of [HOSTILE, "constructor", "toString", "__proto__", "hasOwnProperty"]) {
        for (const page of ["/login", "/confirm"]) {
          const shown = await agent.get(ids.pageUrl(page, { notice, username: "someone" }));
          expect(shown.status, `${page} ${notice}`).toBe(200);
          expect(noticeOf(shown.html), `${page} ${notice}`).toBeNull();
          expect(shown.html).not.toContain("[native code]");
        }
      }
    });
  });

  describe("the pages' sign-in sessions and the API's stay apart (authenticator setup)", () => {
    const MFA_ON = { mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] } as Partial<CreateUserPoolInput>;
    const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) });

    it("a page's MFA_SETUP session is refused by the API's AssociateSoftwareToken and VerifySoftwareToken, and the page goes on", async () => {
      const ids = await setup(MFA_ON);
      const username = uniqueName("mfa");
      await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD);
      const agent = browser();
      const page = await signIn(agent, ids, username, GOOD_PASSWORD);
      expect(headingOf(page.html)).toBe("Set up an authenticator app");
      const { session } = formOf(page.html, "/mfa/setup").hidden;
      expectError(await gateway.gql(AssociateSoftwareTokenDocument, { session }, null), "NotAuthorizedException");
      const shown = /<code class="secret">([A-Z2-7]+)<\/code>/.exec(page.html)![1]!;
      expectError(
        await gateway.gql(VerifySoftwareTokenDocument, { session, userCode: await codeNow(shown) }, null),
        "NotAuthorizedException",
      );
      expectCodeRedirect(await agent.submit(page, { code: await codeNow(shown) }, "/mfa/setup"), REDIRECT);
    });

    it("/mfa/setup refuses an API session (this pool's or another's) and a session of another client's pages, and leaves them unused", async () => {
      const ids = await setup(MFA_ON);
      const other = await setup(MFA_ON);
      const otherClient = expectData(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: ids.poolId,
          input: { clientName: "other", ...oauthClientInput(REDIRECT) },
        }),
      ).createUserPoolClient.clientId;
      /** An API sign-in of the pool waiting for MFA_SETUP, with the authenticator it associated. */
      const apiSetup = async (pool: Setup) => {
        const username = uniqueName("api");
        await createConfirmedUser(gateway, pool.poolId, username, GOOD_PASSWORD);
        const challenge = expectChallenge(
          await passwordSignIn(gateway, pool.clientId, username, GOOD_PASSWORD),
          "MFA_SETUP",
        );
        const associated = expectData(
          await gateway.gql(AssociateSoftwareTokenDocument, { session: challenge.session }, null),
        ).associateSoftwareToken;
        return {
          pool,
          username,
          session: associated.session!,
          secret: associated.secretCode,
          qrCodePng: associated.qrCodePng,
        };
      };
      const agent = browser();
      // The page a browser of this pool's web client is on: its own sign-in waits for MFA_SETUP too.
      const pageUser = uniqueName("page");
      await createConfirmedUser(gateway, ids.poolId, pageUser, GOOD_PASSWORD);
      const page = await signIn(agent, ids, pageUser, GOOD_PASSWORD);
      const form = formOf(page.html, "/mfa/setup");
      const postSetup = async (session: string, username: string, secret: string, qrCodePng: string) =>
        agent.post(form.action, {
          ...form.hidden,
          session,
          username,
          secretCode: secret,
          qrCodePng,
          code: await codeNow(secret),
        });

      for (const api of [await apiSetup(ids), await apiSetup(other)]) {
        const refused = await postSetup(api.session, api.username, api.secret, api.qrCodePng);
        expect(refused.status).toBe(400);
        expect(refused.html).toContain("Start again");
        // The API's sign-in was not touched: it finishes through the API with its own session.
        const verified = expectData(
          await gateway.gql(
            VerifySoftwareTokenDocument,
            { session: api.session, userCode: await codeNow(api.secret) },
            null,
          ),
        ).verifySoftwareToken;
        expectTokens(
          await respond(
            gateway,
            api.pool.clientId,
            { challengeName: "MFA_SETUP", session: verified.session! },
            { USERNAME: api.username },
          ),
        );
        clock.advanceSeconds(30);
      }

      // Another client's pages: its MFA_SETUP session posted to this client's page.
      const otherAgent = browser();
      const otherUser = uniqueName("other");
      await createConfirmedUser(gateway, ids.poolId, otherUser, GOOD_PASSWORD);
      const otherPage = await otherAgent.get(`${ids.base}/login?${authorizeQuery(otherClient, REDIRECT)}`);
      const otherSetup = await otherAgent.submit(otherPage, { username: otherUser, password: GOOD_PASSWORD });
      const otherForm = formOf(otherSetup.html, "/mfa/setup");
      const otherSecret = /<code class="secret">([A-Z2-7]+)<\/code>/.exec(otherSetup.html)![1]!;
      const crossed = await postSetup(otherForm.hidden.session!, otherUser, otherSecret, otherForm.hidden.qrCodePng!);
      expect(crossed.status).toBe(400);
      expect(crossed.html).toContain("Start again");
      expectCodeRedirect(
        await otherAgent.submit(otherSetup, { code: await codeNow(otherSecret) }, "/mfa/setup"),
        REDIRECT,
      );
      // And this page's own session still finishes.
      expectCodeRedirect(
        await agent.submit(
          page,
          { code: await codeNow(/<code class="secret">([A-Z2-7]+)<\/code>/.exec(page.html)![1]!) },
          "/mfa/setup",
        ),
        REDIRECT,
      );
    });
  });

  describe("the form's token and origin (the 5-minute interaction is the server's rule)", () => {
    /** A page of the pool with a fresh token, a user to sign in, and a post of the form with a given token and headers. */
    async function formFor(ids: Setup) {
      const username = uniqueName("forms");
      await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD);
      const agent = browser();
      const page = await agent.get(ids.pageUrl("/login"));
      const token = agent.cookies.get("XSRF-TOKEN")!;
      const post = (csrf: string, headers: Record<string, string> = {}) => {
        agent.cookies.set("XSRF-TOKEN", csrf);
        return agent.post(formOf(page.html).action, { _csrf: csrf, username, password: GOOD_PASSWORD }, headers);
      };
      return { agent, token, post };
    }

    it("a token the gateway never issued, one of another pool, or one with its start moved is refused although cookie and field match", async () => {
      const ids = await setup();
      const other = await setup();
      const { token, post } = await formFor(ids);
      const [random, started, mac] = token.split(".");
      expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The reviewer's forgery: a made-up token dated just ahead, as cookie and field.
      expect((await post(`${"A".repeat(32)}.${(clock.nowMs() + 299_000).toString(36)}`)).status).toBe(403);
      expect((await post(`${random}.${started}.${"A".repeat(43)}`)).status).toBe(403);
      expect((await post(`${random}.${(parseInt(started!, 36) + 240_000).toString(36)}.${mac}`)).status).toBe(403);
      const otherAgent = browser();
      await otherAgent.get(other.pageUrl("/login"));
      expect((await post(otherAgent.cookies.get("XSRF-TOKEN")!)).status).toBe(403);
      expectCodeRedirect(await post(token), REDIRECT);
    });

    it("a start more than 30 seconds ahead (another process's clock) is refused, a little ahead is accepted, and over 5 minutes old starts again", async () => {
      const ids = await setup();
      const startMs = clock.nowMs();
      const { token, post } = await formFor(ids);
      try {
        clock.set(new Date(startMs - 31_000));
        const ahead = await post(token);
        expect(ahead.status).toBe(400);
        expect(ahead.html).toContain("Something went wrong, please start again.");
        clock.set(new Date(startMs - 20_000));
        expectCodeRedirect(await post(token), REDIRECT);
      } finally {
        clock.set(new Date(startMs));
      }
      clock.advanceSeconds(5 * 60 + 1);
      expect((await post(token)).html).toContain("Something went wrong, please start again.");
    });

    it("a post from another origin (a sibling subdomain too) or that a browser calls cross-site is refused; the page's own origin passes", async () => {
      const ids = await setup();
      const { token, post } = await formFor(ids);
      const own = new URL(gateway.baseUrl).origin;
      const hostile: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { origin: "http://evil.127.0.0.1.nip.io" },
        { origin: "null" },
        { origin: own.replace("127.0.0.1", "localhost") },
        { "sec-fetch-site": "cross-site" },
      ];
      for (const headers of hostile) {
        const refused = await post(token, headers);
        expect(refused.status, JSON.stringify(headers)).toBe(403);
        expect(refused.headers.getSetCookie().some((line) => line.startsWith("cognito="))).toBe(false);
      }
      expectCodeRedirect(await post(token, { origin: own, "sec-fetch-site": "same-origin" }), REDIRECT);
    });
  });

  describe("friendly ends", () => {
    it("a challenge form posting another step than its session waits for says start again, in words, and the sign-in survives it", async () => {
      const ids = await setup({ mfaConfiguration: "OPTIONAL", enabledMfas: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"] });
      const username = uniqueName("sms");
      const phone = `+1555${randomInt(1_000_000, 9_999_999)}`;
      await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD, [{ name: "phone_number", value: phone }]);
      expectData(
        await gateway.gql(AdminSetUserMfaPreferenceDocument, {
          input: { userPoolId: ids.poolId, username, smsMfaSettings: { enabled: true } },
        }),
      );
      const agent = browser();
      const page = await signIn(agent, ids, username, GOOD_PASSWORD);
      expect(headingOf(page.html)).toBe("Enter your sign-in code");
      const { code } = await latestMessage(gateway, ids.poolId, phone);
      const tampered = await agent.submit(page, { challengeName: "SOFTWARE_TOKEN_MFA", code: code! });
      expect(tampered.status).toBe(400);
      expect(tampered.html).toContain("Something went wrong, please start again.");
      expect(tampered.html).not.toContain("waiting for");
      expectCodeRedirect(await agent.submit(page, { code: code! }), REDIRECT);
    });

    it("the error page says what happened once, with Cognito's sentence as its heading, and links nowhere", async () => {
      const ids = await setup();
      const agent = browser();
      for (const url of [
        `${ids.base}/error?error=redirect_mismatch&client_id=${ids.webClientId}`,
        `${ids.base}/login?${authorizeQuery(ids.webClientId, "https://evil.example.net/cb")}`,
      ]) {
        const page = await agent.get(url);
        expect(page.status).toBe(400);
        expect(headingOf(page.html)).toBe("An error was encountered with the requested page.");
        expect(page.html.split("An error was encountered with the requested page.")).toHaveLength(3); // <title> and <h1>
        expect(descriptionOf(page.html)).toBe(
          "The app sent you here with a return address it has not registered, so we can’t send you back to it.",
        );
        expect(alertOf(page.html)).toBeNull();
        expect(page.html).not.toMatch(/<a /);
        expect(page.html).not.toContain("evil.example.net");
      }
    });
  });

  describe("signed in after confirming a sign-up made in the same browser", () => {
    /** Signs up on the page in this browser; returns the name, the address and the confirmation page's URL. */
    async function signUp(agent: PageBrowser, ids: Setup) {
      const username = uniqueName("new");
      const email = `${username}@example.com`;
      const created = await agent.submit(await agent.get(ids.pageUrl("/signup")), {
        username,
        password: GOOD_PASSWORD,
        "requiredAttributes[email]": email,
      });
      expect(created.status, alertOf(created.html) ?? "").toBe(302);
      return { username, email, confirmUrl: created.location! };
    }
    const confirm = async (agent: PageBrowser, url: string, code: string) =>
      agent.submit(await agent.get(url), { code }, "/confirm");

    it("the hand-off cookie is random and HttpOnly; the server keeps the user id, never the password; another browser's confirmation goes to the sign-in page", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const agent = browser();
      const login = await agent.get(ids.pageUrl("/signup"));
      const username = uniqueName("new");
      const created = await agent.submit(login, {
        username,
        password: GOOD_PASSWORD,
        "requiredAttributes[email]": `${username}@example.com`,
      });
      const setCookie = created.headers.getSetCookie().find((line) => line.startsWith("cognito-signup="))!;
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).toContain(`Path=${ids.base}`);
      const token = agent.cookies.get("cognito-signup")!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(token).not.toContain(username);
      // Confirmed from another browser (the email opened elsewhere): no sign-in, the sign-in page.
      const elsewhere = browser();
      const { code } = await latestMessage(gateway, ids.poolId, `${username}@example.com`);
      const confirmed = await confirm(elsewhere, created.location!, code!);
      expect(confirmed.status).toBe(302);
      expect(confirmed.location).toContain("/login?");
      expect(confirmed.location).toContain("notice=confirmed");
      expect(elsewhere.cookies.has("cognito")).toBe(false);
    });

    it("in the signing-up browser, confirming another user signs no one in, and uses the hand-off up", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const agent = browser();
      const mine = await signUp(agent, ids);
      const handoff = agent.cookies.get("cognito-signup")!;
      const theirs = await signUp(browser(), ids);
      const theirCode = (await latestMessage(gateway, ids.poolId, theirs.email)).code!;
      const crossed = await confirm(agent, theirs.confirmUrl, theirCode);
      expect(crossed.status).toBe(302);
      expect(crossed.location).toContain("/login?");
      expect(agent.cookies.has("cognito")).toBe(false);
      expect(agent.cookies.has("cognito-signup")).toBe(false);
      // The hand-off is gone even with the cookie put back.
      const myCode = (await latestMessage(gateway, ids.poolId, mine.email)).code!;
      const replay = browser();
      const page = await replay.get(mine.confirmUrl);
      replay.cookies.set("cognito-signup", handoff);
      const late = await replay.submit(page, { code: myCode }, "/confirm");
      expect(late.location).toContain("/login?");
    });

    it("parallel confirmations with one code and one hand-off: exactly one signs in", async () => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const agent = browser();
      const { email, confirmUrl } = await signUp(agent, ids);
      const { code } = await latestMessage(gateway, ids.poolId, email);
      const form = formOf((await agent.get(confirmUrl)).html, "/confirm");
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => agent.post(form.action, { ...form.hidden, code: code! })),
      );
      const signedIn = answers.filter((answer) => answer.status === 302 && answer.location!.startsWith(REDIRECT));
      expect(signedIn).toHaveLength(1);
      expectCodeRedirect(signedIn[0]!, REDIRECT);
    });

    it("a pool that requires MFA: confirming leads to setting up an authenticator, not past it", async () => {
      const ids = await setup({
        autoVerifiedAttributes: ["email"],
        mfaConfiguration: "ON",
        enabledMfas: ["SOFTWARE_TOKEN_MFA"],
      });
      const agent = browser();
      const { email, confirmUrl } = await signUp(agent, ids);
      const confirmed = await confirm(agent, confirmUrl, (await latestMessage(gateway, ids.poolId, email)).code!);
      expect(confirmed.status).toBe(200);
      expect(headingOf(confirmed.html)).toBe("Set up an authenticator app");
      expect(agent.cookies.has("cognito")).toBe(false);
    });
  });
});

describe.each(BACKENDS)("managed sign-in pages, the per-address limit, on $name", (backend) => {
  let gateway: TestApp;
  beforeAll(async () => {
    // Each test's client address is its own (X-Forwarded-For through a trusted loopback proxy), so other suites' failures never count here.
    gateway = await getTestApp(backend, {
      env: { ...signInEnv(backend), SIGN_IN_FAILURES_PER_IP: "3", TRUST_PROXY: "loopback" },
    });
  });
  afterAll(async () => gateway?.close());

  it("failures with unknown names count towards the address's limit (LEGACY client)", async () => {
    const { poolId } = await createPoolWithClient(gateway, {});
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", preventUserExistenceErrors: "LEGACY", ...oauthClientInput(REDIRECT) },
      }),
    ).createUserPoolClient;
    const username = uniqueName("real");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    const newAddress = () => ({ "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });
    const attempt = async (address: Record<string, string>, name: string, password: string) => {
      const agent = new PageBrowser(gateway.baseUrl);
      const page = await agent.get(`/${poolId}/login?${authorizeQuery(web.clientId, REDIRECT)}`, address);
      const form = formOf(page.html);
      return agent.post(form.action, { ...form.hidden, username: name, password }, address);
    };
    const address = newAddress();
    for (let index = 0; index < 3; index += 1)
      expect(alertOf((await attempt(address, `${username}-nobody${index}`, WRONG)).html)).toBe(INCORRECT);
    expect(alertOf((await attempt(address, username, GOOD_PASSWORD)).html)).toBe(TOO_MANY);
    // Another address is not held back.
    expectCodeRedirect(await attempt(newAddress(), username, GOOD_PASSWORD), REDIRECT);
  });
});
