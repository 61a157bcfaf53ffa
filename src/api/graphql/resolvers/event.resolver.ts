import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver, Root, Subscription, type PubSub } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import type { StoredEvent } from "../../../core/events/event.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import { Event, EventPage, toGraphqlEvent } from "../types/admin.types.js";
import { EventOrderEnum, EventTypeEnum } from "../types/webhook.types.js";
import type { EventOrder } from "../../../core/events/event.service.js";
import type { EventType } from "../../../core/events/event.types.js";

interface UserEventsArgs {
  userPoolId: string;
  types?: string[] | null;
  after?: string | null;
}

@Resolver()
export class EventResolver {
  @Authorized()
  @Query(() => EventPage, {
    description:
      "The audit log, newest first (or oldest first): one pool's, or every pool the key may see; filtered by type, user and time.",
  })
  async events(
    @CurrentAdmin() admin: AdminPrincipal,
    @Ctx() ctx: GraphqlContext,
    @Arg("userPoolId", () => ID, { nullable: true }) userPoolId?: string,
    @Arg("types", () => [EventTypeEnum], { nullable: true }) types?: EventType[],
    @Arg("userSub", () => String, { nullable: true, description: "Only events about this user (detail.userSub)." })
    userSub?: string,
    @Arg("from", () => DateTimeISOResolver, { nullable: true, description: "Inclusive." }) from?: Date,
    @Arg("to", () => DateTimeISOResolver, { nullable: true, description: "Exclusive." }) to?: Date,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "The nextCursor (or any event's cursor) of the previous page.",
    })
    after?: string,
    @Arg("order", () => EventOrderEnum, { nullable: true, description: "Default NEWEST_FIRST." }) order?: EventOrder,
  ): Promise<EventPage> {
    const page = await ctx.services.events.listEvents(
      admin,
      { poolId: userPoolId ?? null, types, userSub, from, to, order },
      { first, after },
    );
    return { items: page.items.map(toGraphqlEvent), nextCursor: page.nextCursor };
  }

  // Not @Authorized: the key (connectionParams.authorization) is checked when the subscription starts, and
  // its pool scope bounds everything it receives. Before each event the key is checked again against the
  // admin-key cache (in memory, kept current across processes): a revoked key's stream ends with
  // NotAuthorizedException instead of streaming on.
  @Subscription(() => Event, {
    description:
      "A pool's events as they commit, over graphql-ws with an admin key in connectionParams.authorization. With `after` (an event's cursor), stored events after it are replayed first, with no gap and no duplicate at the seam. In order per pool, at least once.",
    subscribe: async ({ args, context }: { args: UserEventsArgs; context: GraphqlContext }) => {
      const admin = await context.services.adminKeys.authenticate(context.bearerToken);
      const stream = await context.services.liveEvents.subscribe(admin, {
        poolId: args.userPoolId,
        types: args.types,
        after: args.after,
      });
      return whileAuthorized(stream, () => context.services.adminKeys.authenticate(context.bearerToken));
    },
  })
  userEvents(
    @Root() event: StoredEvent | StreamRefusal,
    @Arg("userPoolId", () => ID) _userPoolId: string,
    @Arg("types", () => [EventTypeEnum], { nullable: true }) _types?: EventType[],
    @Arg("after", () => String, { nullable: true }) _after?: string,
  ): Event {
    if (event instanceof StreamRefusal) throw event.error;
    return toGraphqlEvent(event);
  }
}

/** Stands in the stream for the refusal that ends it: its resolver answers with the error. */
class StreamRefusal {
  constructor(readonly error: unknown) {}
}

/**
 * The stream's events while `authorize` passes. The first refusal goes out as the next result (its
 * error, e.g. NotAuthorizedException), then the stream completes: graphql-ws ends this one subscription
 * and keeps the socket and its others, where an error thrown from the stream would close the socket.
 */
function whileAuthorized<T>(
  stream: AsyncIterableIterator<T>,
  authorize: () => Promise<unknown>,
): AsyncIterableIterator<T | StreamRefusal> {
  let ended = false;
  const close = async () => {
    ended = true;
    await stream.return?.();
    return { done: true as const, value: undefined };
  };
  return {
    async next() {
      if (ended) return { done: true as const, value: undefined };
      const result = await stream.next();
      if (result.done) return result;
      try {
        await authorize();
      } catch (error) {
        await close();
        return { done: false, value: new StreamRefusal(error) };
      }
      return result;
    },
    return: close,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * type-graphql insists on a PubSub once any subscription exists, but every subscription here
 * brings its own `subscribe` (fed by the event feed), so topic-based pub/sub is never used.
 */
export const UNUSED_TOPIC_PUBSUB: PubSub = {
  publish() {
    throw new Error("Topic pub/sub is not used: subscriptions bring their own subscribe function.");
  },
  subscribe() {
    throw new Error("Topic pub/sub is not used: subscriptions bring their own subscribe function.");
  },
};
