import { CognitoError, invalidParameter } from "../errors.js";
import type { AppClient } from "../clients/app-client.types.js";
import { checkInput } from "../input-constraints.js";
import { codeSentElsewhere } from "../messaging/code.service.js";
import type { CodeDeliveryDetails } from "../messaging/delivery.js";
import type { Repositories } from "../ports.js";
import type { UserPool, VerifiableAttribute } from "../pools/user-pool.types.js";
import { loadSelfContext, type AccessTokenPrincipal } from "../tokens/access-token.service.js";
import { requireUnique } from "../validation.js";
import { applyAttributeChanges, checkAttributeDeletes } from "./attribute-changes.js";
import {
  checkAttributeWrites,
  VERIFY_CODE_PURPOSE,
  writableAttributeNames,
  type AttributeInput,
} from "./attribute-rules.js";
import { createAttributeUpdates, findPendingValue, retryWhileStale, STALE, VERIFIABLE } from "./attribute-update.js";
import type { SelfServiceDeps } from "./self-service.service.js";
import { saveUser } from "./user-store.js";
import type { User } from "./user.types.js";

/** Per-user call limits (cognito-reference §9.1). */
const GET_VERIFICATION_CODE_PER_HOUR = 5;
const VERIFY_ATTRIBUTE_PER_HOUR = 15;

const actorOf = (principal: AccessTokenPrincipal) => `user:${principal.userId}`;

function requireVerifiable(attributeName: string): VerifiableAttribute {
  if (attributeName === "email" || attributeName === "phone_number") return attributeName;
  throw invalidParameter(`Attribute ${attributeName} cannot be verified: only email and phone_number can.`);
}

/** Removal is a write: the client needs write permission on top of the schema's delete rules. */
function checkClientDeletes(pool: UserPool, client: AppClient, names: readonly string[]): void {
  checkAttributeDeletes(pool, names);
  const writable = writableAttributeNames(pool, client);
  for (const name of names) {
    if (!writable.has(name))
      throw new CognitoError("NotAuthorizedException", `A client attempted to write unauthorized attribute ${name}.`);
  }
}

/**
 * The caller's own attributes (UpdateUserAttributes, DeleteUserAttributes) and their verification
 * (GetUserAttributeVerificationCode, VerifyUserAttribute), with held email/phone changes.
 */
export function createSelfAttributeOperations({ db, clock, codes }: Pick<SelfServiceDeps, "db" | "clock" | "codes">) {
  const { updateAttributes, composeVerificationCode } = createAttributeUpdates({ db, clock, codes });

  return {
    /**
     * Writes the caller's attributes (UpdateUserAttributes); an empty value removes the attribute. A
     * changed email/phone becomes unverified and, when auto-verified, gets a code at the new address.
     * Where the pool requires verification before update, the old value stays in force (attributes,
     * sign-in aliases, messages) and the new one travels with the code until VerifyUserAttribute.
     * @throws NotAuthorizedException (attribute not writable by the client), InvalidParameterException,
     *         AliasExistsException, UserNotFoundException, CodeDeliveryFailureException (the change is kept),
     *         ConcurrentModificationException (the attributes kept changing meanwhile), CustomMessage's trigger errors
     */
    async updateUserAttributes(
      principal: AccessTokenPrincipal,
      input: { userAttributes: AttributeInput[]; clientMetadata?: Record<string, string> | null },
    ): Promise<CodeDeliveryDetails[]> {
      checkInput({ userAttributes: input.userAttributes });
      requireUnique(
        "userAttributes",
        input.userAttributes.map((attribute) => attribute.name),
      );
      return updateAttributes(
        {
          load: (repositories) => loadSelfContext(repositories, principal),
          check: ({ pool, client }, writes, deletes) => {
            checkAttributeWrites(pool, writes, { kind: "client", client }, { isCreate: false });
            checkClientDeletes(pool, client, deletes);
          },
          actor: actorOf(principal),
          eventDetail: ({ client }) => ({ via: "UpdateUserAttributes", clientId: client.clientId }),
        },
        input.userAttributes,
        { clientId: principal.clientId, clientMetadata: input.clientMetadata ?? null },
      );
    },

    /**
     * Removes the caller's attributes (DeleteUserAttributes); the rules of AdminDeleteUserAttributes plus
     * the client's write permission. A code or held change for a removed email/phone dies with it.
     * @throws InvalidParameterException (unknown, required, immutable or `sub`), NotAuthorizedException, UserNotFoundException
     */
    async deleteUserAttributes(principal: AccessTokenPrincipal, userAttributeNames: string[]): Promise<void> {
      checkInput({ userAttributeNames });
      requireUnique("userAttributeNames", userAttributeNames);
      await db.transaction(async (repositories) => {
        const { pool, client, user } = await loadSelfContext(repositories, principal);
        checkClientDeletes(pool, client, userAttributeNames);
        for (const kind of VERIFIABLE)
          if (userAttributeNames.includes(kind))
            await repositories.codes.deleteForUser(user.id, VERIFY_CODE_PURPOSE[kind]);
        const { attributes, changed } = applyAttributeChanges(user.attributes, [], userAttributeNames);
        if (changed.length === 0) return;
        const now = clock.now();
        await saveUser(repositories, pool, { ...user, attributes, updatedAt: now }, { isNew: false });
        await repositories.events.append(
          {
            type: "USER_ATTRIBUTES_CHANGED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: user.id, via: "DeleteUserAttributes", clientId: client.clientId, attributes: changed },
          },
          now,
        );
      });
    },

    /**
     * Sends a verification code for email or phone_number (GetUserAttributeVerificationCode): to the held
     * new value when a change is pending, else to the current one. The previous code stops working.
     * @throws InvalidParameterException (not verifiable, or no value), LimitExceededException (5 per hour),
     *         CodeDeliveryFailureException, NotAuthorizedException, UserNotFoundException,
     *         ConcurrentModificationException (the attribute kept changing meanwhile), CustomMessage's trigger errors
     */
    async getUserAttributeVerificationCode(
      principal: AccessTokenPrincipal,
      input: { attributeName: string; clientMetadata?: Record<string, string> | null },
    ): Promise<CodeDeliveryDetails> {
      const { attributeName } = input;
      checkInput({ attributeName });
      const kind = requireVerifiable(attributeName);
      await codes.countAttempt("getUserAttributeVerificationCode", principal.userId, GET_VERIFICATION_CODE_PER_HOUR);
      /** Where the code goes: the held new value when a change is pending, else the current one. */
      const addressOf = async (repositories: Repositories, user: User) => {
        const pending = await findPendingValue(repositories, user.id, kind, clock.nowMs());
        return { pending, address: pending ?? user.attributes[kind] };
      };
      const prepared = await retryWhileStale(async () => {
        const { pool, user, pending, address } = await db.read(async (repositories) => {
          const context = await loadSelfContext(repositories, principal);
          return { ...context, ...(await addressOf(repositories, context.user)) };
        });
        if (!address) throw invalidParameter(`The user has no ${kind} to verify.`);
        const composed = await composeVerificationCode(pool, user, kind, address, "VerifyUserAttribute", {
          clientId: principal.clientId,
          clientMetadata: input.clientMetadata ?? null,
        });
        return db.transaction(async (repositories) => {
          const { user: current } = await loadSelfContext(repositories, principal);
          const now = await addressOf(repositories, current);
          if (now.address !== address || now.pending !== pending) return STALE;
          return codes.storeCode(repositories, composed, { pendingValue: pending !== null ? address : null });
        });
      });
      return codes.deliver(prepared);
    },

    /**
     * Checks the code and marks email/phone verified (VerifyUserAttribute); a held change is swapped in
     * first. In alias pools the verified value becomes a sign-in alias.
     * @throws CodeMismatchException, ExpiredCodeException, TooManyFailedAttemptsException, LimitExceededException (15 per hour),
     *         AliasExistsException (another user holds the value as a verified alias), InvalidParameterException, NotAuthorizedException
     */
    async verifyUserAttribute(
      principal: AccessTokenPrincipal,
      input: { attributeName: string; code: string },
    ): Promise<void> {
      checkInput({ attributeName: input.attributeName, code: input.code });
      const kind = requireVerifiable(input.attributeName);
      await codes.countAttempt("verifyUserAttribute", principal.userId, VERIFY_ATTRIBUTE_PER_HOUR);
      await codes.redeem(principal.userId, VERIFY_CODE_PURPOSE[kind], input.code, async (repositories) => {
        const { pool, client, user } = await loadSelfContext(repositories, principal);
        const stored = await repositories.codes.find(user.id, VERIFY_CODE_PURPOSE[kind]);
        const pendingValue = stored?.pendingValue ?? null;
        const value = pendingValue ?? user.attributes[kind];
        if (!value) throw invalidParameter(`The user has no ${kind} to verify.`);
        // The code proves the address it went to and no other. Every change of the address voids its
        // codes; this holds whichever path changed it (the rollback leaves the code as it was).
        if (stored?.sentTo && stored.sentTo.address !== value) throw codeSentElsewhere();
        const swapped = pendingValue !== null && pendingValue !== user.attributes[kind];
        const now = clock.now();
        const flag = `${kind}_verified`;
        // Throws AliasExistsException, rolling the redemption back, when the value is someone else's alias.
        await saveUser(
          repositories,
          pool,
          { ...user, attributes: { ...user.attributes, [kind]: value, [flag]: "true" }, updatedAt: now },
          { isNew: false },
        );
        await repositories.events.append(
          {
            type: "ATTRIBUTE_VERIFIED",
            poolId: pool.id,
            actor: actorOf(principal),
            detail: { userSub: user.id, attributeName: kind, pendingChangeApplied: swapped },
          },
          now,
        );
        if (swapped) {
          await repositories.events.append(
            {
              type: "USER_ATTRIBUTES_CHANGED",
              poolId: pool.id,
              actor: actorOf(principal),
              detail: {
                userSub: user.id,
                via: "VerifyUserAttribute",
                clientId: client.clientId,
                attributes: [kind, flag].sort(),
              },
            },
            now,
          );
        }
      });
    },
  };
}
