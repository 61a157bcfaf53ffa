/**
 * A pool's domain (CreateUserPoolDomain, reference-oauth §11): a prefix, served as
 * `<prefix>.<POOL_DOMAIN_SUFFIX>`, or a custom fully qualified host name. A pool has at most one of each.
 * The OAuth endpoints and sign-in pages answer on it, routed by the Host header.
 */
export interface UserPoolDomain {
  /** As given: the prefix (`my-app`) or the custom host (`auth.example.com`), lower case. Unique across pools. */
  domain: string;
  poolId: string;
  kind: "prefix" | "custom";
  /** 1 = classic hosted UI, 2 = managed login. Both render the gateway's pages. */
  managedLoginVersion: 1 | 2;
  /** Custom domains only: Cognito's CustomDomainConfig, kept and returned (TLS is the operator's proxy's job). */
  customDomainConfig: { certificateArn: string; securityPolicy: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
}
