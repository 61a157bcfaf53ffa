import type { Clock } from "../../lib/clock.js";
import { countWithinHour } from "../security/hourly-limit.js";
import { randomDigits } from "../../lib/random.js";
import { CognitoError } from "../errors.js";
import type {
  CodeHasher,
  CodePurpose,
  Database,
  MessageSender,
  Repositories,
  ShortLivedStore,
  VerificationCode,
} from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import {
  customSenderFor,
  prepareCustomSender,
  runCustomMessage,
  runCustomSender,
  type CustomSenderDelivery,
  type MessageEvent,
  type MessageTemplate,
} from "../triggers/message.triggers.js";
import type { TriggerRunner } from "../triggers/trigger-runner.js";
import type { User } from "../users/user.types.js";
import { renderTemplate, toDeliveryDetails, type CodeDeliveryDetails, type DeliveryTarget } from "./delivery.js";
import { simulatedDeliveryDetails } from "./simulated-delivery.js";

/** Cognito's code lifetimes (cognito-reference §9.1). */
export const CODE_LIFETIME_SECONDS: Record<CodePurpose, number> = {
  SIGN_UP: 24 * 3600,
  VERIFY_EMAIL: 24 * 3600,
  VERIFY_PHONE_NUMBER: 24 * 3600,
  FORGOT_PASSWORD: 3600,
};
/** Wrong guesses one code survives before it is void (the next guess gets TooManyFailedAttempts). */
export const MAX_FAILED_ATTEMPTS_PER_CODE = 5;
const CODE_DIGITS = 6;

export type CodeService = ReturnType<typeof createCodeService>;

/**
 * The answer to a right code that was sent to an address the user no longer has: as for a used code,
 * the user asks for a new one, which goes to the address in force. Thrown inside redeem's change, it
 * rolls the redemption back.
 */
export const codeSentElsewhere = (): CognitoError =>
  new CognitoError("ExpiredCodeException", "Invalid code provided, please request a code again.");

export interface CodeServiceDeps {
  db: Database;
  clock: Clock;
  codeHasher: CodeHasher;
  sender: MessageSender;
  store: ShortLivedStore;
  /** CustomMessage rewrites the messages; CustomEmailSender / CustomSMSSender replace delivery. */
  triggers: TriggerRunner;
}

/** The CustomMessage_* / Custom*Sender_* source for a purpose, unless the caller names another. */
const DEFAULT_MESSAGE_EVENT: Record<CodePurpose, MessageEvent> = {
  SIGN_UP: "SignUp",
  FORGOT_PASSWORD: "ForgotPassword",
  VERIFY_EMAIL: "UpdateUserAttribute",
  VERIFY_PHONE_NUMBER: "UpdateUserAttribute",
};

export function createCodeService({ db, clock, codeHasher, sender, store, triggers }: CodeServiceDeps) {
  const scopeOf = (userId: string, purpose: CodePurpose) => `${userId}:${purpose}`;
  const simulatedCodeKey = (subject: string, purpose: CodePurpose) => `simulated-code:${purpose}:${subject}`;
  const simulatedFailuresKey = (subject: string, purpose: CodePurpose) =>
    `simulated-code-failures:${purpose}:${subject}`;

  /** Whether a stored code can still be guessed at. */
  function stateOf(stored: VerificationCode | null): "expired" | "exhausted" | "live" {
    if (!stored || stored.consumedAt !== null || stored.expiresAt.getTime() <= clock.nowMs()) return "expired";
    return stored.failedAttempts >= MAX_FAILED_ATTEMPTS_PER_CODE ? "exhausted" : "live";
  }

  const expired = () => new CognitoError("ExpiredCodeException", "Invalid code provided, please request a code again.");
  const exhausted = () =>
    new CognitoError("TooManyFailedAttemptsException", "Too many failed attempts with this code; request a new one.");
  const mismatch = () =>
    new CognitoError("CodeMismatchException", "Invalid verification code provided, please try again.");

  /**
   * A guess that did not take the code: counted and compared in one conditional UPDATE, so parallel
   * guesses are compared no more often than serial ones; when it was not counted, the stored code
   * says why (used or expired, worn out, or — for check — the right code).
   * @throws CodeMismatchException, ExpiredCodeException, TooManyFailedAttemptsException; returns when the code is right and live
   */
  async function refuseGuess(userId: string, purpose: CodePurpose, codeHash: string): Promise<void> {
    if (
      await db.transaction((repositories) =>
        repositories.codes.recordFailure(userId, purpose, codeHash, clock.now(), MAX_FAILED_ATTEMPTS_PER_CODE),
      )
    )
      throw mismatch();
    const state = stateOf(await db.read((repositories) => repositories.codes.find(userId, purpose)));
    if (state === "exhausted") throw exhausted();
    if (state === "expired") throw expired();
  }

  /** A guess at a simulated code: always wrong, counted as it is made (store.increment is atomic). */
  async function guessSimulated(subject: string, purpose: CodePurpose): Promise<never> {
    const failures = await store.increment(simulatedFailuresKey(subject, purpose), CODE_LIFETIME_SECONDS[purpose]);
    throw failures > MAX_FAILED_ATTEMPTS_PER_CODE ? exhausted() : mismatch();
  }

  return {
    /**
     * Counts one call of `action` for a subject (a user id, or `nameSubject` for a name with no user)
     * in a one-hour window.
     * @throws LimitExceededException past `maxPerHour` (cognito-reference §9.1)
     */
    async countAttempt(action: string, subject: string, maxPerHour: number): Promise<void> {
      if (!(await countWithinHour(store, `attempts:${action}:${subject}`, maxPerHour)))
        throw new CognitoError("LimitExceededException", "Attempt limit exceeded, please try after some time.");
    },

    /**
     * The subject that stands for a typed name with no user behind it (PreventUserExistenceErrors):
     * a keyed hash of pool and normalised name, so limits and simulated codes can be kept per name
     * without storing the names people tried.
     */
    nameSubject(poolId: string, normalizedName: string): string {
      return `name:${codeHasher.hashCode("unknown-name", `${poolId}\u0000${normalizedName}`)}`;
    },

    /**
     * Delivery details for a name with no deliverable user: stable per (pool, name), drawn from a
     * digest keyed by the secrets key, so nobody without the key can predict them (simulated-delivery.ts).
     * `known` is the user behind the name when there is one that gets a simulated answer.
     */
    simulatedDelivery(
      pool: UserPool,
      identifier: string,
      normalizedName: string,
      purpose: "SIGN_UP" | "FORGOT_PASSWORD",
      known: User | null = null,
    ): CodeDeliveryDetails {
      const digest = codeHasher.hashCode("simulated-delivery", `${pool.id}\u0000${normalizedName}`);
      return simulatedDeliveryDetails(pool, identifier, purpose, digest, known?.attributes ?? null);
    },

    /**
     * Records that a code was "sent" to a subject that gets no real code, so guesses at it answer as
     * guesses at a real one would (see redeemSimulated). A new one restarts the guess count.
     */
    async issueSimulated(subject: string, purpose: CodePurpose): Promise<void> {
      await store.set(simulatedCodeKey(subject, purpose), "1", CODE_LIFETIME_SECONDS[purpose]);
      await store.delete(simulatedFailuresKey(subject, purpose));
    },

    /**
     * A guess at a code that was never sent: always wrong, but it wears out like a real code — five
     * CodeMismatch, then TooManyFailedAttempts until the simulated code expires (redeem's sequence).
     * @throws ExpiredCodeException (no simulated code pending), CodeMismatchException, TooManyFailedAttemptsException
     */
    async redeemSimulated(subject: string, purpose: CodePurpose): Promise<never> {
      if ((await store.get(simulatedCodeKey(subject, purpose))) === null) throw expired();
      return guessSimulated(subject, purpose);
    },

    /**
     * As redeemSimulated for a subject that always has a code pending, as an unconfirmed user has its
     * sign-up code: the first guess "issues" one (kept until a resend issues another).
     * @throws CodeMismatchException, TooManyFailedAttemptsException
     */
    async guessSimulatedPending(subject: string, purpose: CodePurpose): Promise<never> {
      await store.setIfAbsent(simulatedCodeKey(subject, purpose), "1", CODE_LIFETIME_SECONDS[purpose]);
      return guessSimulated(subject, purpose);
    },

    /**
     * Makes a new code and its message for the purpose: runs CustomMessage and seals the code for a
     * custom sender. Call it before the transaction that stores the code (storeCode): a failing
     * trigger then leaves nothing written, and no transaction waits on its HTTP call.
     * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
     */
    async composeCode(args: {
      pool: UserPool;
      user: User;
      purpose: CodePurpose;
      target: DeliveryTarget;
      template: { subject: string | null; body: string };
      /** The trigger source suffix when it is not the purpose's default (e.g. ResendCode). */
      event?: MessageEvent;
      clientId?: string | null;
      clientMetadata?: Record<string, string> | null;
    }): Promise<ComposedCode> {
      const code = randomDigits(CODE_DIGITS);
      const event = args.event ?? DEFAULT_MESSAGE_EVENT[args.purpose];
      const triggerArgs = {
        event,
        user: args.user,
        clientId: args.clientId ?? null,
        clientMetadata: args.clientMetadata ?? null,
      };
      const template = await runCustomMessage(triggers, args.pool, {
        ...triggerArgs,
        medium: args.target.medium,
        template: args.template,
      });
      const customSenderName = customSenderFor(args.pool, args.target.medium);
      const customSender = customSenderName
        ? {
            pool: args.pool,
            delivery: await prepareCustomSender(triggers, args.pool, { ...triggerArgs, name: customSenderName, code }),
          }
        : undefined;
      return {
        pool: args.pool,
        user: args.user,
        purpose: args.purpose,
        target: args.target,
        code,
        template,
        ...(customSender ? { customSender } : {}),
      };
    },

    /**
     * Stores a composed code as the newest for its purpose (voiding the previous one) inside the
     * caller's transaction and returns the message to deliver once that transaction has committed.
     * A message bound for the outbox is written here, in the same transaction: a user (or a change)
     * never commits without its code's message, and an outage after the commit loses nothing.
     * `pendingValue` is the held email/phone change the code proves (VERIFY_* purposes only). The target
     * is kept with the code: redeeming it may verify that address and no other (codeSentElsewhere).
     */
    async storeCode(
      repositories: Repositories,
      composed: ComposedCode,
      options: { pendingValue?: string | null } = {},
    ): Promise<PreparedCode> {
      const { pool, user, purpose, target, code, template } = composed;
      const now = clock.now();
      await repositories.codes.replace({
        userId: user.id,
        purpose,
        codeHash: codeHasher.hashCode(scopeOf(user.id, purpose), code),
        expiresAt: new Date(now.getTime() + CODE_LIFETIME_SECONDS[purpose] * 1000),
        failedAttempts: 0,
        createdAt: now,
        consumedAt: null,
        pendingValue: options.pendingValue ?? null,
        sentTo: { attributeName: target.attributeName, address: target.address },
      });
      await repositories.events.append(
        {
          type: "CODE_SENT",
          poolId: pool.id,
          actor: `user:${user.id}`,
          detail: { purpose, ...toDeliveryDetails(target) },
        },
        now,
      );
      const message = {
        poolId: pool.id,
        userId: user.id,
        medium: target.medium,
        destination: target.address,
        subject: target.medium === "EMAIL" ? template.subject : null,
        body: renderTemplate(template.body, { code, username: user.username }),
        purpose,
      };
      const isSent =
        !composed.customSender && sender.sendWithin !== undefined && (await sender.sendWithin(repositories, message));
      return {
        details: toDeliveryDetails(target),
        message,
        isSent,
        ...(composed.customSender ? { customSender: composed.customSender } : {}),
      };
    },

    /** Hands a prepared message to the sender, unless it already went out with its transaction. @throws CodeDeliveryFailureException */
    async deliver(prepared: PreparedCode): Promise<CodeDeliveryDetails> {
      if (prepared.isSent) return prepared.details;
      if (prepared.customSender)
        await runCustomSender(triggers, prepared.customSender.pool, prepared.customSender.delivery);
      else await sender.send(prepared.message);
      return prepared.details;
    },

    /**
     * Consumes the code and applies `change` in one transaction: the change happens only if this call
     * is the one that used the code.
     * @throws ExpiredCodeException, CodeMismatchException, TooManyFailedAttemptsException
     */
    async redeem<T>(
      userId: string,
      purpose: CodePurpose,
      code: string,
      change: (repositories: Repositories) => Promise<T>,
    ): Promise<T> {
      const codeHash = codeHasher.hashCode(scopeOf(userId, purpose), code);
      const outcome = await db.transaction(async (repositories) => {
        const now = clock.now();
        // The guess is counted before it can take the code, in the same conditional UPDATE that compares
        // it (as check does): were the wrong guesses counted only after a failed consume, a burst would be
        // compared all at once, before any of its misses were counted, and get more than five tries.
        // A wrong guess commits its count here; nothing else is written for it.
        if (await repositories.codes.recordFailure(userId, purpose, codeHash, now, MAX_FAILED_ATTEMPTS_PER_CODE))
          return { kind: "mismatch" as const };
        // Not counted: the right code (still under the limit, so consume may take it), or a code that is
        // used, expired or worn out. consume re-checks the count, which a parallel miss may have just raised.
        if (!(await repositories.codes.consume(userId, purpose, codeHash, now, MAX_FAILED_ATTEMPTS_PER_CODE)))
          return { kind: "refused" as const };
        return { kind: "ok" as const, value: await change(repositories) };
      });
      if (outcome.kind === "ok") return outcome.value;
      if (outcome.kind === "mismatch") throw mismatch();
      // Worn out, or used or expired — including a right code another call used a moment before this one.
      if (stateOf(await db.read((repositories) => repositories.codes.find(userId, purpose))) === "exhausted")
        throw exhausted();
      throw expired();
    },

    /**
     * Tells whether the code would be accepted, without using it up: for a change that must look at
     * the code before doing slow checks that answer differently (the password history), so those
     * answers go only to whoever holds the code. A wrong guess counts as in redeem.
     * @throws ExpiredCodeException, CodeMismatchException, TooManyFailedAttemptsException
     */
    async check(userId: string, purpose: CodePurpose, code: string): Promise<void> {
      await refuseGuess(userId, purpose, codeHasher.hashCode(scopeOf(userId, purpose), code));
    },
  };
}

/** A code and its final message, not stored yet (it holds the code in clear: keep it in memory only). */
export interface ComposedCode {
  pool: UserPool;
  user: User;
  purpose: CodePurpose;
  target: DeliveryTarget;
  code: string;
  template: MessageTemplate;
  customSender?: { pool: UserPool; delivery: CustomSenderDelivery };
}

export interface PreparedCode {
  details: CodeDeliveryDetails;
  message: Parameters<MessageSender["send"]>[0];
  /** True when the message was written to the outbox in the code's own transaction: deliver() has nothing left to do. */
  isSent: boolean;
  /** Set when the pool hands codes of this medium to CustomEmailSender / CustomSMSSender. */
  customSender?: { pool: UserPool; delivery: CustomSenderDelivery };
}
