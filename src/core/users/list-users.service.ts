import type { Clock } from "../../lib/clock.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { sha256Hex } from "../../lib/secrets.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { invalidParameter } from "../errors.js";
import type { Database, ListedUser, SearchPosition } from "../ports.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { requireIntegerInRange } from "../validation.js";
import { compileUserFilter, parseUserFilter, type ParsedUserFilter } from "./user-filter.js";

export const MAX_LIST_USERS_LIMIT = 60;

/** A pagination token is refused once it is older than this, as Cognito's are (cognito-reference §12.1). */
export const LIST_USERS_TOKEN_TTL_SECONDS = 60 * 60;

/** How far ahead of this gateway's clock a token's issue time may be (another instance's clock may run ahead). */
const TOKEN_CLOCK_SKEW_SECONDS = 5 * 60;

export interface ListUsersRequest {
  /** ListUsers filter language (cognito-reference §12.2); absent or blank lists every user. */
  filter?: string | null;
  /** Attribute names to return; absent returns every attribute. */
  attributesToGet?: readonly string[] | null;
  /** 0–60; absent or 0 means 60. */
  limit?: number | null;
  paginationToken?: string | null;
}

export interface ListUsersResult {
  /** Ordered by the filtered (folded) value, then by sub; attributes cut to `attributesToGet`; never credentials. */
  users: ListedUser[];
  /** Absent on the last page. */
  paginationToken: string | null;
}

export type ListUsersService = ReturnType<typeof createListUsersService>;

/**
 * No filter lists every user through the same index: each user has exactly one `sub` entry (its id),
 * so this is a range scan ordered by id, never a scan of the users table.
 */
const EVERY_USER: ParsedUserFilter = { attribute: "sub", operator: "^=", value: "" };

/** Binds a token to one pool and one filter (after folding, so `EMAIL` and `email` casing of a value agree). */
const filterKeyOf = (poolId: string, filter: ParsedUserFilter): string =>
  sha256Hex(JSON.stringify([poolId, filter.attribute, filter.operator, filter.value])).slice(0, 24);

// The token carries no secret and grants nothing: it is only a position in a result the caller may
// read in full anyway, so a forged one can at most skip ahead. It is bound to the filter so that a
// position from one ordering is never applied to another. Its issue time is not signed either: a
// caller who rewrites it only keeps paging a listing they could start again, so the expiry is the
// Cognito contract (stale positions are not honoured forever), not a security boundary.
function encodeToken(position: SearchPosition, filterKey: string, issuedAtMs: number): string {
  return encodeCursor({ v: position.value, u: position.userId, f: filterKey, t: issuedAtMs });
}

function decodeToken(token: string, nowMs: number): { position: SearchPosition; filterKey: string } {
  const decoded = decodeCursor(token);
  if (!decoded || typeof decoded.v !== "string" || typeof decoded.u !== "string" || typeof decoded.f !== "string") {
    throw invalidParameter("paginationToken is not a token returned by listUsers.");
  }
  // A token from before issue times were recorded has no `t`: its age is unknown, so it counts as expired.
  if (decoded.t !== undefined && !Number.isSafeInteger(decoded.t)) {
    throw invalidParameter("paginationToken is not a token returned by listUsers.");
  }
  const issuedAtMs = decoded.t as number | undefined;
  if (issuedAtMs === undefined || nowMs - issuedAtMs > LIST_USERS_TOKEN_TTL_SECONDS * 1000) {
    throw invalidParameter("paginationToken has expired (tokens last 1 hour); start again without a token.");
  }
  if (issuedAtMs - nowMs > TOKEN_CLOCK_SKEW_SECONDS * 1000) {
    throw invalidParameter(
      "paginationToken was issued in the future (the clocks disagree or the token was altered); start again without a token.",
    );
  }
  return { position: { value: decoded.v, userId: decoded.u }, filterKey: decoded.f };
}

function readLimit(limit: number | null | undefined): number {
  requireIntegerInRange("limit", limit ?? 0, 0, MAX_LIST_USERS_LIMIT);
  return limit ? limit : MAX_LIST_USERS_LIMIT;
}

function readAttributesToGet(pool: UserPool, names: readonly string[] | null | undefined): ReadonlySet<string> | null {
  if (names === undefined || names === null) return null;
  const known = new Set(pool.schemaAttributes.map((attribute) => attribute.name));
  for (const name of names) {
    if (!known.has(name))
      throw invalidParameter(`attributesToGet: ${name} is not an attribute of user pool ${pool.id}.`);
  }
  return new Set(names);
}

const project = (user: ListedUser, names: ReadonlySet<string> | null): ListedUser =>
  names === null
    ? user
    : { ...user, attributes: Object.fromEntries(Object.entries(user.attributes).filter(([name]) => names.has(name))) };

/**
 * MariaDB's binary collation still ignores trailing spaces (PAD SPACE), so there `"ann "` equals
 * `"ann"`; checking the index value the row was found by keeps both backends exact.
 */
const isMatch = (filter: ParsedUserFilter, indexedValue: string): boolean =>
  filter.operator === "=" ? indexedValue === filter.value : indexedValue.startsWith(filter.value);

export function createListUsersService({ db, clock }: { db: Database; clock: Clock }) {
  return {
    /**
     * ListUsers: one page of a pool's users matching a filter, read through the search index.
     * A page may hold fewer users than `limit` while a token is still returned, as in Cognito.
     * Pagination tokens last LIST_USERS_TOKEN_TTL_SECONDS from the page that returned them.
     * @throws InvalidParameterException (filter, limit, token of another filter, expired token, unknown attributesToGet),
     *         ResourceNotFoundException, NotAuthorizedException (key scoped to other pools)
     */
    async listUsers(principal: AdminPrincipal, poolId: string, request: ListUsersRequest): Promise<ListUsersResult> {
      const limit = readLimit(request.limit);
      const nowMs = clock.nowMs();
      const parsed = parseUserFilter(request.filter);
      const token =
        request.paginationToken === undefined || request.paginationToken === null
          ? null
          : decodeToken(request.paginationToken, nowMs);
      return db.read(async (repositories) => {
        const pool = await loadAccessiblePool(repositories, principal, poolId);
        const filter = parsed ? compileUserFilter(pool, parsed) : EVERY_USER;
        const attributesToGet = readAttributesToGet(pool, request.attributesToGet);
        const filterKey = filterKeyOf(pool.id, filter);
        if (token && token.filterKey !== filterKey) {
          throw invalidParameter(
            "paginationToken was issued for another filter or user pool; send the same filter as the request that returned it.",
          );
        }
        // One row more than the page tells whether another page exists without counting.
        const rows = await repositories.users.searchListed(pool.id, {
          ...filter,
          after: token?.position,
          limit: limit + 1,
        });
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          users: page
            .filter((row) => isMatch(filter, row.position.value))
            .map((row) => project(row.user, attributesToGet)),
          paginationToken: rows.length > limit && last ? encodeToken(last.position, filterKey, nowMs) : null,
        };
      });
    },
  };
}
