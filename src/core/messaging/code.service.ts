import type { Clock } from "../../lib/clock.js";
import { randomDigits } from "../../lib/random.js";
import { CognitoError } from "../errors.js";
import type { CodeHasher, CodePurpose, Database, MessageSender, Repositories, ShortLivedStore } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { customSenderFor, prepareCustomSender, runCustomMessage, runCustomSender, type CustomSenderDelivery, type MessageEvent, type MessageTemplate } from "../triggers/message.triggers.js";
import type { TriggerRunner } from "../triggers/trigger-runner.js";
import type { User } from "../users/user.types.js";
import { renderTemplate, toDeliveryDetails, type CodeDeliveryDetails, type DeliveryTarget } from "./delivery.js";

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

  return {
    /**
     * Counts one call of `action` for the user in a one-hour window.
     * @throws LimitExceededException past `maxPerHour` (cognito-reference §9.1)
     */
    async countAttempt(action: string, userId: string, maxPerHour: number): Promise<void> {
      const count = await store.increment(`attempts:${action}:${userId}`, 3600);
      if (count > maxPerHour) throw new CognitoError("LimitExceededException", "Attempt limit exceeded, please try after some time.");
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
      const triggerArgs = { event, user: args.user, clientId: args.clientId ?? null, clientMetadata: args.clientMetadata ?? null };
      const template = await runCustomMessage(triggers, args.pool, { ...triggerArgs, medium: args.target.medium, template: args.template });
      const customSenderName = customSenderFor(args.pool, args.target.medium);
      const customSender = customSenderName ? { pool: args.pool, delivery: await prepareCustomSender(triggers, args.pool, { ...triggerArgs, name: customSenderName, code }) } : undefined;
      return { pool: args.pool, user: args.user, purpose: args.purpose, target: args.target, code, template, ...(customSender ? { customSender } : {}) };
    },

    /**
     * Stores a composed code as the newest for its purpose (voiding the previous one) inside the
     * caller's transaction and returns the message to deliver once that transaction has committed.
     * A message bound for the outbox is written here, in the same transaction: a user (or a change)
     * never commits without its code's message, and an outage after the commit loses nothing.
     * `pendingValue` is the held email/phone change the code proves (VERIFY_* purposes only).
     */
    async storeCode(repositories: Repositories, composed: ComposedCode, options: { pendingValue?: string | null } = {}): Promise<PreparedCode> {
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
      });
      await repositories.events.append({ type: "CODE_SENT", poolId: pool.id, actor: `user:${user.id}`, detail: { purpose, ...toDeliveryDetails(target) } }, now);
      const message = {
        poolId: pool.id,
        userId: user.id,
        medium: target.medium,
        destination: target.address,
        subject: target.medium === "EMAIL" ? template.subject : null,
        body: renderTemplate(template.body, { code, username: user.username }),
        purpose,
      };
      const isSent = !composed.customSender && sender.sendWithin !== undefined && (await sender.sendWithin(repositories, message));
      return { details: toDeliveryDetails(target), message, isSent, ...(composed.customSender ? { customSender: composed.customSender } : {}) };
    },

    /** Hands a prepared message to the sender, unless it already went out with its transaction. @throws CodeDeliveryFailureException */
    async deliver(prepared: PreparedCode): Promise<CodeDeliveryDetails> {
      if (prepared.isSent) return prepared.details;
      if (prepared.customSender) await runCustomSender(triggers, prepared.customSender.pool, prepared.customSender.delivery);
      else await sender.send(prepared.message);
      return prepared.details;
    },

    /**
     * Consumes the code and applies `change` in one transaction: the change happens only if this call
     * is the one that used the code. A wrong guess is counted in its own transaction afterwards.
     * @throws ExpiredCodeException, CodeMismatchException, TooManyFailedAttemptsException
     */
    async redeem<T>(userId: string, purpose: CodePurpose, code: string, change: (repositories: Repositories) => Promise<T>): Promise<T> {
      const codeHash = codeHasher.hashCode(scopeOf(userId, purpose), code);
      const outcome = await db.transaction(async (repositories) => {
        const stored = await repositories.codes.find(userId, purpose);
        if (!stored || stored.consumedAt !== null || stored.expiresAt.getTime() <= clock.nowMs()) return { kind: "expired" as const };
        if (stored.failedAttempts >= MAX_FAILED_ATTEMPTS_PER_CODE) return { kind: "exhausted" as const };
        if (!(await repositories.codes.consume(userId, purpose, codeHash, clock.now()))) return { kind: "mismatch" as const };
        return { kind: "ok" as const, value: await change(repositories) };
      });
      if (outcome.kind === "ok") return outcome.value;
      if (outcome.kind === "expired") throw new CognitoError("ExpiredCodeException", "Invalid code provided, please request a code again.");
      if (outcome.kind === "exhausted") throw new CognitoError("TooManyFailedAttemptsException", "Too many failed attempts with this code; request a new one.");
      const failures = await db.transaction((repositories) => repositories.codes.recordFailure(userId, purpose));
      if (failures > MAX_FAILED_ATTEMPTS_PER_CODE) throw new CognitoError("TooManyFailedAttemptsException", "Too many failed attempts with this code; request a new one.");
      throw new CognitoError("CodeMismatchException", "Invalid verification code provided, please try again.");
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
