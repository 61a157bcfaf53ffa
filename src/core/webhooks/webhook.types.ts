import type { EventType } from "../events/event.types.js";
import type { PageRequest } from "../storage-ports.js";

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "SUCCEEDED", "FAILED"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** An endpoint of a pool that receives that pool's events of the listed types. */
export interface WebhookSubscription {
  id: string;
  poolId: string;
  url: string;
  eventTypes: EventType[];
  description: string | null;
  /** The signing secret, sealed with the SecretBox: the dispatcher needs it again to sign. */
  secretCiphertext: string;
  createdBy: string;
  createdAt: Date;
}

/** One event owed to one subscription; written in the event's own transaction, so a crash loses none. */
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  poolId: string;
  eventSeq: number;
  eventType: EventType;
  status: WebhookDeliveryStatus;
  /** Attempts started so far (a claimed attempt counts even if its process died). */
  attempts: number;
  /** When the next attempt is due; while an attempt is in flight, when its lease runs out. */
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

/** Subscriptions and pools whose due deliveries a `findDue` leaves out. */
export interface WebhookDueSkip {
  subscriptionIds: readonly string[];
  poolIds: readonly string[];
}

export interface WebhookRepository {
  insertSubscription(subscription: WebhookSubscription): Promise<void>;
  /** True when it existed. Its deliveries go with it. */
  deleteSubscription(poolId: string, subscriptionId: string): Promise<boolean>;
  findSubscription(subscriptionId: string): Promise<WebhookSubscription | null>;
  /** The pool's subscriptions, oldest first. */
  listSubscriptions(poolId: string): Promise<WebhookSubscription[]>;
  countSubscriptions(poolId: string): Promise<number>;
  insertDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /** Newest first (ids are time-ordered); `afterId` continues below that id. */
  listDeliveries(
    poolId: string,
    filter: { subscriptionId?: string; status?: WebhookDeliveryStatus },
    page: PageRequest,
  ): Promise<WebhookDelivery[]>;
  /** PENDING deliveries in every pool, due or not. */
  countPending(): Promise<number>;
  /**
   * PENDING deliveries due at `now`, most overdue first, leaving out those of the subscriptions and
   * pools in `skip` (the ones this process already has as many attempts in flight to as it allows).
   */
  findDue(now: Date, limit: number, skip: WebhookDueSkip): Promise<WebhookDelivery[]>;
  /**
   * Starts an attempt if the delivery is still PENDING, due, and at `attempts` (no other process
   * claimed it meanwhile): attempts + 1, next attempt pushed to `leaseUntil`, the previous attempt's
   * response cleared (an attempt in flight has none yet). True for exactly one caller.
   */
  claim(deliveryId: string, attempts: number, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Records an attempt's outcome if no later attempt has been claimed since (`attempts` still matches). */
  recordOutcome(
    deliveryId: string,
    attempts: number,
    outcome: {
      status: WebhookDeliveryStatus;
      nextAttemptAt: Date;
      responseStatus: number | null;
      error: string | null;
      completedAt: Date | null;
    },
  ): Promise<void>;
}

/** The outcome of one POST: any 2xx is success; everything else (status, timeout, network) is retried. */
export type WebhookPostResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Sends one signed webhook request. Never throws: every failure is a result. */
export interface WebhookPoster {
  post(request: {
    url: string;
    secret: string;
    deliveryId: string;
    timestampSeconds: number;
    body: string;
  }): Promise<WebhookPostResult>;
}
