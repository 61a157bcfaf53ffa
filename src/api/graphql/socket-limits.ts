import { GraphQLError } from "graphql";
import { CognitoError } from "../../core/errors.js";
import { limitBlockOf } from "../../lib/ip-address.js";

/**
 * What one client may hold open on graphql-ws. Each socket and each subscription costs memory (a live
 * subscription may queue up to 10,000 events), so both are bounded; a backend service needs a few.
 */
export interface SocketLimits {
  /** Sockets open at once from one client address (an IPv6 client by its /64). */
  maxSocketsPerAddress: number;
  /** Operations (subscriptions included) running at once on one socket. */
  maxOperationsPerSocket: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { maxSocketsPerAddress: 100, maxOperationsPerSocket: 100 };

/** Where a socket operation's context keeps its socket (a symbol: resolvers never see it). */
const SOCKET = Symbol("socket");

/** Links a graphql-ws operation's context to its socket, for the operation count. */
export function withSocket<T extends object>(socket: object, context: T): T {
  (context as T & { [SOCKET]?: object })[SOCKET] = socket;
  return context;
}

/** The socket an operation runs on (its context's; the context itself if none was linked). */
export function socketOf(args: { contextValue?: unknown }): object {
  const context = args.contextValue as { [SOCKET]?: object } | undefined;
  return context?.[SOCKET] ?? context ?? {};
}

/** Open sockets per client address: a socket is counted from its handshake until its TCP connection closes. */
export function createSocketCounter(maxPerAddress: number) {
  const open = new Map<string, number>();
  return {
    /** Counts one more socket for the address, or refuses it (false) when the address is at its limit. */
    admit(address: string | null, onClose: (release: () => void) => void): boolean {
      const key = address === null ? "" : limitBlockOf(address);
      const count = open.get(key) ?? 0;
      if (count >= maxPerAddress) return false;
      open.set(key, count + 1);
      let released = false;
      onClose(() => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left <= 0) open.delete(key);
        else open.set(key, left);
      });
      return true;
    },
  };
}

/**
 * Operations running on one socket, counted from the moment execution starts until it ends: a query's or
 * mutation's result, a subscription's stream closing (however it closes). A client's `complete` does not
 * end a query already running, so counting graphql-ws's open ids would let one socket run any number.
 * The count goes up synchronously on entry, so operations sent at once are counted exactly.
 */
export function createOperationCounter(maxPerSocket: number) {
  const running = new WeakMap<object, { count: number }>();
  return {
    /** Runs `run` as one of the socket's operations, or answers LimitExceededException without running it. */
    async admit<T>(socket: object, run: () => Promise<T> | T): Promise<T | { errors: GraphQLError[] }> {
      let load = running.get(socket);
      if (!load) running.set(socket, (load = { count: 0 }));
      if (load.count >= maxPerSocket) return { errors: [tooManyOperations(maxPerSocket)] };
      load.count += 1;
      const counted = load;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        counted.count -= 1;
      };
      try {
        const result = await run();
        if (!isAsyncIterable(result)) {
          release();
          return result;
        }
        return releasingWhenDone(result, release) as T;
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/** The stream, calling `release` once when it ends: done, failed, or closed by return() (also before its first value). */
function releasingWhenDone(stream: AsyncIterable<unknown>, release: () => void): AsyncGenerator<unknown> {
  const iterator = stream[Symbol.asyncIterator]();
  const wrapped: AsyncGenerator<unknown> = {
    [Symbol.asyncIterator]: () => wrapped,
    async next() {
      try {
        const step = await iterator.next();
        if (step.done) release();
        return step;
      } catch (error) {
        release();
        throw error;
      }
    },
    async return(value?: unknown) {
      release();
      return iterator.return ? await iterator.return(value) : { done: true, value };
    },
    async throw(error?: unknown) {
      release();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
  return wrapped;
}

/** The error a socket's operation past maxOperationsPerSocket gets (reported like a Cognito error). */
export function tooManyOperations(maxOperationsPerSocket: number): GraphQLError {
  const message = `At most ${maxOperationsPerSocket} operations may run at once on one socket; complete one or open another socket.`;
  return new GraphQLError(message, { originalError: new CognitoError("LimitExceededException", message) });
}
