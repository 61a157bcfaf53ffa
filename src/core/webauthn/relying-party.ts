import { CognitoError, invalidParameter } from "../errors.js";
import { allowsFirstFactor } from "../pools/sign-in-policy.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { UserPoolDomain } from "../oauth/user-pool-domain.types.js";
import type { Repositories } from "../ports.js";
import { requireLength, requireSubset } from "../validation.js";
import {
  DEFAULT_WEB_AUTHN_CONFIGURATION,
  WEB_AUTHN_FACTOR_CONFIGURATIONS,
  WEB_AUTHN_USER_VERIFICATIONS,
  type WebAuthnConfiguration,
} from "./webauthn.types.js";

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d+(?:\.\d+){3}$/;

/** Browsers treat these hosts as secure contexts over plain http, so WebAuthn runs there without TLS. */
export const isLocalhostRpId = (rpId: string): boolean => rpId === "localhost" || rpId.endsWith(".localhost");

/**
 * A RelyingPartyId as SetUserPoolMfaConfig takes it: 1–127 characters, a host name (no scheme, port or
 * path, no IP address). A single label is refused unless it is `localhost`: browsers refuse an RP ID that
 * is a public suffix (`com`), and one label is as close as we can tell without the public-suffix list.
 * @throws InvalidParameterException
 */
export function normalizeRelyingPartyId(value: string): string {
  requireLength("WebAuthnConfiguration.RelyingPartyId", value, 1, 127);
  const rpId = value.toLowerCase();
  const labels = rpId.split(".");
  if (
    IPV4.test(rpId) ||
    !labels.every((label) => DNS_LABEL.test(label)) ||
    (labels.length < 2 && rpId !== "localhost")
  ) {
    throw invalidParameter(
      "WebAuthnConfiguration.RelyingPartyId must be a domain name such as auth.example.com (no scheme, port or path).",
    );
  }
  return rpId;
}

/**
 * SetUserPoolMfaConfig's WebAuthnConfiguration replaces the pool's one whole: an omitted member takes its
 * default (RP ID from the domain, `preferred`, SINGLE_FACTOR), as Cognito's API defaults them.
 * @throws InvalidParameterException
 */
export function readWebAuthnConfiguration(input: {
  relyingPartyId?: string | null;
  userVerification?: string | null;
  factorConfiguration?: string | null;
}): WebAuthnConfiguration {
  const relyingPartyId =
    input.relyingPartyId === undefined || input.relyingPartyId === null
      ? null
      : normalizeRelyingPartyId(input.relyingPartyId);
  const [userVerification] = requireSubset(
    "WebAuthnConfiguration.UserVerification",
    [input.userVerification ?? DEFAULT_WEB_AUTHN_CONFIGURATION.userVerification],
    WEB_AUTHN_USER_VERIFICATIONS,
  );
  const [factorConfiguration] = requireSubset(
    "WebAuthnConfiguration.FactorConfiguration",
    [input.factorConfiguration ?? DEFAULT_WEB_AUTHN_CONFIGURATION.factorConfiguration],
    WEB_AUTHN_FACTOR_CONFIGURATIONS,
  );
  return { relyingPartyId, userVerification: userVerification!, factorConfiguration: factorConfiguration! };
}

/** The pool's passkey settings in force: the configured ones, or the defaults when none are set. */
export const webAuthnSettingsOf = (pool: UserPool): WebAuthnConfiguration =>
  pool.webAuthnConfiguration ?? DEFAULT_WEB_AUTHN_CONFIGURATION;

/**
 * The pool's RP ID (reference-oauth §13.1): the configured RelyingPartyId, else its custom domain, else its
 * prefix domain's host `<prefix>.<POOL_DOMAIN_SUFFIX>`.
 * @throws WebAuthnConfigurationMissingException when there is none of the three
 */
export function resolveRelyingPartyId(
  pool: UserPool,
  domains: readonly UserPoolDomain[],
  poolDomainSuffix: string,
): string {
  const configured = pool.webAuthnConfiguration?.relyingPartyId;
  if (configured) return configured;
  const custom = domains.find((domain) => domain.kind === "custom");
  if (custom) return custom.domain.toLowerCase();
  const prefix = domains.find((domain) => domain.kind === "prefix");
  if (prefix) return `${prefix.domain}.${poolDomainSuffix}`.toLowerCase();
  throw new CognitoError(
    "WebAuthnConfigurationMissingException",
    "The user pool has no relying party ID for passkeys: set WebAuthnConfiguration.RelyingPartyId with SetUserPoolMfaConfig, or create a user pool domain.",
  );
}

/**
 * Whether a page at `origin` may use passkeys of `rpId`: https on the RP ID itself or any subdomain of it
 * (any port), as browsers allow an origin to claim a registrable suffix of its host. Plain http only when
 * the RP ID is `localhost` or under `.localhost`, which browsers treat as secure contexts; anywhere else an
 * http page could be a network attacker's, so it is refused even if a client library would sign for it.
 */
export function isOriginAllowed(origin: string, rpId: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // An origin is scheme://host[:port] exactly as the browser serialises it: no path, no user info.
  if (url.origin !== origin) return false;
  const secure = url.protocol === "https:" || (url.protocol === "http:" && isLocalhostRpId(rpId));
  const host = url.hostname.toLowerCase();
  return secure && (host === rpId || host.endsWith(`.${rpId}`));
}

/** Whether the pool lets users register and use passkeys: WEB_AUTHN in its SignInPolicy's AllowedFirstAuthFactors. */
export const isWebAuthnEnabled = (pool: UserPool): boolean => allowsFirstFactor(pool.signInPolicy, "WEB_AUTHN");

/** What a ceremony of this pool checks: its RP ID and whether the authenticator must verify the user. */
export interface RelyingParty {
  rpId: string;
  userVerification: WebAuthnConfiguration["userVerification"];
}

/** @throws WebAuthnConfigurationMissingException */
export async function loadRelyingParty(
  repositories: Repositories,
  pool: UserPool,
  poolDomainSuffix: string,
): Promise<RelyingParty> {
  const domains = pool.webAuthnConfiguration?.relyingPartyId ? [] : await repositories.domains.listByPool(pool.id);
  return {
    rpId: resolveRelyingPartyId(pool, domains, poolDomainSuffix),
    userVerification: webAuthnSettingsOf(pool).userVerification,
  };
}
