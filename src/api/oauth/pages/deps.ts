import type { Clock } from "../../../lib/clock.js";
import type { HostedUiSignIn } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import type { MfaService } from "../../../core/mfa/mfa.service.js";
import type { AuthorizeCheck, AuthorizeRequest } from "../../../core/oauth/authorize-request.js";
import type { LoginSession } from "../../../core/oauth/login-session.service.js";
import type { UiCustomization } from "../../../core/oauth/ui-customization.types.js";
import type { Logger, MessageAuthenticator } from "../../../core/ports.js";
import type { PasswordRecoveryService } from "../../../core/users/password-recovery.service.js";
import type { SignUpService } from "../../../core/users/sign-up.service.js";
import type { WebAuthnCredentialService } from "../../../core/webauthn/webauthn-credential.service.js";

/** What the pages call of the authorization server (services.oauth). */
export interface PagesOAuth {
  checkAuthorizeRequest(poolId: string, query: URLSearchParams): Promise<AuthorizeCheck>;
  /** Mints the code (or implicit tokens) for a signed-in user and returns the Location to 302 to. */
  completeAuthorization(request: AuthorizeRequest, signedIn: { userId: string; authTime: Date }): Promise<string>;
}

/** The managed-login session behind the `cognito` cookie (services.loginSessions). */
export interface PagesLoginSessions {
  start(poolId: string, userId: string, authTime: Date): Promise<{ cookieValue: string; maxAgeSeconds: number }>;
  find(poolId: string, cookieValue: string | undefined): Promise<LoginSession | null>;
}

/** The core services the pages run: the same flows as the two APIs. */
export interface PagesServices {
  signIn: { hostedUi: HostedUiSignIn };
  signUp: Pick<SignUpService, "signUp" | "confirmSignUp" | "resendConfirmationCode">;
  passwordRecovery: Pick<PasswordRecoveryService, "forgotPassword" | "confirmForgotPassword">;
  mfa: Pick<MfaService, "associateSoftwareToken" | "verifySoftwareToken">;
  oauth: PagesOAuth;
  loginSessions: PagesLoginSessions;
  /** /passkeys/add: registration for the user the `cognito` session names (no access token is minted for it). */
  webAuthn: Pick<WebAuthnCredentialService, "startRegistrationForUser" | "completeRegistrationForUser">;
  /** The pool's or client's branding (SetUICustomization); absent = the gateway's own look. */
  uiCustomizations?: { findEffective(poolId: string, clientId: string): Promise<UiCustomization | null> };
}

export interface ManagedLoginPagesDeps {
  services: PagesServices;
  /** Dates the interaction (a sign-in older than 5 minutes starts again, reference-oauth §2.3). */
  clock: Clock;
  logger: Logger;
  /** Signs what the pages hand the browser and must get back unchanged (CSRF tokens, delivery texts). */
  authenticator: MessageAuthenticator;
  /** How long a form post may take to arrive (BodyDeadlines.bodyTimeoutMs, http/body-deadline.ts). */
  bodyTimeoutMs: number;
}
