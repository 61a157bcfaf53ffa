import { randomTokenBase64Url } from "../../../lib/random.js";
import { hmacSha256Base64, sha256Hex } from "../../../lib/secrets.js";
import type { ClientContext } from "../../clients/client-context.js";
import { invalidParameter } from "../../errors.js";
import { checkInput } from "../../input-constraints.js";
import type { SecretBox, ShortLivedStore } from "../../ports.js";
import { allowsPasswordless, type FirstAuthFactor } from "../../pools/sign-in-policy.js";
import type { PasswordPolicy, UsernameAttribute } from "../../pools/user-pool.types.js";
import { runPostAuthentication } from "../../triggers/auth.triggers.js";
import type { User } from "../../users/user.types.js";
import type { SignInSession } from "./challenge-session.js";
import { userAtCommit, type CommitChanges } from "./sign-in.account-state.js";
import { assertTransition, type SignInState } from "./sign-in.flow.js";
import type { SignInServiceDeps } from "./sign-in.service.js";
import type {
  CallerContext,
  HostedUiSignedIn,
  RespondToAuthChallengeInput,
  SignInChallengeOutcome,
  SignInStepOutcome,
} from "./sign-in.types.js";

/** What the managed sign-in pages see of a sign-in: a challenge for the next page, or who signed in. */
export type HostedUiOutcome = SignInChallengeOutcome | HostedUiSignedIn;

/** The address a page request came from: the per-address lockout applies to the pages as to the APIs. */
export interface HostedUiCaller {
  sourceIp: string | null;
}

/** What the hosted-UI entry needs from the sign-in service. */
export interface HostedUiHooks {
  /** USER_PASSWORD_AUTH's password step, for a context and caller already resolved. */
  passwordFlow(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
  ): Promise<SignInStepOutcome>;
  /** USER_AUTH's first step (InitiateAuth without a Session), for a context and caller already resolved: no ExplicitAuthFlows check. */
  userAuthStart(
    context: ClientContext,
    parameters: Record<string, string>,
    caller: CallerContext,
  ): Promise<SignInStepOutcome>;
  /** RespondToAuthChallenge's dispatch, for a caller already marked as the pages. */
  respond(input: RespondToAuthChallengeInput, caller: CallerContext): Promise<SignInStepOutcome>;
  loadContext(clientId: string, caller: CallerContext): Promise<ClientContext>;
  /** Reads a live sign-in session without using it up (ChallengeSessions.peek). */
  peekSession(token: string): Promise<Pick<SignInSession, "state">>;
  /**
   * The steps after a proven password for the user `username` names, when that is the user `userId`
   * (null otherwise): PreAuthentication, then MFA, challenges or the signed-in user.
   */
  signInConfirmedUser(
    context: ClientContext,
    userId: string,
    username: string,
    caller: CallerContext,
  ): Promise<SignInStepOutcome | null>;
  /** Keeps the pages' sign-up hand-offs (Redis when shared). */
  store: ShortLivedStore;
  secretBox: SecretBox;
}

/** How long after a sign-up on the pages its confirmation there still signs the person in. */
const SIGN_UP_HANDOFF_SECONDS = 15 * 60;
/** Keyed by hash, as sign-in sessions are: a dump of the store cannot be replayed. */
const handoffKeyOf = (token: string) => `hosted-signup:${sha256Hex(token)}`;

/** A page answering another step than its session waits for; the pages show it as "start again". */
export const WRONG_STEP_MESSAGE = "This sign-in session is waiting for another step.";
const wrongStep = () => invalidParameter(WRONG_STEP_MESSAGE);

/** What the pages need to know of a pool to draw their forms. */
export interface HostedUiPageSettings {
  /** The client's pool: a page of another pool must not act for it. */
  poolId: string;
  poolName: string;
  /** Email and/or phone number stand in for the username (UsernameAttributes). */
  usernameAttributes: UsernameAttribute[];
  /** Attributes the sign-up form asks for besides the username and password, in schema order. */
  signUpAttributes: string[];
  /** False when only administrators create users (AllowAdminCreateUserOnly): no sign-up link, no /signup. */
  allowsSignUp: boolean;
  passwordPolicy: PasswordPolicy;
  /** The pool's AllowedFirstAuthFactors (SignInPolicy): more than PASSWORD makes /login choice-based. */
  firstFactors: FirstAuthFactor[];
  /** A passwordless first factor is allowed: /login asks for the name first and offers the user's factors. */
  isChoiceBased: boolean;
}

/** The first factors a page may ask USER_AUTH to go straight to; a password comes with its own form. */
export type HostedUiPreferredFactor = "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN";
const PREFERRABLE: readonly string[] = ["EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] satisfies HostedUiPreferredFactor[];

/**
 * The sign-up form's attributes: the pool's required ones, and the address a confirmation code goes to
 * when the pool verifies one, unless the username already is it.
 */
function signUpAttributesOf(context: ClientContext): string[] {
  const { pool } = context;
  const asked = new Set(
    pool.schemaAttributes
      .filter((attribute) => attribute.required && attribute.name !== "sub")
      .map((attribute) => attribute.name),
  );
  for (const verified of pool.autoVerifiedAttributes) asked.add(verified);
  for (const name of pool.usernameAttributes) asked.delete(name);
  const order = pool.schemaAttributes.map((attribute) => attribute.name);
  return [...asked].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * The client as the pages sign in with it. The pages are the pool's own: a confidential client proves
 * its secret at /oauth2/token, so no SECRET_HASH is asked of the person typing a password. And they
 * hide users whatever the client's PreventUserExistenceErrors, as Cognito's hosted UI does: an unknown
 * name is simulated and counted towards lockout exactly like a real one (with LEGACY it was refused
 * before any failure was counted, so only real names ever locked out — an existence oracle).
 */
export const hostedUiContextOf = (context: ClientContext): ClientContext => ({
  ...context,
  client: { ...context.client, secretCiphertext: null, preventUserExistenceErrors: "ENABLED" },
});

const callerOf = (caller: HostedUiCaller): CallerContext => ({
  sourceIp: caller.sourceIp,
  admin: null,
  clientMetadata: null,
  hostedUi: true,
});

function asHostedOutcome(outcome: SignInStepOutcome): HostedUiOutcome {
  // Steps run for a hosted-UI caller end in finish(), which never mints tokens for it.
  if (outcome.kind === "authenticated") throw new Error("a managed sign-in page sign-in ended with API tokens");
  return outcome;
}

/**
 * The last step of a sign-in on the managed pages (reference-oauth §8): what complete() does for the
 * APIs (PostAuthentication, the lockout's success, SIGN_IN_SUCCEEDED with the step's changes in one
 * transaction) but no refresh-token row, no tokens and no device: the authorization code carries the
 * sign-in on, and tokens minted from it say TokenGeneration_HostedAuth. Its transaction always reads
 * the user again (userAtCommit): it is a plain transaction anyway, so the check costs one statement.
 */
export async function completeHostedUiSignIn(
  { db, clock, lockout, triggers }: SignInServiceDeps,
  context: ClientContext,
  user: User,
  from: SignInState,
  authTime: Date,
  changes: CommitChanges | undefined,
  clientMetadata: Record<string, string> | null,
): Promise<HostedUiSignedIn> {
  assertTransition(from, "AUTHENTICATED");
  // Before anything is recorded: a refusing PostAuthentication fails the sign-in with no session started.
  await runPostAuthentication(triggers, context.pool, {
    user,
    clientId: context.client.clientId,
    newDeviceUsed: false,
    clientMetadata,
  });
  await lockout.recordSuccess(context.pool.id, user.id);
  await db.transaction(async (repositories) => {
    await userAtCommit(repositories, context, user.id, clock.nowMs(), changes);
    await repositories.events.append(
      {
        type: "SIGN_IN_SUCCEEDED",
        poolId: context.pool.id,
        actor: `client:${context.client.clientId}`,
        detail: { userSub: user.id, clientId: context.client.clientId, via: "HOSTED_UI" },
      },
      clock.now(),
    );
  });
  return { kind: "signed-in", userId: user.id, authTime };
}

/**
 * The managed sign-in pages' way in: USER_PASSWORD_AUTH whatever the client's ExplicitAuthFlows (as
 * Cognito's hosted UI), with the same lockout, triggers, challenges, events and user-existence rules.
 */
export function createHostedUiSignIn(hooks: HostedUiHooks) {
  const contextOf = (clientId: string) => hooks.loadContext(clientId, { sourceIp: null, admin: null });
  return {
    /** @throws ResourceNotFoundException (unknown client) */
    async pageSettings(clientId: string): Promise<HostedUiPageSettings> {
      const context = await contextOf(clientId);
      return {
        poolId: context.pool.id,
        poolName: context.pool.name,
        usernameAttributes: context.pool.usernameAttributes,
        signUpAttributes: signUpAttributesOf(context),
        allowsSignUp: !context.pool.adminCreateUserConfig.allowAdminCreateUserOnly,
        passwordPolicy: context.pool.passwordPolicy,
        firstFactors: [...context.pool.signInPolicy.allowedFirstAuthFactors],
        isChoiceBased: allowsPasswordless(context.pool.signInPolicy),
      };
    },

    /**
     * The SECRET_HASH the sign-up, confirmation and password-reset services ask of a confidential
     * client, made here for the pages (they are the pool's own, as the hosted UI is Cognito's); null
     * for a client without a secret. Only the pages get this, through the services object.
     * @throws ResourceNotFoundException (unknown client)
     */
    async secretHashOf(clientId: string, username: string): Promise<string | null> {
      const { client } = await contextOf(clientId);
      if (client.secretCiphertext === null) return null;
      return hmacSha256Base64(hooks.secretBox.decrypt(client.secretCiphertext), username + client.clientId);
    },

    /**
     * The username and password of the sign-in form.
     * @throws NotAuthorizedException (password, unknown name, lockout, disabled), UserNotConfirmedException, PasswordResetRequiredException,
     *         TooManyRequestsException, InvalidParameterException, trigger errors
     */
    async signIn(
      input: { clientId: string; username: string; password: string },
      pageCaller: HostedUiCaller,
    ): Promise<HostedUiOutcome> {
      const authParameters = { USERNAME: input.username, PASSWORD: input.password };
      checkInput({ clientId: input.clientId, authParameters });
      const caller = callerOf(pageCaller);
      const context = await hooks.loadContext(input.clientId, caller);
      return asHostedOutcome(await hooks.passwordFlow(context, authParameters, caller));
    },

    /**
     * Choice-based sign-in (managed login v2, reference-oauth §13.2): USER_AUTH for the name typed,
     * whatever the client's ExplicitAuthFlows (the pages are the pool's own, as for passwords). Without a
     * preferred factor: SELECT_CHALLENGE with the user's AvailableChallenges (a name with no user gets
     * the simulated full set, as on the APIs). With one the user has: straight to it (code sent, passkey
     * options); one the user lacks: the choice instead. A password is not started here: its form posts
     * username and password to signIn, which is USER_AUTH's PASSWORD step (the same password flow).
     * @throws NotAuthorizedException (lockout, no usable factor), TooManyRequestsException, CodeDeliveryFailureException,
     *         WebAuthnConfigurationMissingException, InvalidParameterException, trigger errors
     */
    async startUserAuth(
      input: { clientId: string; username: string; preferred?: HostedUiPreferredFactor | null },
      pageCaller: HostedUiCaller,
    ): Promise<HostedUiOutcome> {
      const authParameters: Record<string, string> = { USERNAME: input.username };
      if (input.preferred) {
        if (!PREFERRABLE.includes(input.preferred))
          throw invalidParameter("PREFERRED_CHALLENGE is not a factor the pages start.");
        authParameters.PREFERRED_CHALLENGE = input.preferred;
      }
      checkInput({ clientId: input.clientId, authParameters });
      const caller = callerOf(pageCaller);
      const context = await hooks.loadContext(input.clientId, caller);
      return asHostedOutcome(await hooks.userAuthStart(context, authParameters, caller));
    },

    /**
     * Remembers a sign-up made on the pages (Cognito's hosted UI signs the person in once they confirm
     * it): a random token for the browser's cookie, and server-side only the client and the user id —
     * never the password. Used once by signInAfterConfirmation.
     */
    async rememberSignUp(input: {
      clientId: string;
      userSub: string;
    }): Promise<{ token: string; maxAgeSeconds: number }> {
      const token = randomTokenBase64Url(32);
      await hooks.store.set(
        handoffKeyOf(token),
        JSON.stringify({ clientId: input.clientId, userSub: input.userSub }),
        SIGN_UP_HANDOFF_SECONDS,
      );
      return { token, maxAgeSeconds: SIGN_UP_HANDOFF_SECONDS };
    },

    /**
     * After a successful confirmation on the pages: the sign-in of the sign-up this browser made, if
     * its hand-off is live, for this client, and for the user just confirmed. The hand-off is consumed
     * atomically whatever the outcome (of parallel confirmations at most one signs in). The code the
     * person typed and the cookie only the signing-up browser holds stand in for the password; MFA and
     * the other steps after a password apply as usual. Null: sign in with the password instead.
     * @throws as the steps after a password (disabled user, PreAuthentication, MFA delivery)
     */
    async signInAfterConfirmation(
      input: { clientId: string; username: string; token: string },
      pageCaller: HostedUiCaller,
    ): Promise<HostedUiOutcome | null> {
      if (input.token.length < 20 || input.token.length > 256) return null;
      const raw = await hooks.store.consume(handoffKeyOf(input.token));
      if (raw === null) return null;
      const handoff = JSON.parse(raw) as { clientId: string; userSub: string };
      if (handoff.clientId !== input.clientId) return null;
      const caller = callerOf(pageCaller);
      const context = await hooks.loadContext(input.clientId, caller);
      const outcome = await hooks.signInConfirmedUser(context, handoff.userSub, input.username, caller);
      return outcome ? asHostedOutcome(outcome) : null;
    },

    /**
     * The answer to a challenge page (new password, MFA code, factor choice, authenticator setup). Only
     * sessions the pages opened are accepted.
     * @throws as RespondToAuthChallenge
     */
    async respond(input: RespondToAuthChallengeInput, pageCaller: HostedUiCaller): Promise<HostedUiOutcome> {
      // A form posting another step than the session waits for (a changed hidden field) is refused
      // before the session is used up, so the person's sign-in survives it.
      const waiting = await hooks.peekSession(input.session);
      if (waiting.state !== input.challengeName) throw wrongStep();
      return asHostedOutcome(await hooks.respond(input, callerOf(pageCaller)));
    },
  };
}

export type HostedUiSignIn = ReturnType<typeof createHostedUiSignIn>;
