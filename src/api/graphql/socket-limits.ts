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

/** The error a socket's operation past maxOperationsPerSocket gets (reported like a Cognito error). */
export function tooManyOperations(maxOperationsPerSocket: number): GraphQLError {
  const message = `At most ${maxOperationsPerSocket} operations may run at once on one socket; complete one or open another socket.`;
  return new GraphQLError(message, { originalError: new CognitoError("LimitExceededException", message) });
}
