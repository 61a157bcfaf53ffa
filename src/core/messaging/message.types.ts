import type { DeliveryMedium } from "../ports.js";

/** A message in the outbox, as admins read it back. The body is sealed at rest: it holds codes. */
export interface SentMessage {
  id: string;
  poolId: string;
  userId: string | null;
  medium: DeliveryMedium;
  destination: string;
  subject: string | null;
  bodyCiphertext: string;
  purpose: string;
  createdAt: Date;
}
