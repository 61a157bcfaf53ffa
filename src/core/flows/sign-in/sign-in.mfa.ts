import { randomDigits } from "../../../lib/random.js";
import { constantTimeEqual } from "../../../lib/secrets.js";
import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import type { AttemptReservation } from "../../security/lockout.js";
import { factorSettingsOf, mfaStepFor, type MfaStep } from "../../mfa/mfa-factors.js";
import type { MfaFactor } from "../../mfa/mfa.types.js";
import { verifyTotpForSignIn } from "../../mfa/totp-check.js";
import {
  customSenderFor,
  prepareCustomSender,
  runCustomMessage,
  runCustomSender,
} from "../../triggers/message.triggers.js";
import { renderTemplate, toDeliveryDetails, type DeliveryTarget } from "../../messaging/delivery.js";
import type { Repositories } from "../../ports.js";
import { checkAttributeWrites } from "../../users/attribute-rules.js";
import { saveUser } from "../../users/user-store.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import { assertTransition, type MfaChallengeState, type SignInState } from "./sign-in.flow.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import { sessionBaseOf } from "./sign-in.parameters.js";
import { respondMetadataOf, type CallerContext, type SignInStepOutcome } from "./sign-in.types.js";

/** SMS and email sign-in codes: 6 digits, as Cognito sends for SMS MFA (cognito-reference §9.1). */
export const MFA_CODE_DIGITS = 6;
/**
 * Wrong answers one MFA session survives: the third wrong code voids it and the client must sign in
 * again (with the password). Cognito keeps a session usable until it expires (§3.5); with 10^6
 * codes, three guesses per password proof keeps guessing hopeless.
 */
export const MAX_WRONG_MFA_ANSWERS = 3;

const CODE_MISMATCH = "Invalid code or auth state for the user.";
const CODE_EXPIRED = "Invalid code provided, please request a code again.";
const SESSION_EXPIRED = "Invalid session for the user, session is expired.";

type Changes = (repositories: Repositories) => Promise<void>;
/** The challenges that send a code: MFA by SMS or email, and USER_AUTH's first-factor codes. */
export type CodeChallengeState = Extract<SignInState, "SMS_MFA" | "EMAIL_OTP" | "SMS_OTP">;

/** What the MFA steps need from the other sign-in steps. */
export interface SignInStepHooks {
  /** After a passed MFA step: the named device's proof (DEVICE_SRP_AUTH), or tokens. */
  finish(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    from: SignInState,
    authTime: Date,
    deviceKey: string | null,
    changes?: Changes,
  ): Promise<SignInStepOutcome>;
  recordChallenge(context: ClientContext, user: User | null, challengeName: string): Promise<void>;
  assertUserMaySignIn(context: ClientContext, user: User): void;
}

/** The MFA part of a sign-in: choosing the step after the password, sending codes, checking answers. */
export function createSignInMfaSteps(
  { db, clock, sessions, lockout, secretBox, codeHasher, totp, sender, triggers }: SignInServiceDeps,
  hooks: SignInStepHooks,
) {
  const actorOf = (context: ClientContext) => `client:${context.client.clientId}`;
  const codeScopeOf = (userId: string) => `signin-mfa:${userId}`;

  /** The MFA step due for this user now. */
  async function stepFor(context: ClientContext, user: User): Promise<MfaStep> {
    if (context.pool.mfaConfiguration === "OFF") return { kind: "none" };
    const row = await db.read((repositories) => repositories.mfa.find(user.id));
    return mfaStepFor(user, context.pool, row);
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
    fields: Omit<SignInSession, "kind" | "expiresAtMs" | "state" | "codeHash" | "codeExpiresAtMs" | "failedAttempts">,
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
   * Opens the session for an MFA challenge and, for SMS_MFA and EMAIL_OTP, sends a fresh code (sendCode).
   * @throws CodeDeliveryFailureException
   */
  async function issue(
    context: ClientContext,
    user: User,
    caller: CallerContext,
    from: SignInState,
    authTimeMs: number,
    state: MfaChallengeState,
    extra: { choices?: MfaFactor[]; setup?: SignInSession["setup"]; deviceKey?: string | null } = {},
  ): Promise<SignInStepOutcome> {
    assertTransition(from, state);
    const lifetimeSeconds = context.client.authSessionValidityMinutes * 60;
    const base = {
      state,
      ...sessionBaseOf(context, user, caller, authTimeMs),
      ...(extra.deviceKey ? { deviceKey: extra.deviceKey } : {}),
    };
    const parameters: Record<string, string> = { USER_ID_FOR_SRP: user.username };
    let session: string;
    if (state === "SMS_MFA" || state === "EMAIL_OTP") {
      const { state: _state, ...fields } = base;
      const sent = await sendCode(
        context,
        user,
        caller,
        from,
        state,
        { ...fields, ...(extra.setup ? { setup: extra.setup } : {}) },
        {
          digits: MFA_CODE_DIGITS,
          email: extra.setup?.factor === "EMAIL_OTP" ? extra.setup.email : undefined,
        },
      );
      session = sent.session;
      Object.assign(parameters, sent.parameters);
    } else {
      session = await sessions.open(
        { ...base, failedAttempts: 0, ...(extra.choices ? { mfaChoices: extra.choices } : {}) },
        lifetimeSeconds,
      );
      if (state === "SELECT_MFA_TYPE") parameters.MFAS_CAN_CHOOSE = JSON.stringify(extra.choices ?? []);
      if (state === "MFA_SETUP") parameters.MFAS_CAN_SETUP = JSON.stringify(extra.choices ?? []);
      if (state === "SOFTWARE_TOKEN_MFA") {
        // The name given at VerifySoftwareToken, so the app can tell the user which authenticator to open.
        const friendlyName = (await db.read((repositories) => repositories.mfa.find(user.id)))?.totpFriendlyName;
        if (friendlyName) parameters.FRIENDLY_DEVICE_NAME = friendlyName;
      }
    }
    await hooks.recordChallenge(context, user, state);
    return { kind: "challenge", challengeName: state, session, parameters };
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

  /** An answer that is malformed rather than wrong: the session stays as it was. */
  async function refuseInput(session: SignInSession, sessionToken: string, message: string): Promise<never> {
    assertTransition(session.state, session.state);
    await sessions.giveBack(sessionToken, session);
    throw invalidParameter(message);
  }

  /** Switches a factor set up during this sign-in on (preferred when nothing else is), with its event. */
  async function enableFactor(
    repositories: Repositories,
    context: ClientContext,
    user: User,
    factor: MfaFactor,
  ): Promise<void> {
    const now = clock.now();
    const row = await repositories.mfa.findForUpdate(user.id, now);
    const next = factorSettingsOf(row);
    if (factor === "EMAIL_OTP") next.emailEnabled = true;
    if (factor === "SOFTWARE_TOKEN_MFA") next.totpEnabled = true;
    next.preferred ??= factor;
    await repositories.mfa.setFactors(user.id, next, now);
    await repositories.events.append(
      {
        type: "MFA_ENABLED",
        poolId: context.pool.id,
        actor: actorOf(context),
        detail: { userSub: user.id, factor, via: "MFA_SETUP" },
      },
      now,
    );
  }

  /** The step after a passed MFA step (device proof or tokens), with the pass recorded in the same transaction. */
  async function pass(
    context: ClientContext,
    user: User,
    session: SignInSession,
    caller: CallerContext,
    attempt: AttemptReservation,
    factor: MfaFactor,
    changes?: Changes,
  ): Promise<SignInStepOutcome> {
    await lockout.passed(attempt);
    return hooks.finish(
      context,
      user,
      caller,
      session.state,
      new Date(session.authTimeMs ?? clock.nowMs()),
      session.deviceKey ?? null,
      async (repositories) => {
        await changes?.(repositories);
        await repositories.events.append(
          {
            type: "MFA_CHALLENGE_PASSED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: { userSub: user.id, factor, challengeName: session.state },
          },
          clock.now(),
        );
      },
    );
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

  async function checkCode(
    context: ClientContext,
    user: User,
    session: SignInSession,
    sessionToken: string,
    caller: CallerContext,
    attempt: AttemptReservation,
    code: string | undefined,
  ): Promise<SignInStepOutcome> {
    const factor = session.state as "SMS_MFA" | "EMAIL_OTP";
    if (!codeMatches(session, user.id, code)) return refuse(context, session, sessionToken, attempt, "wrong code");
    const setup = session.setup;
    if (setup?.factor === "EMAIL_OTP") {
      // The code reached the address, so it is proven: set (and verify) it, then switch EMAIL_OTP on.
      const now = clock.now();
      const updated: User = {
        ...user,
        attributes: { ...user.attributes, email: setup.email, email_verified: "true" },
        updatedAt: now,
      };
      return pass(context, updated, session, caller, attempt, factor, async (repositories) => {
        if (user.attributes.email !== setup.email || user.attributes.email_verified !== "true") {
          await saveUser(repositories, context.pool, updated, { isNew: false });
          await repositories.events.append(
            {
              type: "USER_ATTRIBUTES_CHANGED",
              poolId: context.pool.id,
              actor: actorOf(context),
              detail: { userSub: user.id, attributes: ["email", "email_verified"], via: "MFA_SETUP" },
            },
            now,
          );
        }
        await enableFactor(repositories, context, updated, "EMAIL_OTP");
      });
    }
    if (factor === "SMS_MFA" && user.attributes.phone_number_verified !== "true") {
      // The code reached the phone, which proves the number (cognito-reference §3.4: unverified numbers
      // can be used for SMS MFA and become verified on success).
      const now = clock.now();
      const updated: User = {
        ...user,
        attributes: { ...user.attributes, phone_number_verified: "true" },
        updatedAt: now,
      };
      return pass(context, updated, session, caller, attempt, factor, async (repositories) => {
        await saveUser(repositories, context.pool, updated, { isNew: false });
        await repositories.events.append(
          {
            type: "USER_ATTRIBUTES_CHANGED",
            poolId: context.pool.id,
            actor: actorOf(context),
            detail: { userSub: user.id, attributes: ["phone_number_verified"], via: "SMS_MFA" },
          },
          now,
        );
      });
    }
    return pass(context, user, session, caller, attempt, factor);
  }

  async function checkTotp(
    context: ClientContext,
    user: User,
    session: SignInSession,
    sessionToken: string,
    caller: CallerContext,
    attempt: AttemptReservation,
    code: string | undefined,
  ): Promise<SignInStepOutcome> {
    if (typeof code !== "string" || !/^\d{6}$/.test(code))
      return refuse(context, session, sessionToken, attempt, "malformed code");
    // Replay-protected: a code (or an earlier one) already accepted for this authenticator is refused.
    const result = await db.read((repositories) =>
      verifyTotpForSignIn({ secretBox, totp }, repositories, user.id, code, clock.nowMs()),
    );
    if (result !== "OK")
      return refuse(
        context,
        session,
        sessionToken,
        attempt,
        result === "NOT_SET_UP" ? "no authenticator" : "wrong or reused code",
      );
    return pass(context, user, session, caller, attempt, "SOFTWARE_TOKEN_MFA");
  }

  async function answerSelection(
    context: ClientContext,
    user: User,
    session: SignInSession,
    sessionToken: string,
    caller: CallerContext,
    answer: string | undefined,
  ): Promise<SignInStepOutcome> {
    const choices = session.mfaChoices ?? [];
    const chosen = choices.find((factor) => factor === answer);
    if (!chosen) return refuseInput(session, sessionToken, `ANSWER must be one of ${JSON.stringify(choices)}.`);
    return issue(context, user, caller, "SELECT_MFA_TYPE", session.authTimeMs ?? clock.nowMs(), chosen, {
      deviceKey: session.deviceKey,
    });
  }

  async function answerSetup(
    context: ClientContext,
    user: User,
    session: SignInSession,
    sessionToken: string,
    caller: CallerContext,
    attempt: AttemptReservation,
    responses: Record<string, string>,
  ): Promise<SignInStepOutcome> {
    if (session.setup?.factor === "SOFTWARE_TOKEN_MFA") {
      return pass(context, user, session, caller, attempt, "SOFTWARE_TOKEN_MFA", (repositories) =>
        enableFactor(repositories, context, user, "SOFTWARE_TOKEN_MFA"),
      );
    }
    const choices = session.mfaChoices ?? [];
    const email = responses.EMAIL;
    if (email !== undefined) {
      if (!choices.includes("EMAIL_OTP"))
        return refuseInput(session, sessionToken, "EMAIL_OTP cannot be set up in this user pool.");
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 2048)
        return refuseInput(session, sessionToken, "EMAIL must be an email address.");
      if (email !== user.attributes.email) {
        try {
          checkAttributeWrites(
            context.pool,
            [{ name: "email", value: email }],
            { kind: "client", client: context.client },
            { isCreate: false },
          );
        } catch (error) {
          assertTransition(session.state, session.state);
          await sessions.giveBack(sessionToken, session);
          throw error;
        }
      }
      return issue(context, user, caller, "MFA_SETUP", session.authTimeMs ?? clock.nowMs(), "EMAIL_OTP", {
        setup: { factor: "EMAIL_OTP", email },
        deviceKey: session.deviceKey,
      });
    }
    const how = choices.includes("SOFTWARE_TOKEN_MFA")
      ? "verify an authenticator with associateSoftwareToken and verifySoftwareToken (session) and answer with the session they return"
      : choices.includes("EMAIL_OTP")
        ? "answer with EMAIL"
        : "add a phone_number to the user and sign in again";
    return refuseInput(session, sessionToken, `MFA_SETUP is not complete: ${how}.`);
  }

  return {
    sendCode,
    codeMatches,
    /**
     * A wrong code: the session is given back for another try until the limit (then void), the attempt
     * stays counted towards the lockout.
     * @throws CodeMismatchException always
     */
    refuse,
    /**
     * The step after a proven first factor (and after NEW_PASSWORD_REQUIRED): an MFA challenge, or
     * null when none is due. `beforeChallenge` commits changes that must land before the challenge
     * (the new password of NEW_PASSWORD_REQUIRED). A remembered device (`device.replacesMfa`) stands in
     * for an SMS, email or authenticator code, but not for MFA_SETUP: a user with no factor sets one up.
     * @throws CodeDeliveryFailureException
     */
    async challengeIfDue(
      context: ClientContext,
      user: User,
      caller: CallerContext,
      from: SignInState,
      authTime: Date,
      beforeChallenge: Changes | undefined,
      device: { deviceKey: string | null; replacesMfa: boolean },
    ): Promise<SignInStepOutcome | null> {
      const step = await stepFor(context, user);
      if (step.kind === "none" || (device.replacesMfa && step.kind !== "setup")) return null;
      if (beforeChallenge) await db.transaction(beforeChallenge);
      const authTimeMs = authTime.getTime();
      const deviceKey = device.deviceKey;
      if (step.kind === "challenge") return issue(context, user, caller, from, authTimeMs, step.factor, { deviceKey });
      if (step.kind === "select")
        return issue(context, user, caller, from, authTimeMs, "SELECT_MFA_TYPE", { choices: step.factors, deviceKey });
      return issue(context, user, caller, from, authTimeMs, "MFA_SETUP", { choices: step.factors, deviceKey });
    },

    /**
     * Answers SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE and MFA_SETUP.
     * @throws CodeMismatchException (wrong code; the same session can try again until the limit),
     *         ExpiredCodeException, NotAuthorizedException (session, "Password attempts exceeded" during a lockout),
     *         InvalidParameterException, CodeDeliveryFailureException
     */
    async answer(
      context: ClientContext,
      session: SignInSession,
      sessionToken: string,
      responses: Record<string, string>,
      caller: CallerContext,
    ): Promise<SignInStepOutcome> {
      const user = session.userId
        ? await db.read((repositories) => repositories.users.findById(context.pool.id, session.userId!))
        : null;
      if (!user) throw new CognitoError("NotAuthorizedException", SESSION_EXPIRED);
      verifySecretHash(secretBox, context.client, responses.SECRET_HASH, [responses.USERNAME ?? "", user.username]);
      hooks.assertUserMaySignIn(context, user);
      // Answers during a lockout are refused without being counted (as passwords are); any other answer
      // is counted before the code is checked, and given back if it was right.
      const attempt = await lockout.reserve(context.pool.id, user.id, caller.sourceIp);
      try {
        switch (session.state) {
          case "SMS_MFA":
            return await checkCode(context, user, session, sessionToken, caller, attempt, responses.SMS_MFA_CODE);
          case "EMAIL_OTP":
            // The SDK prose also names it EMAIL_MFA_CODE (cognito-reference §3.2).
            return await checkCode(
              context,
              user,
              session,
              sessionToken,
              caller,
              attempt,
              responses.EMAIL_OTP_CODE ?? responses.EMAIL_MFA_CODE,
            );
          case "SOFTWARE_TOKEN_MFA":
            return await checkTotp(
              context,
              user,
              session,
              sessionToken,
              caller,
              attempt,
              responses.SOFTWARE_TOKEN_MFA_CODE,
            );
          case "SELECT_MFA_TYPE":
            return await answerSelection(context, user, session, sessionToken, caller, responses.ANSWER);
          case "MFA_SETUP":
            return await answerSetup(context, user, session, sessionToken, caller, attempt, responses);
          default:
            throw new Error(`sign-in MFA step reached in state ${session.state}`);
        }
      } finally {
        await lockout.release(attempt);
      }
    },
  };
}
