import { randomBytes } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import * as client from "openid-client";

/**
 * What the relying party's /callback ended with: openid-client's tokens (the ID token validated: signature,
 * iss, aud, exp, nonce), or the error it threw, by name, code and message.
 */
export type CallbackResult =
  | { ok: true; tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers; claims: client.IDToken }
  | { ok: false; error: { name: string; code: string | null; message: string; cause: string | null } };

export interface RegisteredClient {
  config: client.Configuration;
  /** The scope the app asks for. */
  scope: string;
}

/**
 * A relying-party web app as a developer writes one with openid-client v6, unmodified: GET /start/<app>
 * builds the authorization URL (PKCE S256, state and nonce kept in a server-side session behind the
 * `rp_sid` cookie) and redirects; GET /callback runs authorizationCodeGrant with those checks and shows
 * who signed in; GET /signed-out is the logout landing page. Several apps (clients) share the server,
 * as one site can host several; every app uses the one callback URL.
 */
export interface RelyingParty {
  origin: string;
  callbackUrl: string;
  signedOutUrl: string;
  register(app: string, registered: RegisteredClient): void;
  startUrl(app: string, extra?: Record<string, string>): string;
  /** The last callback result of an app (the test reads tokens from the app's own session). */
  lastResult(app: string): CallbackResult | undefined;
  /** Every path the server was asked for, in order (to prove a browser never arrived somewhere). */
  readonly requests: string[];
  close(): Promise<void>;
}

interface Pending {
  app: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font:15px system-ui,sans-serif;margin:32px}pre{background:#f4f4f4;padding:12px;white-space:pre-wrap}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

export async function startRelyingParty(): Promise<RelyingParty> {
  const apps = new Map<string, RegisteredClient>();
  const pending = new Map<string, Pending>();
  const results = new Map<string, CallbackResult>();
  const requests: string[] = [];
  let origin = "";

  const sessionOf = (request: IncomingMessage): string | undefined =>
    /(?:^|;\s*)rp_sid=([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? "")?.[1];

  async function start(response: ServerResponse, appName: string, url: URL): Promise<void> {
    const app = apps.get(appName);
    if (!app) return void response.writeHead(404).end();
    const codeVerifier = client.randomPKCECodeVerifier();
    const entry: Pending = { app: appName, codeVerifier, state: client.randomState(), nonce: client.randomNonce() };
    const sid = randomBytes(18).toString("base64url");
    pending.set(sid, entry);
    const authorizationUrl = client.buildAuthorizationUrl(app.config, {
      redirect_uri: `${origin}/callback`,
      scope: app.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state: entry.state,
      nonce: entry.nonce,
      ...Object.fromEntries(url.searchParams),
    });
    response
      .writeHead(302, {
        location: authorizationUrl.href,
        "set-cookie": `rp_sid=${sid}; Path=/; HttpOnly; SameSite=Lax`,
      })
      .end();
  }

  async function callback(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const sid = sessionOf(request);
    const entry = sid ? pending.get(sid) : undefined;
    if (!sid || !entry)
      return void response
        .writeHead(400, { "content-type": "text/html; charset=utf-8" })
        .end(page("No sign-in in progress", ""));
    pending.delete(sid);
    const app = apps.get(entry.app)!;
    let result: CallbackResult;
    try {
      const tokens = await client.authorizationCodeGrant(app.config, url, {
        pkceCodeVerifier: entry.codeVerifier,
        expectedState: entry.state,
        expectedNonce: entry.nonce,
        idTokenExpected: true,
      });
      result = { ok: true, tokens, claims: tokens.claims()! };
    } catch (error) {
      const failure = error as Error & { code?: string };
      const cause = failure.cause instanceof Error ? failure.cause.message : null;
      result = {
        ok: false,
        error: { name: failure.name, code: failure.code ?? null, message: failure.message, cause },
      };
    }
    results.set(entry.app, result);
    if (result.ok) {
      const shown = {
        sub: result.claims.sub,
        "cognito:username": result.claims["cognito:username"],
        email: result.claims.email,
        scope: result.tokens.scope,
      };
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          page(
            `Signed in to ${entry.app}`,
            `<p id="sub">${escapeHtml(result.claims.sub)}</p><pre>${escapeHtml(JSON.stringify(shown, null, 2))}</pre>`,
          ),
        );
    } else {
      response
        .writeHead(400, { "content-type": "text/html; charset=utf-8" })
        .end(
          page(
            "Sign-in failed",
            `<p id="error">${escapeHtml(`${result.error.code ?? result.error.name}: ${result.error.message}`)}</p>`,
          ),
        );
    }
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", origin);
    if (url.pathname !== "/favicon.ico") requests.push(url.pathname);
    const started = url.pathname.startsWith("/start/")
      ? start(response, decodeURIComponent(url.pathname.slice("/start/".length)), url)
      : url.pathname === "/callback"
        ? callback(request, response, url)
        : url.pathname === "/signed-out"
          ? Promise.resolve(
              void response
                .writeHead(200, { "content-type": "text/html; charset=utf-8" })
                .end(page("Signed out", "<p>You are signed out.</p>")),
            )
          : Promise.resolve(void response.writeHead(url.pathname === "/favicon.ico" ? 204 : 404).end());
    started.catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    callbackUrl: `${origin}/callback`,
    signedOutUrl: `${origin}/signed-out`,
    register: (app, registered) => void apps.set(app, registered),
    startUrl: (app, extra = {}) =>
      `${origin}/start/${encodeURIComponent(app)}${Object.keys(extra).length > 0 ? `?${new URLSearchParams(extra).toString()}` : ""}`,
    lastResult: (app) => results.get(app),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * DNS as Chromium does it for `*.localhost` (RFC 6761: loopback), which the system resolver here does not:
 * a pool domain such as `app1.auth.localhost` reaches 127.0.0.1. Only name resolution changes; the Host
 * header and everything else of the request are the relying party's.
 */
function lookupLocalhost(hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void): void {
  if (!hostname.endsWith(".localhost")) return void dnsLookup(hostname, options as never, callback as never);
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 } satisfies LookupAddress]);
  else callback(null, "127.0.0.1", 4);
}

/**
 * A fetch for openid-client's documented `customFetch` hook that resolves `*.localhost` as above; any other
 * host goes to the global fetch. In production the pool domain is in DNS and no hook is needed.
 */
export const fetchResolvingLocalhost: client.CustomFetch = async (url, options) => {
  const target = new URL(url);
  if (!target.hostname.endsWith(".localhost")) return fetch(url, options as RequestInit);
  const body =
    options.body === undefined || options.body === null
      ? undefined
      : typeof options.body === "string" || options.body instanceof URLSearchParams
        ? String(options.body)
        : Buffer.from(options.body as Uint8Array);
  const headers: Record<string, string> = { ...options.headers };
  if (
    options.body instanceof URLSearchParams &&
    !Object.keys(headers).some((name) => name.toLowerCase() === "content-type")
  )
    headers["content-type"] = "application/x-www-form-urlencoded;charset=UTF-8";
  return new Promise<Response>((resolve, reject) => {
    const outgoing = httpRequest(
      target,
      { method: options.method, headers, lookup: lookupLocalhost as never, signal: options.signal },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, item);
          }
          const status = incoming.statusCode ?? 500;
          resolve(
            new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
};

/**
 * openid-client's Configuration for a pool, from discovery on its issuer (`<PUBLIC_URL>/<poolId>`). The test
 * gateway speaks http, so insecure requests are allowed; `*.localhost` pool domains resolve to 127.0.0.1.
 * Cognito's discovery document has no revocation_endpoint, so the app adds it next to the token endpoint,
 * where Cognito serves /oauth2/revoke (as an app written for Cognito must).
 */
export async function discoverForRelyingParty(
  issuer: string,
  clientId: string,
  clientSecret: string | null,
): Promise<client.Configuration> {
  const clientAuth = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
  const discovered = await client.discovery(new URL(issuer), clientId, clientSecret ?? undefined, clientAuth, {
    execute: [client.allowInsecureRequests],
    [client.customFetch]: fetchResolvingLocalhost,
  });
  // serverMetadata() adds a supportsPKCE() helper; the document itself is its JSON part.
  const metadata = JSON.parse(JSON.stringify(discovered.serverMetadata())) as client.ServerMetadata;
  const config = new client.Configuration(
    { ...metadata, revocation_endpoint: new URL("revoke", metadata.token_endpoint).href },
    clientId,
    clientSecret ?? undefined,
    clientAuth,
  );
  client.allowInsecureRequests(config);
  config[client.customFetch] = fetchResolvingLocalhost;
  return config;
}
