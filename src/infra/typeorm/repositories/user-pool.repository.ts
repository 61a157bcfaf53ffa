import { And, In, IsNull, MoreThan, type EntityManager } from "typeorm";
import { DEFAULT_POOL_SETTINGS } from "../../../core/pools/user-pool.defaults.js";
import type { UserPool, UserPoolSettings } from "../../../core/pools/user-pool.types.js";
import type { UserPoolRepository } from "../../../core/ports.js";
import { UserEntity, UserPoolEntity } from "../entities/index.js";

type StoredSettings = Omit<UserPoolSettings, "name" | "deletionProtection" | "usernameCaseSensitive">;

function toEntity(pool: UserPool): UserPoolEntity {
  const { id, name, deletionProtection, usernameCaseSensitive, schemaAttributes, createdAt, updatedAt, ...settings } =
    pool;
  return Object.assign(new UserPoolEntity(), {
    id,
    name,
    deletionProtection,
    usernameCaseSensitive,
    settings: JSON.stringify(settings satisfies StoredSettings),
    schemaAttributes: JSON.stringify(schemaAttributes),
    createdAt,
    updatedAt,
  });
}

function toDomain(entity: UserPoolEntity): UserPool {
  const settings = JSON.parse(entity.settings) as StoredSettings;
  return {
    // A setting added after the pool was stored reads as its default (top-level settings only).
    ...DEFAULT_POOL_SETTINGS,
    ...settings,
    id: entity.id,
    name: entity.name,
    deletionProtection: entity.deletionProtection as UserPool["deletionProtection"],
    usernameCaseSensitive: entity.usernameCaseSensitive,
    schemaAttributes: JSON.parse(entity.schemaAttributes) as UserPool["schemaAttributes"],
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function createUserPoolRepository(manager: EntityManager): UserPoolRepository {
  const pools = manager.getRepository(UserPoolEntity);
  return {
    async insert(pool) {
      await pools.insert(toEntity(pool));
    },
    async update(pool) {
      await pools.save(toEntity(pool));
    },
    async delete(poolId) {
      await pools.delete({ id: poolId });
    },
    async findById(poolId) {
      const entity = await pools.findOneBy({ id: poolId, importId: IsNull() });
      return entity ? toDomain(entity) : null;
    },
    async list(page, onlyIds) {
      if (onlyIds !== null && onlyIds.length === 0) return [];
      const idFilter = onlyIds === null ? {} : { id: In([...onlyIds]) };
      const afterFilter = page.afterId === undefined ? {} : { id: MoreThan(page.afterId) };
      // Both bounds in SQL: the "after" comparison must use the same collation as ORDER BY
      // (MariaDB's is case-insensitive), or a scoped key's pages skip or repeat pools.
      const where =
        onlyIds !== null && page.afterId !== undefined
          ? { id: And(In([...onlyIds]), MoreThan(page.afterId)), importId: IsNull() }
          : { ...idFilter, ...afterFilter, importId: IsNull() };
      const entities = await pools.find({ where, order: { id: "ASC" }, take: page.limit });
      return entities.map(toDomain);
    },
    count: () => pools.count(),
    async insertImporting(pool, importId) {
      await pools.insert({ ...toEntity(pool), importId });
    },
    async importOf(poolId) {
      const entity = await pools.findOne({ select: { id: true, importId: true }, where: { id: poolId } });
      return entity ? { importId: entity.importId } : null;
    },
    async holdImport(poolId, importId) {
      const query = pools.createQueryBuilder("p").select("p.id").where("p.id = :poolId AND p.import_id = :importId", {
        poolId,
        importId,
      });
      // SQLite's transactions already run one at a time.
      if (manager.connection.options.type !== "better-sqlite3") query.setLock("pessimistic_write");
      return (await query.getRawMany()).length > 0;
    },
    async finishImport(poolId) {
      await pools.update({ id: poolId }, { importId: null });
    },
    async deleteImport(poolId, importId) {
      await pools.delete({ id: poolId, importId });
    },
    countUsers: (poolId) => manager.getRepository(UserEntity).countBy({ poolId }),
    async lockForUpdate(poolId) {
      if (manager.connection.options.type === "better-sqlite3") return;
      await pools
        .createQueryBuilder("p")
        .select("p.id")
        .where("p.id = :poolId", { poolId })
        .setLock("pessimistic_write")
        .getRawMany();
    },
  };
}
