import { randomDigits } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";
import type { ClientContext } from "../../clients/client-context.js";
import { CognitoError } from "../../errors.js";
import { countWithinHour } from "../../security/hourly-limit.js";
import type { AttemptReservation } from "../../security/lockout.js";
import {
  customSenderFor,
  prepareCustomSender,
  runCustomMessage,
  runCustomSender,
} from "../../triggers/message.triggers.js";
import { renderTemplate, toDeliveryDetails, type DeliveryTarget } from "../../messaging/delivery.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import { respondMetadataOf, type CallerContext } from "./sign-in.types.js";

/**
 * Wrong answers one MFA session survives: the third wrong code voids it and the client must sign in
 * again (with the password). Cognito keeps a session usable until it expires (§3.5); with 10^6
 * codes, three guesses per password proof keeps guessing hopeless.
 */
export const MAX_WRONG_MFA_ANSWERS = 3;

/**
 * Sign-in codes one user (or one unknown name) may be sent per hour, email and SMS together, in each of
 * the two budgets of `countCode`. USER_AUTH's InitiateAuth needs no secret, so without a cap anyone
 * could mail-bomb a user, or run up an SMS bill, one request at a time; an MFA code needs the password,
 * but every password sign-in (and every MFA_SETUP answer with an EMAIL) would otherwise send one more.
 * Cognito documents no number for these codes; its other code sends are capped at 5 an hour
 * (ResendConfirmationCode, GetUserAttributeVerificationCode, cognito-reference §9.1). Sign-in is more
 * frequent than those, and each code lives minutes only, so this allows twice that: a person who asks
 * again because a message is slow, on a few devices, never meets it.
 */
export const SIGN_IN_CODES_PER_HOUR = 10;

/**
 * The two budgets of sign-in codes. Kept apart so that a stranger who uses up a user's first-factor
 * codes (no secret needed) does not also stop that user's own password sign-ins at the MFA step.
 */
export type SignInCodeBudget = "first-factor" | "mfa";

const CODE_MISMATCH = "Invalid code or auth state for the user.";
const CODE_EXPIRED = "Invalid code provided, please request a code again.";
const SESSION_EXPIRED = "Invalid session for the user, session is expired.";

/** The challenges that send a code: MFA by SMS or email, and USER_AUTH's first-factor codes. */
export type CodeChallengeState = Extract<SignInState, "SMS_MFA" | "EMAIL_OTP" | "SMS_OTP">;

export type SignInCodeDeps = Pick<
  SignInServiceDeps,
  "db" | "clock" | "sessions" | "lockout" | "codeHasher" | "sender" | "triggers" | "store"
>;
export type SignInCodeSteps = ReturnType<typeof createSignInCodeSteps>;

/**
 * The sign-in codes sent by SMS and email, for the MFA steps (sign-in.mfa.ts) and USER_AUTH's first-factor
 * codes (sign-in.otp.ts): sending a code, checking an answer against it, refusing a wrong one.
 */
export function createSignInCodeSteps({
  db,
  clock,
  sessions,
  lockout,
  codeHasher,
  sender,
  triggers,
  store,
}: SignInCodeDeps) {
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;
  const codeScopeOf = (userId: string) => `signin-mfa:${userId}`;
  const budgetKeyOf = (budget: SignInCodeBudget, poolId: string, subject: string) =>
    budget === "first-factor" ? `signin-codes:${poolId}:${subject}` : `signin-mfa-codes:${poolId}:${subject}`;

  /**
   * Counts one code for the subject in the budget, before anything is sent. The increment is atomic in
   * the short-lived store (shared by every gateway process), so N parallel requests send no more than
   * N serial ones would.
   * @throws LimitExceededException past SIGN_IN_CODES_PER_HOUR
   */
  async function countCode(budget: SignInCodeBudget, poolId: string, subject: string): Promise<void> {
    if (!(await countWithinHour(store, budgetKeyOf(budget, poolId, subject), SIGN_IN_CODES_PER_HOUR)))
      throw new CognitoError(
        "LimitExceededException",
        `Too many sign-in codes were requested for this user (at most ${SIGN_IN_CODES_PER_HOUR} an hour). Use the last code sent, wait before asking for another, or sign in another way.`,
      );
  }

  function targetOf(user: User, factor: "SMS_MFA" | "EMAIL_OTP", email?: string): DeliveryTarget {
    if (factor === "SMS_MFA")
      return { medium: "SMS", attributeName: "phone_number", address: user.attributes.phone_number ?? "" };
    return { medium: "EMAIL", attributeName: "email", address: email ?? user.attributes.email ?? "" };
  }

  /**
   * Sends a fresh sign-in code with the pool's MFA template (SMS: smsAuthenticationMessage; email: the
   * EMAIL_OTP message), through CustomMessage_Authentication and the custom senders, and opens the
   * session that waits for it. Only the code's keyed hash is kept, in the session itself: the code lives
   * exactly as long as the session (the client's auth session validity, §9.1). Shared by the MFA steps
   * (6 digits) and USER_AUTH's first-factor codes (sign-in.otp.ts, 8 digits).
   * @throws CodeDeliveryFailureException
   */
  async function sendCode(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    from: SignInState,
    state: CodeChallengeState,
    fields: Omit<
      SignInSession,
      "kind" | "expiresAtMs" | "state" | "codeHash" | "codeExpiresAtMs" | "codeSentTo" | "failedAttempts"
    >,
    options: { digits: number; email?: string },
  ): Promise<{ session: string; parameters: Record<string, string> }> {
    const lifetimeSeconds = context.client.authSessionValidityMinutes * 60;
    const target = targetOf(user, state === "EMAIL_OTP" ? "EMAIL_OTP" : "SMS_MFA", options.email);
    const code = randomDigits(options.digits);
    // CustomMessage_Authentication before the session exists: a failing trigger leaves nothing open.
    const defaultTemplate =
      target.medium === "SMS"
        ? { subject: null, body: context.pool.smsAuthenticationMessage }
        : { subject: context.pool.emailMfaSubject, body: context.pool.emailMfaMessage };
    const triggerArgs = {
      event: "Authentication" as const,
      user,
      clientId: context.client.clientId,
      clientMetadata: respondMetadataOf(caller, from),
    };
    const template = await runCustomMessage(triggers, context.pool, {
      ...triggerArgs,
      medium: target.medium,
      template: defaultTemplate,
    });
    const customSenderName = customSenderFor(context.pool, target.medium);
    const session = await sessions.open(
      {
        ...fields,
        state,
        codeHash: codeHasher.hashCode(codeScopeOf(user.id), code),
        codeExpiresAtMs: clock.nowMs() + lifetimeSeconds * 1000,
        codeSentTo: target.address,
        failedAttempts: 0,
      },
      lifetimeSeconds,
    );
    if (customSenderName)
      await runCustomSender(
        triggers,
        context.pool,
        await prepareCustomSender(triggers, context.pool, { ...triggerArgs, name: customSenderName, code }),
      );
    else
      await sender.send({
        poolId: context.pool.id,
        userId: user.id,
        medium: target.medium,
        destination: target.address,
        subject: template.subject,
        body: renderTemplate(template.body, { code }),
        purpose: state,
      });
    const details = toDeliveryDetails(target);
    await db.transaction((repositories) =>
      repositories.events.append(
        {
          type: "CODE_SENT",
          poolId: context.pool.id,
          actor: actorOf(context),
          detail: { purpose: state, userSub: user.id, ...details },
        },
        clock.now(),
      ),
    );
    return {
      session,
      parameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: details.deliveryMedium,
        CODE_DELIVERY_DESTINATION: details.destination,
      },
    };
  }

  /**
   * A wrong MFA answer: the same session is given back for another try until the limit, then it is
   * void (the next use is NotAuthorizedException).
   * @throws CodeMismatchException always
   */
  async function refuse(
    context: ClientContext,
    session: SignInSession,
    sessionToken: string,
    attempt: AttemptReservation,
    reason: string,
    eventType: "MFA_CHALLENGE_FAILED" | "SIGN_IN_FAILED" = "MFA_CHALLENGE_FAILED",
  ): Promise<never> {
    const failedAttempts = (session.failedAttempts ?? 0) + 1;
    const isVoid = failedAttempts >= MAX_WRONG_MFA_ANSWERS;
    assertTransition(session.state, isVoid ? "FAILED" : session.state);
    // A wrong second factor counts towards the same lockout as a wrong password: the per-session limit
    // alone would let a stolen password buy three guesses per sign-in, without end.
    const lockedSeconds = lockout.failed(attempt);
    if (!isVoid) await sessions.giveBack(sessionToken, { ...session, failedAttempts });
    await db.transaction(async (repositories) => {
      const now = clock.now();
      await repositories.events.append(
        {
          type: eventType,
          poolId: context.pool.id,
          actor: actorOf(context),
          detail: {
            userSub: session.userId,
            challengeName: session.state,
            reason,
            failedAttempts,
            sessionVoided: isVoid,
          },
        },
        now,
      );
      if (lockedSeconds > 0)
        await repositories.events.append(
          {
            type: "USER_LOCKED_OUT",
            poolId: context.pool.id,
            actor: "system",
            detail: { userSub: session.userId, lockedSeconds },
          },
          now,
        );
    });
    throw new CognitoError("CodeMismatchException", CODE_MISMATCH);
  }

  /**
   * Whether a submitted code is the one this session sent (keyed hash, constant-time compare). A
   * simulated session's hash was made under another scope, so no code matches it.
   * @throws NotAuthorizedException (a session without a code), ExpiredCodeException
   */
  function codeMatches(session: SignInSession, userId: string, code: string | undefined): boolean {
    if (!session.codeHash || !session.codeExpiresAtMs)
      throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
    // The code shares the session's lifetime, so this is a backstop: an expired code is normally an expired session.
    if (session.codeExpiresAtMs <= clock.nowMs()) {
      assertTransition(session.state, "FAILED");
      throw new CognitoError("ExpiredCodeException", CODE_EXPIRED);
    }
    const submitted = typeof code === "string" && code.length <= 16 ? code : "";
    return constantTimeEqual(codeHasher.hashCode(codeScopeOf(userId), submitted), session.codeHash);
  }

  /**
   * For a right code: whether the address it went to is still the user's. A code proves that address
   * only; if an admin or another session of the user changed it meanwhile, the code must not verify the
   * new one, nor confirm the user with it, nor stand for a factor at an address the user no longer has.
   * An MFA_SETUP code by email goes to the address being set up, which becomes the user's with it.
   * @throws ExpiredCodeException (the session is used up: the next sign-in sends a code to the new address)
   */
  function assertSentToCurrentAddress(session: SignInSession, user: User): void {
    if (session.codeSentTo === undefined || session.setup?.factor === "EMAIL_OTP") return;
    const attribute = session.state === "EMAIL_OTP" ? "email" : "phone_number";
    if (user.attributes[attribute] === session.codeSentTo) return;
    assertTransition(session.state, "FAILED");
    throw new CognitoError("ExpiredCodeException", CODE_EXPIRED);
  }

  return {
    countCode,
    sendCode,
    codeMatches,
    assertSentToCurrentAddress,
    /**
     * A wrong code: the session is given back for another try until the limit (then void), the attempt
     * stays counted towards the lockout.
     * @throws CodeMismatchException always
     */
    refuse,
  };
}
