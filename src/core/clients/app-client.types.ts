import type { TimeUnit } from "../../lib/durations.js";

export const EXPLICIT_AUTH_FLOWS = [
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "ALLOW_CUSTOM_AUTH",
  "ALLOW_USER_PASSWORD_AUTH",
  "ALLOW_USER_SRP_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
  "ALLOW_USER_AUTH",
] as const;
export type ExplicitAuthFlow = (typeof EXPLICIT_AUTH_FLOWS)[number];
/** What Cognito gives a client created without ExplicitAuthFlows. */
export const DEFAULT_EXPLICIT_AUTH_FLOWS: ExplicitAuthFlow[] = [
  "ALLOW_CUSTOM_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
  "ALLOW_USER_SRP_AUTH",
];

export type PreventUserExistenceErrors = "ENABLED" | "LEGACY";
export type OAuthFlow = "code" | "implicit" | "client_credentials";

/** The only identity provider a pool has: the gateway federates with none. */
export const COGNITO_IDENTITY_PROVIDER = "COGNITO";

export interface TokenValidityUnits {
  accessToken: TimeUnit;
  idToken: TimeUnit;
  refreshToken: TimeUnit;
}

export interface RefreshTokenRotation {
  enabled: boolean;
  retryGracePeriodSeconds: number;
}

export interface AppClientSettings {
  clientName: string;
  explicitAuthFlows: ExplicitAuthFlow[];
  accessTokenValidity: number;
  idTokenValidity: number;
  refreshTokenValidity: number;
  tokenValidityUnits: TokenValidityUnits;
  authSessionValidityMinutes: number;
  /** null = Cognito's default set (all standard attributes; custom ones need a grant). */
  readAttributes: string[] | null;
  writeAttributes: string[] | null;
  preventUserExistenceErrors: PreventUserExistenceErrors;
  enableTokenRevocation: boolean;
  refreshTokenRotation: RefreshTokenRotation;
  callbackUrls: string[];
  logoutUrls: string[];
  defaultRedirectUri: string | null;
  allowedOAuthFlows: OAuthFlow[];
  allowedOAuthScopes: string[];
  allowedOAuthFlowsUserPoolClient: boolean;
  supportedIdentityProviders: string[];
}

export interface AppClient extends AppClientSettings {
  clientId: string;
  poolId: string;
  /** Client secret sealed with the SecretBox; null for public clients. */
  secretCiphertext: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CreateAppClientInput = Partial<
  Omit<AppClientSettings, "clientName" | "tokenValidityUnits" | "refreshTokenRotation">
> & {
  clientName: string;
  generateSecret?: boolean;
  tokenValidityUnits?: Partial<TokenValidityUnits>;
  refreshTokenRotation?: Partial<RefreshTokenRotation>;
};

export type UpdateAppClientInput = Partial<Omit<CreateAppClientInput, "generateSecret">>;
