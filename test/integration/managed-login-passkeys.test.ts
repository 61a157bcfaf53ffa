import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/lib/clock.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  CreateUserPoolClientDocument,
  SetWebAuthnConfigurationDocument,
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
import {
  createSoftwareAuthenticator,
  type CreationOptions,
  type RequestOptions,
  type SoftwareAuthenticator,
} from "../support/software-authenticator.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

const REDIRECT = "https://app.example.com/callback";
const RP_ID = "login.example.com";
const ORIGIN = `https://${RP_ID}`;
const PASSKEY_POOL: Partial<CreateUserPoolInput> = {
  signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"] },
};

const choicesOf = (html: string): string[] =>
  [...html.matchAll(/<button class="factor-button" type="submit" name="answer" value="([A-Z_]+)">/g)].map(
    (match) => match[1]!,
  );
const optionsOf = <T>(page: PageResponse): T =>
  JSON.parse(unescapeHtml(/data-options="([^"]*)"/.exec(page.html)![1]!)) as T;

/**
 * Passkeys on the managed pages without a browser (the Chromium run is test/e2e/managed-login-passkeys.test.ts):
 * /passkeys/add for the user of the `cognito` session, sign-in with the passkey through the choice, the
 * pages' one script and its CSP, and the refusals, with the Node software authenticator as the browser's.
 */
describe.each(BACKENDS)("passkeys on the managed pages on $name", (backend) => {
  let gateway: TestApp;
  const clock = createManualClock(new Date());
  beforeAll(async () => {
    gateway = await getTestApp(backend, { env: signInEnv(backend), overrides: { clock } });
  });
  afterAll(async () => gateway?.close());
  beforeEach(() => clock.set(new Date()));

  async function setup(poolInput: Partial<CreateUserPoolInput> = PASSKEY_POOL) {
    const { poolId } = await createPoolWithClient(gateway, poolInput);
    expectData(
      await gateway.gql(SetWebAuthnConfigurationDocument, {
        userPoolId: poolId,
        input: { webAuthnConfiguration: { relyingPartyId: RP_ID } },
      }),
    );
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"], ...oauthClientInput(REDIRECT) },
      }),
    ).createUserPoolClient;
    const username = uniqueName("pk");
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, [
      { name: "email", value: `${username}@example.com` },
    ]);
    const query = authorizeQuery(web.clientId, REDIRECT);
    // /passkeys/add takes client_id and redirect_uri (and may take the other authorize parameters).
    const addQuery = new URLSearchParams(query);
    addQuery.delete("response_type");
    return {
      poolId,
      clientId: web.clientId,
      username,
      sub,
      loginUrl: `/${poolId}/login?${query}`,
      addUrl: `/${poolId}/passkeys/add?${addQuery.toString()}`,
    };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  /** The classic post of name and password to /login: the browser holds the `cognito` session afterwards. */
  async function signInWithPassword(agent: PageBrowser, ids: Setup): Promise<void> {
    const login = await agent.get(ids.loginUrl);
    expectCodeRedirect(
      await agent.post(formOf(login.html).action, {
        _csrf: agent.cookies.get("XSRF-TOKEN")!,
        username: ids.username,
        password: GOOD_PASSWORD,
      }),
      REDIRECT,
    );
  }

  /** /passkeys/add with the software authenticator; returns the add page and the authenticator. */
  async function addPasskey(
    agent: PageBrowser,
    ids: Setup,
    authenticator = createSoftwareAuthenticator(),
  ): Promise<{ added: PageResponse; authenticator: SoftwareAuthenticator }> {
    const redirect = await agent.get(ids.addUrl);
    expect(redirect.status).toBe(302);
    const page = await agent.get(redirect.location!);
    expect(headingOf(page.html), alertOf(page.html) ?? "").toBe("Add a passkey");
    const credential = authenticator.register(optionsOf<CreationOptions>(page), { origin: ORIGIN });
    const added = await agent.submit(page, { credential: JSON.stringify(credential) }, "/passkeys/add");
    return { added, authenticator };
  }

  /** /login, the name, the passkey choice: the passkey page. */
  async function passkeyPage(agent: PageBrowser, ids: Setup, username = ids.username): Promise<PageResponse> {
    const choices = await agent.submit(await agent.get(ids.loginUrl), { username });
    expect(choicesOf(choices.html)[0]).toBe("WEB_AUTHN");
    const page = await agent.submit(choices, { answer: "WEB_AUTHN" }, "/login/factor");
    expect(headingOf(page.html)).toBe("Sign in with a passkey");
    return page;
  }

  it("/passkeys/add: the signed-in user's CredentialCreationOptions behind a CSP that allows only the pages' script; the passkey is stored and Continue goes to the app", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    await signInWithPassword(agent, ids);
    const redirect = await agent.get(ids.addUrl);
    expect(new URL(redirect.location!, gateway.baseUrl).searchParams.get("response_type")).toBe("code");
    const page = await agent.get(redirect.location!);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy")!;
    const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)';/.exec(csp)?.[1];
    expect(nonce, csp).toBeDefined();
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|script-src[^;]*'self'/);
    // One script element: the file, with this response's nonce; nothing inline.
    const scripts = [...page.html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toMatch(
      new RegExp(`^ src="/${ids.poolId}/assets/passkey\\.js\\?v=[0-9a-f]{12}" nonce="${nonce}" defer$`),
    );
    expect(scripts[0]![2]).toBe("");
    expect(page.html).not.toMatch(/ on[a-z]+="/);
    const options = optionsOf<CreationOptions & { excludeCredentials: unknown[] }>(page);
    expect(options).toMatchObject({
      rp: { id: RP_ID },
      user: { id: Buffer.from(ids.sub).toString("base64url"), name: ids.username },
      excludeCredentials: [],
    });

    const authenticator = createSoftwareAuthenticator();
    const added = await agent.submit(
      page,
      { credential: JSON.stringify(authenticator.register(options, { origin: ORIGIN })) },
      "/passkeys/add",
    );
    expect(headingOf(added.html)).toBe("Passkey added");
    expect(added.headers.get("content-security-policy")).not.toContain("script-src");
    expectCodeRedirect(await agent.submit(added, {}), REDIRECT);
    const stored = await gateway.app.db.read((repositories) => repositories.webAuthnCredentials.listOfUser(ids.sub));
    expect(stored.map((credential) => [credential.credentialId, credential.relyingPartyId])).toEqual([
      [authenticator.credentialId, RP_ID],
    ]);
    const events = (await listEvents(gateway, ids.poolId)).filter((event) => event.type === "PASSKEY_REGISTERED");
    expect(events.map((event) => event.detail)).toEqual([
      expect.objectContaining({ userSub: ids.sub, clientId: ids.clientId, via: "HOSTED_UI" }),
    ]);
    // The next add page excludes it.
    const again = await agent.get(redirect.location!);
    expect(
      optionsOf<{ excludeCredentials: { id: string }[] }>(again).excludeCredentials.map((item) => item.id),
    ).toEqual([authenticator.credentialId]);
  });

  it("/passkeys/add without a signed-in session asks to sign in; 'Not now' goes on to the app; a credential of another origin is refused and the page offers a retry", async () => {
    const ids = await setup();
    const stranger = new PageBrowser(gateway.baseUrl);
    const page = await stranger.get((await stranger.get(ids.addUrl)).location!);
    expect([page.status, headingOf(page.html)]).toEqual([401, "Sign in first"]);
    expect(page.html).not.toContain("data-options");

    const agent = new PageBrowser(gateway.baseUrl);
    await signInWithPassword(agent, ids);
    const add = await agent.get((await agent.get(ids.addUrl)).location!);
    const wrongOrigin = createSoftwareAuthenticator().register(optionsOf<CreationOptions>(add), {
      origin: "https://evil.example.net",
    });
    const refused = await agent.submit(add, { credential: JSON.stringify(wrongOrigin) }, "/passkeys/add");
    expect([headingOf(refused.html), alertOf(refused.html)]).toEqual([
      "Add a passkey",
      "The passkey couldn’t be added. Please try again.",
    ]);
    const notNow = formOf(
      [...refused.html.matchAll(/<form[\s\S]*?<\/form>/g)]
        .map((match) => match[0])
        .find((form) => form.includes('name="skip"'))!,
    );
    expectCodeRedirect(await agent.post(notNow.action, { ...notNow.hidden }), REDIRECT);
    expect(await gateway.app.db.read((repositories) => repositories.webAuthnCredentials.listOfUser(ids.sub))).toEqual(
      [],
    );

    // A pool whose SignInPolicy lacks WEB_AUTHN: nothing to add.
    const plain = await setup({ signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } });
    const other = new PageBrowser(gateway.baseUrl);
    await signInWithPassword(other, plain);
    const unavailable = await other.get((await other.get(plain.addUrl)).location!);
    expect([headingOf(unavailable.html), unavailable.html.includes("data-options")]).toEqual([
      "Passkeys aren’t available",
      false,
    ]);
    expectCodeRedirect(await other.submit(unavailable, {}), REDIRECT);
  });

  /** The app's forced sign-in: /oauth2/authorize with prompt=login. */
  const forcedAuthorize = (ids: Setup): string =>
    `/${ids.poolId}/oauth2/authorize?${authorizeQuery(ids.clientId, REDIRECT, { prompt: "login" })}`;
  /** A 302 to /login with the request's prompt=login; returns the path and query. */
  const toLogin = (ids: Setup, page: PageResponse): string => {
    expect(page.status, page.html.slice(0, 500)).toBe(302);
    const url = new URL(page.location!, gateway.baseUrl);
    expect([url.pathname, url.searchParams.get("prompt")]).toEqual([`/${ids.poolId}/login`, "login"]);
    return `${url.pathname}${url.search}`;
  };
  /** /signup from the given /login page and /confirm's form; `beforeCode` runs while the code page is open. */
  async function signUpAndConfirm(
    agent: PageBrowser,
    ids: Setup,
    login: PageResponse,
    beforeCode: () => void = () => {},
  ): Promise<{ username: string; confirmed: PageResponse }> {
    const signUp = await agent.get(unescapeHtml(/<a href="([^"]*\/signup\?[^"]*)">Sign up<\/a>/.exec(login.html)![1]!));
    const username = uniqueName("new");
    const email = `${username}@example.com`;
    const created = await agent.submit(signUp, {
      username,
      password: GOOD_PASSWORD,
      "requiredAttributes[email]": email,
    });
    const confirm = await agent.get(created.location!);
    beforeCode();
    const code = (await latestMessage(gateway, ids.poolId, email)).code!;
    return { username, confirmed: await agent.submit(confirm, { code }, "/confirm") };
  }

  it("under prompt=login, a session from before the interaction neither opens /passkeys/add nor skips it to the app (both go to /login); nor does a sign-in on /login that the app's link did not come from", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    await signInWithPassword(agent, ids);
    clock.advanceSeconds(1);
    // The app forces a new sign-in: /oauth2/authorize sends the browser to the form, whose page starts the interaction.
    const login = await agent.get(toLogin(ids, await agent.get(forcedAuthorize(ids))));
    expect(headingOf(login.html)).not.toBe("Add a passkey");
    // Instead of signing in, the browser goes to /passkeys/add with the same request, or posts its "Not now".
    const forcedAdd = (await agent.get(`${ids.addUrl}&prompt=login`)).location!;
    toLogin(ids, await agent.get(forcedAdd));
    toLogin(ids, await agent.post(forcedAdd, { _csrf: agent.cookies.get("XSRF-TOKEN")!, skip: "1" }));

    // Signed in again on the form: the code goes straight to the app. The page itself still wants the proof
    // of a sign-in that sent the browser to it, which a link of the app's never carries.
    expectCodeRedirect(
      await agent.post(formOf(login.html).action, {
        _csrf: agent.cookies.get("XSRF-TOKEN")!,
        username: ids.username,
        password: GOOD_PASSWORD,
      }),
      REDIRECT,
    );
    toLogin(ids, await agent.get(forcedAdd));
  });

  it("under prompt=login, a session signed in minutes ago does not get a code from /passkeys/add opened straight away, whatever XSRF cookie the browser still holds (→ /login)", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    // Signed in without prompt: the browser keeps the /login page's XSRF cookie, still within its 5 minutes.
    await signInWithPassword(agent, ids);
    clock.advanceSeconds(120);
    // No /oauth2/authorize, no /login: the app's link to the offer with prompt=login.
    const forcedAdd = (await agent.get(`${ids.addUrl}&prompt=login`)).location!;
    toLogin(ids, await agent.get(forcedAdd));
    toLogin(ids, await agent.post(forcedAdd, { _csrf: agent.cookies.get("XSRF-TOKEN")!, skip: "1" }));
  });

  it("under prompt=login: /oauth2/authorize → /login → sign-up and confirmation → the offer, whose 'Not now' gives the code; only the offer's own proof opens it (not the bare URL, not another session's browser, not after 10 minutes)", async () => {
    const ids = await setup({ ...PASSKEY_POOL, autoVerifiedAttributes: ["email"] });
    const agent = new PageBrowser(gateway.baseUrl);
    // An older session in the same browser: the forced sign-in does not take it.
    await signInWithPassword(agent, ids);
    clock.advanceSeconds(60);
    const login = await agent.get(toLogin(ids, await agent.get(forcedAuthorize(ids))));
    const { username, confirmed } = await signUpAndConfirm(agent, ids, login);
    expect(confirmed.status, confirmed.html.slice(0, 500)).toBe(302);
    const offerUrl = new URL(confirmed.location!, gateway.baseUrl);
    expect([offerUrl.pathname, offerUrl.searchParams.get("prompt")]).toEqual([`/${ids.poolId}/passkeys/add`, "login"]);
    expect(offerUrl.searchParams.get("signed_in")).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]+$/);
    const offerPath = `${offerUrl.pathname}${offerUrl.search}`;

    // The proof names this browser's session: another browser's session (signed in just now) is sent to /login.
    const other = new PageBrowser(gateway.baseUrl);
    await signInWithPassword(other, ids);
    toLogin(ids, await other.get(offerPath));
    // Without the proof, the same browser and the same request go to /login too.
    const bare = new URL(offerUrl);
    bare.searchParams.delete("signed_in");
    toLogin(ids, await agent.get(`${bare.pathname}${bare.search}`));

    const offer = await agent.get(offerPath);
    expect(headingOf(offer.html), alertOf(offer.html) ?? offer.location ?? "").toBe("Add a passkey");
    expect(optionsOf<CreationOptions>(offer).user.name).toBe(username);
    // The forms post to the page without the proof in their URL: it goes as a hidden field, and is checked.
    const notNow = formOf(offer.html, "/passkeys/add");
    expect(new URL(notNow.action, gateway.baseUrl).searchParams.has("signed_in")).toBe(false);
    expect(notNow.hidden.signed_in).toBe(offerUrl.searchParams.get("signed_in"));
    toLogin(ids, await agent.post(notNow.action, { ...notNow.hidden, signed_in: "", skip: "1" }));
    const again = await agent.get(offerPath);
    expectCodeRedirect(await agent.submit(again, { skip: "1" }, "/passkeys/add"), REDIRECT);

    // The proof is for "signed in now": 10 minutes after the sign-in the offer sends the browser to /login.
    clock.advanceSeconds(601);
    toLogin(ids, await agent.get(offerPath));
  });

  it("under prompt=login, a sign-up confirmed 270 s after its code page opened is offered a passkey, and 'Not now' 40 s later still goes on to the app", async () => {
    const ids = await setup({ ...PASSKEY_POOL, autoVerifiedAttributes: ["email"] });
    const agent = new PageBrowser(gateway.baseUrl);
    const login = await agent.get(
      `/${ids.poolId}/login?${authorizeQuery(ids.clientId, REDIRECT, { prompt: "login" })}`,
    );
    const { confirmed } = await signUpAndConfirm(agent, ids, login, () => clock.advanceSeconds(270));
    expect(confirmed.status, confirmed.html.slice(0, 500)).toBe(302);
    expect(confirmed.location).toMatch(new RegExp(`^/${ids.poolId}/passkeys/add\\?.*prompt=login`));
    const offer = await agent.get(confirmed.location!);
    expect(headingOf(offer.html), alertOf(offer.html) ?? offer.location ?? "").toBe("Add a passkey");
    clock.advanceSeconds(40);
    expectCodeRedirect(await agent.submit(offer, { skip: "1" }, "/passkeys/add"), REDIRECT);
  });

  it("signs in with the passkey through the choice: CREDENTIAL_REQUEST_OPTIONS in the page, the assertion posted, the code at the app; a replay and an empty credential get the choices again", async () => {
    const ids = await setup();
    const setupBrowser = new PageBrowser(gateway.baseUrl);
    await signInWithPassword(setupBrowser, ids);
    const { authenticator } = await addPasskey(setupBrowser, ids);

    const agent = new PageBrowser(gateway.baseUrl);
    const page = await passkeyPage(agent, ids);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[A-Za-z0-9_-]+';/);
    const options = optionsOf<RequestOptions>(page);
    expect(options).toMatchObject({
      rpId: RP_ID,
      allowCredentials: [{ id: authenticator.credentialId, type: "public-key" }],
    });
    const assertion = authenticator.assert(options, { origin: ORIGIN });
    const done = await agent.submit(page, { credential: JSON.stringify(assertion) }, "/login/passkey");
    expectCodeRedirect(done, REDIRECT);
    expect(done.headers.getSetCookie().some((line) => line.startsWith("cognito="))).toBe(true);

    // The same signed answer in a new passkey session: refused, and the person may choose again.
    const replayAgent = new PageBrowser(gateway.baseUrl);
    const fresh = await passkeyPage(replayAgent, ids);
    const replayed = await replayAgent.submit(fresh, { credential: JSON.stringify(assertion) }, "/login/passkey");
    expect([headingOf(replayed.html), alertOf(replayed.html)]).toEqual([
      "Choose how to sign in",
      "We couldn’t verify that passkey. Try again, or choose another way to sign in.",
    ]);
    // No script (or no WebAuthn): the form posts an empty credential; the other ways are offered.
    const noScript = await replayAgent.submit(replayed, { answer: "WEB_AUTHN" }, "/login/factor");
    const fallback = await replayAgent.submit(noScript, {}, "/login/passkey");
    expect([headingOf(fallback.html), alertOf(fallback.html)]).toEqual([
      "Choose how to sign in",
      "This browser couldn’t use a passkey here. Choose another way to sign in.",
    ]);
    expect(choicesOf(fallback.html)).toEqual(["WEB_AUTHN", "EMAIL_OTP", "PASSWORD"]);
  });

  it("a name with no user is offered a passkey too, gets options that look real, and its answer is refused like a wrong passkey", async () => {
    const ids = await setup();
    const agent = new PageBrowser(gateway.baseUrl);
    const ghost = `${ids.username}x`;
    const choices = await agent.submit(await agent.get(ids.loginUrl), { username: ghost });
    expect(choicesOf(choices.html)).toEqual(["WEB_AUTHN", "EMAIL_OTP", "PASSWORD"]);
    const page = await passkeyPage(agent, ids, ghost);
    const options = optionsOf<RequestOptions>(page);
    expect(options).toMatchObject({
      rpId: RP_ID,
      allowCredentials: [{ id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), type: "public-key" }],
    });
    const someone = createSoftwareAuthenticator();
    someone.register({ rp: { id: RP_ID }, user: { id: "eA" }, challenge: "AAAA" }, { origin: ORIGIN });
    const refused = await agent.submit(
      page,
      { credential: JSON.stringify(someone.assert(options, { origin: ORIGIN })) },
      "/login/passkey",
    );
    expect([headingOf(refused.html), alertOf(refused.html)]).toEqual([
      "Choose how to sign in",
      "We couldn’t verify that passkey. Try again, or choose another way to sign in.",
    ]);
  });

  it("a new self-sign-up is offered a passkey after confirming (managed login v2), then goes on to the app", async () => {
    const ids = await setup({ ...PASSKEY_POOL, autoVerifiedAttributes: ["email"] });
    const agent = new PageBrowser(gateway.baseUrl);
    const { username, confirmed } = await signUpAndConfirm(agent, ids, await agent.get(ids.loginUrl));
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toMatch(new RegExp(`^/${ids.poolId}/passkeys/add\\?.*response_type=code`));
    expect(agent.cookies.has("cognito")).toBe(true);
    const offer = await agent.get(confirmed.location!);
    expect(headingOf(offer.html)).toBe("Add a passkey");
    const options = optionsOf<CreationOptions>(offer);
    expect(options.user.name).toBe(username);
    const added = await agent.submit(
      offer,
      { credential: JSON.stringify(createSoftwareAuthenticator().register(options, { origin: ORIGIN })) },
      "/passkeys/add",
    );
    expect(headingOf(added.html)).toBe("Passkey added");
    expectCodeRedirect(await agent.submit(added, {}), REDIRECT);
  });

  it("serves the one script long-cached, as JavaScript, with no inline parts", async () => {
    const ids = await setup();
    const response = await fetch(`${gateway.baseUrl}/${ids.poolId}/assets/passkey.js?v=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const source = await response.text();
    expect(source).toContain("navigator.credentials.get");
    expect(source).toContain("navigator.credentials.create");
    expect(source).not.toMatch(/\beval\(|new Function|innerHTML|fetch\(/);
  });
});
