import { Router, type Request, type Response } from "express";
import { isCognitoError } from "../../../core/errors.js";
import type { HostedUiOutcome, HostedUiPreferredFactor } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";
import { LOGIN_SESSION_COOKIE } from "../../../core/oauth/login-session.service.js";
import { continueSignIn, renderChallenge, restartLinkOf } from "./challenge-pages.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { FRESH_SIGN_IN_FIELD, isFreshSignIn } from "./fresh-sign-in.js";
import { friendlyMessage, isSessionOver, TOO_MANY_ATTEMPTS } from "./messages.js";
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
import type { FormTarget } from "./views-sign-in.js";
import { messageView } from "./views-account.js";
import {
  addPasskeyView,
  FACTOR_CHOICES,
  passkeyOutcomeView,
  passwordStepView,
  usernameFirstView,
  type FactorAnswer,
} from "./views-passwordless.js";

const ANSWERS: readonly string[] = FACTOR_CHOICES.map((choice) => choice.answer);
const NO_PASSKEY_HERE = "This browser couldn’t use a passkey here. Choose another way to sign in.";
const PASSKEY_REFUSED = "We couldn’t verify that passkey. Try again, or choose another way to sign in.";
/** A RegistrationResponseJSON / AuthenticationResponseJSON is a few KB; the form limit bounds it anyway. */
const MAX_CREDENTIAL_CHARS = 16_000;

/** /login of a choice-based pool (reference-oauth §13): the name first. */
export function renderUsernameFirst(
  res: Response,
  context: PageContext,
  options: { username?: string | null; error?: string | null; status?: number; notice?: string | null } = {},
): void {
  const view = usernameFirstView({
    target: formTargetOf(context, PAGE_PATHS.login),
    usernameAttributes: context.settings.usernameAttributes,
    username: options.username ?? pageParameterOf(context.query, "username") ?? context.request.loginHint,
    signUpUrl: context.settings.allowsSignUp ? linkOf(context, PAGE_PATHS.signup) : null,
    error: options.error,
    notice: options.notice,
  });
  sendPage(res, context, view, options.status);
}

/** The password step of a choice-based pool: posted to /login as username + password (the classic form's contract). */
export function renderPasswordStep(
  res: Response,
  context: PageContext,
  username: string,
  error: string | null = null,
): void {
  const view = passwordStepView({
    target: formTargetOf(context, PAGE_PATHS.login),
    username,
    forgotPasswordUrl: linkOf(context, PAGE_PATHS.forgotPassword),
    otherWays: formTargetOf(context, PAGE_PATHS.login),
    error,
    restartUrl: restartLinkOf(context),
  });
  sendPage(res, context, view);
}

/**
 * The user's ways in: USER_AUTH for the name (SELECT_CHALLENGE and its AvailableChallenges; a name with no
 * user gets the same full choice as a user with every factor, so the page tells no one which names exist).
 * With `preferred`, straight to that factor when the user has it.
 */
export async function showChoices(
  deps: ManagedLoginPagesDeps,
  req: Request,
  res: Response,
  context: PageContext,
  username: string,
  options: { error?: string | null; preferred?: HostedUiPreferredFactor } = {},
): Promise<void> {
  let outcome: HostedUiOutcome;
  try {
    outcome = await deps.services.signIn.hostedUi.startUserAuth(
      { clientId: context.request.clientId, username, preferred: options.preferred ?? null },
      { sourceIp: req.ip ?? null },
    );
  } catch (error) {
    if (!isCognitoError(error)) throw error;
    return renderUsernameFirst(res, context, { username, error: friendlyMessage(error, "sign-in") });
  }
  if (outcome.kind === "challenge" && outcome.challengeName === "SELECT_CHALLENGE")
    return renderChallenge(deps, res, context, outcome, options.error ?? null, { username });
  return continueSignIn(deps, res, context, outcome, { username, firstFactor: true });
}

/**
 * Choice-based sign-in's own steps: the factor picked (/login/factor), the passkey's answer
 * (/login/passkey), and adding a passkey for the signed-in user (/passkeys/add, reference-oauth §8.1).
 */
export function createPasswordlessRoutes(deps: ManagedLoginPagesDeps): Router {
  const router = Router();
  const { services } = deps;
  const caller = (req: Request) => ({ sourceIp: req.ip ?? null });

  router.post(
    PAGE_PATHS.loginFactor,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.loginFactor);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      const session = fieldOf(req, "session") ?? "";
      const answer = fieldOf(req, "answer") ?? "";
      if (!username) return renderUsernameFirst(res, context);
      if (!ANSWERS.includes(answer))
        return showChoices(deps, req, res, context, username, { error: "Choose one of the ways to sign in." });
      // A password needs nothing from the server yet: its own form, posting as the classic one does.
      if ((answer as FactorAnswer) === "PASSWORD") return renderPasswordStep(res, context, username);
      let outcome: HostedUiOutcome;
      try {
        outcome = await services.signIn.hostedUi.respond(
          {
            clientId: context.request.clientId,
            challengeName: "SELECT_CHALLENGE",
            session,
            challengeResponses: { USERNAME: username, ANSWER: answer },
          },
          caller(req),
        );
      } catch (error) {
        if (!isCognitoError(error)) throw error;
        // The choice outlived its session (minutes): the same factor from a fresh USER_AUTH.
        if (isSessionOver(error))
          return showChoices(deps, req, res, context, username, { preferred: answer as HostedUiPreferredFactor });
        return renderUsernameFirst(res, context, { username, error: friendlyMessage(error, "sign-in") });
      }
      return continueSignIn(deps, res, context, outcome, { username, firstFactor: true });
    }),
  );

  router.post(
    PAGE_PATHS.loginPasskey,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.loginPasskey);
      if (!context) return;
      const username = fieldOf(req, "username")?.trim() ?? "";
      const credential = fieldOf(req, "credential") ?? "";
      if (!username) return renderUsernameFirst(res, context);
      // No script, no WebAuthn, or a malformed post: the other ways in (the WEB_AUTHN session just expires).
      if (!credential || credential.length > MAX_CREDENTIAL_CHARS)
        return showChoices(deps, req, res, context, username, { error: NO_PASSKEY_HERE });
      let outcome: HostedUiOutcome;
      try {
        outcome = await services.signIn.hostedUi.respond(
          {
            clientId: context.request.clientId,
            challengeName: "WEB_AUTHN",
            session: fieldOf(req, "session") ?? "",
            challengeResponses: { USERNAME: username, CREDENTIAL: credential },
          },
          caller(req),
        );
      } catch (error) {
        if (!isCognitoError(error)) throw error;
        const message = friendlyMessage(error, "challenge");
        // A refused passkey voids its session (one assertion per WEB_AUTHN challenge): the choices again.
        const isRefusal =
          error.code === "NotAuthorizedException" &&
          message !== TOO_MANY_ATTEMPTS &&
          !isSessionOver(error) &&
          error.message !== "User is disabled.";
        if (message === TOO_MANY_ATTEMPTS) return renderUsernameFirst(res, context, { username, error: message });
        return showChoices(deps, req, res, context, username, { error: isRefusal ? PASSKEY_REFUSED : message });
      }
      return continueSignIn(deps, res, context, outcome, { username });
    }),
  );

  /** The user the browser's managed-login session names, or null (signed out, expired, another pool's). */
  const signedInUserOf = (req: Request, context: PageContext) =>
    services.loginSessions.find(
      context.base.poolId,
      (req.cookies as Record<string, string | undefined>)[LOGIN_SESSION_COOKIE],
    );

  /**
   * Under prompt=login the app asked for a sign-in now (reference-oauth §2.1): the session stands for it
   * only with the proof (`signed_in`) the pages handed over when they finished this very sign-in and sent
   * the browser here (finishSignIn): signed for this session's cookie and sign-in time, this pool and
   * client, at most 10 minutes old. Nothing the browser holds by itself (the `cognito` cookie, a CSRF
   * cookie of some earlier page) can stand in for it, so the app's forced re-authentication cannot be
   * skipped by opening this page straight away. The proof for the page's forms (null without prompt=login),
   * or null itself when the session does not stand for the request (→ /login).
   */
  function freshSignInOf(
    req: Request,
    context: PageContext,
    signedIn: { authTime: Date },
    proof: string | null,
  ): { proof: string | null } | null {
    if (!context.request.prompt.includes("login")) return { proof: null };
    const sessionCookie = (req.cookies as Record<string, string | undefined>)[LOGIN_SESSION_COOKIE] ?? "";
    const signIn = {
      poolId: context.base.poolId,
      clientId: context.request.clientId,
      sessionCookie,
      authTime: signedIn.authTime,
    };
    return isFreshSignIn(deps.authenticator, proof, signIn, deps.clock.nowMs()) ? { proof } : null;
  }

  /** The add page's forms: posted to the page without its proof in the URL, the proof as a hidden field. */
  const addTargetOf = (context: PageContext, proof: string | null): FormTarget => ({
    action: linkOf(context, PAGE_PATHS.passkeysAdd),
    csrf: context.csrf,
    hidden: proof === null ? {} : { [FRESH_SIGN_IN_FIELD]: proof },
  });

  /** Sends the signed-in person on to the app: an authorization response for the session's sign-in (single sign-on). */
  async function continueToApp(
    res: Response,
    context: PageContext,
    signedIn: { userId: string; authTime: Date },
  ): Promise<void> {
    redirectTo(res, await services.oauth.completeAuthorization(context.request, signedIn), context.request.redirectUri);
  }

  /** Why a registration cannot start or finish, in words; null: show the add page again with a retry. */
  function registrationProblem(error: unknown): { title: string; message: string } | null {
    if (!isCognitoError(error)) throw error;
    switch (error.code) {
      case "WebAuthnNotEnabledException":
      case "WebAuthnConfigurationMissingException":
        return { title: "Passkeys aren’t available", message: "This app doesn’t offer sign-in with passkeys." };
      case "LimitExceededException":
        return {
          title: "Too many passkeys",
          message:
            "Your account already has as many passkeys as it can have. Remove one in the app before adding another.",
        };
      case "NotAuthorizedException":
      case "UserNotFoundException":
      case "UserNotConfirmedException":
      case "PasswordResetRequiredException":
        return { title: "Passkey not added", message: "Your account can’t add a passkey right now." };
      default:
        return null;
    }
  }

  async function renderAddPage(
    res: Response,
    context: PageContext,
    signedIn: { userId: string; authTime: Date },
    proof: string | null,
    error: string | null = null,
  ): Promise<void> {
    let options: Record<string, unknown>;
    try {
      options = await services.webAuthn.startRegistrationForUser({
        poolId: context.base.poolId,
        userId: signedIn.userId,
        clientId: context.request.clientId,
      });
    } catch (failure) {
      const problem = registrationProblem(failure);
      return sendPage(
        res,
        context,
        passkeyOutcomeView({
          target: addTargetOf(context, proof),
          ...(problem ?? { title: "Passkey not added", message: "Something went wrong on our side." }),
        }),
        400,
      );
    }
    const user = options.user as { name?: string } | undefined;
    sendPage(
      res,
      context,
      addPasskeyView({
        target: addTargetOf(context, proof),
        username: user?.name ?? "",
        creationOptionsJson: JSON.stringify(options),
        error,
      }),
    );
  }

  /** Cognito's /passkeys/add takes client_id and redirect_uri; the rest of an authorize request defaults to the code flow. */
  function withDefaultResponseType(req: Request, res: Response): boolean {
    const index = req.originalUrl.indexOf("?");
    const query = new URLSearchParams(index < 0 ? "" : req.originalUrl.slice(index + 1));
    if (query.has("response_type") || !query.has("client_id")) return false;
    query.set("response_type", "code");
    redirectTo(res, `${req.originalUrl.slice(0, index < 0 ? undefined : index)}?${query.toString()}`, null);
    return true;
  }

  router.get(
    PAGE_PATHS.passkeysAdd,
    pageHandler(deps, async (req, res) => {
      if (withDefaultResponseType(req, res)) return;
      const context = await openPage(deps, req, res, PAGE_PATHS.passkeysAdd);
      if (!context) return;
      const signedIn = await signedInUserOf(req, context);
      if (!signedIn) {
        return sendPage(
          res,
          context,
          messageView({
            title: "Sign in first",
            message: "Sign in to add a passkey to your account.",
            link: { url: linkOf(context, PAGE_PATHS.login), label: "Sign in" },
          }),
          401,
        );
      }
      const fresh = freshSignInOf(req, context, signedIn, pageParameterOf(context.query, FRESH_SIGN_IN_FIELD));
      if (!fresh) return redirectTo(res, linkOf(context, PAGE_PATHS.login), null);
      return renderAddPage(res, context, signedIn, fresh.proof);
    }),
  );

  router.post(
    PAGE_PATHS.passkeysAdd,
    pageHandler(deps, async (req, res) => {
      const context = await openPage(deps, req, res, PAGE_PATHS.passkeysAdd);
      if (!context) return;
      const signedIn = await signedInUserOf(req, context);
      if (!signedIn) {
        return sendPage(
          res,
          context,
          messageView({
            title: "Sign in first",
            message: "Your sign-in has ended. Sign in again to add a passkey.",
            link: { url: linkOf(context, PAGE_PATHS.login), label: "Sign in" },
          }),
          401,
        );
      }
      // Before anything else: skipping would issue a code, and adding a passkey needs the same fresh sign-in.
      const fresh = freshSignInOf(req, context, signedIn, fieldOf(req, FRESH_SIGN_IN_FIELD));
      if (!fresh) return redirectTo(res, linkOf(context, PAGE_PATHS.login), null);
      if (fieldOf(req, "skip") === "1") return continueToApp(res, context, signedIn);
      const text = fieldOf(req, "credential") ?? "";
      let credential: unknown = null;
      try {
        credential = text.length > 0 && text.length <= MAX_CREDENTIAL_CHARS ? JSON.parse(text) : null;
      } catch {
        credential = null;
      }
      if (credential === null || typeof credential !== "object")
        return renderAddPage(res, context, signedIn, fresh.proof, "This browser couldn’t create a passkey here.");
      try {
        await services.webAuthn.completeRegistrationForUser(
          { poolId: context.base.poolId, userId: signedIn.userId, clientId: context.request.clientId },
          credential,
        );
      } catch (error) {
        const problem = registrationProblem(error);
        if (problem)
          return sendPage(
            res,
            context,
            passkeyOutcomeView({ target: addTargetOf(context, fresh.proof), ...problem }),
            400,
          );
        // The ceremony was refused (challenge expired, origin, RP ID, algorithm): a new one may work.
        deps.logger.info(
          { code: isCognitoError(error) ? error.code : "unknown" },
          "managed sign-in page passkey registration refused",
        );
        return renderAddPage(res, context, signedIn, fresh.proof, "The passkey couldn’t be added. Please try again.");
      }
      return sendPage(
        res,
        context,
        passkeyOutcomeView({
          target: addTargetOf(context, fresh.proof),
          title: "Passkey added",
          message: "Next time, sign in with your passkey: no password or code needed.",
        }),
      );
    }),
  );

  return router;
}
