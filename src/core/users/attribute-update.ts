/**
 * Attribute writes with email/phone verification, shared by UpdateUserAttributes and
 * AdminUpdateUserAttributes (cognito-reference §7.5): a changed email/phone becomes unverified unless
 * the call vouches for it; an auto-verified one gets a code at its new value; where the pool requires
 * verification before update, the change is held (it travels with its code) and the old value stays
 * in force until VerifyUserAttribute.
 */
import type { Clock } from "../../lib/clock.js";
import { CognitoError } from "../errors.js";
import type { CodeService, ComposedCode, PreparedCode } from "../messaging/code.service.js";
import { verificationTemplate, type CodeDeliveryDetails, type DeliveryTarget } from "../messaging/delivery.js";
import type { Database, Repositories } from "../ports.js";
import type { UserPool, VerifiableAttribute } from "../pools/user-pool.types.js";
import type { MessageCaller } from "../triggers/message.triggers.js";
import { voidCodesForOldAddresses } from "./address-codes.js";
import { applyAttributeChanges } from "./attribute-changes.js";
import { VERIFY_CODE_PURPOSE, type AttributeInput } from "./attribute-rules.js";
import { saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

export const VERIFIABLE: readonly VerifiableAttribute[] = ["email", "phone_number"];

/** What an attempt answers when the user changed under it (see retryWhileStale). */
export const STALE = Symbol("stale");
const MAX_STALE_ROUNDS = 3;

/**
 * Runs `attempt` again when it found the user changed between its read and its transaction (a
 * CustomMessage trigger runs in between, outside the transaction), a few times at most.
 * @throws ConcurrentModificationException when the user keeps changing
 */
export async function retryWhileStale<T>(attempt: () => Promise<T | typeof STALE>): Promise<T> {
  for (let round = 0; round < MAX_STALE_ROUNDS; round++) {
    const outcome = await attempt();
    if (outcome !== STALE) return outcome;
  }
  throw new CognitoError(
    "ConcurrentModificationException",
    "The user's attributes changed while the request was in progress; try again.",
  );
}

/** The held email/phone change that a live code is waiting for, if any. */
export async function findPendingValue(
  repositories: Repositories,
  userId: string,
  kind: VerifiableAttribute,
  nowMs: number,
): Promise<string | null> {
  const code = await repositories.codes.find(userId, VERIFY_CODE_PURPOSE[kind]);
  return code && code.pendingValue !== null && code.consumedAt === null && code.expiresAt.getTime() > nowMs
    ? code.pendingValue
    : null;
}

/**
 * Whether a write of email/phone is held until verified (AttributesRequireVerificationBeforeUpdate):
 * only a real change of a value the user already has; with no old value there is nothing to keep in
 * force. A writer allowed to set the verified flag (an admin, a client granted it) can vouch for the
 * new value in the same call.
 */
function isHeld(pool: UserPool, user: User, write: AttributeInput, writes: readonly AttributeInput[]): boolean {
  const kind = write.name as VerifiableAttribute;
  if (!VERIFIABLE.includes(kind) || !pool.attributesRequireVerificationBeforeUpdate.includes(kind)) return false;
  const current = user.attributes[kind];
  if (!current || current === write.value) return false;
  return !writes.some((other) => other.name === `${kind}_verified` && other.value === "true");
}

const haveSameAttributes = (left: User, right: User): boolean =>
  JSON.stringify(Object.entries(left.attributes).sort()) === JSON.stringify(Object.entries(right.attributes).sort());

/** Who writes: how its context is loaded and checked, and what its event says. */
export interface AttributeWriter<C extends { pool: UserPool; user: User }> {
  /** The pool and user (and what `check` needs); loaded again in the transaction. */
  load(repositories: Repositories): Promise<C>;
  /** Refuses the writes and removals this caller may not make. @throws InvalidParameterException, NotAuthorizedException */
  check(context: C, writes: readonly AttributeInput[], deletes: readonly string[]): void;
  actor: string;
  /** USER_ATTRIBUTES_CHANGED's detail beside userSub, attributes and pendingVerification. */
  eventDetail(context: C): Record<string, unknown>;
}

export function createAttributeUpdates({ db, clock, codes }: { db: Database; clock: Clock; codes: CodeService }) {
  /**
   * A verification code for `address` (the current value, or a held change): CustomMessage runs here,
   * before any transaction, with the caller's client and ClientMetadata.
   */
  function composeVerificationCode(
    pool: UserPool,
    user: User,
    kind: VerifiableAttribute,
    address: string,
    event: "UpdateUserAttribute" | "VerifyUserAttribute",
    caller: MessageCaller,
  ): Promise<ComposedCode> {
    const target: DeliveryTarget = { medium: kind === "email" ? "EMAIL" : "SMS", attributeName: kind, address };
    return codes.composeCode({
      pool,
      user,
      purpose: VERIFY_CODE_PURPOSE[kind],
      target,
      template: verificationTemplate(pool, target.medium),
      event,
      clientId: caller.clientId,
      clientMetadata: caller.clientMetadata,
    });
  }

  /** Hands over the codes after their transaction committed; delivery failure leaves the change in place. */
  async function deliverAll(prepared: readonly PreparedCode[]): Promise<CodeDeliveryDetails[]> {
    const details: CodeDeliveryDetails[] = [];
    for (const message of prepared) details.push(await codes.deliver(message));
    return details;
  }

  return {
    composeVerificationCode,
    deliverAll,

    /**
     * Writes attributes (an empty value removes one) as `writer` may. A changed email/phone becomes
     * unverified unless the call sets its flag to "true"; when the pool auto-verifies it, a code goes to
     * the new value. Where the pool requires verification before update, the old value stays in force
     * (attributes, sign-in aliases, messages) and the new one travels with its code. The codes and their
     * messages commit with the change; codes sent for a value the change leaves behind stop working.
     * `caller` is who CustomMessage_UpdateUserAttribute sees asking. Returns where codes went.
     * @throws what `writer` throws, AliasExistsException, CodeDeliveryFailureException (the change is kept),
     *         ConcurrentModificationException (the attributes kept changing meanwhile), CustomMessage's trigger errors
     */
    async updateAttributes<C extends { pool: UserPool; user: User }>(
      writer: AttributeWriter<C>,
      userAttributes: readonly AttributeInput[],
      caller: MessageCaller,
    ): Promise<CodeDeliveryDetails[]> {
      const writes = userAttributes.filter((attribute) => attribute.value !== "");
      const deletes = userAttributes.filter((attribute) => attribute.value === "").map((attribute) => attribute.name);
      const prepared = await retryWhileStale(async () => {
        const plan = await db.read(async (repositories) => {
          const context = await writer.load(repositories);
          const { pool, user } = context;
          writer.check(context, writes, deletes);
          const held = writes.filter((write) => isHeld(pool, user, write, writes));
          const { attributes, changed } = applyAttributeChanges(
            user.attributes,
            writes.filter((write) => !held.includes(write)),
            deletes,
          );
          const toSend: { kind: VerifiableAttribute; address: string; isPending: boolean }[] = [];
          const toVoid: VerifiableAttribute[] = [];
          for (const kind of VERIFIABLE) {
            const heldWrite = held.find((write) => write.name === kind);
            if (heldWrite) {
              toSend.push({ kind, address: heldWrite.value, isPending: true });
            } else if (changed.includes(kind)) {
              if (
                attributes[kind] &&
                attributes[`${kind}_verified`] !== "true" &&
                pool.autoVerifiedAttributes.includes(kind)
              )
                toSend.push({ kind, address: attributes[kind], isPending: false });
              // Otherwise the codes of the old value are voided with the change (voidCodesForOldAddresses).
            } else if (
              writes.some((write) => write.name === kind) &&
              (await findPendingValue(repositories, user.id, kind, clock.nowMs())) !== null
            ) {
              // Writing the value in force again withdraws the held change.
              toVoid.push(kind);
            }
          }
          return { pool, user, held, attributes, changed, toSend, toVoid };
        });
        const { pool, user, held, attributes, changed } = plan;
        const composed: { code: ComposedCode; pendingValue: string | null }[] = [];
        for (const need of plan.toSend)
          composed.push({
            code: await composeVerificationCode(pool, user, need.kind, need.address, "UpdateUserAttribute", caller),
            pendingValue: need.isPending ? need.address : null,
          });
        return db.transaction(async (repositories) => {
          const context = await writer.load(repositories);
          const current = context.user;
          if (current.id !== user.id || !haveSameAttributes(current, user)) return STALE;
          const now = clock.now();
          // The fresh row, not the one read before the trigger: only its attributes are known to be unchanged.
          const updated: User = { ...current, attributes, updatedAt: now };
          // Before the new codes are stored: a code sent for a value the change leaves behind must not
          // verify the new one (address-codes.ts), and a withdrawn held change takes its code along.
          if (changed.length > 0) await voidCodesForOldAddresses(repositories, context.pool, current, updated);
          for (const kind of plan.toVoid) await repositories.codes.deleteForUser(user.id, VERIFY_CODE_PURPOSE[kind]);
          const messages: PreparedCode[] = [];
          for (const { code, pendingValue } of composed)
            messages.push(await codes.storeCode(repositories, code, { pendingValue }));
          if (changed.length === 0 && held.length === 0) return messages;
          if (changed.length > 0) await saveUser(repositories, context.pool, updated, { isNew: false });
          await repositories.events.append(
            {
              type: "USER_ATTRIBUTES_CHANGED",
              poolId: context.pool.id,
              actor: writer.actor,
              detail: {
                userSub: user.id,
                ...writer.eventDetail(context),
                attributes: changed,
                pendingVerification: held.map((write) => write.name),
              },
            },
            now,
          );
          return messages;
        });
      });
      return deliverAll(prepared);
    },
  };
}
