import { In, LessThan, MoreThan, type EntityManager } from "typeorm";
import type { SearchEntry, SearchPosition, UserRepository, UserSearchQuery } from "../../../core/ports.js";
import type { AliasKind, User } from "../../../core/users/user.types.js";
import { randomUuid } from "../../../lib/random.js";
import { PasswordHistoryEntity, UserAliasEntity, UserEntity, UserSearchEntryEntity } from "../entities/index.js";

const INDEXED_VALUE_LENGTH = 255;

function toEntity(user: User): UserEntity {
  return Object.assign(new UserEntity(), {
    id: user.id,
    poolId: user.poolId,
    username: user.username,
    usernameNormalized: user.usernameNormalized,
    status: user.status,
    enabled: user.enabled,
    attributes: JSON.stringify(user.attributes),
    passwordHash: user.credentials?.passwordHash ?? null,
    srpSalt: user.credentials?.srpSalt ?? null,
    srpVerifier: user.credentials?.srpVerifier ?? null,
    passwordChangedAt: user.passwordChangedAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  });
}

export function toDomainUser(entity: UserEntity): User {
  return {
    id: entity.id,
    poolId: entity.poolId,
    username: entity.username,
    usernameNormalized: entity.usernameNormalized,
    status: entity.status as User["status"],
    enabled: Boolean(entity.enabled),
    attributes: JSON.parse(entity.attributes) as User["attributes"],
    credentials:
      entity.passwordHash && entity.srpSalt && entity.srpVerifier
        ? { passwordHash: entity.passwordHash, srpSalt: entity.srpSalt, srpVerifier: entity.srpVerifier }
        : null,
    passwordChangedAt: entity.passwordChangedAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** The smallest string greater than every string that starts with `prefix`. */
function prefixUpperBound(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, prefix.length - 1) + String.fromCodePoint(last + 1);
}

export function createUserRepository(manager: EntityManager): UserRepository {
  const users = manager.getRepository(UserEntity);
  const aliases = manager.getRepository(UserAliasEntity);
  const searchEntries = manager.getRepository(UserSearchEntryEntity);
  const history = manager.getRepository(PasswordHistoryEntity);

  async function loadInOrder(userIds: string[]): Promise<Map<string, User>> {
    if (userIds.length === 0) return new Map();
    const found = await users.findBy({ id: In(userIds) });
    return new Map(found.map((entity) => [entity.id, toDomainUser(entity)]));
  }

  return {
    async insert(user) {
      await users.insert(toEntity(user));
    },
    async update(user) {
      await users.save(toEntity(user));
    },
    async delete(userId) {
      await users.delete({ id: userId });
    },
    async findById(poolId, userId) {
      const entity = await users.findOneBy({ id: userId, poolId });
      return entity ? toDomainUser(entity) : null;
    },
    async findByUsername(poolId, usernameNormalized) {
      const entity = await users.findOneBy({ poolId, usernameNormalized });
      return entity ? toDomainUser(entity) : null;
    },
    async findByAlias(poolId, kind, valueNormalized) {
      const alias = await aliases.findOneBy({ poolId, kind, valueNormalized });
      if (!alias) return null;
      const entity = await users.findOneBy({ id: alias.userId, poolId });
      return entity ? toDomainUser(entity) : null;
    },
    async replaceAliases(poolId, userId, wanted) {
      await aliases.delete({ userId });
      if (wanted.length > 0) await aliases.insert(wanted.map((alias) => ({ poolId, userId, kind: alias.kind, valueNormalized: alias.valueNormalized })));
    },
    async releaseAlias(poolId, kind: AliasKind, valueNormalized) {
      const alias = await aliases.findOneBy({ poolId, kind, valueNormalized });
      if (!alias) return null;
      await aliases.delete({ poolId, kind, valueNormalized });
      return alias.userId;
    },
    async replaceSearchEntries(poolId, userId, entries: SearchEntry[]) {
      await searchEntries.delete({ userId });
      const rows = new Map<string, UserSearchEntryEntity>();
      for (const entry of entries) {
        const value = entry.value.slice(0, INDEXED_VALUE_LENGTH);
        rows.set(`${entry.name}\u0000${value}`, Object.assign(new UserSearchEntryEntity(), { poolId, userId, name: entry.name, value }));
      }
      if (rows.size > 0) await searchEntries.insert([...rows.values()]);
    },
    async search(poolId, query: UserSearchQuery) {
      if (query.attribute === null) {
        const where = query.after ? { poolId, id: MoreThan(query.after.userId) } : { poolId };
        const page = await users.find({ where, order: { id: "ASC" }, take: query.limit });
        return page.map((entity) => ({ user: toDomainUser(entity), position: { value: "", userId: entity.id } }));
      }
      const value = query.value.slice(0, INDEXED_VALUE_LENGTH);
      const builder = searchEntries
        .createQueryBuilder("entry")
        .select(["entry.value", "entry.userId"])
        .where("entry.pool_id = :poolId AND entry.name = :name", { poolId, name: query.attribute });
      if (query.operator === "=") builder.andWhere("entry.value = :value", { value });
      else if (value.length > 0) builder.andWhere("entry.value >= :low AND entry.value < :high", { low: value, high: prefixUpperBound(value) });
      if (query.after) {
        builder.andWhere("(entry.value > :afterValue OR (entry.value = :afterValue AND entry.user_id > :afterUserId))", {
          afterValue: query.after.value,
          afterUserId: query.after.userId,
        });
      }
      const rows = await builder.orderBy("entry.value", "ASC").addOrderBy("entry.user_id", "ASC").limit(query.limit).getMany();
      const byId = await loadInOrder(rows.map((row) => row.userId));
      return rows.flatMap((row) => {
        const user = byId.get(row.userId);
        const position: SearchPosition = { value: row.value, userId: row.userId };
        return user ? [{ user, position }] : [];
      });
    },
    async addPasswordHistory(userId, passwordHash, createdAt, keep) {
      await history.insert({ id: randomUuid(), userId, passwordHash, createdAt });
      const newest = await history.find({ where: { userId }, order: { createdAt: "DESC", id: "DESC" }, take: keep, select: { id: true, createdAt: true } });
      if (newest.length === keep && keep > 0) {
        await history.delete({ userId, createdAt: LessThan(newest[newest.length - 1]!.createdAt) });
      } else if (keep === 0) {
        await history.delete({ userId });
      }
    },
    async listPasswordHistory(userId, limit) {
      if (limit <= 0) return [];
      const rows = await history.find({ where: { userId }, order: { createdAt: "DESC", id: "DESC" }, take: limit });
      return rows.map((row) => row.passwordHash);
    },
  };
}
