import { assertPoolAccess } from "../admin-keys/access.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { invalidParameter } from "../errors.js";
import type { Page, PageArgs } from "../pagination.js";
import type { Database } from "../ports.js";
import { requireIntegerInRange, requireLength, requirePoolId, requireSubset } from "../validation.js";
import { EVENT_TYPES, type EventType, type StoredEvent } from "./event.types.js";

export type EventService = ReturnType<typeof createEventService>;

/** An event's cursor: its position in the log. Listings continue after it in their own order. */
export const eventCursor = (seq: number): string => encodeCursor({ seq });

/** @throws InvalidParameterException when the cursor was not made by eventCursor. */
export function readEventCursor(cursor: string): number {
  const decoded = decodeCursor(cursor);
  if (!decoded || typeof decoded.seq !== "number" || !Number.isInteger(decoded.seq) || decoded.seq < 0)
    throw invalidParameter("after is not a cursor returned by this API.");
  return decoded.seq;
}

export interface EventQuery {
  poolId?: string | null;
  types?: readonly string[] | null;
  userSub?: string | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
  /** Default NEWEST_FIRST. */
  order?: EventOrder | null;
}

export type EventOrder = "NEWEST_FIRST" | "OLDEST_FIRST";

/** Reads the audit log (the outbox). A scoped key sees only its pools' events. */
export function createEventService({ db }: { db: Database }) {
  return {
    /**
     * The audit log, newest first unless asked otherwise, filtered; `after` is the cursor of the last
     * event of the previous page.
     * Without a pool id, every pool the key may see (an unscoped key also sees pool-less events).
     * @throws InvalidParameterException, NotAuthorizedException
     */
    async listEvents(principal: AdminPrincipal, query: EventQuery, args: PageArgs): Promise<Page<StoredEvent>> {
      const limit = args.first ?? 100;
      requireIntegerInRange("first", limit, 1, 1000);
      const pastSeq = args.after ? readEventCursor(args.after) : undefined;
      const poolId = query.poolId ?? null;
      if (poolId !== null) {
        requirePoolId(poolId);
        assertPoolAccess(principal, poolId);
      }
      const types =
        query.types && query.types.length > 0 ? requireSubset<EventType>("types", query.types, EVENT_TYPES) : undefined;
      if (query.userSub != null) requireLength("userSub", query.userSub, 1, 64);
      if (query.from && query.to && query.from.getTime() >= query.to.getTime())
        throw invalidParameter("from must be before to.");
      const rows = await db.read((repositories) =>
        repositories.events.search(
          {
            poolId: poolId ?? undefined,
            poolIds: principal.poolScope,
            types,
            userSub: query.userSub ?? undefined,
            from: query.from ?? undefined,
            to: query.to ?? undefined,
          },
          { order: query.order ?? "NEWEST_FIRST", pastSeq, limit: limit + 1 },
        ),
      );
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? eventCursor(items[items.length - 1]!.seq) : null };
    },
  };
}
