import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { HostedUiPageSettings } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import type { AuthorizeRequest } from "../../../core/oauth/authorize-request.js";
import { LOGIN_SESSION_COOKIE } from "../../../core/oauth/login-session.service.js";
import type { UiCustomization } from "../../../core/oauth/ui-customization.types.js";
import type { OAuthPool } from "../oauth-pool.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { FRESH_SIGN_IN_FIELD, signFreshSignIn } from "./fresh-sign-in.js";
import { renderPage, type PageContent } from "./layout.js";
import { START_AGAIN } from "./messages.js";
import {
  checkCsrf,
  cookiePathOf,
  issueCsrfToken,
  newNonce,
  pageBaseOf,
  setPageHeaders,
  type PageBase,
} from "./security.js";
import { authorizeQueryOf, PAGE_PATHS, pageUrl, rawQueryOf } from "./urls.js";
import { messageView } from "./views-account.js";
import type { FormTarget } from "./views-sign-in.js";

/** Everything a page of a valid authorize request knows: its base, the request, the pool's form settings and branding. */
export interface PageContext {
  base: PageBase;
  /** The query as sent: the authorize parameters and the pages' own. */
  query: URLSearchParams;
  authorizeQuery: URLSearchParams;
  request: AuthorizeRequest;
  settings: HostedUiPageSettings;
  branding: UiCustomization | null;
  /** The CSRF token the page's forms carry: new on GET, the checked one on POST. */
  csrf: string;
}

/** Runs an async handler; whatever it throws is logged and shown as a plain error page, never as a stack. */
export function pageHandler(
  deps: ManagedLoginPagesDeps,
  handle: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return next(error);
      deps.logger.error(
        { err: error instanceof Error ? error.message : String(error), path: req.path },
        "managed sign-in page failed",
      );
      // Nothing may escape this handler: a throw here would be an unhandled rejection, which ends the process.
      try {
        sendBarePage(
          res,
          500,
          messageView({
            title: "Something went wrong",
            message: "Something went wrong on our side. Please try again in a moment.",
          }),
        );
      } catch (pageError) {
        next(pageError);
      }
    });
  };
}

/**
 * A page without a pool's branding (errors before the client is known, or before the pool is: then its
 * links are at the host's root). It is the error path's page, so it derives nothing from the request:
 * the base path is the one the OAuth router stored, if any, or the one the caller knows without it.
 */
export function sendBarePage(
  res: Response,
  status: number,
  content: PageContent,
  redirectUri: string | null = null,
  basePath = (res.locals as { oauthPool?: OAuthPool }).oauthPool?.basePath ?? "",
): void {
  const nonce = newNonce();
  setPageHeaders(res, { nonce, redirectUri });
  res
    .status(status)
    .type("html")
    .send(renderPage({ basePath, nonce, poolName: null, branding: null }, content));
}

export function sendPage(res: Response, context: PageContext, content: PageContent, status = 200): void {
  const nonce = newNonce();
  setPageHeaders(res, {
    nonce,
    redirectUri: context.request.redirectUri,
    allowsScript: content.usesPasskeyScript === true,
  });
  res
    .status(status)
    .type("html")
    .send(
      renderPage(
        { basePath: context.base.basePath, nonce, poolName: context.settings.poolName, branding: context.branding },
        content,
      ),
    );
}

/** A 302 with the page headers (the Location may carry a code: no referrer, no cache). */
export function redirectTo(res: Response, location: string, redirectUri: string | null): void {
  setPageHeaders(res, { nonce: newNonce(), redirectUri });
  res.redirect(302, location);
}

/** The same page's URL on this host: forms post back to it with its query string. */
export const formTargetOf = (context: PageContext, page: string): FormTarget => ({
  action: pageUrl(context.base.basePath, page, context.query),
  csrf: context.csrf,
});

/** A link to another page of this flow, with the authorize request and the given page parameters. */
export const linkOf = (context: PageContext, page: string, extra: Parameters<typeof pageUrl>[3] = {}): string =>
  pageUrl(context.base.basePath, page, context.authorizeQuery, extra);

/**
 * Opens a page: on POST the form's origin, the signed CSRF double submit and the interaction's age first (403 / "start again"),
 * then the authorize request in the query, re-checked on every page (its faults are shown or
 * redirected exactly as /oauth2/authorize does), then the pool's settings and branding.
 * Null when the response has been sent already.
 */
export async function openPage(
  deps: ManagedLoginPagesDeps,
  req: Request,
  res: Response,
  page: string,
): Promise<PageContext | null> {
  const base = pageBaseOf(res);
  const query = rawQueryOf(req);
  const authorizeQuery = authorizeQueryOf(query);
  let csrf: string | null = null;
  if (req.method === "POST") {
    const check = checkCsrf(req, base, deps.clock.nowMs(), deps.authenticator);
    if (check.kind === "forbidden") {
      sendBarePage(
        res,
        403,
        messageView({
          title: "Please try again",
          message: "This form has expired or was opened in another window.",
          link: { url: pageUrl(base.basePath, page, query), label: "Reload the page" },
        }),
      );
      return null;
    }
    if (check.kind === "expired") {
      sendBarePage(
        res,
        400,
        messageView({
          title: "Something went wrong",
          message: START_AGAIN,
          link: { url: pageUrl(base.basePath, "/login", authorizeQuery), label: "Start again" },
        }),
      );
      return null;
    }
    csrf = check.token;
  }
  const check = await deps.services.oauth.checkAuthorizeRequest(base.poolId, authorizeQuery);
  if (check.kind === "page-error") {
    sendBarePage(res, 400, errorPageView(check.error, check.description));
    return null;
  }
  if (check.kind === "redirect-error") {
    redirectTo(res, check.location, check.location);
    return null;
  }
  const { request } = check;
  const [settings, branding] = await Promise.all([
    deps.services.signIn.hostedUi.pageSettings(request.clientId),
    deps.services.uiCustomizations?.findEffective(base.poolId, request.clientId) ?? null,
  ]);
  return {
    base,
    query,
    authorizeQuery,
    request,
    settings,
    branding: branding ?? null,
    csrf: csrf ?? issueCsrfToken(res, base, deps.clock.nowMs(), deps.authenticator),
  };
}

/**
 * The page for an authorize request that cannot go back to the app: Cognito's sentence as the heading
 * and one sentence saying why. No link: the only way back would be the return address, not trusted here.
 */
export const errorPageView = (
  error: string | null,
  heading = "An error was encountered with the requested page.",
): PageContent => messageView({ title: heading, message: errorText(error) ?? "The sign-in link could not be used." });

/** The human side of an OAuth error code shown on a page (reference-oauth §2.2). */
export function errorText(error: string | null): string | null {
  switch (error) {
    case null:
      return null;
    case "redirect_mismatch":
      return "The app sent you here with a return address it has not registered, so we can’t send you back to it.";
    case "invalid_client":
    case "unauthorized_client":
      return "This app is not set up for sign-in here.";
    case "invalid_request":
      return "The sign-in link is incomplete or malformed.";
    default:
      return "The sign-in link could not be used.";
  }
}

/**
 * A finished sign-in: the managed-login session (the `cognito` cookie, an hour of single sign-on for the
 * pool's clients) and the authorization response, one 302 to the app.
 */
export async function finishSignIn(
  deps: ManagedLoginPagesDeps,
  res: Response,
  context: PageContext,
  signedIn: { userId: string; authTime: Date },
  options: { offerPasskey?: boolean } = {},
): Promise<void> {
  const session = await deps.services.loginSessions.start(context.base.poolId, signedIn.userId, signedIn.authTime);
  res.cookie(LOGIN_SESSION_COOKIE, session.cookieValue, {
    httpOnly: true,
    sameSite: "lax",
    secure: context.base.isSecure,
    path: cookiePathOf(context.base),
    maxAge: session.maxAgeSeconds * 1000,
  });
  // A new self-sign-up in a pool with passkeys is offered one first (managed login v2); its page goes on to the app.
  // Under prompt=login the offer takes the session only with proof of this very sign-in (fresh-sign-in.ts).
  if (options.offerPasskey && context.settings.firstFactors.includes("WEB_AUTHN")) {
    const proof = context.request.prompt.includes("login")
      ? signFreshSignIn(deps.authenticator, {
          poolId: context.base.poolId,
          clientId: context.request.clientId,
          sessionCookie: session.cookieValue,
          authTime: signedIn.authTime,
        })
      : null;
    return redirectTo(res, linkOf(context, PAGE_PATHS.passkeysAdd, { [FRESH_SIGN_IN_FIELD]: proof }), null);
  }
  redirectTo(
    res,
    await deps.services.oauth.completeAuthorization(context.request, signedIn),
    context.request.redirectUri,
  );
}

/** A string field of the posted form; anything else (missing, repeated) is null. */
export function fieldOf(req: Request, name: string): string | null {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : null;
}
