import type { Clock } from "../../lib/clock.js";
import { eventCursor } from "../events/event.service.js";
import { decodeCommitNote, EVENTS_CHANNEL } from "../events/event-pipeline.js";
import type { Database, Logger, SecretBox, ShortLivedStore } from "../ports.js";
import type { WebhookDelivery, WebhookPoster, WebhookPostResult } from "./webhook.types.js";

export interface WebhookDispatcherOptions {
  /** How often each process looks for due deliveries (real time; "due" itself follows the clock). */
  pollIntervalMs?: number;
  batchSize?: number;
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
  const batchSize = deps.options?.batchSize ?? 20;
  const maxAttempts = deps.options?.maxAttempts ?? 6;
  const baseBackoff = deps.options?.baseBackoffSeconds ?? 10;
  const maxBackoff = deps.options?.maxBackoffSeconds ?? 3600;
  const leaseSeconds = deps.options?.leaseSeconds ?? 60;

  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  const inFlight = new Set<Promise<void>>();
  let unsubscribe: (() => Promise<void>) | null = null;

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const now = clock.now();
    const claimedAttempts = delivery.attempts + 1;
    const claimed = await db.transaction((repositories) =>
      repositories.webhooks.claim(delivery.id, delivery.attempts, now, new Date(now.getTime() + leaseSeconds * 1000)),
    );
    if (!claimed) return;
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

  async function tick(): Promise<void> {
    do {
      again = false;
      const due = await db.read((repositories) => repositories.webhooks.findDue(clock.now(), batchSize));
      const attempts = due.map((delivery) => {
        const work = attempt(delivery).catch((error: unknown) =>
          logger.error({ deliveryId: delivery.id, err: (error as Error).message }, "webhook delivery attempt crashed"),
        );
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
        return work;
      });
      await Promise.all(attempts);
      if (due.length === batchSize) again = true;
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
