import { In, LessThan, MoreThan, type EntityManager } from "typeorm";
import type { ListedUser, SearchEntry, SearchPosition, UserRepository, UserSearchQuery } from "../../../core/ports.js";
import type { AliasKind, User } from "../../../core/users/user.types.js";
import { timeOrderedId } from "../../../lib/random.js";
import {
  GroupEntity,
  GroupMembershipEntity,
  PasswordHistoryEntity,
  UserAliasEntity,
  UserEntity,
  UserSearchEntryEntity,
} from "../entities/index.js";
import { perDataSource, rawEntity, runStatement } from "../raw-rows.js";
import { toDomain as toDomainGroup } from "./group.repository.js";
import { findAccessTokenHolder } from "./token-holder.reads.js";

const INDEXED_VALUE_LENGTH = 255;

export function toEntity(user: User): UserEntity {
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

/** A user's search index rows: values cut to the indexed length, duplicates (after the cut) dropped. */
export function searchEntryRowsOf(
  poolId: string,
  userId: string,
  entries: readonly SearchEntry[],
): UserSearchEntryEntity[] {
  const rows = new Map<string, UserSearchEntryEntity>();
  for (const entry of entries) {
    const value = entry.value.slice(0, INDEXED_VALUE_LENGTH);
    rows.set(
      `${entry.name}\u0000${value}`,
      Object.assign(new UserSearchEntryEntity(), { poolId, userId, name: entry.name, value }),
    );
  }
  return [...rows.values()];
}

const MAX_CODE_POINT = 0x10ffff;

/** Code-point order, as both databases' binary collations sort (UTF-16 `<` puts U+E000–U+FFFF after astral characters). */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (char) => char.codePointAt(0)!);
  const right = Array.from(b, (char) => char.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return left.length - right.length;
}

/**
 * The smallest string greater than every string that starts with `prefix`, in code-point order (how
 * both SQLite's BINARY and MariaDB's utf8mb4_bin sort), or null when there is none. Works on whole
 * code points: bumping half of a surrogate pair would produce a string neither database can store.
 */
function prefixUpperBound(prefix: string): string | null {
  const codePoints = Array.from(prefix, (char) => char.codePointAt(0)!);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!;
    if (last < MAX_CODE_POINT) {
      // Surrogate code points are not characters; the next character after U+D7FF is U+E000.
      const next = last + 1 >= 0xd800 && last + 1 <= 0xdfff ? 0xe000 : last + 1;
      return String.fromCodePoint(...codePoints, next);
    }
  }
  return null;
}

/** The sign-in path's reads, as plain SQL (raw-rows.ts says why). */
const statementsOf = perDataSource((dataSource) => {
  const user = rawEntity(dataSource, UserEntity);
  const group = rawEntity(dataSource, GroupEntity);
  const userColumns = user.selectList("u");
  return {
    user,
    group,
    byUsername: `SELECT ${userColumns} FROM ${user.table} u WHERE u.pool_id = ? AND u.username_normalized = ? LIMIT 1`,
    byId: `SELECT ${userColumns} FROM ${user.table} u WHERE u.id = ? AND u.pool_id = ? LIMIT 1`,
    // One round trip: the user with each of its groups (one row per group; one row with empty group columns for none).
    // Unordered: ORDER BY over the join costs MariaDB a temporary table and a filesort, so the groups are sorted here.
    byIdWithGroups:
      `SELECT ${userColumns}, ${group.selectList("g", "g_")} FROM ${user.table} u ` +
      `LEFT JOIN ${rawEntity(dataSource, GroupMembershipEntity).table} m ON m.user_id = u.id LEFT JOIN ${group.table} g ON g.id = m.group_id ` +
      `WHERE u.id = ? AND u.pool_id = ?`,
  };
});

/**
 * ListUsers' page in one statement: the index range (or the users by id, for no attribute) joined to
 * the few user columns a listing shows. Never the credentials: a page of whole rows carried a bcrypt
 * hash and a 768-digit SRP verifier per user through the driver for nothing.
 */
const listingOf = perDataSource((dataSource) => {
  const users = dataSource.getMetadata(UserEntity);
  const columnOf = (property: keyof UserEntity) => users.findColumnWithPropertyName(property)!;
  const converted = {
    enabled: columnOf("enabled"),
    createdAt: columnOf("createdAt"),
    updatedAt: columnOf("updatedAt"),
  };
  const { driver } = dataSource;
  const table = (target: typeof UserEntity | typeof UserSearchEntryEntity) =>
    driver.escape(dataSource.getMetadata(target).tableName);
  const columns =
    "u.id AS id, u.username AS username, u.status AS status, u.enabled AS enabled, u.attributes AS attributes, u.created_at AS created_at, u.updated_at AS updated_at";
  // The entries' range, read in index order, must stay the outer loop so that LIMIT stops it after one
  // page; STRAIGHT_JOIN (MariaDB) and CROSS JOIN (SQLite) keep the planner from starting at users.
  const join = dataSource.options.type === "mariadb" ? "STRAIGHT_JOIN" : "CROSS JOIN";
  return {
    byIndex: `SELECT e.value AS position_value, ${columns} FROM ${table(UserSearchEntryEntity)} e ${join} ${table(UserEntity)} u ON u.id = e.user_id WHERE e.pool_id = ? AND e.name = ?`,
    byId: `SELECT '' AS position_value, ${columns} FROM ${table(UserEntity)} u WHERE u.pool_id = ?`,
    /** Values through the driver's own conversions, as the entity path hydrates them (dates, booleans). */
    toListed(row: Record<string, unknown>): { user: ListedUser; position: SearchPosition } {
      const id = row.id as string;
      return {
        user: {
          id,
          username: row.username as string,
          status: row.status as User["status"],
          enabled: driver.prepareHydratedValue(row.enabled, converted.enabled) as boolean,
          attributes: JSON.parse(row.attributes as string) as User["attributes"],
          createdAt: driver.prepareHydratedValue(row.created_at, converted.createdAt) as Date,
          updatedAt: driver.prepareHydratedValue(row.updated_at, converted.updatedAt) as Date,
        },
        position: { value: row.position_value as string, userId: id },
      };
    },
  };
});

/** The WHERE tail, ORDER BY and LIMIT of a listing statement, with its parameters (see `search`). */
function listingConditions(
  listing: ReturnType<typeof listingOf>,
  poolId: string,
  query: UserSearchQuery,
): { sql: string; parameters: unknown[] } {
  if (!Number.isSafeInteger(query.limit) || query.limit < 0)
    throw new RangeError(`limit must be a whole number, not ${query.limit}`);
  if (query.attribute === null) {
    const after = query.after ? " AND u.id > ?" : "";
    return {
      sql: `${listing.byId}${after} ORDER BY u.id LIMIT ?`,
      parameters: query.after ? [poolId, query.after.userId, query.limit] : [poolId, query.limit],
    };
  }
  let sql = listing.byIndex;
  const parameters: unknown[] = [poolId, query.attribute];
  const value = query.value.slice(0, INDEXED_VALUE_LENGTH);
  if (query.operator === "=") {
    sql += " AND e.value = ?";
    parameters.push(value);
  } else if (value.length > 0) {
    const high = prefixUpperBound(value);
    sql += high === null ? " AND e.value >= ?" : " AND e.value >= ? AND e.value < ?";
    parameters.push(...(high === null ? [value] : [value, high]));
  }
  if (query.after) {
    // The plain `>=` is implied by the OR but lets the index range start at the cursor, so a late
    // page costs what the first one does instead of re-reading every earlier row.
    sql += " AND e.value >= ? AND (e.value > ? OR (e.value = ? AND e.user_id > ?))";
    parameters.push(query.after.value, query.after.value, query.after.value, query.after.userId);
  }
  parameters.push(query.limit);
  return { sql: `${sql} ORDER BY e.value, e.user_id LIMIT ?`, parameters };
}

export function createUserRepository(manager: EntityManager): UserRepository {
  const statements = statementsOf(manager.connection);
  const listing = listingOf(manager.connection);
  const firstUser = async (sql: string, parameters: unknown[]): Promise<User | null> => {
    const rows = (await runStatement(manager, sql, parameters)) as Record<string, unknown>[];
    const entity = rows[0] ? statements.user.hydrate(rows[0]) : null;
    return entity ? toDomainUser(entity) : null;
  };
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
    async recordSignOut(userId, at) {
      await users.update({ id: userId }, { signedOutAt: at });
    },
    findById: (poolId, userId) => firstUser(statements.byId, [userId, poolId]),
    findByIdLocked: (poolId, userId) =>
      firstUser(
        manager.connection.options.type === "better-sqlite3" ? statements.byId : `${statements.byId} FOR UPDATE`,
        [userId, poolId],
      ),
    async findByIdWithGroups(poolId, userId) {
      const rows = (await runStatement(manager, statements.byIdWithGroups, [userId, poolId])) as Record<
        string,
        unknown
      >[];
      const entity = rows[0] ? statements.user.hydrate(rows[0]) : null;
      if (!entity) return null;
      const groups = rows.flatMap((row) => statements.group.hydrate(row, "g_") ?? []).map(toDomainGroup);
      return { ...toDomainUser(entity), groups: groups.sort((a, b) => compareCodePoints(a.name, b.name)) };
    },
    findByUsername: (poolId, usernameNormalized) => firstUser(statements.byUsername, [poolId, usernameNormalized]),
    findAccessTokenHolder: (poolId, userId, familyId) => findAccessTokenHolder(manager, poolId, userId, familyId),
    async findByAlias(poolId, kind, valueNormalized) {
      const alias = await aliases.findOneBy({ poolId, kind, valueNormalized });
      if (!alias) return null;
      const entity = await users.findOneBy({ id: alias.userId, poolId });
      return entity ? toDomainUser(entity) : null;
    },
    async replaceAliases(poolId, userId, wanted, options) {
      if (!options?.isNewUser) await aliases.delete({ userId });
      if (wanted.length > 0)
        await aliases.insert(
          wanted.map((alias) => ({ poolId, userId, kind: alias.kind, valueNormalized: alias.valueNormalized })),
        );
    },
    async releaseAlias(poolId, kind: AliasKind, valueNormalized) {
      const alias = await aliases.findOneBy({ poolId, kind, valueNormalized });
      if (!alias) return null;
      await aliases.delete({ poolId, kind, valueNormalized });
      return alias.userId;
    },
    async replaceSearchEntries(poolId, userId, entries: SearchEntry[], options) {
      if (!options?.isNewUser) await searchEntries.delete({ userId });
      const rows = searchEntryRowsOf(poolId, userId, entries);
      if (rows.length > 0) await searchEntries.insert(rows);
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
      else if (value.length > 0) {
        const high = prefixUpperBound(value);
        builder.andWhere(high === null ? "entry.value >= :low" : "entry.value >= :low AND entry.value < :high", {
          low: value,
          high,
        });
      }
      if (query.after) {
        // The plain `>=` is implied by the OR but lets the index range start at the cursor, so a late
        // page costs what the first one does instead of re-reading every earlier row.
        builder.andWhere(
          "entry.value >= :afterValue AND (entry.value > :afterValue OR (entry.value = :afterValue AND entry.user_id > :afterUserId))",
          {
            afterValue: query.after.value,
            afterUserId: query.after.userId,
          },
        );
      }
      const rows = await builder
        .orderBy("entry.value", "ASC")
        .addOrderBy("entry.user_id", "ASC")
        .limit(query.limit)
        .getMany();
      const byId = await loadInOrder(rows.map((row) => row.userId));
      return rows.flatMap((row) => {
        const user = byId.get(row.userId);
        const position: SearchPosition = { value: row.value, userId: row.userId };
        return user ? [{ user, position }] : [];
      });
    },
    async searchListed(poolId, query) {
      const { sql, parameters } = listingConditions(listing, poolId, query);
      const rows = (await runStatement(manager, sql, parameters)) as Record<string, unknown>[];
      return rows.map(listing.toListed);
    },
    async addPasswordHistory(userId, passwordHash, createdAt, keep) {
      // Time-ordered ids keep the order even for two changes in one millisecond (or a frozen test clock).
      await history.insert({ id: timeOrderedId(createdAt.getTime()), userId, passwordHash, createdAt });
      if (keep <= 0) {
        await history.delete({ userId });
        return;
      }
      const newest = await history.find({ where: { userId }, order: { id: "DESC" }, take: keep, select: { id: true } });
      if (newest.length === keep) await history.delete({ userId, id: LessThan(newest[newest.length - 1]!.id) });
    },
    async listPasswordHistory(userId, limit) {
      if (limit <= 0) return [];
      const rows = await history.find({ where: { userId }, order: { id: "DESC" }, take: limit });
      return rows.map((row) => row.passwordHash);
    },
  };
}
