import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as o from "oauth4webapi";

/**
 * Auth.js (NextAuth v5, @auth/core) with its Cognito provider, as far as the authorization server sees it.
 * @auth/core cannot be installed beside nodemailer 10 (peer range), so this reproduces, with Auth.js's own
 * OAuth engine oauth4webapi and the same calls in the same order, what these files of @auth/core do:
 *
 * - providers/cognito.ts: `{ id: "cognito", type: "oidc", options: { clientId, clientSecret, issuer } }`;
 * - lib/utils/providers.ts (normalizeOAuth): `checks` defaults to ["pkce"] — no state, no nonce;
 * - lib/actions/signin/authorization-url.ts: discoveryRequest + processDiscoveryResponse on the issuer; the
 *   authorization_endpoint from discovery with response_type=code, client_id, redirect_uri
 *   `<AUTH_URL>/api/auth/callback/cognito`, code_challenge (S256; it sends PKCE whatever the discovery says
 *   about code_challenge_methods_supported, which Cognito's leaves out) and scope "openid profile email";
 * - lib/actions/callback/oauth/callback.ts (handleOAuth): discovery again; validateAuthResponse with
 *   skipStateCheck; authorizationCodeGrantRequest with client_secret_basic built as Auth.js builds it
 *   (form-urlencoded id and secret, base64); processAuthorizationCodeResponse with `expectedNonce` undefined
 *   and `requireIdToken: true` (type "oidc"), which verifies the ID token (signature by the JWKS, iss, aud,
 *   exp, iat, and at_hash when present); the profile is getValidatedIdTokenClaims, mapped by the default
 *   profile() to `{ id: sub, name, email, image: picture }`.
 *
 * Not reproduced: Auth.js's encrypted cookies (the PKCE verifier is kept server-side behind a random cookie
 * here), its CSRF-protected POST /api/auth/signin (a GET starts the sign-in here), sessions, JWT encryption and
 * adapters — none of which the authorization server sees. One difference matters in production: Auth.js's
 * sign-in step calls discovery without allowInsecureRequests, so the issuer (PUBLIC_URL) must be https; the
 * test gateway is http, so both steps allow it here.
 */
export interface AuthJsApp {
  origin: string;
  /** The provider's options, `Cognito({ clientId, clientSecret, issuer })`, once the client is registered for callbackUrl. */
  configure(provider: CognitoProviderOptions): void;
  /** `<origin>/api/auth/callback/cognito`, the callback URL Auth.js documents for the provider. */
  callbackUrl: string;
  signInUrl: string;
  lastUser():
    | { id: string; name: string | null; email: string | null; image: string | null; idTokenClaims: o.IDToken }
    | { error: string }
    | undefined;
  close(): Promise<void>;
}

function formUrlEncode(token: string): string {
  return encodeURIComponent(token).replace(/%20/g, "+");
}

export interface CognitoProviderOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export async function startAuthJsCognitoApp(): Promise<AuthJsApp> {
  let provider: CognitoProviderOptions | null = null;
  const settings = () => {
    if (!provider) throw new Error("the provider is not configured");
    const issuer = new URL(provider.issuer);
    const client: o.Client = { client_id: provider.clientId };
    const { clientId, clientSecret } = provider;
    // callback.ts: client_secret_basic (the default), its own header rather than o.ClientSecretBasic.
    const clientAuth: o.ClientAuth = (_as, _client, _body, headers) => {
      headers.set("authorization", `Basic ${btoa(`${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`)}`);
    };
    return { issuer, client, clientAuth, clientId };
  };
  const verifiers = new Map<string, string>();
  let last: ReturnType<AuthJsApp["lastUser"]>;
  let origin = "";

  const discover = async (issuer: URL) =>
    o.processDiscoveryResponse(issuer, await o.discoveryRequest(issuer, { [o.allowInsecureRequests]: true }));

  async function signIn(response: ServerResponse): Promise<void> {
    const { issuer, clientId } = settings();
    const as = await discover(issuer);
    if (!as.authorization_endpoint)
      throw new TypeError("Authorization server did not provide an authorization endpoint.");
    const url = new URL(as.authorization_endpoint);
    for (const [key, value] of Object.entries({
      response_type: "code",
      client_id: clientId,
      redirect_uri: `${origin}/api/auth/callback/cognito`,
    }))
      url.searchParams.set(key, value);
    const codeVerifier = o.generateRandomCodeVerifier();
    url.searchParams.set("code_challenge", await o.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set("code_challenge_method", "S256");
    if (!url.searchParams.has("scope")) url.searchParams.set("scope", "openid profile email");
    const cookie = randomBytes(18).toString("base64url");
    verifiers.set(cookie, codeVerifier);
    response
      .writeHead(302, {
        location: url.href,
        "set-cookie": `authjs.pkce.code_verifier=${cookie}; Path=/; HttpOnly; SameSite=Lax`,
      })
      .end();
  }

  async function callback(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const cookie = /(?:^|;\s*)authjs\.pkce\.code_verifier=([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? "")?.[1];
    const codeVerifier = cookie ? verifiers.get(cookie) : undefined;
    if (cookie) verifiers.delete(cookie);
    try {
      const { issuer, client, clientAuth } = settings();
      const as = await discover(issuer);
      if (!as.token_endpoint || !as.userinfo_endpoint)
        throw new TypeError("Authorization server did not provide a token or userinfo endpoint.");
      const params = o.validateAuthResponse(as, client, url.searchParams, o.skipStateCheck);
      const grant = await o.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        `${origin}/api/auth/callback/cognito`,
        codeVerifier ?? "decoy",
        { [o.allowInsecureRequests]: true },
      );
      const processed = await o.processAuthorizationCodeResponse(as, client, grant, {
        expectedNonce: undefined,
        requireIdToken: true,
      });
      const claims = o.getValidatedIdTokenClaims(processed)!;
      const user = {
        id: claims.sub,
        name: (claims.name ?? claims.nickname ?? claims.preferred_username ?? null) as string | null,
        email: (claims.email as string | undefined) ?? null,
        image: (claims.picture as string | undefined) ?? null,
      };
      last = { ...user, idTokenClaims: claims };
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><title>Session</title><h1>Signed in with Cognito</h1><p id="user">${JSON.stringify(user).replace(/</g, "\\u003c")}</p>`,
        );
    } catch (error) {
      last = { error: `${(error as { code?: string }).code ?? (error as Error).name}: ${(error as Error).message}` };
      response
        .writeHead(400, { "content-type": "text/html; charset=utf-8" })
        .end(`<!doctype html><title>Error</title><h1>Sign-in failed</h1>`);
    }
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", origin);
    const handled =
      url.pathname === "/api/auth/signin/cognito"
        ? signIn(response)
        : url.pathname === "/api/auth/callback/cognito"
          ? callback(request, response, url)
          : Promise.resolve(void response.writeHead(url.pathname === "/favicon.ico" ? 204 : 404).end());
    handled.catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    configure: (options) => void (provider = options),
    callbackUrl: `${origin}/api/auth/callback/cognito`,
    signInUrl: `${origin}/api/auth/signin/cognito`,
    lastUser: () => last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
