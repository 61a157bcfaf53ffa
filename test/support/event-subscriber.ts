import { createClient, type Client } from "graphql-ws";
import { print } from "graphql";
import WebSocket from "ws";
import {
  UserEventsDocument,
  type UserEventsSubscription,
  type UserEventsSubscriptionVariables,
} from "./generated/graphql.js";
import type { GraphqlError } from "./graphql-client.js";

export type LiveEvent = UserEventsSubscription["userEvents"];

/** A `userEvents` subscriber over graphql-ws that records what it receives, with arrival times. */
export interface EventSubscriber {
  events: LiveEvent[];
  arrivalsMs: number[];
  errors: GraphqlError[] | null;
  isComplete: boolean;
  /** Resolves once `predicate` holds for the received events; rejects after `timeoutMs`. */
  waitFor(predicate: (events: LiveEvent[]) => boolean, timeoutMs?: number): Promise<LiveEvent[]>;
  /** Resolves with the errors the server ended the subscription with. */
  waitForErrors(timeoutMs?: number): Promise<GraphqlError[]>;
  close(): Promise<void>;
}

export function subscribeToUserEvents(
  url: string,
  token: string | null,
  variables: UserEventsSubscriptionVariables,
): EventSubscriber {
  const client: Client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());
  const subscriber: EventSubscriber = {
    events: [],
    arrivalsMs: [],
    errors: null,
    isComplete: false,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(subscriber.events)) {
            cleanup();
            resolve(subscriber.events);
          } else if (subscriber.errors || subscriber.isComplete) {
            cleanup();
            reject(
              new Error(
                `subscription ended before the condition held: ${JSON.stringify(subscriber.errors)}; got ${subscriber.events.length} events`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `timed out after ${timeoutMs} ms with ${subscriber.events.length} events: ${subscriber.events.map((event) => event.type).join(",")}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    waitForErrors(timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no error arrived")), timeoutMs);
        const check = () => {
          if (subscriber.errors) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(subscriber.errors);
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      await client.dispose();
    },
  };
  client.subscribe<UserEventsSubscription>(
    { query: print(UserEventsDocument), variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        if (value.errors?.length) subscriber.errors = value.errors as unknown as GraphqlError[];
        if (value.data?.userEvents) {
          subscriber.events.push(value.data.userEvents);
          subscriber.arrivalsMs.push(performance.now());
        }
        notify();
      },
      error: (error) => {
        subscriber.errors = Array.isArray(error)
          ? (error as GraphqlError[])
          : [{ message: String((error as Error)?.message ?? error) }];
        notify();
      },
      complete: () => {
        subscriber.isComplete = true;
        notify();
      },
    },
  );
  return subscriber;
}
