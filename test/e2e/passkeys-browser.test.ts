/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.js";
import { createPoolWithClient, GOOD_PASSWORD, uniqueName } from "../support/directory.js";
import { createPrefixDomain, getOAuthTestApp } from "../support/oauth.js";
import { createConfirmedUser, expectTokens, passwordSignIn } from "../support/sign-in.js";
import { rawCall } from "../support/aws-clients.js";
import { SetWebAuthnConfigurationDocument } from "../support/generated/graphql.js";
import { expectData } from "../support/graphql-client.js";
import type { TestApp } from "../support/test-app.js";
import { bundleAmplifyForBrowser } from "../support/amplify-browser-bundle.js";

// Debian's chromium; .ci/run installs it when missing.
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `SKIPPED test/e2e/passkeys-browser.test.ts: ${CHROMIUM} is missing (apt-get install -y chromium, as .ci/run does)`,
  );

const POOL_DOMAIN_SUFFIX = "auth.localhost";

/**
 * What an app's passkey screen does without a client library: the wire calls with fetch, the ceremony with
 * navigator.credentials, base64url in between (the JSON forms Amplify's serde.ts produces). Each call
 * returns its outcome instead of throwing, so the test can read refusals.
 */
const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Passkeys</title></head><body><h1>Passkeys on <code id="origin"></code></h1>
<script>
document.getElementById("origin").textContent = location.origin;
const toBuffer = (text) => { const b64 = text.replace(/-/g, "+").replace(/_/g, "/"); return Uint8Array.from(atob(b64 + "===".slice((b64.length + 3) % 4)), (c) => c.charCodeAt(0)).buffer; };
const toText = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
async function wire(endpoint, action, body) {
  const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService." + action }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}
window.pk = {
  async register({ endpoint, accessToken }) {
    const started = await wire(endpoint, "StartWebAuthnRegistration", { AccessToken: accessToken });
    if (started.status !== 200) return { step: "start", ...started };
    const options = started.body.CredentialCreationOptions;
    let credential;
    try {
      credential = await navigator.credentials.create({ publicKey: {
        ...options,
        challenge: toBuffer(options.challenge),
        user: { ...options.user, id: toBuffer(options.user.id) },
        excludeCredentials: options.excludeCredentials.map((item) => ({ ...item, id: toBuffer(item.id) })),
      } });
    } catch (error) {
      return { step: "create", error: error.name };
    }
    const json = {
      id: credential.id, rawId: toText(credential.rawId), type: credential.type, authenticatorAttachment: credential.authenticatorAttachment,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toText(credential.response.clientDataJSON), attestationObject: toText(credential.response.attestationObject),
        transports: credential.response.getTransports(), publicKeyAlgorithm: credential.response.getPublicKeyAlgorithm(),
        authenticatorData: toText(credential.response.getAuthenticatorData()),
      },
    };
    return { step: "complete", ...(await wire(endpoint, "CompleteWebAuthnRegistration", { AccessToken: accessToken, Credential: json })), credentialId: credential.id, options };
  },
  async signIn({ endpoint, clientId, username }) {
    const started = await wire(endpoint, "InitiateAuth", { ClientId: clientId, AuthFlow: "USER_AUTH", AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: "WEB_AUTHN" } });
    if (started.status !== 200 || started.body.ChallengeName !== "WEB_AUTHN") return { step: "initiate", ...started };
    const options = JSON.parse(started.body.ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS);
    let assertion;
    try {
      assertion = await navigator.credentials.get({ publicKey: {
        challenge: toBuffer(options.challenge), rpId: options.rpId, timeout: options.timeout, userVerification: options.userVerification,
        allowCredentials: options.allowCredentials.map((item) => ({ type: item.type, id: toBuffer(item.id) })),
      } });
    } catch (error) {
      return { step: "get", error: error.name, options };
    }
    const credential = {
      id: assertion.id, rawId: toText(assertion.rawId), type: assertion.type, authenticatorAttachment: assertion.authenticatorAttachment,
      clientExtensionResults: assertion.getClientExtensionResults(),
      response: {
        clientDataJSON: toText(assertion.response.clientDataJSON), authenticatorData: toText(assertion.response.authenticatorData),
        signature: toText(assertion.response.signature), ...(assertion.response.userHandle ? { userHandle: toText(assertion.response.userHandle) } : {}),
      },
    };
    const answered = await wire(endpoint, "RespondToAuthChallenge", { ClientId: clientId, ChallengeName: "WEB_AUTHN", Session: started.body.Session, ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(credential) } });
    return { step: "respond", ...answered, options, credential, session: started.body.Session };
  },
  list: ({ endpoint, accessToken }) => wire(endpoint, "ListWebAuthnCredentials", { AccessToken: accessToken }),
  remove: ({ endpoint, accessToken, credentialId }) => wire(endpoint, "DeleteWebAuthnCredential", { AccessToken: accessToken, CredentialId: credentialId }),
};
</script></body></html>`;

type WireOutcome = {
  step: string;
  status?: number;
  body?: Record<string, any>;
  error?: string;
  credentialId?: string;
  options?: Record<string, any>;
  credential?: Record<string, unknown>;
  session?: string;
};

/** Serves the page on its own port; Chromium resolves every *.localhost name to this machine. */
async function startPageServer(): Promise<{ port: number; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === "/" || request.url === "/passkeys")
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE_HTML);
    else if (request.url === "/favicon.ico") response.writeHead(204).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

describe.runIf(hasChromium).each(BACKENDS)("passkeys in Chromium with a virtual authenticator on $name", (backend) => {
  let gateway: TestApp;
  let site: { port: number; server: Server };
  let browser: Browser;
  let amplifyBundle: string | null = null;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [gateway, site, amplifyBundle] = await Promise.all([
      getOAuthTestApp(backend, { POOL_DOMAIN_SUFFIX }),
      startPageServer(),
      bundleAmplifyForBrowser(),
    ]);
    if (!amplifyBundle)
      console.warn(
        "SKIPPED the Amplify passkey run in test/e2e/passkeys-browser.test.ts: rolldown (vitest's bundler) could not be loaded to bundle aws-amplify",
      );
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
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    site?.server.close();
  });

  interface Setup {
    poolId: string;
    clientId: string;
    username: string;
    accessToken: string;
    /** `<prefix>.auth.localhost`: the pool's prefix domain host, its default RP ID. */
    rpId: string;
  }

  /** A pool allowing WEB_AUTHN whose RP ID comes from its prefix domain (no WebAuthnConfiguration at all), a user and their access token. */
  async function setup(): Promise<Setup> {
    const { poolId, clientId } = await createPoolWithClient(
      gateway,
      { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } },
      {
        explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        preventUserExistenceErrors: "ENABLED",
      },
    );
    const rpId = await createPrefixDomain(gateway, poolId);
    const username = uniqueName("web");
    await createConfirmedUser(gateway, poolId, username, GOOD_PASSWORD);
    return {
      poolId,
      clientId,
      username,
      rpId,
      accessToken: expectTokens(await passwordSignIn(gateway, clientId, username, GOOD_PASSWORD)).accessToken,
    };
  }

  /** A page at `origin` with a fresh CDP virtual authenticator (a platform authenticator that verifies the user). */
  async function openPage(origin: string): Promise<{ page: Page; cdp: CDPSession; authenticatorId: string }> {
    const page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    const cdp = await page.context().newCDPSession(page);
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
    await page.goto(`${origin}/passkeys`);
    return { page, cdp, authenticatorId };
  }

  const pageOrigin = (host: string) => `http://${host}:${site.port}`;
  const endpoint = () => `${gateway.baseUrl}/`;
  const run = (page: Page, method: "register" | "signIn" | "list" | "remove", args: Record<string, string>) =>
    page.evaluate(
      ({ method, args }) =>
        (window as unknown as { pk: Record<string, (a: unknown) => Promise<unknown>> }).pk[method]!(args),
      { method, args },
    ) as Promise<WireOutcome>;

  it("registers a passkey with navigator.credentials.create, signs in with it through USER_AUTH, lists and deletes it, on an origin of the prefix domain's RP ID", async () => {
    const ids = await setup();
    const { page, cdp, authenticatorId } = await openPage(pageOrigin(ids.rpId));
    const registered = await run(page, "register", { endpoint: endpoint(), accessToken: ids.accessToken });
    expect(registered).toMatchObject({ step: "complete", status: 200, body: {} });
    expect(registered.options!.rp).toEqual({ id: ids.rpId, name: ids.rpId });

    const listed = await run(page, "list", { endpoint: endpoint(), accessToken: ids.accessToken });
    expect(listed.body!.Credentials).toEqual([
      {
        CredentialId: registered.credentialId,
        FriendlyCredentialName: expect.any(String),
        RelyingPartyId: ids.rpId,
        AuthenticatorAttachment: "platform",
        AuthenticatorTransports: ["internal"],
        CreatedAt: expect.any(Number),
      },
    ]);

    const signedIn = await run(page, "signIn", {
      endpoint: endpoint(),
      clientId: ids.clientId,
      username: ids.username,
    });
    expect(signedIn.options).toMatchObject({
      rpId: ids.rpId,
      allowCredentials: [{ id: registered.credentialId, type: "public-key" }],
      userVerification: "preferred",
    });
    expect(signedIn).toMatchObject({
      step: "respond",
      status: 200,
      body: { AuthenticationResult: { AccessToken: expect.any(String), RefreshToken: expect.any(String) } },
    });
    // The browser's authenticator counts: the gateway kept its counter.
    const [credential] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
    const stored = await gateway.app.db.read((repositories) =>
      repositories.webAuthnCredentials.find(ids.poolId, registered.credentialId!),
    );
    expect([stored!.signCount, stored!.lastUsedAt]).toEqual([credential!.signCount, expect.any(Date)]);

    // A second sign-in, with the access token of the first, deletes the passkey; WEB_AUTHN is then no longer offered.
    const again = await run(page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username });
    expect(again).toMatchObject({ step: "respond", status: 200 });
    const removed = await run(page, "remove", {
      endpoint: endpoint(),
      accessToken: again.body!.AuthenticationResult.AccessToken,
      credentialId: registered.credentialId!,
    });
    expect(removed).toEqual({ status: 200, body: {} });
    expect((await run(page, "list", { endpoint: endpoint(), accessToken: ids.accessToken })).body).toEqual({
      Credentials: [],
    });
    expect(
      await run(page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username }),
    ).toMatchObject({ step: "initiate", body: { ChallengeName: "SELECT_CHALLENGE" } });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("Amplify v6 in the page, unmodified: associateWebAuthnCredential, listWebAuthnCredentials, signIn USER_AUTH with WEB_AUTHN, deleteWebAuthnCredential", async (context) => {
    if (!amplifyBundle) context.skip();
    const ids = await setup();
    const { page } = await openPage(pageOrigin(ids.rpId));
    await page.addScriptTag({ content: amplifyBundle! });
    const outcome = await page.evaluate(
      async ({ poolId, clientId, endpoint, username, password }) => {
        const amplify = (
          window as unknown as {
            amplify: Record<string, (...args: unknown[]) => Promise<any>> & {
              Amplify: { configure(config: unknown): void };
            };
          }
        ).amplify;
        const steps: Record<string, unknown> = {};
        try {
          amplify.Amplify.configure({
            Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: endpoint } },
          });
          steps.passwordSignIn = await amplify.signIn!({
            username,
            password,
            options: { authFlowType: "USER_PASSWORD_AUTH" },
          });
          await amplify.associateWebAuthnCredential!();
          steps.listed = await amplify.listWebAuthnCredentials!();
          await amplify.signOut!();
          steps.passkeySignIn = await amplify.signIn!({
            username,
            options: { authFlowType: "USER_AUTH", preferredChallenge: "WEB_AUTHN" },
          });
          steps.session = Boolean((await amplify.fetchAuthSession!()).tokens?.accessToken);
          const { credentials } = steps.listed as { credentials: { credentialId: string }[] };
          await amplify.deleteWebAuthnCredential!({ credentialId: credentials[0]!.credentialId });
          steps.afterDelete = await amplify.listWebAuthnCredentials!();
          return { ok: true, steps };
        } catch (error) {
          return { ok: false, steps, error: { name: (error as Error).name, message: (error as Error).message } };
        }
      },
      {
        poolId: ids.poolId,
        clientId: ids.clientId,
        endpoint: endpoint(),
        username: ids.username,
        password: GOOD_PASSWORD,
      },
    );
    expect(outcome).toMatchObject({
      ok: true,
      steps: {
        passwordSignIn: { isSignedIn: true, nextStep: { signInStep: "DONE" } },
        listed: {
          credentials: [
            {
              credentialId: expect.any(String),
              relyingPartyId: ids.rpId,
              authenticatorAttachment: "platform",
              authenticatorTransports: ["internal"],
              createdAt: expect.any(Date),
            },
          ],
        },
        passkeySignIn: { isSignedIn: true, nextStep: { signInStep: "DONE" } },
        session: true,
        afterDelete: { credentials: [] },
      },
    });
    await page.close();
  });

  it("a page on another origin cannot use the pool's RP ID: the browser refuses to create or get, and nothing is stored", async () => {
    const ids = await setup();
    const own = await openPage(pageOrigin(ids.rpId));
    expect(await run(own.page, "register", { endpoint: endpoint(), accessToken: ids.accessToken })).toMatchObject({
      step: "complete",
      status: 200,
    });
    for (const host of ["127.0.0.1", `other.${POOL_DOMAIN_SUFFIX}`]) {
      const foreign = await openPage(pageOrigin(host));
      expect([
        host,
        await run(foreign.page, "register", { endpoint: endpoint(), accessToken: ids.accessToken }),
      ]).toEqual([host, expect.objectContaining({ step: "create", error: "SecurityError" })]);
      // The same passkey copied into this page's authenticator, so only the origin differs.
      const [credential] = (await own.cdp.send("WebAuthn.getCredentials", { authenticatorId: own.authenticatorId }))
        .credentials;
      await foreign.cdp.send("WebAuthn.addCredential", {
        authenticatorId: foreign.authenticatorId,
        credential: credential!,
      });
      expect([
        host,
        await run(foreign.page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username }),
      ]).toEqual([host, expect.objectContaining({ step: "get", error: "SecurityError" })]);
      await foreign.page.close();
    }
    // A subdomain of the RP ID is the RP's own: it signs in.
    const sub = await openPage(pageOrigin(`eu.${ids.rpId}`));
    const [credential] = (await own.cdp.send("WebAuthn.getCredentials", { authenticatorId: own.authenticatorId }))
      .credentials;
    await sub.cdp.send("WebAuthn.addCredential", { authenticatorId: sub.authenticatorId, credential: credential! });
    expect(
      await run(sub.page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username }),
    ).toMatchObject({ step: "respond", status: 200 });
    expect(
      (await run(own.page, "list", { endpoint: endpoint(), accessToken: ids.accessToken })).body!.Credentials,
    ).toHaveLength(1);
    await Promise.all([own.page.close(), sub.page.close()]);
  });

  it("the pool's RP ID changed to another host: registration options name it, the browser refuses it on this origin, and the old passkey is no longer offered", async () => {
    const ids = await setup();
    const { page } = await openPage(pageOrigin(ids.rpId));
    expect(await run(page, "register", { endpoint: endpoint(), accessToken: ids.accessToken })).toMatchObject({
      step: "complete",
      status: 200,
    });
    const moved = `moved.${POOL_DOMAIN_SUFFIX}`;
    expectData(
      await gateway.gql(SetWebAuthnConfigurationDocument, {
        userPoolId: ids.poolId,
        input: { webAuthnConfiguration: { relyingPartyId: moved } },
      }),
    );
    expect(await run(page, "register", { endpoint: endpoint(), accessToken: ids.accessToken })).toMatchObject({
      step: "create",
      error: "SecurityError",
    });
    expect(
      await run(page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username }),
    ).toMatchObject({ step: "initiate", body: { ChallengeName: "SELECT_CHALLENGE" } });
    await page.close();
  });

  it("a replayed browser assertion is refused, in its session and in a new one; a cloned authenticator's counter is refused", async () => {
    const ids = await setup();
    const { page, cdp, authenticatorId } = await openPage(pageOrigin(ids.rpId));
    const registered = await run(page, "register", { endpoint: endpoint(), accessToken: ids.accessToken });
    expect(registered).toMatchObject({ step: "complete", status: 200 });
    // The clone: the same private key in another authenticator, copied before the genuine one signs in.
    const [copied] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;

    const first = await run(page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username });
    expect(first).toMatchObject({ step: "respond", status: 200 });
    const replay = (session: string) =>
      rawCall(gateway, "RespondToAuthChallenge", {
        ClientId: ids.clientId,
        ChallengeName: "WEB_AUTHN",
        Session: session,
        ChallengeResponses: { USERNAME: ids.username, CREDENTIAL: JSON.stringify(first.credential) },
      });
    expect((await replay(first.session!)).body).toMatchObject({ __type: "NotAuthorizedException" });
    const fresh = await rawCall(gateway, "InitiateAuth", {
      ClientId: ids.clientId,
      AuthFlow: "USER_AUTH",
      AuthParameters: { USERNAME: ids.username, PREFERRED_CHALLENGE: "WEB_AUTHN" },
    });
    expect((await replay(String(fresh.body.Session))).body).toMatchObject({ __type: "NotAuthorizedException" });

    const cloned = await openPage(pageOrigin(ids.rpId));
    await cloned.cdp.send("WebAuthn.addCredential", { authenticatorId: cloned.authenticatorId, credential: copied! });
    const byClone = await run(cloned.page, "signIn", {
      endpoint: endpoint(),
      clientId: ids.clientId,
      username: ids.username,
    });
    expect(byClone).toMatchObject({ step: "respond", status: 400, body: { __type: "NotAuthorizedException" } });
    // The genuine authenticator carries on.
    expect(
      await run(page, "signIn", { endpoint: endpoint(), clientId: ids.clientId, username: ids.username }),
    ).toMatchObject({ step: "respond", status: 200 });
    await Promise.all([page.close(), cloned.page.close()]);
  });
});
