import type { Response } from "express";
import type { HostedUiOutcome } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import type { SignInChallengeOutcome } from "../../../core/flows/sign-in/sign-in.types.js";
import type { SoftwareTokenCaller } from "../../../core/mfa/software-token.service.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { START_AGAIN } from "./messages.js";
import { finishSignIn, formTargetOf, linkOf, sendPage, type PageContext } from "./page-kit.js";
import { PAGE_PATHS } from "./urls.js";
import { messageView } from "./views-account.js";
import { chooseFactorView, otpCodeView, passkeySignInView, type OtpFactor } from "./views-passwordless.js";
import {
  mfaCodeView,
  newPasswordView,
  selectMfaView,
  setupAuthenticatorView,
  setupEmailView,
  type ChallengeFields,
  type CodeChallenge,
} from "./views-sign-in.js";

/** The code pages: MFA codes, and USER_AUTH's EMAIL_OTP / SMS_OTP first factors (8 digits). */
export const CODE_CHALLENGES: readonly string[] = ["SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SMS_OTP"] satisfies (
  CodeChallenge | OtpFactor
)[];

const jsonList = (text: string | undefined): string[] => {
  try {
    const parsed: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
};

/** A sign-in session as the pages hand it to authenticator setup: only a session the pages opened for this pool and client answers. */
export const pageSessionOf = (context: PageContext, session: string): SoftwareTokenCaller => ({
  kind: "session",
  session,
  hostedUi: { poolId: context.base.poolId, clientId: context.request.clientId },
});

export const restartLinkOf = (context: PageContext): string => linkOf(context, PAGE_PATHS.login);

/** The end of a sign-in that can no longer go on (session expired, used or voided): start again. */
export function sendStartAgain(res: Response, context: PageContext, message = START_AGAIN): void {
  sendPage(
    res,
    context,
    messageView({
      title: "Something went wrong",
      message,
      link: { url: restartLinkOf(context), label: "Start again" },
    }),
    400,
  );
}

/** What a page knows of a USER_AUTH step that the outcome does not say: the name as typed, and that a code is a first factor. */
export interface ChallengeOptions {
  username?: string;
  firstFactor?: boolean;
  /** A sign-in right after the person's own sign-up: offer to add a passkey before going on to the app. */
  offerPasskey?: boolean;
}

/** The page for a challenge the sign-in is waiting for. */
export async function renderChallenge(
  deps: ManagedLoginPagesDeps,
  res: Response,
  context: PageContext,
  outcome: SignInChallengeOutcome,
  error: string | null = null,
  options: ChallengeOptions = {},
): Promise<void> {
  const challenge: ChallengeFields = {
    session: outcome.session,
    username: options.username ?? outcome.parameters.USER_ID_FOR_SRP ?? "",
  };
  const restartUrl = restartLinkOf(context);
  const name = outcome.challengeName;
  // USER_AUTH's steps (choice-based sign-in): each needs the name as typed, which its answer carries.
  if (options.username !== undefined) {
    const otherWays = formTargetOf(context, PAGE_PATHS.login);
    if (name === "SELECT_CHALLENGE")
      return sendPage(
        res,
        context,
        chooseFactorView({
          target: formTargetOf(context, PAGE_PATHS.loginFactor),
          challenge,
          choices: outcome.availableChallenges ?? [],
          error,
          restartUrl,
        }),
      );
    if (name === "WEB_AUTHN") {
      const view = passkeySignInView({
        target: formTargetOf(context, PAGE_PATHS.loginPasskey),
        challenge,
        requestOptionsJson: outcome.parameters.CREDENTIAL_REQUEST_OPTIONS ?? "{}",
        otherWays,
        error,
      });
      return sendPage(res, context, view);
    }
    if ((name === "EMAIL_OTP" && options.firstFactor) || name === "SMS_OTP") {
      return sendPage(
        res,
        context,
        otpCodeView({
          target: formTargetOf(context, PAGE_PATHS.mfa),
          challenge,
          factor: name,
          destination: outcome.parameters.CODE_DELIVERY_DESTINATION ?? null,
          otherWays,
          error,
        }),
      );
    }
  }
  if (name === "NEW_PASSWORD_REQUIRED") {
    const requiredAttributes = jsonList(outcome.parameters.requiredAttributes).map((attribute) =>
      attribute.replace(/^userAttributes\./, ""),
    );
    return sendPage(
      res,
      context,
      newPasswordView({
        target: formTargetOf(context, PAGE_PATHS.newPassword),
        challenge,
        requiredAttributes,
        policy: context.settings.passwordPolicy,
        error,
        restartUrl,
      }),
    );
  }
  if (CODE_CHALLENGES.includes(name)) {
    const view = mfaCodeView({
      target: formTargetOf(context, PAGE_PATHS.mfa),
      challenge,
      challengeName: name as CodeChallenge,
      destination: outcome.parameters.CODE_DELIVERY_DESTINATION ?? null,
      deviceName: outcome.parameters.FRIENDLY_DEVICE_NAME ?? null,
      error,
      restartUrl,
    });
    return sendPage(res, context, view);
  }
  if (name === "SELECT_MFA_TYPE") {
    return sendPage(
      res,
      context,
      selectMfaView({
        target: formTargetOf(context, PAGE_PATHS.mfaSelect),
        challenge,
        choices: jsonList(outcome.parameters.MFAS_CAN_CHOOSE),
        error,
        restartUrl,
      }),
    );
  }
  if (name === "MFA_SETUP") {
    const choices = jsonList(outcome.parameters.MFAS_CAN_SETUP);
    if (choices.includes("SOFTWARE_TOKEN_MFA")) {
      // AssociateSoftwareToken with the sign-in session, as the APIs' clients do (reference §3.2).
      const association = await deps.services.mfa.associateSoftwareToken(pageSessionOf(context, outcome.session));
      const view = setupAuthenticatorView({
        target: formTargetOf(context, PAGE_PATHS.mfaSetup),
        challenge,
        secretCode: association.secretCode,
        qrCodePng: association.qrCodePng,
        canUseEmail: choices.includes("EMAIL_OTP"),
        error,
        restartUrl,
      });
      return sendPage(res, context, view);
    }
    if (choices.includes("EMAIL_OTP"))
      return sendPage(
        res,
        context,
        setupEmailView({
          target: formTargetOf(context, PAGE_PATHS.mfaSetup),
          challenge,
          email: null,
          error,
          restartUrl,
        }),
      );
    return sendStartAgain(
      res,
      context,
      "Your account needs a phone number for sign-in codes before you can sign in. Contact the app’s support.",
    );
  }
  // Custom challenges and device steps never start from the pages (reference-oauth §8.1).
  return sendStartAgain(res, context);
}

/** After any step: the app's redirect once signed in, else the next challenge's page. */
export async function continueSignIn(
  deps: ManagedLoginPagesDeps,
  res: Response,
  context: PageContext,
  outcome: HostedUiOutcome,
  options: ChallengeOptions = {},
): Promise<void> {
  if (outcome.kind === "signed-in")
    return finishSignIn(deps, res, context, outcome, { offerPasskey: options.offerPasskey });
  return renderChallenge(deps, res, context, outcome, null, options);
}
