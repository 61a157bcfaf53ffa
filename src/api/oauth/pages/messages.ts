import { isCognitoError } from "../../../core/errors.js";
import { WRONG_STEP_MESSAGE } from "../../../core/flows/sign-in/sign-in.hosted-ui.js";

/** Which form the error came from: the same code means different things on different pages. */
export type ErrorPlace =
  "sign-in" | "challenge" | "sign-up" | "confirm" | "forgot-password" | "reset-password" | "authenticator";

export const INCORRECT_CREDENTIALS = "Incorrect username or password.";
export const TOO_MANY_ATTEMPTS = "Too many attempts, try again later.";
export const START_AGAIN = "Something went wrong, please start again.";
const UNEXPECTED = "Something went wrong on our side. Please try again.";

/** Notices a page parameter may ask for after a redirect: fixed sentences, never text from the URL. */
const NOTICES: ReadonlyMap<string, string> = new Map([
  ["confirmed", "Your account is confirmed. You can sign in now."],
  ["password_reset", "Your password has been changed. Sign in with your new password."],
  ["signed_up", "Your account is ready. You can sign in now."],
  ["code_sent", "We sent you a new code."],
]);

/** The fixed sentence of a notice key; anything else (including "constructor" and the like) is no notice. */
export const noticeText = (key: string | null): string | null => (key === null ? null : (NOTICES.get(key) ?? null));

const SESSION_MESSAGES = new Set([
  "Invalid session for the user, session is expired.",
  "Invalid session for the user, session can only be used once.",
]);

/**
 * True for errors that mean "this sign-in cannot go on from this page": the session is over, or the form
 * answered another step than the session waits for (a changed hidden field). The page offers to start again.
 */
export function isSessionOver(error: unknown): boolean {
  if (!isCognitoError(error)) return false;
  return (
    (error.code === "NotAuthorizedException" && SESSION_MESSAGES.has(error.message)) ||
    (error.code === "InvalidParameterException" && isWrongStep(error.message))
  );
}

/** The pages' own refusal, or core's (authenticator setup with a session waiting for another step). */
const isWrongStep = (message: string): boolean =>
  message === WRONG_STEP_MESSAGE || message.startsWith("This session is waiting for ");

/**
 * The sentence a person reads for a failed step. Unknown user and wrong password read alike (so the
 * page tells no one which names exist); a lockout reads as a lockout; nothing internal (stack, SQL,
 * exception names) ever reaches the page. Messages our own core words for people (the password
 * policy, a trigger's refusal) are shown as they are.
 */
export function friendlyMessage(error: unknown, place: ErrorPlace): string {
  if (!isCognitoError(error)) return UNEXPECTED;
  const { code, message } = error;
  switch (code) {
    case "NotAuthorizedException":
      if (message === "Password attempts exceeded") return TOO_MANY_ATTEMPTS;
      if (message === "User is disabled.") return "This account is disabled. Contact the app’s support.";
      if (SESSION_MESSAGES.has(message)) return "This sign-in took too long or was already used. Please start again.";
      if (message.startsWith("Temporary password has expired"))
        return "Your temporary password has expired. Ask an administrator to reset it.";
      if (place === "sign-up") return "Sign-up is not available for this app.";
      if (place === "confirm") return "This account cannot be confirmed. It may already be confirmed: try signing in.";
      if (place === "forgot-password" || place === "reset-password")
        return "The password of this account cannot be reset here. Contact the app’s support.";
      return INCORRECT_CREDENTIALS;
    case "UserNotFoundException":
      if (place === "confirm" || place === "reset-password") return "That code is not right. Check it and try again.";
      return INCORRECT_CREDENTIALS;
    case "TooManyRequestsException":
    case "LimitExceededException":
    case "TooManyFailedAttemptsException":
      return TOO_MANY_ATTEMPTS;
    case "CodeMismatchException":
      return "That code is not right. Check it and try again.";
    case "ExpiredCodeException":
      return place === "challenge"
        ? "That code has expired. Please start again."
        : "That code has expired. Request a new one.";
    case "EnableSoftwareTokenMFAException":
      return "That code is not right. Check that your device’s clock is correct and try again.";
    case "InvalidPasswordException":
      return message.replace(/^Password did not conform with policy: /, "The password doesn’t meet the requirements: ");
    case "UsernameExistsException":
      return "An account with this name already exists. Try signing in.";
    case "AliasExistsException":
      return "An account with this email or phone number already exists.";
    case "CodeDeliveryFailureException":
      return "We couldn’t send the code. Please try again later.";
    case "UserLambdaValidationException":
      // The pool's own trigger refused: its message is written for the person (as Cognito shows it).
      return message;
    case "InvalidParameterException":
      if (isWrongStep(message)) return START_AGAIN;
      return message.endsWith(".") ? message : `${message}.`;
    case "SoftwareTokenMFANotFoundException":
      return "Authenticator apps are not available for this app.";
    case "UserNotConfirmedException":
      return "This account is not confirmed yet.";
    case "PasswordResetRequiredException":
      return "You need to reset your password.";
    default:
      return UNEXPECTED;
  }
}
