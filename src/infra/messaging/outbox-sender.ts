import type { Database, Logger, MessageSender, OutgoingMessage, Repositories, SecretBox } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { timeOrderedId } from "../../lib/random.js";
import { deliveryFailure } from "./delivery-failure.js";

/**
 * The default delivery: messages land in the `sent_messages` outbox, where admins (and tests) read
 * them with the `sentMessages` query. Bodies hold codes, so they are sealed at rest.
 */
export function createOutboxSender({
  db,
  secretBox,
  clock,
  logger,
}: {
  db: Database;
  secretBox: SecretBox;
  clock: Clock;
  logger: Logger;
}): MessageSender {
  const insert = (repositories: Repositories, message: OutgoingMessage) => {
    const now = clock.now();
    return repositories.sentMessages.insert({
      id: timeOrderedId(now.getTime()),
      poolId: message.poolId,
      userId: message.userId,
      medium: message.medium,
      destination: message.destination,
      subject: message.subject,
      bodyCiphertext: secretBox.encrypt(message.body),
      purpose: message.purpose,
      createdAt: now,
    });
  };
  return {
    async send(message) {
      try {
        await db.transaction((repositories) => insert(repositories, message));
      } catch (error) {
        // The port promises CodeDeliveryFailureException and nothing else: the caller's change has
        // committed, and the client should hear "ask for a new code", not an internal error.
        logger.error(
          {
            err: error instanceof Error ? error.message : String(error),
            poolId: message.poolId,
            purpose: message.purpose,
          },
          "could not store a message in the outbox",
        );
        throw deliveryFailure(message.medium);
      }
    },
    async sendWithin(repositories, message) {
      await insert(repositories, message);
      return true;
    },
  };
}
