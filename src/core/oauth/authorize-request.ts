import type { AppClient } from "../clients/app-client.types.js";
import { grantAuthorizeScopes, parseScopeParameter } from "./scopes.js";

/** A checked /oauth2/authorize (or /login) request: everything completeAuthorization needs. */
export interface AuthorizeRequest {
  poolId: string;
  clientId: string;
  /** Exactly as registered in the client's CallbackURLs (or its DefaultRedirectURI). */
  redirectUri: string;
  responseType: "code" | "token";
  scopes: string[];
  state: string | null;
  nonce: string | null;
  /** S256 only. */
  codeChallenge: string | null;
  /** Lower-cased values: "none" | "login" | ... */
  prompt: string[];
  loginHint: string | null;
  resource: string | null;
}

export type AuthorizeCheck =
  /** Show on /error, never redirect: the client or its redirect URI cannot be trusted. */
  | { kind: "page-error"; error: string; description: string }
  /** 302 to the client's redirect_uri with the error (and state). */
  | { kind: "redirect-error"; location: string }
  | { kind: "valid"; request: AuthorizeRequest };

/** Parameters whose repetition makes a request ambiguous (RFC 6749 §3.1: "MUST NOT be included more than once"). */
const SINGLE_VALUED = [
  "response_type",
  "scope",
  "state",
  "nonce",
  "code_challenge",
  "code_challenge_method",
  "prompt",
  "login_hint",
  "resource",
  "identity_provider",
  "idp_identifier",
];
/** base64url of 32 to 96 bytes: a S256 challenge is 43 characters; RFC 7636 allows 43 to 128. */
const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;
/** Longest value of a free-text parameter we carry along (state, nonce, login_hint, resource). */
const MAX_PARAMETER_LENGTH = 2048;

/**
 * Appends OAuth response parameters to a redirect URI: in the query for the code flow, in the fragment
 * for the implicit flow (reference-oauth §2.2 item 4, §2.3). A query the registered URI already has is kept.
 */
export function redirectLocation(
  redirectUri: string,
  responseType: "code" | "token",
  parameters: Record<string, string | null | undefined>,
): string {
  const pairs = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters))
    if (value !== null && value !== undefined) pairs.append(name, value);
  if (responseType === "token") return `${redirectUri.split("#")[0]}#${pairs.toString()}`;
  return `${redirectUri}${redirectUri.includes("?") ? "&" : "?"}${pairs.toString()}`;
}

/**
 * RFC 8707 resource as Cognito takes it (reference-oauth §2.1): an absolute URI without a fragment, https,
 * http on a loopback host, or an app's own scheme.
 */
export function isAcceptableResource(resource: string): boolean {
  if (resource.length > MAX_PARAMETER_LENGTH || resource.includes("#")) return false;
  let url: URL;
  try {
    url = new URL(resource);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return url.hostname !== "";
  if (url.protocol === "http:") return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  // A custom scheme (myapp://…); javascript:, data: and the like are no resource.
  return (
    /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) &&
    !["javascript:", "data:", "file:", "vbscript:", "blob:"].includes(url.protocol)
  );
}

/** The redirect URI a request may use: its own exactly as registered, else the client's DefaultRedirectURI. */
function trustedRedirectUri(client: AppClient, requested: string | null): string | null {
  if (requested === null)
    return client.defaultRedirectUri !== null && client.callbackUrls.includes(client.defaultRedirectUri)
      ? client.defaultRedirectUri
      : null;
  // Exact string comparison: scheme, host, port, path, trailing slash and query all count (reference-oauth §2.1).
  return client.callbackUrls.includes(requested) ? requested : null;
}

/**
 * Checks an authorization request in Cognito's order (reference-oauth §2.2): first the client and the
 * redirect URI, whose faults stay on the pool's error page because an unverified URI must never receive
 * a redirect; then everything else as an error redirected to the client with its state.
 * `client` is the client named by client_id when it exists in this pool, else null.
 */
export function checkAuthorizeParameters(args: {
  poolId: string;
  query: URLSearchParams;
  client: AppClient | null;
  /** The pool's custom scopes as they exist now. */
  activeCustomScopes: ReadonlySet<string>;
}): AuthorizeCheck {
  const { poolId, query, client } = args;
  const pageError = (): AuthorizeCheck => ({
    kind: "page-error",
    error: "redirect_mismatch",
    description: "An error was encountered with the requested page.",
  });
  if (query.getAll("client_id").length !== 1 || query.getAll("redirect_uri").length > 1) return pageError();
  if (!client || client.poolId !== poolId || !client.allowedOAuthFlowsUserPoolClient) return pageError();
  const redirectUri = trustedRedirectUri(client, query.get("redirect_uri"));
  if (redirectUri === null) return pageError();

  const state = query.get("state");
  const rawType = query.get("response_type");
  // Errors go where a successful answer of the asked type would have gone.
  const deliveredAs = rawType === "token" ? "token" : "code";
  const redirectError = (error: string, description?: string): AuthorizeCheck => ({
    kind: "redirect-error",
    location: redirectLocation(redirectUri, deliveredAs, { error, error_description: description, state }),
  });

  if (SINGLE_VALUED.some((name) => query.getAll(name).length > 1))
    return redirectError("invalid_request", "Duplicate parameter");
  if (!rawType) return redirectError("invalid_request", "response_type is required");
  if (rawType !== "code" && rawType !== "token") return redirectError("unsupported_response_type");
  if (!client.allowedOAuthFlows.includes(rawType === "code" ? "code" : "implicit"))
    return redirectError("unauthorized_client");
  // Only the pool's own users: the gateway federates with no other identity provider.
  if (!client.supportedIdentityProviders.includes("COGNITO")) return redirectError("unauthorized_client");
  const identityProvider = query.get("identity_provider");
  if ((identityProvider !== null && identityProvider !== "COGNITO") || query.get("idp_identifier") !== null) {
    return redirectError("invalid_request", "Identity provider is not supported");
  }

  const method = query.get("code_challenge_method");
  const challenge = query.get("code_challenge");
  if (method !== null && method !== "S256")
    return redirectError("invalid_request", "Only S256 is supported as code_challenge_method");
  if ((method === null) !== (challenge === null))
    return redirectError("invalid_request", "code_challenge and code_challenge_method go together");
  if (challenge !== null && !CODE_CHALLENGE.test(challenge))
    return redirectError("invalid_request", "Invalid code_challenge");

  const scopeParameter = query.get("scope");
  const granted = grantAuthorizeScopes(
    scopeParameter === null ? null : parseScopeParameter(scopeParameter),
    client,
    args.activeCustomScopes,
  );
  if (!granted.ok) return redirectError("invalid_scope");

  const resource = query.get("resource");
  if (resource !== null && !isAcceptableResource(resource)) return redirectError("invalid_request", "Invalid resource");
  const prompt = parseScopeParameter((query.get("prompt") ?? "").toLowerCase());
  // OIDC Core §3.1.2.1: none together with any other value is an error.
  if (prompt.includes("none") && prompt.length > 1)
    return redirectError("invalid_request", "prompt=none cannot be combined");
  const nonce = query.get("nonce");
  const loginHint = query.get("login_hint");
  if ([state, nonce, loginHint].some((value) => value !== null && value.length > MAX_PARAMETER_LENGTH))
    return redirectError("invalid_request");

  return {
    kind: "valid",
    request: {
      poolId,
      clientId: client.clientId,
      redirectUri,
      responseType: rawType,
      scopes: granted.scopes,
      state,
      nonce,
      codeChallenge: challenge,
      prompt,
      loginHint,
      resource,
    },
  };
}
