import { toSeconds, type TimeUnit } from "../../lib/durations.js";
import type { SchemaAttribute } from "../pools/attributes.js";
import { CognitoError, invalidParameter } from "../errors.js";
import {
  requireIntegerInRange,
  requireLength,
  requireMaxItems,
  requirePattern,
  requireSubset,
  requireUnique,
} from "../validation.js";
import { STANDARD_SCOPES } from "../oauth/scopes.js";
import { COGNITO_IDENTITY_PROVIDER, EXPLICIT_AUTH_FLOWS, type AppClientSettings } from "./app-client.types.js";

const CLIENT_NAME_PATTERN = /^[\w\s+=,.@-]+$/;
const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

function requireValidityInRange(
  field: string,
  value: number,
  unit: TimeUnit,
  minSeconds: number,
  maxSeconds: number,
): void {
  requireIntegerInRange(field, value, 1, 315360000);
  const seconds = toSeconds(value, unit);
  if (seconds < minSeconds || seconds > maxSeconds) {
    throw invalidParameter(
      `${field} of ${value} ${unit} is outside the allowed range of ${minSeconds} seconds to ${maxSeconds} seconds.`,
    );
  }
}

function requireKnownAttributes(field: string, names: readonly string[], schema: readonly SchemaAttribute[]): void {
  for (const name of names) {
    if (!schema.some((attribute) => attribute.name === name)) {
      throw invalidParameter(`${field} names ${name}, which is not an attribute of this user pool.`);
    }
  }
}

/** What the OAuth checks need to know of the pool and of the client as it was. */
export interface OAuthValidationContext {
  poolId: string;
  /** `<identifier>/<scopeName>` of every resource-server scope the pool has now. */
  resourceServerScopes: ReadonlySet<string>;
  /**
   * The scopes the client holds already. A resource-server scope deleted since stays valid on the client
   * (inactive, reference-oauth §10.2), so a later update that keeps it is not refused for it.
   */
  currentScopes: readonly string[];
}

/** Checks a client's merged settings against Cognito's ranges (cognito-reference §6.4, §7.4; reference-oauth §9). */
export function validateAppClientSettings(
  settings: AppClientSettings,
  schema: readonly SchemaAttribute[],
  hasSecret: boolean,
  oauth: OAuthValidationContext,
): void {
  requireLength("clientName", settings.clientName, 1, 128);
  requirePattern(
    "clientName",
    settings.clientName,
    CLIENT_NAME_PATTERN,
    "may only contain letters, digits, spaces and + = , . @ -",
  );
  requireSubset("explicitAuthFlows", settings.explicitAuthFlows, EXPLICIT_AUTH_FLOWS);
  const units = settings.tokenValidityUnits;
  requireValidityInRange("accessTokenValidity", settings.accessTokenValidity, units.accessToken, 300, 86400);
  requireValidityInRange("idTokenValidity", settings.idTokenValidity, units.idToken, 300, 86400);
  requireValidityInRange("refreshTokenValidity", settings.refreshTokenValidity, units.refreshToken, 3600, 315360000);
  requireIntegerInRange("authSessionValidity", settings.authSessionValidityMinutes, 3, 15);
  requireIntegerInRange(
    "refreshTokenRotation.retryGracePeriodSeconds",
    settings.refreshTokenRotation.retryGracePeriodSeconds,
    0,
    60,
  );

  if (settings.readAttributes) {
    requireUnique("readAttributes", settings.readAttributes);
    requireKnownAttributes("readAttributes", settings.readAttributes, schema);
  }
  if (settings.writeAttributes) {
    requireUnique("writeAttributes", settings.writeAttributes);
    requireKnownAttributes("writeAttributes", settings.writeAttributes, schema);
    if (settings.writeAttributes.includes("sub"))
      throw invalidParameter("writeAttributes cannot include sub: it is set by the user pool.");
    for (const attribute of schema) {
      if (attribute.required && attribute.name !== "sub" && !settings.writeAttributes.includes(attribute.name)) {
        throw invalidParameter(`writeAttributes must include the required attribute ${attribute.name}.`);
      }
    }
  }

  validateOAuthSettings(settings, oauth, hasSecret);
}

/** http:// is allowed for these hosts only, any port (reference-oauth §9.2: loopback literals since Aug 2025). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Schemes a browser would run or render instead of handing to an app: never a redirect target. */
const SCRIPT_SCHEMES: ReadonlySet<string> = new Set(["javascript:", "data:", "vbscript:", "file:", "blob:"]);

const invalidOAuthFlow = (message: string): CognitoError => new CognitoError("InvalidOAuthFlowException", message);

/**
 * A callback or logout URL: absolute, no fragment (the code or tokens would be appended after it), https
 * or a loopback http, or an app's own scheme (`myapp://callback`), as Cognito allows.
 */
function requireRedirectUrl(field: "CallbackURLs" | "LogoutURLs", value: string): void {
  requireLength(field, value, 1, 1024);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidParameter(`${field}: ${JSON.stringify(value.slice(0, 100))} is not an absolute URI.`);
  }
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname))
    throw invalidParameter(`${value} cannot use the HTTP protocol.`);
  if (SCRIPT_SCHEMES.has(url.protocol))
    throw invalidParameter(`${field}: ${url.protocol} URIs cannot be redirect targets.`);
  if (value.includes("#")) throw invalidParameter(`${field}: ${value} must not contain a fragment.`);
  if ((url.protocol === "https:" || url.protocol === "http:") && url.username + url.password !== "")
    throw invalidParameter(`${field}: ${value} must not contain user information.`);
}

/** Callback and logout URLs, identity providers, flows and scopes, with Cognito's messages (reference-oauth §9.2). */
function validateOAuthSettings(settings: AppClientSettings, oauth: OAuthValidationContext, hasSecret: boolean): void {
  requireMaxItems("CallbackURLs", settings.callbackUrls, 100);
  requireMaxItems("LogoutURLs", settings.logoutUrls, 100);
  settings.callbackUrls.forEach((url) => requireRedirectUrl("CallbackURLs", url));
  settings.logoutUrls.forEach((url) => requireRedirectUrl("LogoutURLs", url));
  if (settings.defaultRedirectUri !== null && !settings.callbackUrls.includes(settings.defaultRedirectUri)) {
    throw invalidParameter(`The default redirect URI ${settings.defaultRedirectUri} is not in the callback URIs list.`);
  }
  for (const provider of settings.supportedIdentityProviders) {
    // The gateway federates with no other identity provider, so COGNITO is the only one that exists.
    if (provider !== COGNITO_IDENTITY_PROVIDER)
      throw invalidParameter(`The provider ${provider} does not exist for User Pool ${oauth.poolId}`);
  }
  requireSubset("AllowedOAuthFlows", settings.allowedOAuthFlows, ["code", "implicit", "client_credentials"]);
  requireMaxItems("AllowedOAuthScopes", settings.allowedOAuthScopes, 50);
  requireUnique("AllowedOAuthScopes", settings.allowedOAuthScopes);
  settings.allowedOAuthScopes.forEach((scope) => {
    requireLength("AllowedOAuthScopes", scope, 1, 256);
    requirePattern("AllowedOAuthScopes", scope, SCOPE_PATTERN, "entries may not contain spaces, quotes or backslashes");
  });

  const flows = settings.allowedOAuthFlows;
  if (settings.allowedOAuthFlowsUserPoolClient && (flows.length === 0 || settings.allowedOAuthScopes.length === 0)) {
    throw invalidParameter(
      "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.",
    );
  }
  const isClientCredentials = flows.includes("client_credentials");
  if (isClientCredentials && flows.length > 1)
    throw invalidOAuthFlow("client_credentials flow can not be selected along with code flow or implicit flow.");
  if (isClientCredentials && !hasSecret)
    throw invalidOAuthFlow("client_credentials flow can not be selected if client does not have a client secret.");
  if ((flows.includes("code") || flows.includes("implicit")) && settings.callbackUrls.length === 0) {
    throw invalidOAuthFlow("CallbackUrls can not be empty when code flow or implicit flow is selected");
  }
  for (const scope of settings.allowedOAuthScopes) {
    // Client credentials act for no user: a user's scopes (userInfo, self-service) mean nothing there.
    if (isClientCredentials && STANDARD_SCOPES.has(scope))
      throw invalidParameter(`${scope} is not supported with client_credentials flow`);
    if (!STANDARD_SCOPES.has(scope) && !oauth.resourceServerScopes.has(scope) && !oauth.currentScopes.includes(scope)) {
      throw new CognitoError("ScopeDoesNotExistException", `Invalid scope requested: ${scope}`);
    }
  }
}
