import { decodeCursor, encodeCursor } from "../lib/cursor.js";
import { invalidParameter } from "./errors.js";
import { requireIntegerInRange } from "./validation.js";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Cognito's page sizes: 1–60, default 60. */
export function readPageArgs(args: PageArgs, maxPageSize = 60): { limit: number; afterId?: string } {
  const limit = args.first ?? maxPageSize;
  requireIntegerInRange("first", limit, 1, maxPageSize);
  if (args.after === undefined || args.after === null) return { limit };
  const decoded = decodeCursor(args.after);
  if (!decoded || typeof decoded.after !== "string")
    throw invalidParameter("after is not a cursor returned by this API.");
  return { limit, afterId: decoded.after };
}

/** Callers fetch limit + 1 rows; the extra row tells whether another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor({ after: keyOf(items[items.length - 1]!) }) : null;
  return { items, nextCursor };
}
