import { Router, type NextFunction, type Request, type Response } from "express";
import type { OAuthService } from "../../core/oauth/authorization.service.js";
import { redirectLocation } from "../../core/oauth/authorize-request.js";
import { LOGIN_SESSION_COOKIE, type LoginSessionService } from "../../core/oauth/login-session.service.js";
import { methodNotAllowed } from "../http/edge-errors.js";
import { cookiePathOfPool, oauthPoolOf } from "./oauth-pool.js";

export interface AuthorizeRoutesDeps {
  oauth: OAuthService;
  loginSessions: LoginSessionService;
}

/** The request's query string exactly as sent: /login gets the very same parameters (reference-oauth §2). */
function rawQueryOf(request: Request): string {
  const index = request.originalUrl.indexOf("?");
  return index < 0 ? "" : request.originalUrl.slice(index + 1);
}

/**
 * Every answer here depends on a cookie or mints a code: nothing may be cached on the way. The location
 * goes through Express's `location()`, which percent-encodes what a header cannot carry as it stands (a
 * registered callback or logout URL may hold any Unicode: set raw, Node refuses it, or sends U+0080–U+00FF
 * as Latin-1 bytes), exactly as the managed pages' `res.redirect` does; escapes already there stay.
 */
function redirect(response: Response, location: string): void {
  response.status(302).set({ "Cache-Control": "no-store", Pragma: "no-cache" }).location(location).end();
}

const sessionCookieOf = (request: Request): string | undefined => {
  const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[LOGIN_SESSION_COOKIE];
  return typeof value === "string" ? value : undefined;
};

const errorPage = (baseUrl: string, error: string, clientId: string | null, description?: string): string => {
  const query = new URLSearchParams({ error });
  if (description) query.set("error_description", description);
  if (clientId) query.set("client_id", clientId);
  return `${baseUrl}/error?${query.toString()}`;
};

/**
 * GET /oauth2/authorize and GET /logout (reference-oauth §2, §6), below a pool's base. Sign-in itself is
 * the pages' (/login); these only decide where the browser goes next.
 */
export function createAuthorizeRoutes({ oauth, loginSessions }: AuthorizeRoutesDeps): Router {
  const router = Router();

  router.get("/oauth2/authorize", async (request: Request, response: Response, next: NextFunction) => {
    try {
      const { poolId, baseUrl } = oauthPoolOf(response);
      const rawQuery = rawQueryOf(request);
      const query = new URLSearchParams(rawQuery);
      const check = await oauth.checkAuthorizeRequest(poolId, query);
      // Cognito's form: the page names the client, never the unverified redirect URI.
      if (check.kind === "page-error")
        return redirect(
          response,
          errorPage(baseUrl, check.error, query.getAll("client_id").length === 1 ? query.get("client_id") : null),
        );
      if (check.kind === "redirect-error") return redirect(response, check.location);
      const { request: authorize } = check;
      const loginPage = `${baseUrl}/login${rawQuery ? `?${rawQuery}` : ""}`;
      if (authorize.prompt.includes("login")) return redirect(response, loginPage);
      const session = await loginSessions.find(poolId, sessionCookieOf(request));
      if (session) return redirect(response, await oauth.completeAuthorization(authorize, session));
      if (authorize.prompt.includes("none")) {
        return redirect(
          response,
          redirectLocation(authorize.redirectUri, authorize.responseType, {
            error: "login_required",
            state: authorize.state,
          }),
        );
      }
      return redirect(response, loginPage);
    } catch (error) {
      next(error);
    }
  });

  router.get("/logout", async (request: Request, response: Response, next: NextFunction) => {
    try {
      const pool = oauthPoolOf(response);
      const { poolId, baseUrl } = pool;
      // The session ends whatever else the request says (reference-oauth §6).
      await loginSessions.end(poolId, sessionCookieOf(request));
      response.clearCookie(LOGIN_SESSION_COOKIE, {
        path: cookiePathOfPool(pool),
        httpOnly: true,
        sameSite: "lax",
        secure: baseUrl.startsWith("https:"),
      });
      const query = new URLSearchParams(rawQueryOf(request));
      const target = await oauth.checkLogoutRequest(poolId, query);
      if (target.kind === "logout-uri") return redirect(response, target.location);
      if (target.kind === "login") return redirect(response, `${baseUrl}/login?${target.query.toString()}`);
      return redirect(
        response,
        errorPage(
          baseUrl,
          "invalid_request",
          query.getAll("client_id").length === 1 ? query.get("client_id") : null,
          target.description,
        ),
      );
    } catch (error) {
      next(error);
    }
  });

  router.all(["/oauth2/authorize", "/logout"], methodNotAllowed(["GET", "HEAD"]));
  return router;
}
