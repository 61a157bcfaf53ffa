import type { Clock } from "../../lib/clock.js";
import { eventCursor } from "../events/event.service.js";
import { decodeCommitNote, EVENTS_CHANNEL } from "../events/event-pipeline.js";
import type { Database, Logger, SecretBox, ShortLivedStore } from "../ports.js";
import type { WebhookDelivery, WebhookPoster, WebhookPostResult } from "./webhook.types.js";

export interface WebhookDispatcherOptions {
  /** How often each process looks for due deliveries (real time; "due" itself follows the clock). */
  pollIntervalMs?: number;
  /** Due deliveries read and claimed per query. */
  batchSize?: number;
  /** Attempts this process has in flight at once, over every pool. */
  maxInFlight?: number;
  /** Of those, to one pool's endpoints: a tenant whose endpoints hang holds no more of the process. */
  maxInFlightPerPool?: number;
  /** Of those, to one subscription's endpoint: one hanging endpoint leaves room for its pool's others. */
  maxInFlightPerSubscription?: number;
  /** Attempts before a delivery is marked FAILED. */
  maxAttempts?: number;
  /** Delay after the first failure; doubles after each further one, up to maxBackoffSeconds. */
  baseBackoffSeconds?: number;
  maxBackoffSeconds?: number;
  /** An attempt in flight holds the delivery this long; if its process dies, another retries after it. */
  leaseSeconds?: number;
}

export interface WebhookDispatcher {
  /** Starts polling, and wakes at once whenever any process commits an event with deliveries. */
  start(): Promise<void>;
  /** Looks for due deliveries now, instead of waiting for the next poll. */
  wake(): void;
  /** Stops polling and waits for attempts in flight to be recorded. */
  close(): Promise<void>;
  /** Deliveries still PENDING in every pool (the webhook-backlog gauge): one indexed COUNT. */
  countBacklog(): Promise<number>;
}

/** Seconds to wait after the `attempts`-th failed attempt. */
export function backoffSeconds(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the webhook outbox. Every process runs one; a delivery is claimed with a conditional
 * UPDATE (see WebhookRepository.claim), so several processes never send the same attempt twice,
 * and a claim is a lease: a process that dies mid-attempt leaves the row PENDING, due again when
 * the lease ends. Delivery is therefore at least once; receivers dedupe on the delivery id.
 *
 * Claiming never waits for posts: an attempt holds its slot until its outcome is recorded, and the
 * dispatcher claims more as long as it has room. Room is bounded per subscription, per pool and in
 * all, and a query skips the deliveries of whatever is at its bound, so an endpoint that hangs until
 * the poster's timeout slows its own deliveries only, never another pool's. The bounds are per
 * process: N processes may have N times as many attempts in flight to one endpoint.
 */
export function createWebhookDispatcher(deps: {
  db: Database;
  store: ShortLivedStore;
  clock: Clock;
  poster: WebhookPoster;
  secretBox: SecretBox;
  logger: Logger;
  options?: WebhookDispatcherOptions;
}): WebhookDispatcher {
  const { db, store, clock, poster, secretBox, logger } = deps;
  const pollIntervalMs = deps.options?.pollIntervalMs ?? 500;
  // At least one of each, or nothing would ever be claimed.
  const batchSize = Math.max(1, deps.options?.batchSize ?? 20);
  const maxInFlight = Math.max(1, deps.options?.maxInFlight ?? 100);
  const maxInFlightPerPool = Math.max(1, deps.options?.maxInFlightPerPool ?? 20);
  const maxInFlightPerSubscription = Math.max(1, deps.options?.maxInFlightPerSubscription ?? 10);
  const maxAttempts = deps.options?.maxAttempts ?? 6;
  const baseBackoff = deps.options?.baseBackoffSeconds ?? 10;
  const maxBackoff = deps.options?.maxBackoffSeconds ?? 3600;
  const leaseSeconds = deps.options?.leaseSeconds ?? 60;

  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  /** Posts under way, for close() to wait on. */
  const inFlight = new Set<Promise<void>>();
  // Attempts holding a slot (from before their claim until their outcome is recorded), in all and per key.
  let slotsTaken = 0;
  const slotsBySubscription = new Map<string, number>();
  const slotsByPool = new Map<string, number>();
  /** The last pass left due deliveries unclaimed for want of room: a finished attempt starts another. */
  let isHeldBack = false;

  const bump = (counts: Map<string, number>, key: string, delta: number): void => {
    const value = (counts.get(key) ?? 0) + delta;
    if (value > 0) counts.set(key, value);
    else counts.delete(key);
  };
  const atBound = (counts: Map<string, number>, bound: number): string[] =>
    [...counts].filter(([, value]) => value >= bound).map(([key]) => key);
  const hasRoomFor = (delivery: WebhookDelivery): boolean =>
    slotsTaken < maxInFlight &&
    (slotsBySubscription.get(delivery.subscriptionId) ?? 0) < maxInFlightPerSubscription &&
    (slotsByPool.get(delivery.poolId) ?? 0) < maxInFlightPerPool;
  function countSlot(delivery: WebhookDelivery, delta: 1 | -1): void {
    slotsTaken += delta;
    bump(slotsBySubscription, delivery.subscriptionId, delta);
    bump(slotsByPool, delivery.poolId, delta);
  }
  const takeSlot = (delivery: WebhookDelivery): void => countSlot(delivery, 1);
  const releaseSlot = (delivery: WebhookDelivery): void => countSlot(delivery, -1);

  /** Posts a claimed attempt and records its outcome. */
  async function deliver(delivery: WebhookDelivery, claimedAttempts: number, now: Date): Promise<void> {
    const [subscription, events] = await db.read((repositories) =>
      Promise.all([
        repositories.webhooks.findSubscription(delivery.subscriptionId),
        repositories.events.findBySeqs([delivery.eventSeq]),
      ]),
    );
    const event = events[0];
    if (!subscription || !event) return; // deleted with its subscription meanwhile
    const body = JSON.stringify({
      id: delivery.id,
      attempt: claimedAttempts,
      event: {
        seq: event.seq,
        cursor: eventCursor(event.seq),
        type: event.type,
        userPoolId: event.poolId,
        actor: event.actor,
        occurredAt: event.occurredAt.toISOString(),
        detail: event.detail,
      },
    });
    let secret: string;
    try {
      secret = secretBox.decrypt(subscription.secretCiphertext);
    } catch {
      // Only when this process runs with another SECRETS_KEY than the one that sealed the secret.
      secret = "";
    }
    const result: WebhookPostResult = secret
      ? await poster.post({
          url: subscription.url,
          secret,
          deliveryId: delivery.id,
          timestampSeconds: Math.floor(now.getTime() / 1000),
          body,
        })
      : { ok: false, status: null, error: "the signing secret cannot be unsealed with this gateway's SECRETS_KEY" };
    const doneAt = clock.now();
    if (result.ok) {
      await db.transaction((repositories) =>
        repositories.webhooks.recordOutcome(delivery.id, claimedAttempts, {
          status: "SUCCEEDED",
          nextAttemptAt: doneAt,
          responseStatus: result.status,
          error: null,
          completedAt: doneAt,
        }),
      );
      return;
    }
    const isFinal = claimedAttempts >= maxAttempts;
    logger.warn(
      {
        deliveryId: delivery.id,
        poolId: delivery.poolId,
        attempt: claimedAttempts,
        responseStatus: result.status,
        reason: result.error,
        isFinal,
      },
      "webhook delivery attempt failed",
    );
    await db.transaction((repositories) =>
      repositories.webhooks.recordOutcome(delivery.id, claimedAttempts, {
        status: isFinal ? "FAILED" : "PENDING",
        nextAttemptAt: isFinal
          ? doneAt
          : new Date(doneAt.getTime() + backoffSeconds(claimedAttempts, baseBackoff, maxBackoff) * 1000),
        responseStatus: result.status,
        error: result.error.slice(0, 255),
        completedAt: isFinal ? doneAt : null,
      }),
    );
  }

  /**
   * Claims a delivery whose slot is taken; when the claim is won, posts it in the background, the
   * slot held until the outcome is recorded. Resolves once the claim is settled, not the post.
   */
  async function claimAndStart(delivery: WebhookDelivery): Promise<void> {
    let work: Promise<void> | null = null;
    try {
      const now = clock.now();
      const claimed = await db.transaction((repositories) =>
        repositories.webhooks.claim(delivery.id, delivery.attempts, now, new Date(now.getTime() + leaseSeconds * 1000)),
      );
      if (claimed) work = deliver(delivery, delivery.attempts + 1, now);
    } catch (error) {
      work = Promise.reject(error as Error);
    }
    if (!work) {
      releaseSlot(delivery); // another process claimed it first
      return;
    }
    const settled: Promise<void> = work
      .catch((error: unknown) =>
        logger.error({ deliveryId: delivery.id, err: (error as Error).message }, "webhook delivery attempt crashed"),
      )
      .finally(() => {
        inFlight.delete(settled);
        releaseSlot(delivery);
        if (isHeldBack) run();
      });
    inFlight.add(settled);
  }

  /**
   * Claims due deliveries, page by page, while there is room. Rows of subscriptions and pools at
   * their bound are skipped by the query itself, so one endpoint's backlog, however long and overdue,
   * never fills a page ahead of the others' deliveries.
   */
  async function fill(): Promise<void> {
    let heldBack = false;
    while (!closed) {
      const room = maxInFlight - slotsTaken;
      if (room <= 0) {
        heldBack = true;
        break;
      }
      const skip = {
        subscriptionIds: atBound(slotsBySubscription, maxInFlightPerSubscription),
        poolIds: atBound(slotsByPool, maxInFlightPerPool),
      };
      if (skip.subscriptionIds.length > 0 || skip.poolIds.length > 0) heldBack = true;
      const limit = Math.min(batchSize, room);
      const due = await db.read((repositories) => repositories.webhooks.findDue(clock.now(), limit, skip));
      const claims: Promise<void>[] = [];
      for (const delivery of due) {
        // A page may hold more of one endpoint's deliveries than it has room left for.
        if (!hasRoomFor(delivery)) {
          heldBack = true;
          continue;
        }
        takeSlot(delivery);
        claims.push(claimAndStart(delivery));
      }
      // Waiting for the claims (not the posts) keeps the next page from reading these rows again.
      await Promise.all(claims);
      if (due.length < limit) break;
    }
    isHeldBack = heldBack;
  }

  async function tick(): Promise<void> {
    do {
      again = false;
      await fill();
    } while (again && !closed);
  }

  function run() {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = tick()
      .catch((error: unknown) => logger.warn({ err: (error as Error).message }, "webhook dispatcher poll failed"))
      .finally(() => {
        running = null;
        schedule();
      });
  }

  function schedule() {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, pollIntervalMs);
    timer.unref();
  }

  return {
    countBacklog: () => db.read((repositories) => repositories.webhooks.countPending()),
    async start() {
      unsubscribe = await store.subscribe(EVENTS_CHANNEL, (message) => {
        if (decodeCommitNote(message)?.hasDeliveries) run();
      });
      schedule();
    },
    wake: () => run(),
    async close() {
      closed = true;
      await unsubscribe?.().catch(() => undefined);
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      await Promise.allSettled([...inFlight]);
    },
  };
}
