import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createRequire } from "node:module";

/** One statement as the in-process gateway sent it: `execute` (prepared, values apart) or `query` (MariaDB: values already in the text). */
export interface CapturedStatement {
  kind: "query" | "execute";
  sql: string;
  values: unknown[];
}

let sink: CapturedStatement[] | null = null;
let sqliteWrapped = false;

type TraceContext = { query: string; values?: unknown };
const onQuery = (context: unknown) =>
  void sink?.push({ kind: "query", sql: (context as TraceContext).query, values: [] });
const onExecute = (context: unknown) => {
  const { query, values } = context as TraceContext;
  sink?.push({ kind: "execute", sql: query, values: Array.isArray(values) ? [...(values as unknown[])] : [] });
};

/**
 * better-sqlite3 has no diagnostics channel: its statements' run/get/all/iterate are wrapped once (recording
 * only while a capture runs; behaviour unchanged). Every statement the embedded backend runs goes through them.
 */
function wrapSqliteStatements(): void {
  if (sqliteWrapped) return;
  sqliteWrapped = true;
  const Database = createRequire(__filename)("better-sqlite3") as new (file: string) => {
    prepare(sql: string): object;
    close(): void;
  };
  const scratch = new Database(":memory:");
  const prototype = Object.getPrototypeOf(scratch.prepare("SELECT 1")) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  scratch.close();
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = prototype[method]!;
    prototype[method] = function (this: { source: string }, ...args: unknown[]) {
      sink?.push({ kind: "execute", sql: this.source, values: args.flat() });
      return original.apply(this, args);
    };
  }
}

/**
 * Records every SQL statement the in-process gateway sends while `work` runs, on either backend:
 * MariaDB through mysql2's diagnostics channels (subscribed only meanwhile: tracing has a cost),
 * SQLite through better-sqlite3's statements. Statements of background loops running meanwhile are
 * recorded too; callers look at the tables they care about.
 */
export async function captureSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  if (sink) throw new Error("captureSql does not nest");
  wrapSqliteStatements();
  const statements: CapturedStatement[] = [];
  sink = statements;
  subscribe("tracing:mysql2:query:start", onQuery);
  subscribe("tracing:mysql2:execute:start", onExecute);
  try {
    return { result: await work(), statements };
  } finally {
    unsubscribe("tracing:mysql2:query:start", onQuery);
    unsubscribe("tracing:mysql2:execute:start", onExecute);
    sink = null;
  }
}

/** The tables a statement reads or writes (FROM, JOIN, INTO, UPDATE), unquoted. */
export function tablesOf(sql: string): string[] {
  return [...new Set([...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+[`"]?(\w+)[`"]?/gi)].map((match) => match[1]!))];
}
