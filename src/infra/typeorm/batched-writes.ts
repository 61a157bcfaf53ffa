import { QueryFailedError, type DataSource } from "typeorm";
import type { MysqlDriver } from "typeorm/driver/mysql/MysqlDriver.js";
import type { Repositories } from "../../core/ports.js";
import { EventEntity, RefreshTokenEntity } from "./entities/index.js";
import { rawEntity, runStatement } from "./raw-rows.js";
import { eventEntityOf } from "./repositories/event.repository.js";

/**
 * Transactions whose work only inserts rows it needs nothing back from (Database.transaction's
 * `writesOnly`): the end of a sign-in (its refresh token and SIGN_IN_SUCCEEDED) or a failed one
 * (SIGN_IN_FAILED, USER_LOCKED_OUT). On MariaDB a plain transaction costs START TRANSACTION, one
 * round trip per INSERT and COMMIT, each through TypeORM's query runner; here the work runs first
 * against repositories that only record its INSERTs, and they go out as one request:
 * `START TRANSACTION; INSERT …; INSERT …; COMMIT` (a lone INSERT goes alone: it commits by itself).
 *
 * Those requests need a connection that accepts several statements at once, which the gateway's
 * main pool never does: a small pool of their own, opened on first use, runs only the INSERTs built
 * here from the entities' metadata, with every value escaped by the driver (no SQL is ever put
 * together from a value), so the multi-statement flag widens nothing any other query could reach.
 */

/** Connections of the batch pool: a batch holds one for a single round trip. */
const BATCH_POOL_SIZE = 4;

interface Statement {
  sql: string;
  values: unknown[];
}

/** Thrown by every repository method the recording does not serve. */
class NotBatchable extends Error {
  constructor() {
    super("only INSERTs that need nothing back can be held back to the commit");
  }
}

interface BatchConnection {
  query(sql: string, values: unknown[]): Promise<unknown>;
  release(): void;
  destroy(): void;
}
interface BatchPool {
  getConnection(): Promise<BatchConnection>;
  end(): Promise<void>;
}

export type RecordedWork<T> = { recorded: true; result: T; statements: Statement[] } | { recorded: false };

export interface BatchedWrites {
  /**
   * Runs `work` against recording repositories. `recorded: false` when the work asked for anything
   * but the recorded INSERTs (it then runs again as a plain transaction); an error the work throws
   * by itself comes back as it is, with nothing written.
   */
  record<T>(work: (repositories: Repositories) => Promise<T>): Promise<RecordedWork<T>>;
  /** Commits the recorded statements together. @throws QueryFailedError (a deadlock may be retried: nothing was written) */
  commit(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * @param shape every repository of `Repositories` with its method names (the recording answers each
 *   of them, refusing all but the recorded ones).
 */
export function createBatchedWrites(dataSource: DataSource, shape: Repositories): BatchedWrites {
  const events = rawEntity(dataSource, EventEntity);
  const refreshTokens = rawEntity(dataSource, RefreshTokenEntity);
  const methodsOf = Object.entries(shape).map(
    ([name, repository]) => [name, Object.keys(repository as object)] as const,
  );
  let pool: Promise<BatchPool> | null = null;

  const openPool = async (): Promise<BatchPool> => {
    const driver = dataSource.driver as MysqlDriver & {
      createConnectionOptions(options: unknown, credentials: unknown): unknown;
      mysql: { createPool(options: unknown): { promise(): BatchPool } };
    };
    const options = (await driver.createConnectionOptions(dataSource.options, dataSource.options)) as Record<
      string,
      unknown
    >;
    return driver.mysql
      .createPool({ ...options, multipleStatements: true, connectionLimit: BATCH_POOL_SIZE })
      .promise();
  };

  return {
    async record(work) {
      const statements: Statement[] = [];
      let refused = false;
      const refuse = () => {
        refused = true;
        return Promise.reject(new NotBatchable());
      };
      const repositories = Object.fromEntries(
        methodsOf.map(([name, methods]) => [name, Object.fromEntries(methods.map((method) => [method, refuse]))]),
      ) as unknown as Repositories;
      repositories.events.append = (event, occurredAt) => {
        statements.push(events.insertStatement(eventEntityOf(event, occurredAt)));
        return Promise.resolve(0);
      };
      repositories.refreshTokens.insert = (record) => {
        statements.push(refreshTokens.insertStatement(Object.assign(new RefreshTokenEntity(), record)));
        return Promise.resolve();
      };
      try {
        const result = await work(repositories);
        // A refusal the work caught and carried on from still voids the recording: what it holds is not the whole work.
        return refused ? { recorded: false } : { recorded: true, result, statements };
      } catch (error) {
        if (refused) return { recorded: false };
        throw error;
      }
    },

    async commit(statements) {
      if (statements.length === 0) return;
      // One INSERT commits by itself: a prepared statement on the main pool, as the repositories send it.
      if (statements.length === 1) {
        await runStatement(dataSource.manager, statements[0]!.sql, statements[0]!.values);
        return;
      }
      pool ??= openPool().catch((error: unknown) => {
        pool = null;
        throw error;
      });
      const connection = await (await pool).getConnection();
      const sql = ["START TRANSACTION", ...statements.map((statement) => statement.sql), "COMMIT"].join(";\n");
      const values = statements.flatMap((statement) =>
        statement.values.map((value) => (value === undefined ? null : value)),
      );
      try {
        await connection.query(sql, values);
        connection.release();
      } catch (error) {
        // The server stops at the failing statement and leaves the transaction open: roll it back before
        // the connection serves another batch (or drop the connection if even that fails).
        try {
          await connection.query("ROLLBACK", []);
          connection.release();
        } catch {
          connection.destroy();
        }
        throw new QueryFailedError(sql, values, error as Error);
      }
    },

    async close() {
      const opened = pool;
      pool = null;
      if (opened) await (await opened).end();
    },
  };
}
