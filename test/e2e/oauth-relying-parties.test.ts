import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  SetUICustomizationCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import * as client from "openid-client";
import { generate } from "otplib";
import { chromium, type Browser, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials } from "../support/aws-clients.js";
import { startAuthJsCognitoApp } from "../support/authjs-cognito.js";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import {
  CreateUserPoolClientDocument,
  type CreateUserPoolClientInput,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { createOAuthUser, getOAuthTestApp } from "../support/oauth.js";
import {
  discoverForRelyingParty,
  startRelyingParty,
  type CallbackResult,
  type RelyingParty,
} from "../support/relying-party.js";
import type { TestApp } from "../support/test-app.js";

// Debian's chromium; .ci/run installs it when missing.
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `SKIPPED test/e2e/oauth-relying-parties.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`,
  );

const SCREENSHOT_DIR = path.join(tmpdir(), "gw-oauth-relying-parties");
/** Chromium resolves every *.localhost name to the loopback (RFC 6761), so pool domains need no DNS. */
const POOL_DOMAIN_SUFFIX = "auth.localhost";
const SCOPE = "openid email profile";
const BRAND_CSS = [
  ".background-customizable { background-color: #eef3f8; }",
  ".banner-customizable { background-color: #0b3d5c; padding: 12px; }",
  ".submitButton-customizable { background-color: #e4572e; color: #ffffff; }",
  ".submitButton-customizable:hover { background-color: #c2410c; }",
  ".label-customizable { color: #0b3d5c; font-weight: 600; }",
].join("\n");

/** What a TOTP app shows for a step (0 = now, -1 = the previous 30 seconds). */
const totpCode = (secret: string, step = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + step * 30 });

describe.runIf(hasChromium).each(BACKENDS)(
  "relying parties through the managed sign-in pages in Chromium, on $name",
  (backend) => {
    let gateway: TestApp;
    let rp: RelyingParty;
    let browser: Browser;
    let wire: CognitoIdentityProviderClient;
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      [gateway, rp, browser] = await Promise.all([
        getOAuthTestApp(backend, { POOL_DOMAIN_SUFFIX }),
        startRelyingParty(),
        chromium.launch({
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
        }),
      ]);
      wire = cognitoClient(gateway, await createAwsCredentials(gateway));
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all([gateway?.close(), rp?.close()]);
      wire?.destroy();
    });

    /** A fresh browser profile (no cookies): a person on another machine, or after closing the browser. */
    async function freshPage(): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(`${message.location().url}: ${message.text()}`);
      });
      page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
      return page;
    }
    const screenshot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${backend.name}.png`) });

    /** An app client for the relying party's callback and logout page, over GraphQL. */
    async function addClient(
      poolId: string,
      input: Partial<CreateUserPoolClientInput> = {},
    ): Promise<{ clientId: string; clientSecret: string | null }> {
      const created = expectData(
        await gateway.gql(CreateUserPoolClientDocument, {
          userPoolId: poolId,
          input: { clientName: "web", ...webClientSettings(), ...input },
        }),
      ).createUserPoolClient;
      return { clientId: created.clientId, clientSecret: created.clientSecret ?? null };
    }
    const webClientSettings = (): Partial<CreateUserPoolClientInput> => ({
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ["code"],
      allowedOAuthScopes: ["openid", "email", "profile"],
      callbackURLs: [rp.callbackUrl],
      logoutURLs: [rp.signedOutUrl],
      supportedIdentityProviders: ["COGNITO"],
      enableTokenRevocation: true,
    });

    /** A pool with a confidential web client (client_secret_basic), served on its issuer path. */
    async function issuerPathPool(poolInput: Partial<CreateUserPoolInput> = {}) {
      const { poolId, clientId, clientSecret } = await createPoolWithClient(gateway, poolInput, {
        ...webClientSettings(),
        generateSecret: true,
      });
      return { poolId, clientId, clientSecret: clientSecret!, issuer: `${gateway.config.publicUrl}/${poolId}` };
    }

    /** Registers an openid-client app on the relying party, configured by discovery on the issuer. */
    async function registerApp(
      issuer: string,
      clientId: string,
      clientSecret: string | null,
    ): Promise<{ app: string; config: client.Configuration }> {
      const app = uniqueName("app");
      const config = await discoverForRelyingParty(issuer, clientId, clientSecret);
      rp.register(app, { config, scope: SCOPE });
      return { app, config };
    }

    /** The sign-in form, filled in and sent as a person does: by the labels they read. */
    async function signInOnForm(page: Page, username: string, password: string): Promise<void> {
      expect(new URL(page.url()).pathname).toMatch(/\/login$/);
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill(password);
      await Promise.all([
        page.waitForURL((url) => url.href.startsWith(rp.origin)),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
    }

    function expectSignedIn(result: CallbackResult | undefined, sub: string): Extract<CallbackResult, { ok: true }> {
      expect(result, "the relying party's callback ran").toBeDefined();
      if (!result!.ok) throw new Error(`the relying party refused the callback: ${JSON.stringify(result!.error)}`);
      expect(result!.claims.sub).toBe(sub);
      return result as Extract<CallbackResult, { ok: true }>;
    }

    /** The base the pool's endpoints are published under (discovery's authorization_endpoint minus its path). */
    const endpointBase = (config: client.Configuration) =>
      config.serverMetadata().authorization_endpoint!.replace(/\/oauth2\/authorize$/, "");

    it("openid-client: code + PKCE through the sign-in page, refresh, userInfo, revoke, single sign-on for a second client, and the logout redirect", async () => {
      const pool = await issuerPathPool({ name: "Example app" });
      const user = await createOAuthUser(gateway, pool.poolId, [
        { name: "email", value: "ada@example.com" },
        { name: "email_verified", value: "true" },
      ]);
      const web = await registerApp(pool.issuer, pool.clientId, pool.clientSecret);
      expect(endpointBase(web.config)).toBe(pool.issuer);

      const page = await freshPage();
      await page.goto(rp.startUrl(web.app));
      // The browser is on the gateway's sign-in page, with the app's authorize parameters.
      const login = new URL(page.url());
      expect(`${login.origin}${login.pathname}`).toBe(`${pool.issuer}/login`);
      expect(login.searchParams.get("client_id")).toBe(pool.clientId);
      expect(login.searchParams.get("code_challenge_method")).toBe("S256");
      await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);
      await screenshot(page, "sign-in-default");
      // The card alone, with a margin: the picture in the README (docs/sign-in-page.png).
      const card = (await page.locator("main.card").boundingBox())!;
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `sign-in-card-${backend.name}.png`),
        clip: { x: card.x - 40, y: Math.max(0, card.y - 40), width: card.width + 80, height: card.height + 80 },
      });
      await signInOnForm(page, user.username, user.password);

      expect(page.url().startsWith(`${rp.callbackUrl}?code=`)).toBe(true);
      expect(await page.locator("#sub").innerText()).toBe(user.sub);
      const signedIn = expectSignedIn(rp.lastResult(web.app), user.sub);
      expect(signedIn.claims).toMatchObject({
        iss: pool.issuer,
        aud: pool.clientId,
        token_use: "id",
        "cognito:username": user.username,
        email: "ada@example.com",
      });
      // Cognito's token response has no `scope`; the access token carries it.
      expect(String(decodeJwt(signedIn.tokens.access_token).scope).split(" ").sort()).toEqual([
        "email",
        "openid",
        "profile",
      ]);
      const { refresh_token: refreshToken, access_token: accessToken } = signedIn.tokens;
      expect(refreshToken).toBeTruthy();

      // From the app's back end: userInfo, refresh, revoke.
      const info = await client.fetchUserInfo(web.config, accessToken, user.sub);
      expect(info).toMatchObject({ sub: user.sub, username: user.username, email: "ada@example.com" });
      await expect(client.fetchUserInfo(web.config, accessToken, "someone-else")).rejects.toMatchObject({
        code: "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
      });
      const refreshed = await client.refreshTokenGrant(web.config, refreshToken!);
      expect(refreshed.access_token).not.toBe(accessToken);
      // As Cognito without rotation: the refresh token stays, none comes back.
      expect(refreshed.refresh_token).toBeUndefined();
      expect(refreshed.claims()).toMatchObject({ sub: user.sub, iss: pool.issuer, aud: pool.clientId });
      await client.tokenRevocation(web.config, refreshToken!);
      await expect(client.refreshTokenGrant(web.config, refreshToken!)).rejects.toMatchObject({
        name: "ResponseBodyError",
        error: "invalid_grant",
      });
      // Revocation takes the access tokens minted from that refresh token with it.
      for (const revoked of [accessToken, refreshed.access_token]) {
        await expect(client.fetchUserInfo(web.config, revoked, user.sub)).rejects.toBeInstanceOf(
          client.WWWAuthenticateChallengeError,
        );
      }

      // Single sign-on: a second (public) client of the pool gets its code without the form.
      const second = await addClient(pool.poolId);
      const mobile = await registerApp(pool.issuer, second.clientId, null);
      const navigations: string[] = [];
      const onRequest = (request: Request) =>
        void (request.isNavigationRequest() && navigations.push(new URL(request.url()).pathname));
      page.on("request", onRequest);
      await page.goto(rp.startUrl(mobile.app));
      page.off("request", onRequest);
      expect(page.url().startsWith(`${rp.callbackUrl}?code=`)).toBe(true);
      expect(expectSignedIn(rp.lastResult(mobile.app), user.sub).claims.aud).toBe(second.clientId);
      expect(navigations).toEqual([`/start/${mobile.app}`, `/${pool.poolId}/oauth2/authorize`, "/callback"]);

      // Logout: Cognito's /logout (not RP-initiated logout) clears the session cookie and goes back to the app.
      const logout = new URL(`${endpointBase(web.config)}/logout`);
      logout.search = new URLSearchParams({ client_id: pool.clientId, logout_uri: rp.signedOutUrl }).toString();
      await page.goto(logout.href);
      expect(page.url()).toBe(rp.signedOutUrl);
      for (const app of [web.app, mobile.app]) {
        await page.goto(rp.startUrl(app));
        expect(new URL(page.url()).pathname, "after logout every client needs the form again").toBe(
          `/${pool.poolId}/login`,
        );
      }
      await signInOnForm(page, user.username, user.password);
      expectSignedIn(rp.lastResult(mobile.app), user.sub);
      await page.context().close();
    });

    it("on a pool domain set up over the wire (CreateUserPoolDomain, SetUICustomization): the flow runs on http://<prefix>.auth.localhost, branded", async () => {
      const { UserPool } = await wire.send(new CreateUserPoolCommand({ PoolName: uniqueName("domain-pool") }));
      const poolId = UserPool!.Id!;
      const { UserPoolClient } = await wire.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "web",
          GenerateSecret: true,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ["code"],
          AllowedOAuthScopes: ["openid", "email", "profile"],
          CallbackURLs: [rp.callbackUrl],
          LogoutURLs: [rp.signedOutUrl],
          SupportedIdentityProviders: ["COGNITO"],
        }),
      );
      const prefix = uniqueName("acme").toLowerCase().slice(0, 40);
      await wire.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }));
      const domainBase = `http://${prefix}.${POOL_DOMAIN_SUFFIX}:${gateway.app.port}`;
      await wire.send(
        new SetUICustomizationCommand({
          UserPoolId: poolId,
          ClientId: "ALL",
          CSS: BRAND_CSS,
          ImageFile: await drawLogo(browser),
        }),
      );

      const issuer = `${gateway.config.publicUrl}/${poolId}`;
      const user = await createOAuthUser(gateway, poolId);
      const web = await registerApp(issuer, UserPoolClient!.ClientId!, UserPoolClient!.ClientSecret!);
      // Discovery stays on the issuer and publishes the endpoints on the domain (reference-oauth §7).
      expect(web.config.serverMetadata()).toMatchObject({
        issuer,
        authorization_endpoint: `${domainBase}/oauth2/authorize`,
        token_endpoint: `${domainBase}/oauth2/token`,
        userinfo_endpoint: `${domainBase}/oauth2/userInfo`,
      });

      const page = await freshPage();
      await page.goto(rp.startUrl(web.app));
      expect(page.url().startsWith(`${domainBase}/login?`)).toBe(true);
      await expect(page.locator("img.logo-customizable").isVisible()).resolves.toBe(true);
      // The pool's CSS is applied (CSP lets the nonce'd style in).
      expect(
        await page
          .getByRole("button", { name: "Sign in" })
          .evaluate((button) => getComputedStyle(button).backgroundColor),
      ).toBe("rgb(228, 87, 46)");
      await screenshot(page, "sign-in-branded");
      await signInOnForm(page, user.username, user.password);
      const signedIn = expectSignedIn(rp.lastResult(web.app), user.sub);
      expect(signedIn.claims.iss).toBe(issuer);
      expect(await client.fetchUserInfo(web.config, signedIn.tokens.access_token, user.sub)).toMatchObject({
        sub: user.sub,
        username: user.username,
      });
      const refreshed = await client.refreshTokenGrant(web.config, signedIn.tokens.refresh_token!);
      expect(refreshed.claims()!.sub).toBe(user.sub);

      // The session cookie belongs to the domain: logout there, then the form again.
      await page.goto(
        `${domainBase}/logout?${new URLSearchParams({ client_id: UserPoolClient!.ClientId!, logout_uri: rp.signedOutUrl }).toString()}`,
      );
      expect(page.url()).toBe(rp.signedOutUrl);
      await page.goto(rp.startUrl(web.app));
      expect(page.url().startsWith(`${domainBase}/login?`)).toBe(true);
      await page.context().close();
    });

    it("an MFA user: sets up an authenticator on the page with its secret key, then signs in with the app's code", async () => {
      const pool = await issuerPathPool({ mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA"] });
      const user = await createOAuthUser(gateway, pool.poolId);
      const web = await registerApp(pool.issuer, pool.clientId, pool.clientSecret);

      const setupPage = await freshPage();
      await setupPage.goto(rp.startUrl(web.app));
      await setupPage.getByLabel("Username").fill(user.username);
      await setupPage.getByLabel("Password").fill(user.password);
      await setupPage.getByRole("button", { name: "Sign in" }).click();
      await setupPage.getByRole("heading", { name: "Set up an authenticator app" }).waitFor();
      await expect(setupPage.getByRole("img", { name: /QR code/ }).isVisible()).resolves.toBe(true);
      await setupPage.getByText("Show secret key").click();
      const secret = (await setupPage.locator("code.secret").innerText()).trim();
      await screenshot(setupPage, "mfa-setup");
      // The setup proves the previous step's code (inside the ±1 window), so the sign-in below can use the
      // current one without waiting 30 s for a code never used (codes at or below a used step are refused).
      await awayFromStepBoundary();
      await setupPage.getByLabel("Code").fill(await totpCode(secret, -1));
      await Promise.all([
        setupPage.waitForURL((url) => url.href.startsWith(rp.origin)),
        setupPage.getByRole("button", { name: "Verify and sign in" }).click(),
      ]);
      expectSignedIn(rp.lastResult(web.app), user.sub);
      await setupPage.context().close();

      // Another browser: password, then the authenticator's code.
      const page = await freshPage();
      await page.goto(rp.startUrl(web.app));
      await page.getByLabel("Username").fill(user.username);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Enter your authenticator code" }).waitFor();
      await screenshot(page, "mfa-code");
      await page.getByLabel("Code").fill(await totpCode(secret));
      await Promise.all([
        page.waitForURL((url) => url.href.startsWith(rp.origin)),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      expectSignedIn(rp.lastResult(web.app), user.sub);
      await page.context().close();
    });

    it("Auth.js's Cognito provider (reproduced with its engine oauth4webapi): PKCE without state or nonce, client_secret_basic, the profile from the ID token", async () => {
      const authJs = await startAuthJsCognitoApp();
      try {
        const { poolId } = await createPoolWithClient(gateway);
        const issuer = `${gateway.config.publicUrl}/${poolId}`;
        // Auth.js's documented callback URL, <AUTH_URL>/api/auth/callback/cognito, and its default scopes.
        const registered = await addClient(poolId, { generateSecret: true, callbackURLs: [authJs.callbackUrl] });
        authJs.configure({ issuer, clientId: registered.clientId, clientSecret: registered.clientSecret! });
        const user = await createOAuthUser(gateway, poolId, [
          { name: "email", value: "grace@example.com" },
          { name: "name", value: "Grace Hopper" },
        ]);

        const page = await freshPage();
        await page.goto(authJs.signInUrl);
        const login = new URL(page.url());
        expect(`${login.origin}${login.pathname}`).toBe(`${issuer}/login`);
        expect(Object.fromEntries(login.searchParams)).toEqual({
          response_type: "code",
          client_id: registered.clientId,
          redirect_uri: authJs.callbackUrl,
          code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          code_challenge_method: "S256",
          scope: "openid profile email",
        });
        await page.getByLabel("Username").fill(user.username);
        await page.getByLabel("Password").fill(user.password);
        await Promise.all([
          page.waitForURL((url) => url.href.startsWith(authJs.origin)),
          page.getByRole("button", { name: "Sign in" }).click(),
        ]);
        expect(authJs.lastUser()).toMatchObject({
          id: user.sub,
          name: "Grace Hopper",
          email: "grace@example.com",
          image: null,
          idTokenClaims: { iss: issuer, aud: registered.clientId },
        });
        expect(await page.locator("h1").innerText()).toBe("Signed in with Cognito");
        await page.context().close();
      } finally {
        await authJs.close();
      }
    });

    it("an unregistered redirect_uri shows the gateway's error page, and the browser never leaves the gateway", async () => {
      const pool = await issuerPathPool();
      const web = await registerApp(pool.issuer, pool.clientId, pool.clientSecret);
      const hostile = client.buildAuthorizationUrl(web.config, {
        redirect_uri: `${rp.origin}/stolen`,
        scope: SCOPE,
        state: "s",
        code_challenge: "x".repeat(43),
        code_challenge_method: "S256",
      });
      const page = await freshPage();
      const visited = rp.requests.length;
      await page.goto(hostile.href);
      const shown = new URL(page.url());
      expect(`${shown.origin}${shown.pathname}`).toBe(`${pool.issuer}/error`);
      await expect(
        page.getByRole("heading", { name: "An error was encountered with the requested page." }).isVisible(),
      ).resolves.toBe(true);
      expect(await page.locator(".textDescription-customizable").innerText()).toMatch(
        /return address it has not registered/,
      );
      await screenshot(page, "error");
      expect(rp.requests.slice(visited)).toEqual([]);
      await page.context().close();
    });

    it("a tampered state in the callback makes openid-client refuse the code", async () => {
      const pool = await issuerPathPool();
      const user = await createOAuthUser(gateway, pool.poolId);
      const web = await registerApp(pool.issuer, pool.clientId, pool.clientSecret);
      const page = await freshPage();
      // An attacker in the middle rewrites the state in the gateway's redirect back to the app (the browser
      // follows redirects itself, so the 302 of the form's POST is where the callback URL can be changed).
      await page.route(
        (url) => url.pathname === `/${pool.poolId}/login`,
        async (route) => {
          if (route.request().method() !== "POST") return route.continue();
          const response = await route.fetch({ maxRedirects: 0 });
          const location = new URL(response.headers().location!);
          expect(location.href.startsWith(`${rp.callbackUrl}?code=`)).toBe(true);
          location.searchParams.set("state", `${location.searchParams.get("state")}x`);
          await route.fulfill({ response, headers: { ...response.headers(), location: location.href } });
        },
      );
      await page.goto(rp.startUrl(web.app));
      await signInOnForm(page, user.username, user.password);
      expect(rp.lastResult(web.app)).toEqual({
        ok: false,
        error: {
          name: "ClientError",
          code: "OAUTH_INVALID_RESPONSE",
          message: "invalid response encountered",
          cause: 'unexpected "state" response parameter value',
        },
      });
      expect(await page.locator("h1").innerText()).toBe("Sign-in failed");
      await page.context().close();
    });

    it("no page logged an error in the browser console (CSP violations included)", () => {
      // The error page and the app's refusal are answered with 400, which Chromium logs for the document itself.
      const expected = /\/error\?error=redirect_mismatch&.*status of 400|\/callback\?.*status of 400/;
      expect(consoleErrors.filter((line) => !expected.test(line))).toEqual([]);
    });
  },
);

/** Waits out the last 2 seconds of a 30-second TOTP step, so a code computed now is checked in the same step. */
async function awayFromStepBoundary(): Promise<void> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > 28_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - intoStep + 100));
}

/** A small PNG logo, drawn by the browser itself. */
async function drawLogo(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: 240, height: 64 } });
  await page.setContent(
    `<body style="margin:0"><div style="width:240px;height:64px;display:flex;align-items:center;justify-content:center;background:#0b3d5c;color:#fff;font:700 28px system-ui,sans-serif;letter-spacing:2px">ACME</div></body>`,
  );
  const png = await page.screenshot({ type: "png" });
  await page.close();
  return new Uint8Array(png);
}
