import type { Clock } from "../../../lib/clock.js";
import { assertPoolAccess } from "../../admin-keys/access.js";
import type { AppClient, ExplicitAuthFlow } from "../../clients/app-client.types.js";
import type { ClientContext } from "../../clients/client-context.js";
import type { ClientContextCache } from "../../clients/client-context-cache.js";
import { CognitoError, invalidParameter } from "../../errors.js";
import { checkInput } from "../../input-constraints.js";
import type {
  CodeHasher,
  Database,
  MessageSender,
  PasswordHasher,
  SecretBox,
  ShortLivedStore,
  SrpServer,
  TotpEngine,
} from "../../ports.js";
import type { AttemptReservation, Lockout } from "../../security/lockout.js";
import type { RefreshService } from "../../tokens/refresh.service.js";
import type { TokenService } from "../../tokens/token.service.js";
import { findUserByIdentifier } from "../../users/identity.js";
import type { ChallengeSessions, SignInSession } from "./challenge-session.js";
import { assertTransition } from "./sign-in.flow.js";
import { createSignInSteps } from "./sign-in.steps.js";
import { createCustomAuthSteps } from "./sign-in.custom.js";
import { runPreAuthentication } from "../../triggers/auth.triggers.js";
import type { TriggerRunner } from "../../triggers/trigger-runner.js";
import type { BuiltInMigrationSource } from "../../triggers/user-migration.js";
import { assertAnswerReadable } from "./sign-in.parameters.js";
import type {
  CallerContext,
  InitiateAuthInput,
  RespondToAuthChallengeInput,
  SignInOutcome,
  SignInStepOutcome,
} from "./sign-in.types.js";
import { createHostedUiSignIn, hostedUiContextOf } from "./sign-in.hosted-ui.js";
import type { PasskeySignIn } from "../../webauthn/passkey-sign-in.js";
import { createOtpFirstFactor } from "./sign-in.otp.js";
import { createPasskeyFirstFactor } from "./sign-in.passkey.js";
import { createPasswordSteps } from "./sign-in.password.js";
import { createUserAuthSteps } from "./sign-in.user-auth.js";
import type { SignUpSessions } from "./sign-up-session.js";
import { createSrpAnswerAttempts } from "./srp-answer-attempt.js";
import { createUserAuthFactors } from "./user-auth-factors.js";

export interface SignInServiceDeps {
  db: Database;
  /** The app client and pool of each call, kept in memory until an admin changes them. */
  contexts: ClientContextCache;
  clock: Clock;
  sessions: ChallengeSessions;
  lockout: Lockout;
  srp: SrpServer;
  hasher: PasswordHasher;
  tokens: TokenService;
  /** REFRESH_TOKEN_AUTH: the refresh checks GetTokensFromRefreshToken makes too. */
  refresh: RefreshService;
  secretBox: SecretBox;
  codeHasher: CodeHasher;
  /** Checks SOFTWARE_TOKEN_MFA codes. */
  totp: TotpEngine;
  /** Sends SMS_MFA and EMAIL_OTP codes. */
  sender: MessageSender;
  /** Pre/PostAuthentication, UserMigration and the CUSTOM_AUTH challenge triggers. */
  triggers: TriggerRunner;
  /** The pools' built-in migration sources (old Cognito pools), asked where no UserMigration trigger is set. */
  migrationSource?: BuiltInMigrationSource | null;
  /** The managed sign-in pages' sign-up hand-offs (sign-in.hosted-ui.ts); the sign-in code budgets (sign-in.codes.ts). */
  store: ShortLivedStore;
  /** USER_AUTH's WEB_AUTHN (reference-oauth §13.4); null: passkeys are not served and WEB_AUTHN is never available. */
  passkeys: PasskeySignIn | null;
  /** The Sessions SignUp and ConfirmSignUp return, redeemed by InitiateAuth USER_AUTH (§13.6). */
  signUpSessions: SignUpSessions;
  /** Floor on a USER_AUTH code step's response time when the client hides users (as the sign-up flows' floor). */
  enumerationSafeMs: number;
}

export type SignInService = ReturnType<typeof createSignInService>;

const REQUIRED_FLOW: Record<string, ExplicitAuthFlow> = {
  USER_SRP_AUTH: "ALLOW_USER_SRP_AUTH",
  USER_PASSWORD_AUTH: "ALLOW_USER_PASSWORD_AUTH",
  ADMIN_USER_PASSWORD_AUTH: "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  REFRESH_TOKEN_AUTH: "ALLOW_REFRESH_TOKEN_AUTH",
  CUSTOM_AUTH: "ALLOW_CUSTOM_AUTH",
  USER_AUTH: "ALLOW_USER_AUTH",
};

export function createSignInService(deps: SignInServiceDeps) {
  const { db, clock, sessions, lockout, srp, secretBox } = deps;
  const steps = createSignInSteps(deps);
  const srpAnswers = createSrpAnswerAttempts({ sessions, lockout, secretBox, clock });

  async function loadCaller(clientId: string, caller: CallerContext): Promise<ClientContext> {
    const context = await deps.contexts.get(clientId);
    if (caller.hostedUi) return hostedUiContextOf(context);
    if (caller.admin) {
      assertPoolAccess(caller.admin.principal, caller.admin.poolId);
      if (context.pool.id !== caller.admin.poolId)
        throw new CognitoError(
          "ResourceNotFoundException",
          `User pool client ${clientId} does not exist in user pool ${caller.admin.poolId}.`,
        );
    }
    return context;
  }

  function assertFlowAllowed(client: AppClient, flow: string, caller: CallerContext): void {
    const adminOnly = flow === "ADMIN_USER_PASSWORD_AUTH";
    const publicOnly = flow === "USER_PASSWORD_AUTH";
    if ((adminOnly && !caller.admin) || (publicOnly && caller.admin))
      throw invalidParameter(`${flow} is not a valid flow for this operation.`);
    const required = REQUIRED_FLOW[flow];
    if (!required) throw invalidParameter(`Auth flow ${flow} is not supported by this gateway yet.`);
    if (!client.explicitAuthFlows.includes(required))
      throw invalidParameter(`${flow} flow not enabled for this client`);
  }

  // The password as first factor, with the simulated identity of a name with no password (sign-in.password.ts).
  const { startSrp, passwordFlow, verifyPasswordClaim, failPassword, simulated } = createPasswordSteps(deps, {
    steps,
    srpAnswers,
    afterCustomPasswordVerifier: (context, user, session, caller) =>
      custom.afterPasswordVerifier(context, user, session, caller),
  });

  const custom = createCustomAuthSteps(deps, {
    afterPassword: (context, user, caller, from) => steps.afterPassword(context, user, caller, from, null),
    startSrp,
    recordChallenge: steps.recordChallenge,
    lockoutSubjectOf: (context, user, userName) =>
      user ? user.id : simulated.lockoutSubjectOf(simulated.usernameOf(context.pool, userName)),
    simulatedUsernameOf: (context, typedName) => simulated.usernameOf(context.pool, typedName),
    fail: (context, user, reason, attempt) => failPassword(context, user, reason, attempt),
  });

  const factors = createUserAuthFactors({ db, passkeys: deps.passkeys });
  const userAuth = createUserAuthSteps(
    { ...deps, factors },
    {
      passwordFlow,
      startSrp: (context, parameters, caller, from) => startSrp(context, parameters, caller, {}, from),
      otp: createOtpFirstFactor(deps, {
        codes: steps.codes,
        finish: steps.finish,
        recordChallenge: steps.recordChallenge,
        simulated,
      }),
      passkey: createPasskeyFirstFactor(deps, {
        finish: steps.finish,
        recordChallenge: steps.recordChallenge,
        simulated,
        fail: failPassword,
      }),
      finish: steps.finish,
      recordChallenge: steps.recordChallenge,
      simulated,
    },
  );

  /** The pages' sign-in after confirming their own sign-up (sign-in.hosted-ui.ts): what follows a proven password. */
  async function signInConfirmedUser(
    context: ClientContext,
    userId: string,
    username: string,
    caller: CallerContext,
  ): Promise<SignInStepOutcome | null> {
    const user = await db.read((repositories) => findUserByIdentifier(repositories, context.pool, username));
    if (!user || user.id !== userId) return null;
    await runPreAuthentication(deps.triggers, context.pool, {
      user,
      userName: username,
      clientId: context.client.clientId,
      validationData: caller.clientMetadata ?? null,
    });
    return steps.afterPassword(context, user, caller, "START", null);
  }

  /** InitiateAuth's dispatch (the public method narrows its outcome to the API's). */
  async function initiateStep(input: InitiateAuthInput, caller: CallerContext): Promise<SignInStepOutcome> {
    checkInput({ clientId: input.clientId, authParameters: input.authParameters });
    const context = await loadCaller(input.clientId, caller);
    const flow =
      input.authFlow === "ADMIN_NO_SRP_AUTH"
        ? "ADMIN_USER_PASSWORD_AUTH"
        : input.authFlow === "REFRESH_TOKEN"
          ? "REFRESH_TOKEN_AUTH"
          : input.authFlow;
    assertFlowAllowed(context.client, flow, caller);
    if (flow === "USER_SRP_AUTH") return startSrp(context, input.authParameters, caller);
    if (flow === "CUSTOM_AUTH") return custom.start(context, input.authParameters, caller);
    if (flow === "REFRESH_TOKEN_AUTH") return steps.refresh(context, input.authParameters);
    if (flow === "USER_AUTH") return userAuth.start(context, input.authParameters, input.session, caller);
    return passwordFlow(context, input.authParameters, caller);
  }

  /** RespondToAuthChallenge's dispatch, shared with the managed sign-in pages (caller.hostedUi). */
  async function respondStep(input: RespondToAuthChallengeInput, caller: CallerContext): Promise<SignInStepOutcome> {
    checkInput({ clientId: input.clientId, session: input.session, challengeResponses: input.challengeResponses });
    const context = await loadCaller(input.clientId, caller);
    // A PASSWORD_VERIFIER answer's attempt comes reserved with its session; it is given back unless weighed.
    const { session, attempt } = await srpAnswers.take(context.pool.id, input.session, caller.sourceIp);
    try {
      return await answer(context, session, input, caller, attempt);
    } finally {
      if (attempt) await lockout.release(attempt);
    }
  }

  async function answer(
    context: ClientContext,
    session: SignInSession,
    input: RespondToAuthChallengeInput,
    caller: CallerContext,
    attempt: AttemptReservation | null,
  ): Promise<SignInStepOutcome> {
    // A session answers only where it was opened: the same client, the admin API or not, the pages or not.
    if (
      session.poolId !== context.pool.id ||
      session.clientId !== context.client.clientId ||
      session.viaAdmin !== (caller.admin !== null) ||
      (session.hostedUi ?? false) !== (caller.hostedUi ?? false)
    ) {
      throw new CognitoError("NotAuthorizedException", "Invalid session for the user, session is expired.");
    }
    // An answer to another challenge, or one without what this challenge needs, is a client error with
    // nothing tried: the session goes back for a corrected answer. It was taken (single use) first, so
    // of parallel answers only the one holding it is judged, and only a weighed answer can use it up.
    try {
      if (input.challengeName !== session.state)
        throw invalidParameter(`This session is waiting for ${session.state}, not ${input.challengeName}.`);
      assertAnswerReadable(session.state, input.challengeResponses, srp.isAcceptableA);
    } catch (error) {
      assertTransition(session.state, session.state);
      await sessions.giveBack(input.session, session);
      throw error;
    }
    if (session.state === "PASSWORD_VERIFIER")
      return verifyPasswordClaim(context, session, input.session, input.challengeResponses, caller, attempt);
    if (session.state === "CUSTOM_CHALLENGE") return custom.answer(context, session, input.challengeResponses, caller);
    if (session.state === "SELECT_CHALLENGE")
      return userAuth.answerSelection(context, session, input.session, input.challengeResponses, caller);
    if (session.state === "WEB_AUTHN")
      return userAuth.answerPasskey(context, session, input.session, input.challengeResponses, caller);
    if (session.firstFactor)
      return userAuth.answerOtp(context, session, input.session, input.challengeResponses, caller);
    if (session.state === "NEW_PASSWORD_REQUIRED")
      return steps.answerNewPassword(context, session, input.session, input.challengeResponses, caller);
    if (session.state === "DEVICE_SRP_AUTH")
      return steps.answerDeviceSrpAuth(context, session, input.challengeResponses, caller);
    if (session.state === "DEVICE_PASSWORD_VERIFIER")
      return steps.answerDevicePasswordVerifier(context, session, input.challengeResponses, caller);
    return steps.answerMfa(context, session, input.session, input.challengeResponses, caller);
  }

  /** The API callers never carry hostedUi, so their sign-ins end with tokens or a challenge. */
  const apiOutcomeOf = (outcome: SignInStepOutcome): SignInOutcome => {
    if (outcome.kind === "signed-in") throw new Error("an API sign-in ended as a managed sign-in page sign-in");
    return outcome;
  };

  return {
    /**
     * InitiateAuth / AdminInitiateAuth.
     * @throws InvalidParameterException (flow, parameters), NotAuthorizedException (password, secret hash, lockout, user state),
     *         UserNotFoundException (LEGACY clients), UserNotConfirmedException, PasswordResetRequiredException, TooManyRequestsException
     */
    async initiateAuth(input: InitiateAuthInput, caller: CallerContext): Promise<SignInOutcome> {
      return apiOutcomeOf(await initiateStep(input, caller));
    },

    /**
     * RespondToAuthChallenge / AdminRespondToAuthChallenge: the session must be this client's, for
     * this pool, waiting for exactly this challenge; it is used once. An answer naming another challenge,
     * or missing a parameter its challenge needs, is refused with the session kept and nothing counted.
     * @throws NotAuthorizedException (session expired/reused/void, wrong answer), InvalidParameterException (session kept), InvalidPasswordException,
     *         CodeMismatchException (wrong MFA code: the same session may try again until its limit), ExpiredCodeException, CodeDeliveryFailureException,
     *         ResourceNotFoundException "Device does not exist." (unknown DEVICE_KEY: the PASSWORD_VERIFIER session stays usable for the retry without it)
     */
    async respondToAuthChallenge(input: RespondToAuthChallengeInput, caller: CallerContext): Promise<SignInOutcome> {
      return apiOutcomeOf(await respondStep(input, caller));
    },

    /** GetUserAuthFactors / AdminGetUserAuthFactors (user-auth-factors.ts). */
    getUserAuthFactors: factors.getUserAuthFactors,
    adminGetUserAuthFactors: factors.adminGetUserAuthFactors,

    /** The managed sign-in pages' sign-in (sign-in.hosted-ui.ts). */
    hostedUi: createHostedUiSignIn({
      passwordFlow,
      userAuthStart: (context, parameters, caller) => userAuth.start(context, parameters, null, caller),
      respond: respondStep,
      loadContext: loadCaller,
      peekSession: sessions.peek,
      signInConfirmedUser,
      store: deps.store,
      secretBox,
    }),
  };
}
