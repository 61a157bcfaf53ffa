import type { EntityManager } from "typeorm";
import type { UserMfa } from "../../../core/mfa/mfa.types.js";
import type { RefreshTokenRecord } from "../../../core/ports.js";
import type { User, UserWithGroups } from "../../../core/users/user.types.js";
import {
  GroupEntity,
  GroupMembershipEntity,
  RefreshTokenEntity,
  UserEntity,
  UserMfaEntity,
} from "../entities/index.js";
import { perDataSource, rawEntity, runStatement } from "../raw-rows.js";
import { toDomain as toDomainGroup } from "./group.repository.js";
import { toDomain as toDomainMfa } from "./user-mfa.repository.js";
import { toDomainUser } from "./user.repository.js";

/**
 * The reads every token-authorised call and every refresh makes, each one statement (plain SQL,
 * raw-rows.ts says why): they run on every getUser, userInfo and refresh, where three separate
 * statements through the query builder cost more gateway CPU than the calls' own work.
 */
const statementsOf = perDataSource((dataSource) => {
  const token = rawEntity(dataSource, RefreshTokenEntity);
  const user = rawEntity(dataSource, UserEntity);
  const group = rawEntity(dataSource, GroupEntity);
  const mfa = rawEntity(dataSource, UserMfaEntity);
  const memberships = rawEntity(dataSource, GroupMembershipEntity).table;
  // One revoked token marks the family revoked (RevokeToken, GlobalSignOut and reuse detection revoke every row they find).
  const familyRevoked = (familyId: string) =>
    `EXISTS (SELECT 1 FROM ${token.table} f WHERE f.family_id = ${familyId} AND f.revoked_at IS NOT NULL) AS family_revoked`;
  return {
    token,
    user,
    group,
    mfa,
    // The probe row makes the family state come back even when the user is gone.
    accessTokenHolder:
      `SELECT ${familyRevoked("?")}, ${user.selectList("u")}, ${mfa.selectList("m", "mfa_")} FROM (SELECT 1 AS probe) probe ` +
      `LEFT JOIN ${user.table} u ON u.id = ? AND u.pool_id = ? LEFT JOIN ${mfa.table} m ON m.user_id = u.id`,
    // One row per group of the user (one with empty group columns for none); unordered, as findByIdWithGroups.
    refreshTokenHolder:
      `SELECT ${token.selectList("t", "t_")}, ${familyRevoked("t.family_id")}, ${user.selectList("u")}, ${group.selectList("g", "g_")} FROM ${token.table} t ` +
      `LEFT JOIN ${user.table} u ON u.id = t.user_id AND u.pool_id = ? LEFT JOIN ${memberships} m ON m.user_id = u.id LEFT JOIN ${group.table} g ON g.id = m.group_id ` +
      `WHERE t.token_hash = ?`,
  };
});

type Row = Record<string, unknown>;
const isTrue = (value: unknown) => Number(value) === 1;

/** Code-point order of group names, as both databases' binary collations sort them (see user.repository.ts). */
const byName = (left: { name: string }, right: { name: string }) => {
  const a = Array.from(left.name, (char) => char.codePointAt(0)!);
  const b = Array.from(right.name, (char) => char.codePointAt(0)!);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

export interface AccessTokenHolder {
  /** The token's refresh-token family was revoked (false when it names none). */
  isFamilyRevoked: boolean;
  user: User | null;
  /** When the user was last signed out everywhere (a column of the user row: free to read here). */
  signedOutAt: Date | null;
  mfa: UserMfa | null;
}

/** The family state, the user (with its sign-out time) and its MFA row, in one statement. */
export async function findAccessTokenHolder(
  manager: EntityManager,
  poolId: string,
  userId: string,
  familyId: string | null,
): Promise<AccessTokenHolder> {
  const statements = statementsOf(manager.connection);
  const rows = (await runStatement(manager, statements.accessTokenHolder, [familyId, userId, poolId])) as Row[];
  const row = rows[0]!;
  const user = statements.user.hydrate(row);
  const mfa = user ? statements.mfa.hydrate(row, "mfa_") : null;
  return {
    isFamilyRevoked: isTrue(row.family_revoked),
    user: user ? toDomainUser(user) : null,
    signedOutAt: user?.signedOutAt ?? null,
    mfa: mfa ? toDomainMfa(mfa) : null,
  };
}

/** A refresh token by hash, its family state and its user (of the pool) with groups, in one statement. */
export async function findRefreshTokenHolder(
  manager: EntityManager,
  tokenHash: string,
  poolId: string,
): Promise<{ record: RefreshTokenRecord; isFamilyRevoked: boolean; user: UserWithGroups | null } | null> {
  const statements = statementsOf(manager.connection);
  const rows = (await runStatement(manager, statements.refreshTokenHolder, [poolId, tokenHash])) as Row[];
  const first = rows[0];
  const entity = first ? statements.token.hydrate(first, "t_") : null;
  if (!first || !entity) return null;
  const user = statements.user.hydrate(first);
  const groups = user ? rows.flatMap((row) => statements.group.hydrate(row, "g_") ?? []).map(toDomainGroup) : [];
  return {
    record: { ...entity },
    isFamilyRevoked: isTrue(first.family_revoked),
    user: user ? { ...toDomainUser(user), groups: groups.sort(byName) } : null,
  };
}
