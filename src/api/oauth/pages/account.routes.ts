import { Router, type Request, type Response } from "express";
import type { HostedUiOutcome } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import { createAccountPageKit } from "./account-kit.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { attributeFieldName } from "./fields.js";
import { friendlyMessage, noticeText } from "./messages.js";
import {
  errorPageView,
  fieldOf,
  formTargetOf,
  linkOf,
  openPage,
  pageHandler,
  redirectTo,
  sendBarePage,
  sendPage,
  type PageContext,
} from "./page-kit.js";
import { cookiePathOf, pageBaseOf } from "./security.js";
import { continueSignIn } from "./challenge-pages.js";
import { PAGE_PATHS, pageParameterOf, pageUrl, rawQueryOf } from "./urls.js";
import { confirmView, messageView, signUpView } from "./views-account.js";

/** The hand-off of a sign-up made in this browser (a random token; the user id stays on the server). */
const SIGN_UP_COOKIE = "cognito-signup";

/**
 * Sign-up and confirmation (reference-oauth §8.1): each runs the same core service as the APIs' SignUp,
 * ConfirmSignUp and ResendConfirmationCode. Password reset is in password-reset.routes.ts.
 */
export function createAccountRoutes(deps: ManagedLoginPagesDeps): Router {
  const router = Router();
  const { services } = deps;
  const { secretHashOf, expectCognito, deliveryParameter, deliveryOf } = createAccountPageKit(deps);

  // ---- /signup -------------------------------------------------------------------------------
  function renderSignUp(
    res: Response,
    context: PageContext,
    values: Record<string, string> = {},
    error: string | null = null,
  ): void {
    const view = signUpView({
      target: formTargetOf(context, PAGE_PATHS.signup),
      usernameAttributes: context.settings.usernameAttributes,
      attributes: context.settings.signUpAttributes,
      policy: context.settings.passwordPolicy,
      values,
      signInUrl: linkOf(context, PAGE_PATHS.login),
      error,
    });
    sendPage(res, context, view);
  }
  const signUpClosed = (res: Response, context: PageContext) =>
    sendPage(
      res,
      context,
      messageView({
        title: "Sign-up unavailable",
        message: "Accounts for this app are created by its administrators.",
        link: { url: linkOf(context, PAGE_PATHS.login), label: "Back to sign in" },
      }),
      403,
    );

  router.get(
    PAGE_PATHS.signup,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.signup);
      if (!context) return;
      if (!context.settings.allowsSignUp) return signUpClosed(res, context);
      renderSignUp(res, context);
    }),
  );

  router.post(
    PAGE_PATHS.signup,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.signup);
      if (!context) return;
      if (!context.settings.allowsSignUp) return signUpClosed(res, context);
      const username = fieldOf(req, "username")?.trim() ?? "";
      const password = fieldOf(req, "password") ?? "";
      const values: Record<string, string> = { username };
      for (const attribute of context.settings.signUpAttributes)
        values[attribute] = fieldOf(req, attributeFieldName(attribute))?.trim() ?? "";
      if (!username || !password) return renderSignUp(res, context, values, "Enter a username and a password.");
      const userAttributes = context.settings.signUpAttributes
        .filter((attribute) => values[attribute])
        .map((attribute) => ({ name: attribute, value: values[attribute]! }));
      let result;
      try {
        result = await services.signUp.signUp({
          clientId: context.request.clientId,
          username,
          password,
          userAttributes,
          secretHash: await secretHashOf(context, username),
        });
      } catch (error) {
        expectCognito(error);
        return renderSignUp(res, context, values, friendlyMessage(error, "sign-up"));
      }
      if (result.userConfirmed)
        return redirectTo(res, linkOf(context, PAGE_PATHS.login, { username, notice: "signed_up" }), null);
      if (!result.codeDeliveryDetails) {
        return sendPage(
          res,
          context,
          messageView({
            title: "Account created",
            message: "Your account was created. An administrator must confirm it before you can sign in.",
          }),
        );
      }
      // Confirming it in this browser will sign the person in, as Cognito's hosted UI does.
      const handoff = await services.signIn.hostedUi.rememberSignUp({
        clientId: context.request.clientId,
        userSub: result.userSub,
      });
      res.cookie(SIGN_UP_COOKIE, handoff.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: context.base.isSecure,
        path: cookiePathOf(context.base),
        maxAge: handoff.maxAgeSeconds * 1000,
      });
      redirectTo(
        res,
        linkOf(context, PAGE_PATHS.confirm, {
          username,
          delivery: deliveryParameter(context, username, result.codeDeliveryDetails),
        }),
        null,
      );
    }),
  );

  /**
   * The sign-in of a sign-up this browser made on the pages (its cookie names the server-side
   * hand-off), once the code confirmed it; null = sign in with the password (no or another hand-off,
   * or a step that refused: the sign-in page then says why).
   */
  async function signInAfterConfirmation(
    req: Request,
    res: Response,
    context: PageContext,
    username: string,
  ): Promise<HostedUiOutcome | null> {
    const token = (req.cookies as Record<string, string | undefined>)[SIGN_UP_COOKIE];
    if (!token) return null;
    res.clearCookie(SIGN_UP_COOKIE, {
      httpOnly: true,
      sameSite: "lax",
      secure: context.base.isSecure,
      path: cookiePathOf(context.base),
    });
    try {
      return await services.signIn.hostedUi.signInAfterConfirmation(
        { clientId: context.request.clientId, username, token },
        { sourceIp: req.ip ?? null },
      );
    } catch (error) {
      expectCognito(error);
      return null;
    }
  }

  // ---- /confirm and /resendcode ---------------------------------------------------------------
  function renderConfirm(req: Request, res: Response, context: PageContext, error: string | null = null): void {
    const delivery = deliveryOf(context);
    const view = confirmView({
      target: formTargetOf(context, PAGE_PATHS.confirm),
      resendTarget: formTargetOf(context, PAGE_PATHS.resendCode),
      username: fieldOf(req, "username") ?? pageParameterOf(context.query, "username"),
      destination: delivery?.destination ?? null,
      deliveryMedium: delivery?.deliveryMedium ?? null,
      signInUrl: linkOf(context, PAGE_PATHS.login),
      error,
      notice: noticeText(pageParameterOf(context.query, "notice")),
    });
    sendPage(res, context, view);
  }

  router.get(
    PAGE_PATHS.confirm,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.confirm);
      if (context) renderConfirm(req, res, context);
    }),
  );

  router.post(
    PAGE_PATHS.confirm,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.confirm);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      const code = (fieldOf(req, "code") ?? "").replace(/\s+/g, "");
      if (!username || !code) return renderConfirm(req, res, context, "Enter the code we sent you.");
      try {
        await services.signUp.confirmSignUp({
          clientId: context.request.clientId,
          username,
          confirmationCode: code,
          secretHash: await secretHashOf(context, username),
          hidesUsers: true,
        });
      } catch (error) {
        expectCognito(error);
        return renderConfirm(req, res, context, friendlyMessage(error, "confirm"));
      }
      const outcome = await signInAfterConfirmation(req, res, context, username);
      if (outcome) return continueSignIn(deps, res, context, outcome, { offerPasskey: true });
      redirectTo(res, linkOf(context, PAGE_PATHS.login, { username, notice: "confirmed" }), null);
    }),
  );

  // Sending a code is a POST (with the CSRF token): a GET would let any page spend the user's hourly codes.
  router.get(
    PAGE_PATHS.resendCode,
    pageHandler(deps, async (req, res) =>
      redirectTo(res, pageUrl(pageBaseOf(res).basePath, PAGE_PATHS.confirm, rawQueryOf(req)), null),
    ),
  );
  router.post(
    PAGE_PATHS.resendCode,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.resendCode);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      try {
        const delivery = await services.signUp.resendConfirmationCode({
          clientId: context.request.clientId,
          username,
          secretHash: await secretHashOf(context, username),
          hidesUsers: true,
        });
        redirectTo(
          res,
          linkOf(context, PAGE_PATHS.confirm, {
            username,
            delivery: deliveryParameter(context, username, delivery),
            notice: "code_sent",
          }),
          null,
        );
      } catch (error) {
        expectCognito(error);
        renderConfirm(req, res, context, friendlyMessage(error, "confirm"));
      }
    }),
  );

  // ---- /confirmUser: the link in a sign-up email (GET; the code in it is the proof) -------------
  router.get(
    PAGE_PATHS.confirmUser,
    pageHandler(deps, async (req, res) => {
      const query = rawQueryOf(req);
      const [clientId, username, code] = ["client_id", "user_name", "confirmation_code"].map(
        (name) => query.get(name) ?? "",
      );
      const { poolId } = pageBaseOf(res);
      const settings = clientId ? await services.signIn.hostedUi.pageSettings(clientId).catch(() => null) : null;
      // A client of another pool is no client here.
      if (!settings || settings.poolId !== poolId || !username || !code) {
        return sendBarePage(
          res,
          400,
          messageView({ title: "Link not valid", message: "This confirmation link is incomplete or not valid." }),
        );
      }
      try {
        await services.signUp.confirmSignUp({
          clientId,
          username,
          confirmationCode: code,
          secretHash: await services.signIn.hostedUi.secretHashOf(clientId, username),
          hidesUsers: true,
        });
      } catch (error) {
        expectCognito(error);
        return sendBarePage(
          res,
          400,
          messageView({
            title: "Account not confirmed",
            message: "This account could not be confirmed.",
            error: friendlyMessage(error, "confirm"),
          }),
        );
      }
      sendBarePage(
        res,
        200,
        messageView({
          title: "Account confirmed",
          message: "Your account is confirmed. You can now sign in to the app.",
        }),
      );
    }),
  );

  // ---- /error ---------------------------------------------------------------------------------
  router.get(
    PAGE_PATHS.error,
    pageHandler(deps, async (req, res) => {
      const error = rawQueryOf(req).get("error");
      sendBarePage(res, 400, errorPageView(error));
    }),
  );

  return router;
}
