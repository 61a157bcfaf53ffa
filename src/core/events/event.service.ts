import { assertPoolAccess } from "../admin-keys/access.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { invalidParameter } from "../errors.js";
import type { Page, PageArgs } from "../pagination.js";
import type { Database } from "../ports.js";
import { requireIntegerInRange, requirePoolId } from "../validation.js";
import type { StoredEvent } from "./event.types.js";

export type EventService = ReturnType<typeof createEventService>;

/** Reads the audit log (the outbox). A scoped key sees only its pools' events. */
export function createEventService({ db }: { db: Database }) {
  return {
    /** @throws InvalidParameterException, NotAuthorizedException */
    async listEvents(principal: AdminPrincipal, poolId: string | null, args: PageArgs): Promise<Page<StoredEvent>> {
      const limit = args.first ?? 100;
      requireIntegerInRange("first", limit, 1, 1000);
      let afterSeq: number | undefined;
      if (args.after) {
        const decoded = decodeCursor(args.after);
        if (!decoded || typeof decoded.seq !== "number") throw invalidParameter("after is not a cursor returned by this API.");
        afterSeq = decoded.seq;
      }
      if (poolId !== null) {
        requirePoolId(poolId);
        assertPoolAccess(principal, poolId);
      }
      const rows = await db.read((repositories) =>
        repositories.events.list({ poolId: poolId ?? undefined, poolIds: principal.poolScope }, { afterSeq, limit: limit + 1 }),
      );
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? encodeCursor({ seq: items[items.length - 1]!.seq }) : null };
    },
  };
}
