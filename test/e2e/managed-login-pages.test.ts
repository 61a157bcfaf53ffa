/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync, crc32 } from "node:zlib";
import { generate } from "otplib";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, latestMessage, uniqueName } from "../support/directory.js";
import {
  AdminCreateUserDocument,
  AdminSetUserMfaPreferenceDocument,
  CreateUserPoolClientDocument,
  SetUiCustomizationDocument,
  type CreateUserPoolInput,
} from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { authorizeQuery, oauthClientInput } from "../support/login-pages.js";
import { createConfirmedUser, createMidStepClock, signInEnv } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

// Debian's chromium; .ci/run installs it when missing.
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `SKIPPED test/e2e/managed-login-pages.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`,
  );

/** Screenshots of every page at both widths, for a person to look at (not committed). */
const SCREENSHOT_DIR = path.join(tmpdir(), "gw-managed-login");
const WIDTHS = [1280, 360] as const;
const PHONE = "+15555550142";

/** A PNG of a simple two-colour banner, for the branding logo (no image files in the repository). */
function bannerPng(width = 240, height = 64): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const inMark = (x - 32) ** 2 + (y - 32) ** 2 < 22 ** 2;
      const [r, g, b] = inMark ? [255, 196, 0] : [11, 61, 145];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]).toString("base64");
}

/** The app the pages send the browser back to: records what arrived. */
async function startApp(): Promise<{ redirectUri: string; server: Server }> {
  const server = createServer((request, response) =>
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(`<!doctype html><title>App</title><p>Signed in: ${request.url?.length ?? 0} characters of callback</p>`),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { redirectUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, server };
}

describe.runIf(hasChromium).each(BACKENDS)("managed sign-in pages in Chromium on $name", (backend) => {
  const clock = createMidStepClock();
  let gateway: TestApp;
  let app: { redirectUri: string; server: Server };
  let browser: Browser;

  beforeAll(async () => {
    [gateway, app] = await Promise.all([
      getTestApp(backend, { env: signInEnv(backend), overrides: { clock } }),
      startApp(),
    ]);
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

  async function setup(poolInput: Partial<CreateUserPoolInput> = {}) {
    const { poolId } = await createPoolWithClient(gateway, { name: "Acme Robotics", ...poolInput });
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "web", ...oauthClientInput(app.redirectUri) },
      }),
    ).createUserPoolClient;
    const query = authorizeQuery(web.clientId, app.redirectUri);
    return {
      poolId,
      clientId: web.clientId,
      url: (page: string, extra = "") => `${gateway.baseUrl}/${poolId}${page}?${query}${extra}`,
    };
  }

  /** A page at one width whose every console error (CSP violations included) and script error fails the test. */
  async function openPage(width: number): Promise<{ page: Page; problems: string[] }> {
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
    page.on("requestfailed", (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`),
    );
    return { page, problems };
  }

  /** The card is on screen, nothing is wider than the viewport, the stylesheet applied; then a screenshot. */
  async function check(
    page: Page,
    problems: string[],
    name: string,
    width: number,
    options: { namesPool?: boolean; documentStatus?: number } = {},
  ): Promise<void> {
    await page.waitForLoadState("load");
    const layout = await page.evaluate(() => {
      const card = document.querySelector(".card")!.getBoundingClientRect();
      const controls = [...document.querySelectorAll("input:not([type=hidden]), button, select, textarea, img")].map(
        (element) => {
          const box = element.getBoundingClientRect();
          return {
            name: (element as HTMLInputElement).name || element.tagName,
            left: box.left,
            right: box.right,
            width: box.width,
            height: box.height,
          };
        },
      );
      return {
        viewport: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        card: { left: card.left, right: card.right, top: card.top, width: card.width, height: card.height },
        controls,
        font: getComputedStyle(document.body).fontFamily,
        title: document.title,
        lang: document.documentElement.lang,
        unlabelled: [...document.querySelectorAll("input:not([type=hidden]):not([type=radio])")]
          .filter((input) => !(input as HTMLInputElement).labels?.length)
          .map((input) => (input as HTMLInputElement).name),
      };
    });
    expect(layout.card.width, `${name} card`).toBeGreaterThan(250);
    expect(layout.card.left, `${name} card`).toBeGreaterThanOrEqual(0);
    expect(layout.card.right, `${name} card`).toBeLessThanOrEqual(layout.viewport);
    expect(layout.scrollWidth, `${name} has no horizontal scroll`).toBeLessThanOrEqual(layout.viewport);
    for (const control of layout.controls) {
      expect(control.left, `${name} ${control.name}`).toBeGreaterThanOrEqual(0);
      expect(control.right, `${name} ${control.name}`).toBeLessThanOrEqual(layout.viewport);
      expect(control.width, `${name} ${control.name} is drawn`).toBeGreaterThan(0);
    }
    // The stylesheet loaded (its font stack, not the browser's default serif).
    expect(layout.font).toContain("system-ui");
    // The error page names no pool: the client there is not trusted.
    if (options.namesPool !== false) expect(layout.title).toMatch(/ – Acme Robotics$/);
    expect(layout.lang).toBe("en");
    expect(layout.unlabelled, `${name}: every input has a label`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}-${backend.name}.png`), fullPage: true });
    // An error page is answered with an error status, which Chromium reports once for the document itself.
    const own = options.documentStatus
      ? `error: Failed to load resource: the server responded with a status of ${options.documentStatus} (Bad Request)`
      : null;
    const index = own ? problems.indexOf(own) : -1;
    if (index >= 0) problems.splice(index, 1);
    expect(problems, `${name} at ${width}px`).toEqual([]);
  }

  const submit = async (page: Page, fields: Record<string, string>, button = "button.submitButton-customizable") => {
    for (const [name, value] of Object.entries(fields)) await page.fill(`[name="${name}"]`, value);
    await Promise.all([page.waitForNavigation(), page.click(button)]);
  };

  it.each(WIDTHS)(
    "sign-in, sign-up, confirmation, reset and error pages at %ipx, then a sign-in back to the app",
    async (width) => {
      const ids = await setup({ autoVerifiedAttributes: ["email"] });
      const username = uniqueName("pw");
      await createConfirmedUser(gateway, ids.poolId, username, GOOD_PASSWORD, [
        { name: "email", value: `${username}@example.com` },
        { name: "email_verified", value: "true" },
      ]);
      const { page, problems } = await openPage(width);

      await page.goto(ids.url("/login"));
      await check(page, problems, "login", width);
      await submit(page, { username, password: "Wr0ng-Password!" });
      expect(await page.locator("[role=alert]").innerText()).toBe("Incorrect username or password.");
      await check(page, problems, "login-error", width);

      await page.goto(ids.url("/signup"));
      await check(page, problems, "signup", width);
      const newcomer = uniqueName("su");
      await submit(page, {
        username: newcomer,
        "requiredAttributes[email]": `${newcomer}@example.com`,
        password: GOOD_PASSWORD,
      });
      expect(page.url()).toContain("/confirm?");
      await check(page, problems, "confirm", width);
      await submit(page, { code: (await latestMessage(gateway, ids.poolId, `${newcomer}@example.com`)).code! });
      // Confirmed in the browser that signed up: signed in and back to the app, as Cognito's hosted UI does.
      expect(page.url()).toMatch(new RegExp(`^${app.redirectUri}\\?code=[0-9a-f-]{36}&state=st-123$`));

      await page.goto(ids.url("/forgotPassword"));
      await check(page, problems, "forgot-password", width);
      await submit(page, { username });
      expect(page.url()).toContain("/confirmforgotPassword?");
      await check(page, problems, "confirm-forgot-password", width);

      await page.goto(`${gateway.baseUrl}/${ids.poolId}/error?error=redirect_mismatch&client_id=${ids.clientId}`);
      await check(page, problems, "error", width, { namesPool: false, documentStatus: 400 });

      // The whole way back to the app: form-action lets the 302 after the post through (prompt=login: the newcomer's session would sign in without the form).
      await page.goto(ids.url("/login", "&prompt=login"));
      await submit(page, { username, password: GOOD_PASSWORD });
      expect(page.url()).toMatch(new RegExp(`^${app.redirectUri}\\?code=[0-9a-f-]{36}&state=st-123$`));
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );

  it.each(WIDTHS)("new password, MFA code, choosing a factor and authenticator setup at %ipx", async (width) => {
    const ids = await setup({
      mfaConfiguration: "OPTIONAL",
      enabledMfas: ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"],
    });
    const { page, problems } = await openPage(width);

    const invited = uniqueName("inv");
    expectData(
      await gateway.gql(AdminCreateUserDocument, {
        input: {
          userPoolId: ids.poolId,
          username: invited,
          messageAction: "SUPPRESS",
          temporaryPassword: "Temp-Passw0rd!",
        },
      }),
    );
    await page.goto(ids.url("/login"));
    await submit(page, { username: invited, password: "Temp-Passw0rd!" });
    await check(page, problems, "new-password", width);

    const texter = uniqueName("sms");
    await createConfirmedUser(gateway, ids.poolId, texter, GOOD_PASSWORD, [{ name: "phone_number", value: PHONE }]);
    expectData(
      await gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: {
          userPoolId: ids.poolId,
          username: texter,
          smsMfaSettings: { enabled: true },
          emailMfaSettings: { enabled: false },
        },
      }),
    );
    await page.goto(ids.url("/login"));
    await submit(page, { username: texter, password: GOOD_PASSWORD });
    await check(page, problems, "mfa-sms", width);
    await submit(page, { code: (await latestMessage(gateway, ids.poolId, PHONE)).code! });
    expect(page.url()).toMatch(new RegExp(`^${app.redirectUri}\\?code=`));

    const chooser = uniqueName("sel");
    await createConfirmedUser(gateway, ids.poolId, chooser, GOOD_PASSWORD, [
      { name: "phone_number", value: PHONE },
      { name: "email", value: `${chooser}@example.com` },
    ]);
    expectData(
      await gateway.gql(AdminSetUserMfaPreferenceDocument, {
        input: {
          userPoolId: ids.poolId,
          username: chooser,
          smsMfaSettings: { enabled: true },
          emailMfaSettings: { enabled: true },
        },
      }),
    );
    // prompt=login: the browser has the pool's session cookie since the last sign-in.
    await page.goto(ids.url("/login", "&prompt=login"));
    await submit(page, { username: chooser, password: GOOD_PASSWORD });
    await check(page, problems, "mfa-select", width);

    const strict = await setup({ mfaConfiguration: "ON", enabledMfas: ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] });
    const newcomer = uniqueName("totp");
    await createConfirmedUser(gateway, strict.poolId, newcomer, GOOD_PASSWORD);
    await page.goto(strict.url("/login"));
    await submit(page, { username: newcomer, password: GOOD_PASSWORD });
    await page.click("summary");
    await check(page, problems, "mfa-setup", width);
    const secret = await page.locator("code.secret").innerText();
    await submit(
      page,
      { code: await generate({ secret, epoch: Math.floor(clock.nowMs() / 1000) }) },
      "form:has(input[name=code]) button.submitButton-customizable",
    );
    expect(page.url()).toMatch(new RegExp(`^${app.redirectUri}\\?code=`));
    clock.advanceSeconds(30);
    await page.goto(strict.url("/login", "&prompt=login"));
    await submit(page, { username: newcomer, password: GOOD_PASSWORD });
    await check(page, problems, "mfa-totp", width);
    await page.context().close();
  });

  it.each(WIDTHS)("a pool's branding (logo and CSS) applies without breaking the CSP, at %ipx", async (width) => {
    const ids = await setup();
    const css = [
      ".background-customizable { background-color: #0b3d91; }",
      ".banner-customizable { background-color: #fff7e0; padding-bottom: 12px; }",
      // Only the background: no border of the default look may stay around the pool's button.
      ".submitButton-customizable { background-color: #0b7a3b; }",
      ".submitButton-customizable:hover { background-color: #095f2e; }",
      ".label-customizable { color: #0b3d91; }",
    ].join("\n");
    expectData(
      await gateway.gql(SetUiCustomizationDocument, {
        userPoolId: ids.poolId,
        clientId: ids.clientId,
        input: { css, imageBase64: bannerPng() },
      }),
    );
    const { page, problems } = await openPage(width);
    await page.goto(ids.url("/login"));
    await check(page, problems, "login-branded", width);
    const styles = await page.evaluate(() => ({
      button: getComputedStyle(document.querySelector(".submitButton-customizable")!).backgroundColor,
      buttonBorder: getComputedStyle(document.querySelector(".submitButton-customizable")!).borderTopColor,
      background: getComputedStyle(document.querySelector(".background-customizable")!).backgroundColor,
      logo: (document.querySelector(".logo-customizable") as HTMLImageElement | null)?.naturalWidth ?? 0,
    }));
    expect(styles).toEqual({
      button: "rgb(11, 122, 59)",
      buttonBorder: "rgba(0, 0, 0, 0)",
      background: "rgb(11, 61, 145)",
      logo: 240,
    });
    await page.context().close();
  });
});
