import { In, MoreThan, type EntityManager, type FindOptionsWhere } from "typeorm";
import type { EventType, StoredEvent } from "../../../core/events/event.types.js";
import type { EventRepository } from "../../../core/ports.js";
import { EventEntity } from "../entities/index.js";

const toDomain = (entity: EventEntity): StoredEvent => ({
  seq: entity.seq,
  type: entity.type as EventType,
  poolId: entity.poolId,
  actor: entity.actor,
  detail: JSON.parse(entity.detail) as Record<string, unknown>,
  occurredAt: entity.occurredAt,
});

export function createEventRepository(manager: EntityManager): EventRepository {
  const events = manager.getRepository(EventEntity);
  return {
    async append(event, occurredAt) {
      await events.insert({ type: event.type, poolId: event.poolId, actor: event.actor, detail: JSON.stringify(event.detail), occurredAt });
    },
    async list(filter, page) {
      const seq = page.afterSeq === undefined ? {} : { seq: MoreThan(page.afterSeq) };
      let where: FindOptionsWhere<EventEntity> | FindOptionsWhere<EventEntity>[];
      if (filter.poolId !== undefined) where = { ...seq, poolId: filter.poolId };
      else if (filter.poolIds !== null) where = { ...seq, poolId: In([...filter.poolIds]) };
      else where = seq;
      const entities = await events.find({ where, order: { seq: "ASC" }, take: page.limit });
      return entities.map(toDomain);
    },
  };
}
