/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { CreateUserPoolClientDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { authorizeQuery, oauthClientInput } from "../support/login-pages.js";
import { createPrefixDomain, getOAuthTestApp } from "../support/oauth.js";
import { createConfirmedUser } from "../support/sign-in.js";
import type { TestApp } from "../support/test-app.js";
import { latestOtp } from "../support/user-auth.js";

// Debian's chromium; .ci/run installs it when missing.
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `SKIPPED test/e2e/managed-login-passkeys.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`,
  );

/** Screenshots of the new pages, for a person to look at (not committed). */
const SCREENSHOT_DIR = path.join(tmpdir(), "gw-managed-login-passwordless");
/** Chromium resolves every *.localhost name to this machine: the pool's prefix domain is its RP ID. */
const POOL_DOMAIN_SUFFIX = "auth.localhost";

/** The app the pages send the browser back to. */
async function startApp(): Promise<{ redirectUri: string; server: Server }> {
  const server = createServer((_request, response) =>
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end("<!doctype html><title>App</title><p>Signed in</p>"),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { redirectUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, server };
}

/**
 * Choice-based sign-in and passkeys on the managed pages in headless Chromium (reference-oauth §8.1, §13):
 * the pages on the pool's prefix domain (its RP ID), a CDP virtual authenticator, the pages' one script
 * under their CSP. Every console error or warning (CSP violations included) fails the test.
 */
describe.runIf(hasChromium).each(BACKENDS)("passwordless managed sign-in pages in Chromium on $name", (backend) => {
  let gateway: TestApp;
  let app: { redirectUri: string; server: Server };
  let browser: Browser;

  beforeAll(async () => {
    [gateway, app] = await Promise.all([getOAuthTestApp(backend, { POOL_DOMAIN_SUFFIX }), startApp()]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    app?.server.close();
  });

  /** A pool allowing passwords, email codes and passkeys, its prefix domain, a web client and a user with a password and an email address. */
  async function setup() {
    const { poolId } = await createPoolWithClient(gateway, {
      name: "Acme Robotics",
      signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"] },
    });
    const host = await createPrefixDomain(gateway, poolId);
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", ...oauthClientInput(app.redirectUri) },
      }),
    ).createUserPoolClient;
    const username = uniqueName("pwl");
    const email = `${username}@example.com`;
    const { sub } = await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD, [
      { name: "email", value: email },
    ]);
    const origin = `http://${host}:${new URL(gateway.baseUrl).port}`;
    return {
      poolId,
      clientId: web.clientId,
      username,
      email,
      sub,
      origin,
      authorizeUrl: (extra: Record<string, string> = {}) =>
        `${origin}/oauth2/authorize?${authorizeQuery(web.clientId, app.redirectUri, extra)}`,
    };
  }

  async function openPage(
    width = 1280,
  ): Promise<{ page: Page; cdp: CDPSession; authenticatorId: string; problems: string[] }> {
    const context = await browser.newContext({
      viewport: { width, height: width < 500 ? 740 : 800 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return { page, cdp, authenticatorId, problems };
  }

  /** The card fits the viewport and the stylesheet applied; then a screenshot for a person to look at. */
  async function shoot(page: Page, name: string): Promise<void> {
    await page.waitForLoadState("load");
    const layout = await page.evaluate(() => ({
      viewport: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      font: getComputedStyle(document.body).fontFamily,
      title: document.title,
    }));
    expect(layout.scrollWidth, `${name} has no horizontal scroll`).toBeLessThanOrEqual(layout.viewport);
    expect(layout.font).toContain("system-ui");
    expect(layout.title).toMatch(/ – Acme Robotics$/);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${layout.viewport}-${backend.name}.png`),
      fullPage: true,
    });
  }

  const heading = (page: Page) => page.locator("h1").innerText();
  const click = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);
  const expectAtApp = (page: Page) =>
    expect(page.url()).toMatch(new RegExp(`^${app.redirectUri}\\?code=[0-9a-f-]{36}&state=st-123$`));

  it("signs in with a password through the choice, adds a passkey at /passkeys/add, then signs in with it through /oauth2/authorize → /login → passkey → the app's code; no console error or CSP violation", async () => {
    const ids = await setup();
    const { page, cdp, authenticatorId, problems } = await openPage();

    await page.goto(ids.authorizeUrl());
    expect(new URL(page.url()).pathname).toBe("/login");
    await shoot(page, "login-username");
    await page.fill("[name=username]", ids.username);
    await click(page, "button[name=nextButton]");
    expect(await heading(page)).toBe("Choose how to sign in");
    expect(await page.locator(".factor-button").allInnerTexts()).toEqual(["Email me a code", "Use my password"]);
    await click(page, "button[value=PASSWORD]");
    expect(await heading(page)).toBe("Enter your password");
    await shoot(page, "password-step");
    await page.fill("[name=password]", GOOD_PASSWORD);
    await click(page, "button[name=signInSubmitButton]");
    expectAtApp(page);

    // /passkeys/add with the session the sign-in left (client_id and redirect_uri, as Cognito's).
    await page.goto(
      `${ids.origin}/passkeys/add?client_id=${ids.clientId}&redirect_uri=${encodeURIComponent(app.redirectUri)}&state=st-123`,
    );
    expect(await heading(page)).toBe("Add a passkey");
    await shoot(page, "passkey-add");
    await click(page, "form[data-passkey] button[type=submit]");
    expect(await heading(page)).toBe("Passkey added");
    await shoot(page, "passkey-added");
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.rpId).toBe(new URL(ids.origin).hostname);
    await click(page, "button.submitButton-customizable");
    expectAtApp(page);

    // prompt=login: the form, not the hour of single sign-on.
    await page.goto(ids.authorizeUrl({ prompt: "login" }));
    await page.fill("[name=username]", ids.username);
    await click(page, "button[name=nextButton]");
    expect(await page.locator(".factor-button").allInnerTexts()).toEqual([
      "Sign in with a passkey",
      "Email me a code",
      "Use my password",
    ]);
    await shoot(page, "choose-with-passkey");
    // The person does not touch the authenticator: the page waits, and another way in stays open.
    await cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: false });
    await click(page, "button[value=WEB_AUTHN]");
    expect(await heading(page)).toBe("Sign in with a passkey");
    await page.locator("#passkey-waiting").waitFor({ state: "visible" });
    await shoot(page, "passkey-sign-in");
    await click(page, "button.link-button");
    expect(await heading(page)).toBe("Choose how to sign in");
    await cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId, enabled: true });
    await Promise.all([page.waitForURL(new RegExp(`^${app.redirectUri}`)), page.click("button[value=WEB_AUTHN]")]);
    expectAtApp(page);

    // The code is the passkey user's.
    const code = new URL(page.url()).searchParams.get("code")!;
    const token = await fetch(`${gateway.baseUrl}/${ids.poolId}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: ids.clientId,
        code,
        redirect_uri: app.redirectUri,
      }).toString(),
    });
    expect(token.status).toBe(200);
    expect(decodeJwt(((await token.json()) as { id_token: string }).id_token)).toMatchObject({
      sub: ids.sub,
      "cognito:username": ids.username,
    });
    const [credential] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
    const stored = await gateway.app.db.read((repositories) => repositories.webAuthnCredentials.listOfUser(ids.sub));
    expect(stored.map((item) => [item.signCount, item.lastUsedAt !== null])).toEqual([[credential!.signCount, true]]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each([1280, 360])(
    "Email me a code at %ipx: the name, the choice, the 8-digit code page, a wrong code, the right one to the app",
    async (width) => {
      const ids = await setup();
      const { page, problems } = await openPage(width);
      await page.goto(ids.authorizeUrl());
      await page.fill("[name=username]", ids.username);
      await click(page, "button[name=nextButton]");
      await shoot(page, "choose");
      await click(page, "button[value=EMAIL_OTP]");
      expect(await heading(page)).toBe("Enter your sign-in code");
      expect(await page.getAttribute("[name=code]", "autocomplete")).toBe("one-time-code");
      await shoot(page, "email-code");
      const { code } = await latestOtp(gateway, ids.poolId, ids.email);
      await page.fill("[name=code]", code === "00000000" ? "00000001" : "00000000");
      await click(page, "button.submitButton-customizable");
      expect(await page.locator("[role=alert]").innerText()).toBe("That code is not right. Check it and try again.");
      await shoot(page, "email-code-wrong");
      await page.fill("[name=code]", code);
      await click(page, "button.submitButton-customizable");
      expectAtApp(page);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
