import { randomUuid } from "../../lib/random.js";
import { sha256Hex } from "../../lib/secrets.js";
import type { AppClient } from "../clients/app-client.types.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import { isCognitoError } from "../errors.js";
import type { Database, ShortLivedStore } from "../ports.js";
import type { TokenService } from "../tokens/token.service.js";
import {
  checkAuthorizeParameters,
  redirectLocation,
  type AuthorizeCheck,
  type AuthorizeRequest,
} from "./authorize-request.js";
import type { CustomScopeCache } from "./custom-scope-cache.js";

/** An authorization code lives 5 minutes and is used once (reference-oauth §2.3). */
export const AUTHORIZATION_CODE_SECONDS = 300;
/** How long after its expiry a used code is still recognised as used (replay → its tokens are revoked). */
export const USED_CODE_MEMORY_SECONDS = 3600;

/** What a code is bound to; stored under the SHA-256 of the code, never the code itself. */
export interface AuthorizationCodeGrant {
  poolId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce: string | null;
  codeChallenge: string | null;
  userId: string;
  authTimeMs: number;
  resource: string | null;
}

// One hash tag for a code and its used-marker: the exchange consumes one and sets the other atomically.
export const codeKeyOf = (code: string) => `oauth-code:{${sha256Hex(code)}}`;
export const usedCodeKeyOf = (code: string) => `oauth-code-used:{${sha256Hex(code)}}`;

/**
 * The refresh-token family (origin_jti) of the tokens a code is exchanged for, derived from the code so a
 * replay of the code can find and revoke them (RFC 6749 §4.1.2) with nothing more stored. One-way: the
 * origin_jti in the tokens tells nothing about the code, which is used up anyway.
 */
export function familyIdOfCode(code: string): string {
  const hex = sha256Hex(`oauth-code-family:${code}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface OAuthServiceDeps {
  db: Database;
  store: ShortLivedStore;
  contexts: Pick<ClientContextCache, "get">;
  /** The pools' active custom scopes, kept per process with cross-process invalidation (custom-scope-cache.ts). */
  customScopes: Pick<CustomScopeCache, "activeScopes">;
  tokens: TokenService;
}

export type OAuthService = ReturnType<typeof createOAuthService>;

/** Where /logout sends the browser (reference-oauth §6). */
export type LogoutTarget =
  /** An exactly registered logout URL: every other parameter is ignored, no state is added. */
  | { kind: "logout-uri"; location: string }
  /** Back to sign-in with these authorize parameters (the login page checks them itself). */
  | { kind: "login"; query: URLSearchParams }
  | { kind: "error"; description: string };

/** The authorize parameters /logout passes on to /login with redirect_uri. */
const LOGOUT_LOGIN_PARAMETERS = ["client_id", "redirect_uri", "response_type", "state", "scope", "nonce"];

/**
 * The authorization endpoint's decisions (reference-oauth §2): checking a request, and after a sign-in
 * (or single sign-on) minting the code or the implicit tokens. Shared by /oauth2/authorize and the pages.
 */
export function createOAuthService({ db, store, contexts, customScopes, tokens }: OAuthServiceDeps) {
  /** The client named by client_id, or null when there is none (any lookup fault is "no such client"). */
  async function findClient(clientId: string | null): Promise<AppClient | null> {
    if (!clientId) return null;
    try {
      return (await contexts.get(clientId)).client;
    } catch (error) {
      if (isCognitoError(error)) return null;
      throw error;
    }
  }

  return {
    /**
     * Decides /logout (reference-oauth §6): `logout_uri` must be one of the client's LogoutURLs exactly and
     * then wins over everything else; otherwise `redirect_uri` with `response_type` goes back to the login
     * page, whose own check refuses an unregistered redirect URI. Anything else is Cognito's error page.
     * Never a redirect to a URI the client has not registered.
     */
    async checkLogoutRequest(poolId: string, query: URLSearchParams): Promise<LogoutTarget> {
      const missing: LogoutTarget = {
        kind: "error",
        description: "Required String parameter 'redirect_uri' is not present",
      };
      const client = await findClient(query.getAll("client_id").length === 1 ? query.get("client_id") : null);
      if (!client || client.poolId !== poolId || !client.allowedOAuthFlowsUserPoolClient) return missing;
      const logoutUris = query.getAll("logout_uri");
      if (logoutUris.length > 0)
        return logoutUris.length === 1 && client.logoutUrls.includes(logoutUris[0]!)
          ? { kind: "logout-uri", location: logoutUris[0]! }
          : missing;
      if (query.getAll("redirect_uri").length !== 1 || query.getAll("response_type").length !== 1) return missing;
      const login = new URLSearchParams();
      for (const name of LOGOUT_LOGIN_PARAMETERS) {
        const value = query.get(name);
        if (value !== null) login.set(name, value);
      }
      return { kind: "login", query: login };
    },

    /**
     * Checks an authorization request's parameters for the pool (reference-oauth §2.1, §2.2). The pages
     * call it again on their own query, so a request is never trusted because it once passed.
     */
    async checkAuthorizeRequest(poolId: string, query: URLSearchParams): Promise<AuthorizeCheck> {
      const client = await findClient(query.getAll("client_id").length === 1 ? query.get("client_id") : null);
      const activeCustomScopes =
        client && client.poolId === poolId ? await customScopes.activeScopes(poolId) : new Set<string>();
      return checkAuthorizeParameters({ poolId, query, client, activeCustomScopes });
    },

    /**
     * After a sign-in (or SSO): mints the code, or for response_type=token the tokens, and returns the
     * Location to 302 to. The code is a random UUID, stored by its hash for 5 minutes and bound to the
     * client, redirect URI, scopes, nonce, PKCE challenge, user, auth time and resource. An implicit grant
     * never carries a refresh token. A user who can no longer sign in gets `access_denied`.
     */
    async completeAuthorization(
      request: AuthorizeRequest,
      signedIn: { userId: string; authTime: Date },
    ): Promise<string> {
      const errorLocation = (error: string) =>
        redirectLocation(request.redirectUri, request.responseType, { error, state: request.state });
      if (request.responseType === "code") {
        const code = randomUuid();
        const grant: AuthorizationCodeGrant = {
          poolId: request.poolId,
          clientId: request.clientId,
          redirectUri: request.redirectUri,
          scopes: request.scopes,
          nonce: request.nonce,
          codeChallenge: request.codeChallenge,
          userId: signedIn.userId,
          authTimeMs: signedIn.authTime.getTime(),
          resource: request.resource,
        };
        await store.set(codeKeyOf(code), JSON.stringify(grant), AUTHORIZATION_CODE_SECONDS);
        return redirectLocation(request.redirectUri, "code", { code, state: request.state });
      }
      const context = await contexts.get(request.clientId);
      const user = await db.read((repositories) =>
        repositories.users.findByIdWithGroups(request.poolId, signedIn.userId),
      );
      if (!user || !user.enabled || user.status !== "CONFIRMED" || context.pool.id !== request.poolId)
        return errorLocation("access_denied");
      const { tokens: issued } = await tokens.issueOAuth({
        pool: context.pool,
        client: context.client,
        user,
        authTime: signedIn.authTime,
        withRefreshToken: false,
        tokenGeneration: { source: "TokenGeneration_HostedAuth" },
        oauth: { scopes: request.scopes, nonce: request.nonce, resource: request.resource },
      });
      return redirectLocation(request.redirectUri, "token", {
        access_token: issued.accessToken,
        id_token: issued.idToken,
        token_type: "Bearer",
        expires_in: String(issued.expiresIn),
        state: request.state,
      });
    },
  };
}
