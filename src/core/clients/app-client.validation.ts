import { toSeconds, type TimeUnit } from "../../lib/durations.js";
import { invalidParameter } from "../errors.js";
import type { SchemaAttribute } from "../pools/attributes.js";
import { requireIntegerInRange, requireLength, requireMaxItems, requirePattern, requireSubset, requireUnique, requireUrl } from "../validation.js";
import { EXPLICIT_AUTH_FLOWS, type AppClientSettings } from "./app-client.types.js";

const CLIENT_NAME_PATTERN = /^[\w\s+=,.@-]+$/;
const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

function requireValidityInRange(field: string, value: number, unit: TimeUnit, minSeconds: number, maxSeconds: number): void {
  requireIntegerInRange(field, value, 1, 315360000);
  const seconds = toSeconds(value, unit);
  if (seconds < minSeconds || seconds > maxSeconds) {
    throw invalidParameter(`${field} of ${value} ${unit} is outside the allowed range of ${minSeconds} seconds to ${maxSeconds} seconds.`);
  }
}

function requireKnownAttributes(field: string, names: readonly string[], schema: readonly SchemaAttribute[]): void {
  for (const name of names) {
    if (!schema.some((attribute) => attribute.name === name)) {
      throw invalidParameter(`${field} names ${name}, which is not an attribute of this user pool.`);
    }
  }
}

/** Checks a client's merged settings against Cognito's ranges (cognito-reference §6.4, §7.4). */
export function validateAppClientSettings(settings: AppClientSettings, schema: readonly SchemaAttribute[], hasSecret: boolean): void {
  requireLength("clientName", settings.clientName, 1, 128);
  requirePattern("clientName", settings.clientName, CLIENT_NAME_PATTERN, "may only contain letters, digits, spaces and + = , . @ -");
  requireSubset("explicitAuthFlows", settings.explicitAuthFlows, EXPLICIT_AUTH_FLOWS);
  const units = settings.tokenValidityUnits;
  requireValidityInRange("accessTokenValidity", settings.accessTokenValidity, units.accessToken, 300, 86400);
  requireValidityInRange("idTokenValidity", settings.idTokenValidity, units.idToken, 300, 86400);
  requireValidityInRange("refreshTokenValidity", settings.refreshTokenValidity, units.refreshToken, 3600, 315360000);
  requireIntegerInRange("authSessionValidity", settings.authSessionValidityMinutes, 3, 15);
  requireIntegerInRange("refreshTokenRotation.retryGracePeriodSeconds", settings.refreshTokenRotation.retryGracePeriodSeconds, 0, 60);

  if (settings.readAttributes) {
    requireUnique("readAttributes", settings.readAttributes);
    requireKnownAttributes("readAttributes", settings.readAttributes, schema);
  }
  if (settings.writeAttributes) {
    requireUnique("writeAttributes", settings.writeAttributes);
    requireKnownAttributes("writeAttributes", settings.writeAttributes, schema);
    if (settings.writeAttributes.includes("sub")) throw invalidParameter("writeAttributes cannot include sub: it is set by the user pool.");
    for (const attribute of schema) {
      if (attribute.required && attribute.name !== "sub" && !settings.writeAttributes.includes(attribute.name)) {
        throw invalidParameter(`writeAttributes must include the required attribute ${attribute.name}.`);
      }
    }
  }

  requireMaxItems("callbackURLs", settings.callbackUrls, 100);
  requireMaxItems("logoutURLs", settings.logoutUrls, 100);
  settings.callbackUrls.forEach((url) => requireUrl("callbackURLs", url));
  settings.logoutUrls.forEach((url) => requireUrl("logoutURLs", url));
  if (settings.defaultRedirectUri !== null && !settings.callbackUrls.includes(settings.defaultRedirectUri)) {
    throw invalidParameter("defaultRedirectURI must be one of callbackURLs.");
  }
  requireSubset("allowedOAuthFlows", settings.allowedOAuthFlows, ["code", "implicit", "client_credentials"]);
  requireMaxItems("allowedOAuthScopes", settings.allowedOAuthScopes, 50);
  settings.allowedOAuthScopes.forEach((scope) => {
    requireLength("allowedOAuthScopes", scope, 1, 256);
    requirePattern("allowedOAuthScopes", scope, SCOPE_PATTERN, "entries may not contain spaces, quotes or backslashes");
  });
  if (settings.allowedOAuthFlows.includes("client_credentials")) {
    if (!hasSecret) throw invalidParameter("allowedOAuthFlows client_credentials needs a client with a secret.");
    if (settings.allowedOAuthFlows.length > 1) throw invalidParameter("allowedOAuthFlows client_credentials cannot be combined with code or implicit.");
  }
  if (settings.allowedOAuthFlowsUserPoolClient) {
    if (settings.allowedOAuthFlows.length === 0) throw invalidParameter("allowedOAuthFlows must be set when allowedOAuthFlowsUserPoolClient is true.");
    if (settings.allowedOAuthScopes.length === 0) throw invalidParameter("allowedOAuthScopes must be set when allowedOAuthFlowsUserPoolClient is true.");
    if (settings.allowedOAuthFlows.some((flow) => flow !== "client_credentials") && settings.callbackUrls.length === 0) {
      throw invalidParameter("callbackURLs must be set for the code and implicit OAuth flows.");
    }
  }
}
