import { assertPoolAccess } from "../admin-keys/access.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import type { ClientContextCache } from "../clients/client-context-cache.js";
import { CognitoError, invalidParameter, resourceNotFound } from "../errors.js";
import { EVENT_TYPES, type EventType } from "../events/event.types.js";
import { lockAccessiblePool } from "../pools/user-pool.service.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import type { Database, SecretBox } from "../ports.js";
import { requireLength, requirePoolId, requireSubset, requireUrl } from "../validation.js";
import type { Clock } from "../../lib/clock.js";
import { randomBytesOf, timeOrderedId } from "../../lib/random.js";
import type { WebhookDelivery, WebhookDeliveryStatus, WebhookSubscription } from "./webhook.types.js";

export type WebhookService = ReturnType<typeof createWebhookService>;

export interface CreateWebhookSubscriptionInput {
  poolId: string;
  url: string;
  eventTypes: readonly string[];
  description?: string | null;
}

/** A subscription as the API shows it: never the secret, sealed or not. */
export type VisibleWebhookSubscription = Omit<WebhookSubscription, "secretCiphertext">;

const visible = ({ secretCiphertext: _secretCiphertext, ...rest }: WebhookSubscription): VisibleWebhookSubscription =>
  rest;

/**
 * Manages a pool's event webhooks and reads their delivery records. Every change is announced to
 * the per-process subscription caches once committed, so that every gateway process matches the
 * events appended after the call returns against the new subscriptions.
 */
export function createWebhookService({
  db,
  clock,
  secretBox,
  contexts,
  maxSubscriptionsPerPool = 10,
}: {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
  contexts: Pick<ClientContextCache, "invalidateWebhookSubscriptions" | "forgetWebhookSubscriptionsHere">;
  maxSubscriptionsPerPool?: number;
}) {
  async function requirePool(principal: AdminPrincipal, poolId: string): Promise<void> {
    requirePoolId(poolId);
    assertPoolAccess(principal, poolId);
    const pool = await db.read((repositories) => repositories.pools.findById(poolId));
    if (!pool) throw resourceNotFound(`User pool ${poolId} does not exist.`);
  }

  /**
   * Drops the pool's cached subscriptions inside the changing transaction, after its write: its own
   * event is then matched against what the transaction sees (a deleted subscription must get no
   * delivery row), and on SQLite, whose transactions run one at a time, no other append can cache
   * the old list before the commit. Only here: the invalidation after the commit tells the other processes.
   */
  const forgetSubscriptions = (poolId: string): void => contexts.forgetWebhookSubscriptionsHere(poolId);

  return {
    /**
     * Subscribes an endpoint to event types. The signing secret is returned here only; it is stored
     * sealed, because the dispatcher must use it again to sign every delivery. USER_POOL_DELETED is
     * refused: the pool's deletion takes its subscriptions with it.
     * @throws InvalidParameterException, NotAuthorizedException, ResourceNotFoundException, LimitExceededException
     */
    async createSubscription(
      principal: AdminPrincipal,
      input: CreateWebhookSubscriptionInput,
    ): Promise<{ subscription: VisibleWebhookSubscription; signingSecret: string }> {
      await requirePool(principal, input.poolId);
      requireUrl("url", input.url);
      if (input.eventTypes.length === 0)
        throw new CognitoError("InvalidParameterException", "eventTypes must list at least one event type.");
      const eventTypes = requireSubset<EventType>("eventTypes", input.eventTypes, EVENT_TYPES);
      // A pool's subscriptions go with the pool, and their delivery rows with them (foreign keys that
      // cascade): a delivery of the pool's own deletion could never be sent, so it is refused here
      // rather than accepted and silently never delivered. The event stays in the audit log.
      if (eventTypes.includes("USER_POOL_DELETED"))
        throw invalidParameter(
          "eventTypes cannot include USER_POOL_DELETED: a pool's webhook subscriptions are deleted with the pool, so that event can never be delivered to one. Read it from the audit log (the events query) instead.",
        );
      if (input.description != null) requireLength("description", input.description, 0, 256);
      // The Standard Webhooks form: `whsec_` + standard base64 (not base64url) of a 256-bit key, which
      // receivers hand as is to `new Webhook(secret)` of the standardwebhooks libraries.
      const signingSecret = `whsec_${randomBytesOf(32).toString("base64")}`;
      const now = clock.now();
      const subscription: WebhookSubscription = {
        id: timeOrderedId(now.getTime()),
        poolId: input.poolId,
        url: input.url,
        eventTypes: [...eventTypes],
        description: input.description ?? null,
        secretCiphertext: secretBox.encrypt(signingSecret),
        createdBy: actorOf(principal),
        createdAt: now,
      };
      await db.transaction(async (repositories) => {
        // Locked: parallel creates count the pool's subscriptions one after the other (on MariaDB they
        // would otherwise each count the same committed rows and all insert).
        await lockAccessiblePool(repositories, principal, input.poolId);
        if ((await repositories.webhooks.countSubscriptions(input.poolId)) >= maxSubscriptionsPerPool) {
          throw new CognitoError(
            "LimitExceededException",
            `A user pool can have at most ${maxSubscriptionsPerPool} webhook subscriptions.`,
          );
        }
        await repositories.webhooks.insertSubscription(subscription);
        forgetSubscriptions(input.poolId);
        await repositories.events.append(
          {
            type: "WEBHOOK_SUBSCRIPTION_CREATED",
            poolId: input.poolId,
            actor: actorOf(principal),
            detail: { subscriptionId: subscription.id, url: subscription.url, eventTypes: subscription.eventTypes },
          },
          now,
        );
      });
      await contexts.invalidateWebhookSubscriptions(input.poolId);
      return { subscription: visible(subscription), signingSecret };
    },

    /** Deletes the subscription and its delivery records. @throws NotAuthorizedException, ResourceNotFoundException */
    async deleteSubscription(
      principal: AdminPrincipal,
      poolId: string,
      subscriptionId: string,
    ): Promise<VisibleWebhookSubscription> {
      await requirePool(principal, poolId);
      const deleted = await db.transaction(async (repositories) => {
        const found = await repositories.webhooks.findSubscription(subscriptionId);
        if (
          !found ||
          found.poolId !== poolId ||
          !(await repositories.webhooks.deleteSubscription(poolId, subscriptionId))
        ) {
          throw resourceNotFound(`Webhook subscription ${subscriptionId} does not exist in user pool ${poolId}.`);
        }
        forgetSubscriptions(poolId);
        await repositories.events.append(
          {
            type: "WEBHOOK_SUBSCRIPTION_DELETED",
            poolId,
            actor: actorOf(principal),
            detail: { subscriptionId, url: found.url },
          },
          clock.now(),
        );
        return visible(found);
      });
      await contexts.invalidateWebhookSubscriptions(poolId);
      return deleted;
    },

    /** @throws NotAuthorizedException, ResourceNotFoundException */
    async listSubscriptions(principal: AdminPrincipal, poolId: string): Promise<VisibleWebhookSubscription[]> {
      await requirePool(principal, poolId);
      return (await db.read((repositories) => repositories.webhooks.listSubscriptions(poolId))).map(visible);
    },

    /** Delivery records, newest first. @throws InvalidParameterException, NotAuthorizedException, ResourceNotFoundException */
    async listDeliveries(
      principal: AdminPrincipal,
      poolId: string,
      filter: { subscriptionId?: string | null; status?: WebhookDeliveryStatus | null },
      args: PageArgs,
    ): Promise<Page<WebhookDelivery>> {
      await requirePool(principal, poolId);
      const page = readPageArgs(args, 100);
      const rows = await db.read((repositories) =>
        repositories.webhooks.listDeliveries(
          poolId,
          { subscriptionId: filter.subscriptionId ?? undefined, status: filter.status ?? undefined },
          { afterId: page.afterId, limit: page.limit + 1 },
        ),
      );
      return toPage(rows, page.limit, (row) => row.id);
    },
  };
}
