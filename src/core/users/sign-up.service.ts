import type { Clock } from "../../lib/clock.js";
import { withMinimumDuration } from "../../lib/timing.js";
import type { AppClient } from "../clients/app-client.types.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import { verifySecretHash } from "../clients/client-context.js";
import { CognitoError, invalidParameter, isCognitoError } from "../errors.js";
import { checkInput } from "../input-constraints.js";
import { codeSentElsewhere, type CodeService, type ComposedCode } from "../messaging/code.service.js";
import { signUpTarget, type CodeDeliveryDetails } from "../messaging/delivery.js";
import type { Database, MessageSender, PasswordHasher, SecretBox } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { runPostConfirmation, runPreSignUp } from "../triggers/sign-up.triggers.js";
import type { TriggerRunner } from "../triggers/trigger-runner.js";
import {
  checkAttributeWrites,
  checkRequiredAttributes,
  toAttributeMap,
  type AttributeInput,
} from "./attribute-rules.js";
import { classifySignUpUsername, findUserByIdentifier } from "./identity.js";
import { checkPasswordAgainstPolicy } from "./password-policy.js";
import { allowsPasswordless } from "../pools/sign-in-policy.js";
import type { SignUpSessions } from "../flows/sign-in/sign-up-session.js";
import { normalizeTypedName } from "./typed-name.js";
import { confirmUser } from "./user-confirmation.js";
import { buildNewUser, saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

export interface SignUpServiceDeps {
  db: Database;
  /** The app client and its pool, kept per process (invalidated across processes on every change). */
  contexts: Pick<ClientContextCache, "get">;
  clock: Clock;
  hasher: PasswordHasher;
  codes: CodeService;
  secretBox: SecretBox;
  /** Floor on the response time of calls that must not reveal whether a user exists. */
  enumerationSafeMs: number;
  /** The pool's Lambda-style triggers (PreSignUp, PostConfirmation, UserMigration). */
  triggers: TriggerRunner;
  /** Sends the welcome message of a user migrated at ForgotPassword. */
  sender: MessageSender;
  /** The Sessions SignUp and ConfirmSignUp return for USER_AUTH's sign-in without another code (reference-oauth §13.6). */
  signUpSessions?: SignUpSessions;
}

export interface SignUpInput {
  clientId: string;
  username: string;
  /** Absent or empty: a passwordless user, where the pool allows a passwordless first factor (§13.6). */
  password?: string | null;
  userAttributes: AttributeInput[];
  secretHash?: string | null;
  /** Passed to the PreSignUp trigger; not stored. */
  validationData?: AttributeInput[] | null;
  clientMetadata?: Record<string, string> | null;
}

export interface SignUpResult {
  userSub: string;
  userConfirmed: boolean;
  codeDeliveryDetails: CodeDeliveryDetails | null;
  /** For InitiateAuth USER_AUTH once the user is confirmed (null when the service has no session store). */
  session: string | null;
}

export type SignUpService = ReturnType<typeof createSignUpService>;

/**
 * The managed sign-in pages hide users whatever the client's PreventUserExistenceErrors: Cognito's
 * hosted UI never tells which names exist, and a page is the easiest place to ask. The APIs never set it.
 */
export interface HidesUsersOverride {
  hidesUsers?: boolean;
}

export const hidesUsersFor = (
  client: Pick<AppClient, "preventUserExistenceErrors">,
  input: HidesUsersOverride,
): boolean => input.hidesUsers === true || client.preventUserExistenceErrors === "ENABLED";

/** Per-user call limits for the sign-up codes (cognito-reference §9.1). */
const CONFIRM_SIGN_UP_PER_HOUR = 15;
const RESEND_PER_HOUR = 5;

export function createSignUpService({
  db,
  contexts,
  clock,
  hasher,
  codes,
  secretBox,
  enumerationSafeMs,
  triggers,
  signUpSessions,
}: SignUpServiceDeps) {
  /** A Session for InitiateAuth USER_AUTH, valid for the client's auth session validity. */
  const sessionFor = (client: AppClient, userId: string, confirmed: boolean): Promise<string | null> =>
    signUpSessions
      ? signUpSessions.issue(
          { poolId: client.poolId, clientId: client.clientId, userId, confirmed },
          client.authSessionValidityMinutes * 60,
        )
      : Promise.resolve(null);

  /** The sign-up code and its message (CustomMessage has run); null when the pool auto-verifies nothing the user has. Before any transaction. */
  async function composeSignUpCode(
    pool: UserPool,
    user: User,
    trigger: { event: "SignUp" | "ResendCode"; clientId: string; clientMetadata?: Record<string, string> | null },
  ): Promise<ComposedCode | null> {
    const target = signUpTarget(pool, user.attributes);
    if (!target) return null;
    const template = pool.verificationMessageTemplate;
    return codes.composeCode({
      pool,
      user,
      purpose: "SIGN_UP",
      target,
      event: trigger.event,
      clientId: trigger.clientId || null,
      clientMetadata: trigger.clientMetadata ?? null,
      template:
        target.medium === "SMS"
          ? { subject: null, body: template.smsMessage }
          : { subject: template.emailSubject, body: template.emailMessage },
    });
  }

  /** Runs `work` with a response-time floor when the client hides whether users exist. */
  const enumerationSafe = <T>(hidesUsers: boolean, work: () => Promise<T>) =>
    hidesUsers ? withMinimumDuration(enumerationSafeMs, work) : work();

  return {
    /**
     * Registers a user (SignUp): UNCONFIRMED, with a code sent to the auto-verified email or phone.
     * @throws ResourceNotFoundException, NotAuthorizedException, InvalidParameterException, InvalidPasswordException,
     *         UsernameExistsException, CodeDeliveryFailureException (the user then exists and can resend)
     */
    async signUp(input: SignUpInput): Promise<SignUpResult> {
      checkInput({
        clientId: input.clientId,
        secretHash: input.secretHash,
        username: input.username,
        password: input.password,
        userAttributes: input.userAttributes,
        validationData: input.validationData,
      });
      const { client, pool } = await contexts.get(input.clientId);
      verifySecretHash(secretBox, client, input.secretHash, [input.username]);
      if (pool.adminCreateUserConfig.allowAdminCreateUserOnly)
        throw new CognitoError("NotAuthorizedException", "SignUp is not permitted for this user pool.");
      const usernameKind = classifySignUpUsername(pool, input.username);
      const password = input.password ? input.password : null;
      if (password === null && !allowsPasswordless(pool.signInPolicy)) {
        throw invalidParameter(
          "Password is required: this user pool allows no passwordless first authentication factor (EMAIL_OTP, SMS_OTP or WEB_AUTHN).",
        );
      }
      if (password !== null) checkPasswordAgainstPolicy("password", password, pool.passwordPolicy);
      checkAttributeWrites(pool, input.userAttributes, { kind: "client", client }, { isCreate: true });
      if (
        pool.aliasAttributes.includes("preferred_username") &&
        input.userAttributes.some((attribute) => attribute.name === "preferred_username")
      ) {
        throw invalidParameter(
          "preferred_username cannot be set at sign-up while it is an alias; set it after the user is confirmed.",
        );
      }
      const attributes = toAttributeMap(input.userAttributes);
      if (usernameKind.kind !== "username") {
        if (attributes[usernameKind.kind] && attributes[usernameKind.kind] !== usernameKind.value) {
          throw invalidParameter(`${usernameKind.kind} must match the username in this user pool.`);
        }
        attributes[usernameKind.kind] = usernameKind.value;
      }
      for (const verifiable of ["email", "phone_number"] as const) {
        if (attributes[verifiable] && attributes[`${verifiable}_verified`] === undefined)
          attributes[`${verifiable}_verified`] = "false";
      }
      checkRequiredAttributes(pool, attributes);
      // Before anything is written: a refusing, failing or slow trigger leaves no user behind.
      const decision = await runPreSignUp(triggers, pool, {
        source: "PreSignUp_SignUp",
        userName: input.username,
        caller: { clientId: client.clientId },
        attributes,
        validationData: input.validationData ? toAttributeMap(input.validationData) : null,
        clientMetadata: input.clientMetadata ?? null,
      });
      if (decision.autoVerifyEmail) attributes.email_verified = "true";
      if (decision.autoVerifyPhone) attributes.phone_number_verified = "true";

      const now = clock.now();
      const user = await buildNewUser(hasher, pool, {
        givenUsername: usernameKind.kind === "username" ? input.username : null,
        password,
        status: decision.autoConfirmUser ? "CONFIRMED" : "UNCONFIRMED",
        attributes,
        now,
      });
      const { id, username } = user;
      // Auto-confirmed by PreSignUp: no confirmation code, as in Cognito. CustomMessage runs before anything is written.
      const composed = decision.autoConfirmUser
        ? null
        : await composeSignUpCode(pool, user, {
            event: "SignUp",
            clientId: client.clientId,
            clientMetadata: input.clientMetadata,
          });
      let prepared;
      try {
        prepared = await db.transaction(async (repositories) => {
          await saveUser(repositories, pool, user, { isNew: true });
          await repositories.events.append(
            {
              type: "USER_SIGNED_UP",
              poolId: pool.id,
              actor: `client:${client.clientId}`,
              detail: { userSub: id, username, clientId: client.clientId },
            },
            now,
          );
          return composed ? codes.storeCode(repositories, composed) : null;
        });
      } catch (error) {
        // In email/phone-as-username pools the sign-in name lives in the alias table.
        if (isCognitoError(error) && error.code === "AliasExistsException" && usernameKind.kind !== "username") {
          throw new CognitoError(
            "UsernameExistsException",
            `An account with the given ${usernameKind.kind === "email" ? "email" : "phone number"} already exists.`,
          );
        }
        throw error;
      }
      const codeDeliveryDetails = prepared ? await codes.deliver(prepared) : null;
      return {
        userSub: id,
        userConfirmed: decision.autoConfirmUser,
        codeDeliveryDetails,
        session: await sessionFor(client, id, decision.autoConfirmUser),
      };
    },

    /**
     * Confirms a sign-up with the code (ConfirmSignUp); marks the channel the code went to as verified.
     * @throws CodeMismatchException, ExpiredCodeException, TooManyFailedAttemptsException, LimitExceededException,
     *         AliasExistsException (unless forceAliasCreation), NotAuthorizedException, UserNotFoundException (LEGACY clients),
     *         UserLambdaValidationException / UnexpectedLambdaException / InvalidLambdaResponseException (PostConfirmation; the user is confirmed)
     */
    async confirmSignUp(
      input: {
        clientId: string;
        username: string;
        confirmationCode: string;
        forceAliasCreation?: boolean;
        secretHash?: string | null;
        clientMetadata?: Record<string, string> | null;
      } & HidesUsersOverride,
    ): Promise<{ session: string | null }> {
      checkInput({
        clientId: input.clientId,
        secretHash: input.secretHash,
        username: input.username,
        confirmationCode: input.confirmationCode,
      });
      const { client, pool } = await contexts.get(input.clientId);
      const hidesUsers = hidesUsersFor(client, input);
      return enumerationSafe(hidesUsers, async () => {
        const user = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
        verifySecretHash(secretBox, client, input.secretHash, [input.username, ...(user ? [user.username] : [])]);
        // As an unconfirmed user with its sign-up code pending: the same hourly limit (per typed name),
        // five CodeMismatch, then TooManyFailedAttempts; so the answers never tell which names exist.
        const answerAsUnknownName = async () => {
          const nameSubject = codes.nameSubject(pool.id, normalizeTypedName(pool, input.username));
          await codes.countAttempt("confirmSignUp", nameSubject, CONFIRM_SIGN_UP_PER_HOUR);
          return codes.guessSimulatedPending(nameSubject, "SIGN_UP");
        };
        if (!user) {
          if (!hidesUsers) throw new CognitoError("UserNotFoundException", "User does not exist.");
          return answerAsUnknownName();
        }
        if (user.status !== "UNCONFIRMED") {
          // The API tells, as Cognito does even with PreventUserExistenceErrors (cognito-reference §11.1);
          // the managed pages, which hide users always, answer a confirmed name as an unknown one.
          if (input.hidesUsers === true) return answerAsUnknownName();
          throw new CognitoError(
            "NotAuthorizedException",
            `User cannot be confirmed. Current status is ${user.status}`,
          );
        }
        await codes.countAttempt("confirmSignUp", user.id, CONFIRM_SIGN_UP_PER_HOUR);
        const confirmed = await codes.redeem(user.id, "SIGN_UP", input.confirmationCode, async (repositories) => {
          const current = (await repositories.users.findById(pool.id, user.id)) ?? user;
          // The code proves the address it went to, not the pool's sign-up channel as it is now: the pool
          // may auto-verify another attribute since (a code sent by email must not verify the phone).
          // The row is the one just consumed (the code's own: a resend waits on its lock).
          const sentTo = (await repositories.codes.find(user.id, "SIGN_UP"))?.sentTo ?? null;
          // Sent to an address the user no longer has: it proves nothing about the one in force.
          if (sentTo && current.attributes[sentTo.attributeName] !== sentTo.address) throw codeSentElsewhere();
          return confirmUser(repositories, pool, current, {
            forceAliasCreation: input.forceAliasCreation ?? false,
            actor: `client:${client.clientId}`,
            now: clock.now(),
            // A code stored before destinations were recorded (they live at most a day) keeps the old rule: the
            // pool's sign-up channel as it is now.
            proven: sentTo ?? signUpTarget(pool, current.attributes),
          });
        });
        // After the commit, as Cognito: a failing PostConfirmation fails the call, but the user stays confirmed.
        await runPostConfirmation(triggers, pool, {
          source: "PostConfirmation_ConfirmSignUp",
          user: confirmed,
          caller: { clientId: client.clientId },
          clientMetadata: input.clientMetadata ?? null,
        });
        // The code proved the channel: the session signs the user in once without another code (§13.6).
        return { session: await sessionFor(client, confirmed.id, true) };
      });
    },

    /**
     * Sends a new sign-up code (ResendConfirmationCode); the previous one stops working. With
     * prevent-user-existence-errors ENABLED any name but in a pool that auto-verifies nothing gets
     * delivery details (simulated where no code goes out) and counts towards the hourly limit.
     * @throws InvalidParameterException (already confirmed (LEGACY clients), or no auto-verified channel), LimitExceededException,
     *         CodeDeliveryFailureException, UserNotFoundException (LEGACY clients)
     */
    async resendConfirmationCode(
      input: {
        clientId: string;
        username: string;
        secretHash?: string | null;
        clientMetadata?: Record<string, string> | null;
      } & HidesUsersOverride,
    ): Promise<CodeDeliveryDetails> {
      checkInput({ clientId: input.clientId, secretHash: input.secretHash, username: input.username });
      const { client, pool } = await contexts.get(input.clientId);
      const hidesUsers = hidesUsersFor(client, input);
      return enumerationSafe(hidesUsers, async () => {
        const user = await db.read((repositories) => findUserByIdentifier(repositories, pool, input.username));
        verifySecretHash(secretBox, client, input.secretHash, [input.username, ...(user ? [user.username] : [])]);
        const noAutoVerification = () =>
          invalidParameter("Auto verification not turned on: this user pool sends no sign-up codes.");
        // With users hidden, every name gets delivery details: unknown, disabled, already confirmed or
        // unreachable users alike (a confirmed user's refusal would tell the name is taken), each
        // counted towards the same hourly limit — per typed name where there is no user.
        const name = normalizeTypedName(pool, input.username);
        const simulated = () => codes.simulatedDelivery(pool, input.username, name, "SIGN_UP", user);
        if (hidesUsers) {
          // Whether the pool sends sign-up codes at all is the pool's, not the user's: everyone hears it.
          if (pool.autoVerifiedAttributes.length === 0) throw noAutoVerification();
          const nameSubject = codes.nameSubject(pool.id, name);
          await codes.countAttempt("resendConfirmationCode", user?.id ?? nameSubject, RESEND_PER_HOUR);
          if (!user || !user.enabled || user.status !== "UNCONFIRMED") {
            // A "new code" for a name ConfirmSignUp answers as unknown: its guesses start again, as a real user's would.
            await codes.issueSimulated(nameSubject, "SIGN_UP");
            return simulated();
          }
        } else {
          if (!user) throw new CognitoError("UserNotFoundException", "User does not exist.");
          if (user.status !== "UNCONFIRMED") throw invalidParameter("User is already confirmed.");
          await codes.countAttempt("resendConfirmationCode", user.id, RESEND_PER_HOUR);
        }
        const composed = await composeSignUpCode(pool, user, {
          event: "ResendCode",
          clientId: client.clientId,
          clientMetadata: input.clientMetadata,
        });
        if (!composed) {
          if (hidesUsers) return simulated();
          throw noAutoVerification();
        }
        const prepared = await db.transaction(async (repositories) => {
          // Confirmed while CustomMessage ran: no code to send any more.
          const current = await repositories.users.findById(pool.id, user.id);
          if (!current || current.status !== "UNCONFIRMED") {
            if (hidesUsers) return null;
            if (!current) throw new CognitoError("UserNotFoundException", "User does not exist.");
            throw invalidParameter("User is already confirmed.");
          }
          return codes.storeCode(repositories, composed);
        });
        return prepared ? codes.deliver(prepared) : simulated();
      });
    },
  };
}
