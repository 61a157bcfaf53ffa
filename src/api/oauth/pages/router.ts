import cookieParser from "cookie-parser";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { requestIdOf } from "../../http/access-log.js";
import { isBodyTimeout, withBodyDeadline } from "../../http/body-deadline.js";
import { createAccountRoutes } from "./account.routes.js";
import { createChallengeRoutes } from "./challenge.routes.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { sendBarePage } from "./page-kit.js";
import { messageView } from "./views-account.js";
import { createSignInRoutes } from "./sign-in.routes.js";
import { LOGIN_CSS, LOGIN_CSS_PATH } from "./styles.js";
import { PASSKEY_JS, PASSKEY_JS_PATH } from "./passkey-script.js";
import { createPasswordlessRoutes } from "./passwordless.routes.js";
import { createPasswordResetRoutes } from "./password-reset.routes.js";

export type { ManagedLoginPagesDeps } from "./deps.js";

/** Form posts are a few fields; the largest (authenticator setup) carries its QR code back, a few KB. */
const MAX_FORM_BYTES = "32kb";

/**
 * The managed sign-in pages (/login, /signup, /confirm, /forgotPassword, …, reference-oauth §8), mounted
 * by the OAuth router under each pool's base (`/<poolId>` on PUBLIC_URL, or the root of a pool domain),
 * which names the pool in res.locals.oauthPool. Server-rendered HTML behind a strict CSP (no script but
 * the passkey pages' one file, passkey-script.ts), with double-submit CSRF tokens on every form.
 */
export function createManagedLoginPages(deps: ManagedLoginPagesDeps): Router {
  const router = Router();
  // The stylesheet's URL carries its version, so it may be cached for good.
  router.get(LOGIN_CSS_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.type("text/css").send(LOGIN_CSS);
  });
  router.get(PASSKEY_JS_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.type("text/javascript").send(PASSKEY_JS);
  });
  router.use(cookieParser());
  router.use(
    withBodyDeadline(
      express.urlencoded({ extended: false, limit: MAX_FORM_BYTES, parameterLimit: 100 }),
      deps.bodyTimeoutMs,
    ),
  );
  router.use(createSignInRoutes(deps));
  router.use(createChallengeRoutes(deps));
  router.use(createPasswordlessRoutes(deps));
  router.use(createAccountRoutes(deps));
  router.use(createPasswordResetRoutes(deps));
  // A form the body parser refuses (too large, another charset, still arriving at its deadline) gets a
  // page, not the API's JSON error.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (isBodyTimeout(error)) {
      // Logged as the edge logs its refusals: the reason, never the form.
      deps.logger.info(
        { requestId: requestIdOf(req), method: req.method, path: req.originalUrl.split("?")[0], reason: error.type },
        "request refused at the HTTP edge",
      );
      sendBarePage(
        res,
        408,
        messageView({
          title: "Something went wrong",
          message: "The form took too long to arrive. Please go back and try again.",
        }),
      );
      return;
    }
    sendBarePage(
      res,
      400,
      messageView({
        title: "Something went wrong",
        message: "The form could not be read. Please go back and try again.",
      }),
    );
  });
  return router;
}
