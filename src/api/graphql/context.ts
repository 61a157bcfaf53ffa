import { createParameterDecorator, type AuthChecker } from "type-graphql";
import type { AdminPrincipal } from "../../core/admin-keys/admin-key.types.js";
import type { AdminKeyService } from "../../core/admin-keys/admin-key.service.js";
import type { AppClientService } from "../../core/clients/app-client.service.js";
import type { DeviceService } from "../../core/devices/device.service.js";
import type { EventService } from "../../core/events/event.service.js";
import type { LiveEventService } from "../../core/events/live-events.service.js";
import type { GroupService } from "../../core/groups/group.service.js";
import { invalidParameter } from "../../core/errors.js";
import type { MfaService } from "../../core/mfa/mfa.service.js";
import type { SentMessageService } from "../../core/messaging/sent-message.service.js";
import type { AccessTokenPrincipal, AccessTokenService } from "../../core/tokens/access-token.service.js";
import type { RefreshService } from "../../core/tokens/refresh.service.js";
import type { SignOutService } from "../../core/tokens/sign-out.service.js";
import type { SigningKeyService } from "../../core/tokens/signing-key.service.js";
import type { SignInService } from "../../core/flows/sign-in/sign-in.service.js";
import type { UserPoolService } from "../../core/pools/user-pool.service.js";
import type { AdminUserService } from "../../core/users/admin-user.service.js";
import type { ListUsersService } from "../../core/users/list-users.service.js";
import type { PasswordRecoveryService } from "../../core/users/password-recovery.service.js";
import type { SelfService } from "../../core/users/self-service.service.js";
import type { SignUpService } from "../../core/users/sign-up.service.js";
import type { WebhookService } from "../../core/webhooks/webhook.service.js";
import type { TriggerSecretService } from "../../core/triggers/trigger-secret.service.js";
import type { OAuthService } from "../../core/oauth/authorization.service.js";
import type { OAuthTokenService } from "../../core/oauth/oauth-token.service.js";
import type { LoginSessionService } from "../../core/oauth/login-session.service.js";
import type { ResourceServerService } from "../../core/oauth/resource-server.service.js";
import type { UserPoolDomainService } from "../../core/oauth/user-pool-domain.service.js";
import type { UiCustomizationService } from "../../core/oauth/ui-customization.service.js";
import type { WebAuthnCredentialService } from "../../core/webauthn/webauthn-credential.service.js";
import type { UserImportService } from "../../core/user-import/user-import.service.js";
import type { UserMigrationSourceService } from "../../core/migration/migration-source.service.js";
import type { PoolExportService } from "../../core/pool-transfer/pool-export.service.js";
import type { PoolImportService } from "../../core/pool-transfer/pool-import.service.js";

/** The core services the GraphQL edge calls; resolvers stay thin and hold no logic of their own. */
export interface ApiServices {
  userPools: UserPoolService;
  appClients: AppClientService;
  adminKeys: AdminKeyService;
  events: EventService;
  liveEvents: LiveEventService;
  webhooks: WebhookService;
  groups: GroupService;
  signUp: SignUpService;
  signIn: SignInService;
  /** GetTokensFromRefreshToken. */
  refreshTokens: RefreshService;
  adminUsers: AdminUserService;
  listUsers: ListUsersService;
  passwordRecovery: PasswordRecoveryService;
  sentMessages: SentMessageService;
  signingKeys: SigningKeyService;
  accessTokens: AccessTokenService;
  selfService: SelfService;
  signOut: SignOutService;
  mfa: MfaService;
  devices: DeviceService;
  triggerSecrets: TriggerSecretService;
  /** The authorization endpoint's decisions (/oauth2/authorize, the pages' sign-in). */
  oauth: OAuthService;
  /** /oauth2/token and /oauth2/revoke. */
  oauthTokens: OAuthTokenService;
  /** The managed-login session behind the `cognito` cookie. */
  loginSessions: LoginSessionService;
  resourceServers: ResourceServerService;
  userPoolDomains: UserPoolDomainService;
  /** Sign-in page branding; `findEffective(poolId, clientId)` is what the pages render. */
  uiCustomizations: UiCustomizationService;
  /** Passkey registration, listing and deletion for the signed-in user. */
  webAuthn: WebAuthnCredentialService;
  /** CSV user import jobs (GetCSVHeader, Create/Start/Describe/List/StopUserImportJob) and their uploads. */
  userImports: UserImportService;
  /** The pools' built-in user-migration sources (old Cognito pools) and their progress. */
  userMigrationSources: UserMigrationSourceService;
  /** Pool export as signed, sealed JSON lines (also the CLI's `pool export`). */
  poolExport: PoolExportService;
  /** Restores an export into this gateway (also the CLI's `pool import`). */
  poolImport: PoolImportService;
}

export interface GraphqlContext {
  requestId: string;
  services: ApiServices;
  bearerToken: string | null;
  /** The client's address, for per-address sign-in failure limits (behind a proxy, configure trust proxy). */
  sourceIp: string | null;
  /** Set by the auth checker once the bearer admin key has been verified. */
  admin: AdminPrincipal | null;
  /** Set by the auth checker once the bearer access token has been verified (`@Authorized(USER_ROLE)`). */
  user: AccessTokenPrincipal | null;
}

export function readBearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1]! : null;
}

/** `@Authorized(USER_ROLE)`: the operation acts for the user of a Cognito access token (self-service). */
export const USER_ROLE = "USER";

/**
 * `@Authorized(USER_OR_SESSION_ROLE)`: an access token, or instead a sign-in `session` argument
 * (AssociateSoftwareToken / VerifySoftwareToken during MFA_SETUP), which the core service checks.
 * Never both, as in Cognito.
 */
export const USER_OR_SESSION_ROLE = "USER_OR_SESSION";

/**
 * The single auth checker; the role decides what the bearer must be. `@Authorized()` needs a valid
 * admin API key, `@Authorized(USER_ROLE)` a valid access token. Neither is ever accepted in place of
 * the other: each authenticator only knows its own kind, so an access token is an unknown admin key
 * and an admin key is not a JWT.
 */
export const authChecker: AuthChecker<GraphqlContext> = async ({ context, args }, roles) => {
  if (roles.includes(USER_OR_SESSION_ROLE) && typeof args.session === "string") {
    if (context.bearerToken) throw invalidParameter("Send either an access token or a session, not both.");
    return true;
  }
  if (roles.includes(USER_ROLE) || roles.includes(USER_OR_SESSION_ROLE)) {
    context.user = await context.services.accessTokens.authenticate(context.bearerToken);
    return true;
  }
  context.admin = await context.services.adminKeys.authenticate(context.bearerToken);
  return true;
};

/** Injects the verified admin principal; only valid on `@Authorized()` operations. */
export const CurrentAdmin = () =>
  createParameterDecorator<GraphqlContext>(({ context }) => {
    if (!context.admin) throw new Error("CurrentAdmin used on an operation without @Authorized()");
    return context.admin;
  });

/** Injects the verified access-token principal; only valid on `@Authorized(USER_ROLE)` operations. */
export const CurrentUser = () =>
  createParameterDecorator<GraphqlContext>(({ context }) => {
    if (!context.user) throw new Error("CurrentUser used on an operation without @Authorized(USER_ROLE)");
    return context.user;
  });
