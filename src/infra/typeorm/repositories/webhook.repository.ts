import { In, LessThan, LessThanOrEqual, Not, type EntityManager, type FindOptionsWhere } from "typeorm";
import type { EventType } from "../../../core/events/event.types.js";
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookRepository,
  WebhookSubscription,
} from "../../../core/webhooks/webhook.types.js";
import { WebhookDeliveryEntity, WebhookSubscriptionEntity } from "../entities/index.js";

const toSubscription = (entity: WebhookSubscriptionEntity): WebhookSubscription => ({
  id: entity.id,
  poolId: entity.poolId,
  url: entity.url,
  eventTypes: JSON.parse(entity.eventTypes) as EventType[],
  description: entity.description,
  secretCiphertext: entity.secretCiphertext,
  createdBy: entity.createdBy,
  createdAt: entity.createdAt,
});

const toDelivery = (entity: WebhookDeliveryEntity): WebhookDelivery => ({
  id: entity.id,
  subscriptionId: entity.subscriptionId,
  poolId: entity.poolId,
  eventSeq: entity.eventSeq,
  eventType: entity.eventType as EventType,
  status: entity.status as WebhookDeliveryStatus,
  attempts: entity.attempts,
  nextAttemptAt: entity.nextAttemptAt,
  lastAttemptAt: entity.lastAttemptAt,
  lastResponseStatus: entity.lastResponseStatus,
  lastError: entity.lastError,
  createdAt: entity.createdAt,
  completedAt: entity.completedAt,
});

export function createWebhookRepository(manager: EntityManager): WebhookRepository {
  const subscriptions = manager.getRepository(WebhookSubscriptionEntity);
  const deliveries = manager.getRepository(WebhookDeliveryEntity);
  return {
    async insertSubscription(subscription) {
      await subscriptions.insert({ ...subscription, eventTypes: JSON.stringify(subscription.eventTypes) });
    },
    async deleteSubscription(poolId, subscriptionId) {
      const result = await subscriptions.delete({ poolId, id: subscriptionId });
      return (result.affected ?? 0) > 0;
    },
    async findSubscription(subscriptionId) {
      const entity = await subscriptions.findOneBy({ id: subscriptionId });
      return entity ? toSubscription(entity) : null;
    },
    async listSubscriptions(poolId) {
      return (await subscriptions.find({ where: { poolId }, order: { id: "ASC" } })).map(toSubscription);
    },
    countSubscriptions: (poolId) => subscriptions.countBy({ poolId }),
    async insertDeliveries(rows) {
      if (rows.length > 0) await deliveries.insert(rows);
    },
    async listDeliveries(poolId, filter, page) {
      const where: FindOptionsWhere<WebhookDeliveryEntity> = { poolId };
      if (filter.subscriptionId !== undefined) where.subscriptionId = filter.subscriptionId;
      if (filter.status !== undefined) where.status = filter.status;
      if (page.afterId !== undefined) where.id = LessThan(page.afterId);
      return (await deliveries.find({ where, order: { id: "DESC" }, take: page.limit })).map(toDelivery);
    },
    // Served by ix_webhook_deliveries_due (status first): a range scan of the pending rows only.
    countPending: () => deliveries.countBy({ status: "PENDING" }),
    async findDue(now, limit, skip) {
      // Still a range scan of ix_webhook_deliveries_due in due order; the skipped rows (a saturated
      // endpoint's backlog) are filtered out as the scan passes them.
      const where: FindOptionsWhere<WebhookDeliveryEntity> = { status: "PENDING", nextAttemptAt: LessThanOrEqual(now) };
      if (skip.subscriptionIds.length > 0) where.subscriptionId = Not(In([...skip.subscriptionIds]));
      if (skip.poolIds.length > 0) where.poolId = Not(In([...skip.poolIds]));
      const due = await deliveries.find({
        where,
        order: { nextAttemptAt: "ASC" },
        take: limit,
      });
      return due.map(toDelivery);
    },
    async claim(deliveryId, attempts, now, leaseUntil) {
      // The conditional UPDATE is the lock: of several processes seeing the same due row, only the
      // one whose WHERE still matches (same attempt count, still pending and due) gets affected = 1.
      const result = await deliveries
        .createQueryBuilder()
        .update()
        .set({
          attempts: attempts + 1,
          nextAttemptAt: leaseUntil,
          lastAttemptAt: now,
          lastResponseStatus: null,
          lastError: null,
        })
        .where("id = :deliveryId AND status = 'PENDING' AND attempts = :attempts AND next_attempt_at <= :now", {
          deliveryId,
          attempts,
          now,
        })
        .execute();
      return (result.affected ?? 0) === 1;
    },
    async recordOutcome(deliveryId, attempts, outcome) {
      await deliveries
        .createQueryBuilder()
        .update()
        .set({
          status: outcome.status,
          nextAttemptAt: outcome.nextAttemptAt,
          lastResponseStatus: outcome.responseStatus,
          lastError: outcome.error,
          completedAt: outcome.completedAt,
        })
        .where("id = :deliveryId AND status = 'PENDING' AND attempts = :attempts", { deliveryId, attempts })
        .execute();
    },
  };
}
