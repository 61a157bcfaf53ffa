import { Router, type Response } from "express";
import { isCognitoError } from "../../../core/errors.js";
import type { HostedUiOutcome } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import { redirectLocation } from "../../../core/oauth/authorize-request.js";
import { LOGIN_SESSION_COOKIE } from "../../../core/oauth/login-session.service.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { signDelivery, type Delivery } from "./delivery.js";
import { friendlyMessage, noticeText } from "./messages.js";
import {
  fieldOf,
  formTargetOf,
  linkOf,
  openPage,
  pageHandler,
  redirectTo,
  sendPage,
  type PageContext,
} from "./page-kit.js";
import { continueSignIn } from "./challenge-pages.js";
import { PAGE_PATHS, pageParameterOf } from "./urls.js";
import { loginView } from "./views-sign-in.js";
import { renderPasswordStep, renderUsernameFirst, showChoices } from "./passwordless.routes.js";

/**
 * /login (reference-oauth §2, §8): the single sign-on and prompt rules of /oauth2/authorize, the form,
 * and its post, whose outcome is the app's redirect or the next challenge page.
 */
export function createSignInRoutes(deps: ManagedLoginPagesDeps): Router {
  const router = Router();
  const { services } = deps;

  function renderLogin(
    res: Response,
    context: PageContext,
    options: { username?: string | null; error?: string | null; status?: number } = {},
  ): void {
    // A pool with passwordless factors asks for the name first (managed login v2's choice-based sign-in).
    if (context.settings.isChoiceBased)
      return renderUsernameFirst(res, context, {
        ...options,
        notice: noticeText(pageParameterOf(context.query, "notice")),
      });
    sendPage(
      res,
      context,
      loginView({
        target: formTargetOf(context, PAGE_PATHS.login),
        usernameAttributes: context.settings.usernameAttributes,
        username: options.username ?? pageParameterOf(context.query, "username") ?? context.request.loginHint,
        forgotPasswordUrl: linkOf(context, PAGE_PATHS.forgotPassword),
        signUpUrl: context.settings.allowsSignUp ? linkOf(context, PAGE_PATHS.signup) : null,
        error: options.error,
        notice: noticeText(pageParameterOf(context.query, "notice")),
      }),
      options.status,
    );
  }

  router.get(
    PAGE_PATHS.login,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.login);
      if (!context) return;
      const { request } = context;
      const cookie = (req.cookies as Record<string, string | undefined>)[LOGIN_SESSION_COOKIE];
      // prompt=none: the session, or login_required, never the form (reference-oauth §2.1).
      if (request.prompt.includes("none")) {
        const session = await services.loginSessions.find(context.base.poolId, cookie);
        if (session) return finishSso(res, context, session);
        return redirectTo(
          res,
          redirectLocation(request.redirectUri, request.responseType, {
            error: "login_required",
            state: request.state,
          }),
          request.redirectUri,
        );
      }
      // prompt=login always shows the form; otherwise a live session signs in without it.
      if (!request.prompt.includes("login")) {
        const session = await services.loginSessions.find(context.base.poolId, cookie);
        if (session) return finishSso(res, context, session);
      }
      renderLogin(res, context);
    }),
  );

  /** Single sign-on: the session's user and time, no new session (the hour is not extended by silent use). */
  async function finishSso(
    res: Response,
    context: PageContext,
    session: { userId: string; authTime: Date },
  ): Promise<void> {
    redirectTo(res, await services.oauth.completeAuthorization(context.request, session), context.request.redirectUri);
  }

  router.post(
    PAGE_PATHS.login,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.login);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      const passwordField = fieldOf(req, "password");
      const password = passwordField ?? "";
      const { isChoiceBased } = context.settings;
      // Choice-based: a name alone is the first step (its ways in come next); a name with a password is
      // the password factor, posted exactly as the classic form posts it.
      if (isChoiceBased && !username) return renderLogin(res, context, { error: "Enter your username." });
      if (isChoiceBased && passwordField === null) return showChoices(deps, req, res, context, username);
      if (isChoiceBased && !password) return renderPasswordStep(res, context, username, "Enter your password.");
      if (!username || !password)
        return renderLogin(res, context, { username, error: "Enter your username and password." });
      let outcome: HostedUiOutcome;
      try {
        outcome = await services.signIn.hostedUi.signIn(
          { clientId: context.request.clientId, username, password },
          { sourceIp: req.ip ?? null },
        );
      } catch (error) {
        // Both are only ever thrown once the password was proven, so they tell nothing about the name.
        if (isCognitoError(error) && error.code === "UserNotConfirmedException")
          return sendToConfirmation(res, context, username);
        if (isCognitoError(error) && error.code === "PasswordResetRequiredException")
          return sendToPasswordReset(res, context, username);
        if (!isCognitoError(error)) throw error;
        if (isChoiceBased) return renderPasswordStep(res, context, username, friendlyMessage(error, "sign-in"));
        return renderLogin(res, context, { username, error: friendlyMessage(error, "sign-in") });
      }
      return continueSignIn(deps, res, context, outcome);
    }),
  );

  /** An unconfirmed account: a new code, then the confirmation page (as Cognito's hosted UI). */
  async function sendToConfirmation(res: Response, context: PageContext, username: string): Promise<void> {
    const secretHash = await services.signIn.hostedUi.secretHashOf(context.request.clientId, username);
    const delivery = await services.signUp
      .resendConfirmationCode({ clientId: context.request.clientId, username, secretHash, hidesUsers: true })
      .catch(() => null);
    redirectTo(
      res,
      linkOf(context, PAGE_PATHS.confirm, { username, delivery: deliveryParameter(context, username, delivery) }),
      null,
    );
  }

  /** A reset required by an administrator: a reset code, then the page that takes it. */
  async function sendToPasswordReset(res: Response, context: PageContext, username: string): Promise<void> {
    const secretHash = await services.signIn.hostedUi.secretHashOf(context.request.clientId, username);
    const delivery = await services.passwordRecovery
      .forgotPassword({ clientId: context.request.clientId, username, secretHash, hidesUsers: true })
      .catch(() => null);
    redirectTo(
      res,
      linkOf(context, PAGE_PATHS.confirmForgotPassword, {
        username,
        delivery: deliveryParameter(context, username, delivery),
      }),
      null,
    );
  }

  /** The `delivery` parameter of the next page: what core reported, signed for this pool and name. */
  const deliveryParameter = (context: PageContext, username: string, delivery: Delivery | null): string | null =>
    delivery ? signDelivery(deps.authenticator, context.base.poolId, username, delivery) : null;

  return router;
}
