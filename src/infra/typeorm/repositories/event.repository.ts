import { In, type EntityManager, type SelectQueryBuilder } from "typeorm";
import type { AppEvent, EventType, StoredEvent } from "../../../core/events/event.types.js";
import type { EventRepository } from "../../../core/ports.js";
import { EventEntity, WebhookDeliveryEntity } from "../entities/index.js";
import { perDataSource, rawEntity } from "../raw-rows.js";

const toDomain = (entity: EventEntity): StoredEvent => ({
  seq: entity.seq,
  type: entity.type as EventType,
  poolId: entity.poolId,
  actor: entity.actor,
  detail: JSON.parse(entity.detail) as Record<string, unknown>,
  occurredAt: entity.occurredAt,
});

/** Where pool scoping goes: one pool, a scoped key's pools (none = nothing), or everything. */
function wherePools(
  query: SelectQueryBuilder<EventEntity>,
  filter: { poolId?: string; poolIds: readonly string[] | null },
): boolean {
  if (filter.poolId !== undefined) query.andWhere("event.pool_id = :poolId", { poolId: filter.poolId });
  else if (filter.poolIds !== null) {
    if (filter.poolIds.length === 0) return false;
    query.andWhere("event.pool_id IN (:...poolIds)", { poolIds: [...filter.poolIds] });
  }
  return true;
}

const rawEvents = perDataSource((dataSource) => rawEntity(dataSource, EventEntity));

/** The row of an appended event (also built by batched-writes.ts). */
export function eventEntityOf(event: AppEvent, occurredAt: Date): EventEntity {
  const userSub = typeof event.detail.userSub === "string" ? event.detail.userSub : null;
  return Object.assign(new EventEntity(), {
    type: event.type,
    poolId: event.poolId,
    userSub,
    actor: event.actor,
    detail: JSON.stringify(event.detail),
    occurredAt,
  });
}

/** Every sign-in appends events: plain SQL (raw-rows.ts). */
async function insertEvent(manager: EntityManager, event: AppEvent, occurredAt: Date): Promise<number> {
  return (await rawEvents(manager.connection).insert(manager, eventEntityOf(event, occurredAt)))!;
}

export function createEventRepository(manager: EntityManager): EventRepository {
  const events = manager.getRepository(EventEntity);
  return {
    append: (event, occurredAt) => insertEvent(manager, event, occurredAt),
    async appendWithDeliveries(event, occurredAt, deliveriesFor) {
      const write = async (transactional: EntityManager): Promise<number> => {
        const seq = await insertEvent(transactional, event, occurredAt);
        const deliveries = deliveriesFor(seq);
        if (deliveries.length === 0) return seq;
        const insert = transactional.createQueryBuilder().insert().into(WebhookDeliveryEntity).values(deliveries);
        // The subscriptions come from a per-process cache: one deleted a moment ago (its invalidation
        // not yet heard) must cost its delivery, not the change being recorded. MariaDB's IGNORE skips
        // a row whose subscription is gone (a foreign key error becomes a warning). SQLite needs none:
        // one process, whose webhook service drops the cache inside the deleting transaction.
        if (transactional.connection.options.type === "mariadb") insert.orIgnore();
        await insert.execute();
        return seq;
      };
      // Outside a transaction (Database.read) the two INSERTs get one of their own: an event that
      // commits without its delivery rows is one its subscribers never hear of. (On SQLite the
      // Database's lock is held by the caller, so nothing else runs on the shared connection.)
      return manager.queryRunner?.isTransactionActive ? write(manager) : manager.transaction(write);
    },
    async list(filter, page) {
      const query = events.createQueryBuilder("event");
      if (!wherePools(query, filter)) return [];
      if (filter.types?.length) query.andWhere("event.type IN (:...types)", { types: [...filter.types] });
      if (page.afterSeq !== undefined) query.andWhere("event.seq > :afterSeq", { afterSeq: page.afterSeq });
      if (page.throughSeq !== undefined) query.andWhere("event.seq <= :throughSeq", { throughSeq: page.throughSeq });
      const entities = await query.orderBy("event.seq", "ASC").take(page.limit).getMany();
      return entities.map(toDomain);
    },
    async search(filter, page) {
      const query = events.createQueryBuilder("event");
      if (!wherePools(query, filter)) return [];
      if (filter.types?.length) query.andWhere("event.type IN (:...types)", { types: [...filter.types] });
      if (filter.userSub !== undefined) query.andWhere("event.user_sub = :userSub", { userSub: filter.userSub });
      if (filter.from !== undefined) query.andWhere("event.occurred_at >= :from", { from: filter.from });
      if (filter.to !== undefined) query.andWhere("event.occurred_at < :to", { to: filter.to });
      const isNewestFirst = page.order === "NEWEST_FIRST";
      if (page.pastSeq !== undefined)
        query.andWhere(isNewestFirst ? "event.seq < :pastSeq" : "event.seq > :pastSeq", { pastSeq: page.pastSeq });
      const entities = await query
        .orderBy("event.seq", isNewestFirst ? "DESC" : "ASC")
        .take(page.limit)
        .getMany();
      return entities.map(toDomain);
    },
    async findBySeqs(seqs) {
      if (seqs.length === 0) return [];
      const entities = await events.find({ where: { seq: In([...seqs]) }, order: { seq: "ASC" } });
      return entities.map(toDomain);
    },
    async maxSeq() {
      const row = await events
        .createQueryBuilder("event")
        .select("MAX(event.seq)", "max")
        .getRawOne<{ max: number | string | null }>();
      return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
    },
  };
}
