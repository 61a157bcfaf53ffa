import { Router, type Request, type Response } from "express";
import { isCognitoError } from "../../../core/errors.js";
import type { HostedUiOutcome } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import { CODE_CHALLENGES, continueSignIn, pageSessionOf, restartLinkOf, sendStartAgain } from "./challenge-pages.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { attributeFieldName } from "./fields.js";
import { friendlyMessage, isSessionOver } from "./messages.js";
import { fieldOf, formTargetOf, openPage, pageHandler, sendPage, type PageContext } from "./page-kit.js";
import { PAGE_PATHS } from "./urls.js";
import { chooseAgainView, otpCodeView, type OtpFactor } from "./views-passwordless.js";
import {
  mfaCodeView,
  newPasswordView,
  selectMfaView,
  setupAuthenticatorView,
  setupEmailView,
  type ChallengeFields,
  type CodeChallenge,
} from "./views-sign-in.js";

const CODE_RESPONSE: Record<CodeChallenge | OtpFactor, string> = {
  SMS_MFA: "SMS_MFA_CODE",
  EMAIL_OTP: "EMAIL_OTP_CODE",
  SOFTWARE_TOKEN_MFA: "SOFTWARE_TOKEN_MFA_CODE",
  SMS_OTP: "SMS_OTP_CODE",
};
/** Attribute names as the schema spells them: the new-password form carries the list it asked for. */
const ATTRIBUTE_NAME = /^[A-Za-z0-9_:.-]{1,64}$/;
/** The QR code AssociateSoftwareToken drew, carried for redrawing the page after a wrong code. */
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;
const BASE32 = /^[A-Z2-7]{16,128}$/;

/**
 * The challenge pages (new password, MFA codes, factor choice, authenticator or email setup). Each
 * posts the opaque single-use sign-in session it was given back in a hidden field: it is the sign-in's
 * only state, lives minutes, and is bound to this client and to the pages.
 */
export function createChallengeRoutes(deps: ManagedLoginPagesDeps): Router {
  const router = Router();
  const { services } = deps;

  /** Reads the challenge fields, answers, and moves on; `redraw` shows the same page again with the error. */
  async function answer(
    req: Request,
    res: Response,
    context: PageContext,
    challenge: ChallengeFields,
    challengeName: string,
    responses: Record<string, string>,
    redraw: (error: string) => void | Promise<void>,
    sessionOver: (message: string) => void = (message) => sendStartAgain(res, context, message),
  ): Promise<void> {
    let outcome: HostedUiOutcome;
    try {
      outcome = await services.signIn.hostedUi.respond(
        {
          clientId: context.request.clientId,
          challengeName,
          session: challenge.session,
          challengeResponses: { USERNAME: challenge.username, ...responses },
        },
        { sourceIp: req.ip ?? null },
      );
    } catch (error) {
      if (!isCognitoError(error)) throw error;
      if (isSessionOver(error)) return sessionOver(friendlyMessage(error, "challenge"));
      return redraw(friendlyMessage(error, "challenge"));
    }
    return continueSignIn(deps, res, context, outcome);
  }

  const challengeFieldsOf = (req: Request): ChallengeFields => ({
    session: fieldOf(req, "session") ?? "",
    username: fieldOf(req, "username") ?? "",
  });

  router.post(
    PAGE_PATHS.newPassword,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.newPassword);
      if (!context) return;
      const requiredAttributes = (fieldOf(req, "requiredAttributeNames") ?? "")
        .split(" ")
        .filter((name) => ATTRIBUTE_NAME.test(name));
      const values = Object.fromEntries(
        requiredAttributes.map((name) => [name, fieldOf(req, attributeFieldName(name))?.trim() ?? ""]),
      );
      const redraw = (error: string) =>
        sendPage(
          res,
          context,
          newPasswordView({
            target: formTargetOf(context, PAGE_PATHS.newPassword),
            challenge: challengeFieldsOf(req),
            requiredAttributes,
            policy: context.settings.passwordPolicy,
            values,
            error,
            restartUrl: restartLinkOf(context),
          }),
        );
      const newPassword = fieldOf(req, "newPassword") ?? "";
      if (!newPassword) return redraw("Enter a new password.");
      if (newPassword !== fieldOf(req, "confirmPassword")) return redraw("The two passwords don’t match.");
      const responses: Record<string, string> = { NEW_PASSWORD: newPassword };
      for (const [name, value] of Object.entries(values)) if (value) responses[`userAttributes.${name}`] = value;
      return answer(req, res, context, challengeFieldsOf(req), "NEW_PASSWORD_REQUIRED", responses, redraw);
    }),
  );

  router.post(
    PAGE_PATHS.mfa,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.mfa);
      if (!context) return;
      const challengeName = fieldOf(req, "challengeName") ?? "";
      if (!CODE_CHALLENGES.includes(challengeName)) return sendStartAgain(res, context);
      const firstFactor =
        fieldOf(req, "firstFactor") === "1" && (challengeName === "EMAIL_OTP" || challengeName === "SMS_OTP");
      const redraw = (error: string) =>
        firstFactor
          ? sendPage(
              res,
              context,
              otpCodeView({
                target: formTargetOf(context, PAGE_PATHS.mfa),
                challenge: challengeFieldsOf(req),
                factor: challengeName as OtpFactor,
                destination: fieldOf(req, "destination"),
                otherWays: formTargetOf(context, PAGE_PATHS.login),
                error,
              }),
            )
          : sendPage(
              res,
              context,
              mfaCodeView({
                target: formTargetOf(context, PAGE_PATHS.mfa),
                challenge: challengeFieldsOf(req),
                challengeName: challengeName as CodeChallenge,
                destination: fieldOf(req, "destination"),
                deviceName: fieldOf(req, "deviceName"),
                error,
                restartUrl: restartLinkOf(context),
              }),
            );
      const code = (fieldOf(req, "code") ?? "").replace(/\s+/g, "");
      if (!code) return redraw("Enter the code.");
      // A first-factor code that can no longer be used: the same name's ways in again, not the start.
      const chooseAgain = (message: string) =>
        sendPage(
          res,
          context,
          chooseAgainView({
            message,
            otherWays: formTargetOf(context, PAGE_PATHS.login),
            username: challengeFieldsOf(req).username,
          }),
          400,
        );
      return answer(
        req,
        res,
        context,
        challengeFieldsOf(req),
        challengeName,
        { [CODE_RESPONSE[challengeName as CodeChallenge | OtpFactor]]: code },
        redraw,
        firstFactor ? chooseAgain : undefined,
      );
    }),
  );

  router.post(
    PAGE_PATHS.mfaSelect,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.mfaSelect);
      if (!context) return;
      const choices = (fieldOf(req, "choices") ?? "").split(" ").filter((choice) => CODE_CHALLENGES.includes(choice));
      const redraw = (error: string) =>
        sendPage(
          res,
          context,
          selectMfaView({
            target: formTargetOf(context, PAGE_PATHS.mfaSelect),
            challenge: challengeFieldsOf(req),
            choices,
            error,
            restartUrl: restartLinkOf(context),
          }),
        );
      const choice = fieldOf(req, "answer") ?? "";
      if (!choices.includes(choice)) return redraw("Choose one of the ways to verify.");
      return answer(req, res, context, challengeFieldsOf(req), "SELECT_MFA_TYPE", { ANSWER: choice }, redraw);
    }),
  );

  router.post(
    PAGE_PATHS.mfaSetup,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.mfaSetup);
      if (!context) return;
      const challenge = challengeFieldsOf(req);
      const restartUrl = restartLinkOf(context);
      const target = formTargetOf(context, PAGE_PATHS.mfaSetup);
      if (fieldOf(req, "method") === "EMAIL_OTP") {
        const email = fieldOf(req, "email");
        const redraw = (error: string | null) =>
          sendPage(
            res,
            context,
            setupEmailView({ target, challenge, email: email?.trim() ?? null, error, restartUrl }),
          );
        if (email === null) return redraw(null);
        if (!email.trim()) return redraw("Enter your email address.");
        return answer(req, res, context, challenge, "MFA_SETUP", { EMAIL: email.trim() }, redraw);
      }
      const secretCode = fieldOf(req, "secretCode") ?? "";
      const qrCodePng = fieldOf(req, "qrCodePng") ?? "";
      if (!BASE32.test(secretCode) || !PNG_DATA_URL.test(qrCodePng)) return sendStartAgain(res, context);
      const redraw = (error: string) =>
        sendPage(
          res,
          context,
          setupAuthenticatorView({
            target,
            challenge,
            secretCode,
            qrCodePng,
            canUseEmail: fieldOf(req, "canUseEmail") === "true",
            error,
            restartUrl,
          }),
        );
      const code = (fieldOf(req, "code") ?? "").replace(/\s+/g, "");
      if (!/^\d{6}$/.test(code)) return redraw("Enter the 6-digit code your authenticator app shows.");
      let proven: string | null;
      try {
        // VerifySoftwareToken with the session answers with a new one that remembers the proof.
        proven = (
          await services.mfa.verifySoftwareToken(pageSessionOf(context, challenge.session), {
            userCode: code,
            friendlyDeviceName: fieldOf(req, "deviceName")?.trim() || null,
          })
        ).session;
      } catch (error) {
        if (!isCognitoError(error)) throw error;
        if (isSessionOver(error)) return sendStartAgain(res, context, friendlyMessage(error, "authenticator"));
        return redraw(friendlyMessage(error, "authenticator"));
      }
      if (!proven) return sendStartAgain(res, context);
      return answer(req, res, context, { ...challenge, session: proven }, "MFA_SETUP", {}, redraw);
    }),
  );

  return router;
}
