import { Router, type Request, type Response } from "express";
import { createAccountPageKit } from "./account-kit.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import type { Delivery } from "./delivery.js";
import { friendlyMessage } from "./messages.js";
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
import { PAGE_PATHS, pageParameterOf } from "./urls.js";
import { confirmForgotPasswordView, forgotPasswordView } from "./views-account.js";

/**
 * Password reset (reference-oauth §8.1): each page runs the same core service as the APIs'
 * ForgotPassword and ConfirmForgotPassword.
 */
export function createPasswordResetRoutes(deps: ManagedLoginPagesDeps): Router {
  const router = Router();
  const { services } = deps;
  const { secretHashOf, expectCognito, deliveryParameter, deliveryOf } = createAccountPageKit(deps);

  // ---- /forgotPassword and /confirmforgotPassword ---------------------------------------------
  const renderForgot = (res: Response, context: PageContext, username: string | null, error: string | null = null) =>
    sendPage(
      res,
      context,
      forgotPasswordView({
        target: formTargetOf(context, PAGE_PATHS.forgotPassword),
        usernameAttributes: context.settings.usernameAttributes,
        username,
        signInUrl: linkOf(context, PAGE_PATHS.login),
        error,
      }),
    );

  router.get(
    PAGE_PATHS.forgotPassword,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.forgotPassword);
      if (context) renderForgot(res, context, pageParameterOf(context.query, "username") ?? context.request.loginHint);
    }),
  );

  router.post(
    PAGE_PATHS.forgotPassword,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.forgotPassword);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      if (!username) return renderForgot(res, context, username, "Enter your username.");
      let delivery: Delivery;
      try {
        // Users hidden (hidesUsers): an unknown, disabled or unverified name gets a simulated masked
        // destination, so the redirect reads the same for every name.
        delivery = await services.passwordRecovery.forgotPassword({
          clientId: context.request.clientId,
          username,
          secretHash: await secretHashOf(context, username),
          hidesUsers: true,
        });
      } catch (error) {
        expectCognito(error);
        return renderForgot(res, context, username, friendlyMessage(error, "forgot-password"));
      }
      redirectTo(
        res,
        linkOf(context, PAGE_PATHS.confirmForgotPassword, {
          username,
          delivery: deliveryParameter(context, username, delivery),
        }),
        null,
      );
    }),
  );

  function renderConfirmForgot(req: Request, res: Response, context: PageContext, error: string | null = null): void {
    const delivery = deliveryOf(context);
    const view = confirmForgotPasswordView({
      target: formTargetOf(context, PAGE_PATHS.confirmForgotPassword),
      resendTarget: formTargetOf(context, PAGE_PATHS.forgotPassword),
      username: fieldOf(req, "username") ?? pageParameterOf(context.query, "username"),
      destination: delivery?.destination ?? null,
      deliveryMedium: delivery?.deliveryMedium ?? null,
      policy: context.settings.passwordPolicy,
      signInUrl: linkOf(context, PAGE_PATHS.login),
      error,
    });
    sendPage(res, context, view);
  }

  router.get(
    PAGE_PATHS.confirmForgotPassword,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.confirmForgotPassword);
      if (context) renderConfirmForgot(req, res, context);
    }),
  );

  router.post(
    PAGE_PATHS.confirmForgotPassword,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.confirmForgotPassword);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      const code = (fieldOf(req, "code") ?? "").replace(/\s+/g, "");
      const password = fieldOf(req, "password") ?? "";
      if (!username || !code || !password)
        return renderConfirmForgot(req, res, context, "Enter the code and a new password.");
      if (password !== fieldOf(req, "confirmPassword"))
        return renderConfirmForgot(req, res, context, "The two passwords don’t match.");
      try {
        await services.passwordRecovery.confirmForgotPassword({
          clientId: context.request.clientId,
          username,
          confirmationCode: code,
          password,
          secretHash: await secretHashOf(context, username),
          hidesUsers: true,
        });
      } catch (error) {
        expectCognito(error);
        return renderConfirmForgot(req, res, context, friendlyMessage(error, "reset-password"));
      }
      redirectTo(res, linkOf(context, PAGE_PATHS.login, { username, notice: "password_reset" }), null);
    }),
  );

  return router;
}
