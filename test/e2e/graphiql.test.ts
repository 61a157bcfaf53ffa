/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, uniqueName } from "../support/directory.js";
import { AuditEventsDocument, CreateGroupDocument, CreateUserPoolDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

// Debian's chromium; .ci/run installs it when missing.
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `SKIPPED test/e2e/graphiql.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`,
  );

/** The editor whose content matches, driven through CodeMirror's own API (what typing would do). */
async function setEditor(page: Page, which: "query" | "headers", value: string): Promise<void> {
  await page.evaluate(
    ({ which, value }) => {
      type CodeMirrorElement = Element & { CodeMirror: { getValue(): string; setValue(value: string): void } };
      const editors = [...document.querySelectorAll(".CodeMirror")] as CodeMirrorElement[];
      const editor =
        which === "query"
          ? (document.querySelector('section[aria-label="Query Editor"] .CodeMirror') as CodeMirrorElement | null)
          : editors.find((candidate) => candidate.CodeMirror.getValue().includes("Authorization"));
      if (!editor) throw new Error(`no ${which} editor on the page`);
      editor.CodeMirror.setValue(value);
    },
    { which, value },
  );
  // GraphiQL re-parses the document (operation name, variables) a moment after an edit.
  await page.waitForTimeout(400);
}

const resultText = (page: Page) => page.locator('section[aria-label="Result Window"]').innerText();

describe.skipIf(!hasChromium)("GraphiQL in headless Chromium", () => {
  let gateway: TestApp;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    gateway = await getTestApp(BACKENDS[0]!);
    userDataDir = mkdtempSync(path.join(tmpdir(), "gw-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
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
    page = context.pages()[0] ?? (await context.newPage());
    page.on("request", (request) => {
      if (
        !request.url().startsWith(gateway.baseUrl) &&
        !request.url().startsWith(gateway.baseUrl.replace(/^http/, "ws"))
      )
        foreignRequests.push(request.url());
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await context?.close();
    await gateway?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it("serves the page and its assets from this server only, under a strict CSP", async () => {
    const response = await page.goto(`${gateway.baseUrl}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.waitForSelector('section[aria-label="Query Editor"] .CodeMirror', { timeout: 20_000 });
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused/.test(text))).toEqual([]);
    // The headers editor invites the admin key.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll(".CodeMirror")].some((element) =>
          (element as Element & { CodeMirror: { getValue(): string } }).CodeMirror.getValue().includes(
            "Bearer <paste an admin API key here>",
          ),
        ),
      ),
    ).toBe(true);
    // A JSON client still gets Apollo at the same path.
    const json = await fetch(`${gateway.baseUrl}/graphql?query=${encodeURIComponent("{__typename}")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "1" },
    });
    expect(await json.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("runs a query with the admin key from the headers editor and shows the answer", async () => {
    const name = uniqueName("graphiql");
    const pool = expectData(await gateway.gql(CreateUserPoolDocument, { input: { name } })).createUserPool;
    await setEditor(page, "query", `query Pool { userPool(userPoolId: "${pool.id}") { id name } }`);
    await setEditor(page, "headers", JSON.stringify({ Authorization: `Bearer ${gateway.adminKey}` }));
    await page.click(".graphiql-execute-button");
    await expect.poll(() => resultText(page), { timeout: 10_000 }).toContain(name);
    expect(await resultText(page)).toContain(pool.id);

    // Without the key the same query is refused.
    await setEditor(page, "headers", JSON.stringify({ Authorization: "Bearer wrong" }));
    await page.click(".graphiql-execute-button");
    await expect.poll(() => resultText(page), { timeout: 10_000 }).toContain("NotAuthorizedException");
  });

  it("runs a subscription over graphql-ws with the key, showing live events", async () => {
    const { poolId } = await createPoolWithClient(gateway);
    const cursor = expectData(await gateway.gql(AuditEventsDocument, { userPoolId: poolId, first: 1 })).events.items[0]!
      .cursor;
    await setEditor(page, "headers", JSON.stringify({ Authorization: `Bearer ${gateway.adminKey}` }));
    await setEditor(
      page,
      "query",
      `subscription Live { userEvents(userPoolId: "${poolId}", after: "${cursor}") { type detail } }`,
    );
    await page.click(".graphiql-execute-button");
    const groupName = uniqueName("live");
    expectData(await gateway.gql(CreateGroupDocument, { input: { userPoolId: poolId, groupName } }));
    await expect.poll(() => resultText(page), { timeout: 10_000 }).toContain(groupName);
    expect(await resultText(page)).toContain("GROUP_CREATED");
    await page.click(".graphiql-execute-button"); // stops the subscription
    expect(foreignRequests).toEqual([]);
  });
});
