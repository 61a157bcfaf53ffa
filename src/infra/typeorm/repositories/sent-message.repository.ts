import { MoreThan, type EntityManager } from "typeorm";
import type { SentMessage } from "../../../core/messaging/message.types.js";
import type { DeliveryMedium, SentMessageRepository } from "../../../core/ports.js";
import { SentMessageEntity } from "../entities/index.js";

const toDomain = (entity: SentMessageEntity): SentMessage => ({ ...entity, medium: entity.medium as DeliveryMedium });

export function createSentMessageRepository(manager: EntityManager): SentMessageRepository {
  const messages = manager.getRepository(SentMessageEntity);
  return {
    async insert(message) {
      await messages.insert(Object.assign(new SentMessageEntity(), message));
    },
    async list(poolId, filter, page) {
      const where = {
        poolId,
        ...(filter.userId ? { userId: filter.userId } : {}),
        ...(filter.destination ? { destination: filter.destination } : {}),
        ...(page.afterId !== undefined ? { id: MoreThan(page.afterId) } : {}),
      };
      return (await messages.find({ where, order: { id: "ASC" }, take: page.limit })).map(toDomain);
    },
  };
}
