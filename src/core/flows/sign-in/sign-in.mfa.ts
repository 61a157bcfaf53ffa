import type { ClientContext } from "../../clients/client-context.js";
import { verifySecretHash } from "../../clients/client-context.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import type { AttemptReservation } from "../../security/lockout.js";
import { mfaStepFor, type MfaStep } from "../../mfa/mfa-factors.js";
import type { MfaFactor } from "../../mfa/mfa.types.js";
import { checkAttributeWrites } from "../../users/attribute-rules.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import { userAtCommit, type CommitChanges } from "./sign-in.account-state.js";
import { createSignInCodeSteps } from "./sign-in.codes.js";
import type { MfaStandIn } from "./sign-in.devices.js";
import { assertTransition, type MfaChallengeState, type SignInState } from "./sign-in.flow.js";
import { createSignInMfaChecks } from "./sign-in.mfa-checks.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import { sessionBaseOf } from "./sign-in.parameters.js";
import type { CallerContext, SignInStepOutcome } from "./sign-in.types.js";

/** SMS and email sign-in codes: 6 digits, as Cognito sends for SMS MFA (cognito-reference §9.1). */
export const MFA_CODE_DIGITS = 6;

const SESSION_EXPIRED = "Invalid session for the user, session is expired.";

/** Refusals of an MFA_SETUP answer with an EMAIL made before any code went out. */
const SETUP_STAYS_OPEN_ON: ReadonlySet<string> = new Set(["InvalidParameterException", "LimitExceededException"]);

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
    changes?: CommitChanges,
  ): Promise<SignInStepOutcome>;
  recordChallenge(context: ClientContext, user: User | null, challengeName: string): Promise<void>;
  assertUserMaySignIn(context: ClientContext, user: User): void;
}

/** The MFA part of a sign-in: choosing the step after the password, sending codes, checking answers. */
export function createSignInMfaSteps(deps: SignInServiceDeps, hooks: SignInStepHooks) {
  const { db, clock, sessions, lockout, secretBox } = deps;
  const codes = createSignInCodeSteps(deps);
  const { enableFactor, pass, checkCode, checkTotp } = createSignInMfaChecks(deps, { finish: hooks.finish, codes });

  /** The MFA step due for this user now. */
  async function stepFor(context: ClientContext, user: User): Promise<MfaStep> {
    if (context.pool.mfaConfiguration === "OFF") return { kind: "none" };
    const row = await db.read((repositories) => repositories.mfa.find(user.id));
    return mfaStepFor(user, context.pool, row);
  }

  /**
   * Opens the session for an MFA challenge and, for SMS_MFA and EMAIL_OTP, sends a fresh code (sendCode),
   * counted in the user's MFA code budget first.
   * @throws LimitExceededException (SIGN_IN_CODES_PER_HOUR), CodeDeliveryFailureException
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
      // Every password sign-in and every MFA_SETUP answer with an EMAIL sends a message: counted per
      // user, so neither a password nor a typed address buys an unbounded stream of them.
      await codes.countCode("mfa", context.pool.id, user.id);
      const { state: _state, ...fields } = base;
      const sent = await codes.sendCode(
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

  /** An answer that is malformed rather than wrong: the session stays as it was. */
  async function refuseInput(session: SignInSession, sessionToken: string, message: string): Promise<never> {
    assertTransition(session.state, session.state);
    await sessions.giveBack(sessionToken, session);
    throw invalidParameter(message);
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
      return pass(context, user, session, caller, attempt, "SOFTWARE_TOKEN_MFA", async (repositories, current) => {
        await enableFactor(repositories, context, current, "SOFTWARE_TOKEN_MFA");
        return current;
      });
    }
    const choices = session.mfaChoices ?? [];
    const email = responses.EMAIL;
    if (email !== undefined) {
      if (!choices.includes("EMAIL_OTP"))
        return refuseInput(session, sessionToken, "EMAIL_OTP cannot be set up in this user pool.");
      // Only a user without an email sets one here. An address the user has (verified or not) is where
      // the MFA code goes (mfa-factors.ts); replacing it from a sign-in would let whoever holds the
      // password take over the account's recovery. One given since this challenge went out ends up here.
      if (user.attributes.email !== undefined)
        return refuseInput(
          session,
          sessionToken,
          "EMAIL_OTP cannot be set up with an EMAIL: the user has an email address already. Sign in again to get a code there.",
        );
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 2048)
        return refuseInput(session, sessionToken, "EMAIL must be an email address.");
      try {
        checkAttributeWrites(
          context.pool,
          [{ name: "email", value: email }],
          { kind: "client", client: context.client },
          { isCreate: false },
        );
        return await issue(context, user, caller, "MFA_SETUP", session.authTimeMs ?? clock.nowMs(), "EMAIL_OTP", {
          setup: { factor: "EMAIL_OTP", email },
          deviceKey: session.deviceKey,
        });
      } catch (error) {
        // Refused before anything was sent (the address, or the code limit): the setup stays open, for
        // an authenticator instead.
        if (!(error instanceof CognitoError) || !SETUP_STAYS_OPEN_ON.has(error.code)) throw error;
        assertTransition(session.state, session.state);
        await sessions.giveBack(sessionToken, session);
        throw error;
      }
    }
    const how = choices.includes("SOFTWARE_TOKEN_MFA")
      ? "verify an authenticator with associateSoftwareToken and verifySoftwareToken (session) and answer with the session they return"
      : choices.includes("EMAIL_OTP")
        ? "answer with EMAIL"
        : "add a phone_number to the user and sign in again";
    return refuseInput(session, sessionToken, `MFA_SETUP is not complete: ${how}.`);
  }

  return {
    /** The MFA steps' code machinery, shared with USER_AUTH's first-factor codes (sign-in.otp.ts). */
    codes,
    /**
     * The step after a proven first factor (and after NEW_PASSWORD_REQUIRED): an MFA challenge, or
     * null when none is due. `beforeChallenge` commits changes that must land before the challenge
     * (the new password of NEW_PASSWORD_REQUIRED). A remembered device (`device.standIn`, which the
     * caller then asks to prove itself) stands in for an SMS, email or authenticator code, but not for
     * MFA_SETUP: a user with no factor sets one up.
     * @throws CodeDeliveryFailureException
     */
    async challengeIfDue(
      context: ClientContext,
      user: User,
      caller: CallerContext,
      from: SignInState,
      authTime: Date,
      beforeChallenge: CommitChanges | undefined,
      device: { deviceKey: string | null; standIn: MfaStandIn | null },
    ): Promise<SignInStepOutcome | null> {
      const step = await stepFor(context, user);
      if (step.kind === "none" || (device.standIn !== null && step.kind !== "setup")) return null;
      if (beforeChallenge)
        await db.transaction((repositories) =>
          userAtCommit(repositories, context, user.id, clock.nowMs(), beforeChallenge),
        );
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
              responses.EMAIL_OTP_CODE || responses.EMAIL_MFA_CODE,
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
