import { invalidParameter } from "../errors.js";
import type { UserPoolDomain } from "./user-pool-domain.types.js";

/** DomainType's pattern in Cognito's model; it only fits prefixes (reference-oauth §11.1). */
const PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Rejected in prefixes as whole hyphen-separated tokens only: `my-aws-app` fails, `awsome` works (§11.2). */
const RESERVED_TOKENS: ReadonlySet<string> = new Set(["aws", "amazon", "cognito"]);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Cognito's SecurityPolicyType values. */
export const SECURITY_POLICIES = ["TLS_V1", "TLS_V1_2_2021", "TLS_V1_3_2025"] as const;

export interface DomainRequest {
  domain: string;
  managedLoginVersion?: number | null;
  customDomainConfig?: { certificateArn: string; securityPolicy?: string | null } | null;
}

export interface ReservedHosts {
  /** PUBLIC_URL's host: the gateway's own; neither it nor a name under it is ever a pool's custom domain. */
  gatewayHost: string;
  /** Prefix domains are served as `<prefix>.<suffix>`: a custom domain under it would shadow one. */
  poolDomainSuffix: string;
}

/** A custom domain's host name: a lower-case FQDN of at least two labels, ≤ 253 characters. */
function requireCustomDomain(domain: string, reserved: ReservedHosts): void {
  const labels = domain.split(".");
  if (
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => LABEL.test(label)) ||
    /^[0-9]+$/.test(labels[labels.length - 1]!)
  ) {
    throw invalidParameter(`The custom domain ${domain} is not a fully qualified domain name.`);
  }
  // The gateway's own names and everything under them: PUBLIC_URL's host (a custom domain under it could
  // pass for the gateway in a browser's eyes), the prefix domains' suffix (it would shadow a pool's prefix
  // domain) and localhost, which the gateway also answers as itself (and browsers resolve *.localhost to it).
  const parents = [reserved.gatewayHost, reserved.poolDomainSuffix, "localhost"].map((host) => host.toLowerCase());
  if (parents.some((parent) => domain === parent || domain.endsWith(`.${parent}`))) {
    throw invalidParameter(`The custom domain ${domain} is reserved by this gateway.`);
  }
}

function requirePrefix(domain: string): void {
  if (!PREFIX_PATTERN.test(domain)) {
    throw invalidParameter(
      "The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$",
    );
  }
  const reserved = domain.split("-").find((token) => RESERVED_TOKENS.has(token));
  if (reserved) throw invalidParameter(`Domain cannot contain reserved word: ${reserved}`);
}

export function requireManagedLoginVersion(version: number | null | undefined): 1 | 2 | undefined {
  if (version === null || version === undefined) return undefined;
  if (version !== 1 && version !== 2)
    throw invalidParameter(`ManagedLoginVersion must be 1 (classic hosted UI) or 2 (managed login); got ${version}.`);
  return version;
}

export function requireCustomDomainConfig(
  config: DomainRequest["customDomainConfig"],
): UserPoolDomain["customDomainConfig"] {
  if (!config) return null;
  if (
    typeof config.certificateArn !== "string" ||
    config.certificateArn.length < 20 ||
    config.certificateArn.length > 2048 ||
    !config.certificateArn.startsWith("arn:")
  ) {
    throw invalidParameter("CustomDomainConfig.CertificateArn must be the ARN of an ACM certificate.");
  }
  const securityPolicy = config.securityPolicy ?? null;
  if (securityPolicy !== null && !(SECURITY_POLICIES as readonly string[]).includes(securityPolicy)) {
    throw invalidParameter(`CustomDomainConfig.SecurityPolicy must be one of ${SECURITY_POLICIES.join(", ")}.`);
  }
  return { certificateArn: config.certificateArn, securityPolicy };
}

/**
 * Sorts a new domain into prefix or custom and checks it (reference-oauth §11.2). A domain with a dot is a
 * custom one and needs CustomDomainConfig (its certificate ARN is kept and returned; TLS is the proxy's).
 * Prefixes must already be lower case, as Cognito's pattern says; custom host names are lower-cased.
 * @throws InvalidParameterException with Cognito's messages
 */
export function classifyNewDomain(
  request: DomainRequest,
  reserved: ReservedHosts,
): Pick<UserPoolDomain, "domain" | "kind" | "customDomainConfig"> {
  if (request.domain.includes(".")) {
    const domain = request.domain.toLowerCase();
    requireCustomDomain(domain, reserved);
    if (!request.customDomainConfig)
      throw invalidParameter("CustomDomainConfig with a CertificateArn is required for a custom domain.");
    return { domain, kind: "custom", customDomainConfig: requireCustomDomainConfig(request.customDomainConfig) };
  }
  requirePrefix(request.domain);
  if (request.customDomainConfig)
    throw invalidParameter(
      `${request.domain} is a prefix domain: CustomDomainConfig is only for custom domains (fully qualified host names).`,
    );
  return { domain: request.domain, kind: "prefix", customDomainConfig: null };
}
