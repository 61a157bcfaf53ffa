import type { Database, MessageSender, SecretBox } from "../../core/ports.js";
import type { Clock } from "../../lib/clock.js";
import { timeOrderedId } from "../../lib/random.js";

/**
 * The default delivery: messages land in the `sent_messages` outbox, where admins (and tests) read
 * them with the `sentMessages` query. Bodies hold codes, so they are sealed at rest.
 */
export function createOutboxSender({ db, secretBox, clock }: { db: Database; secretBox: SecretBox; clock: Clock }): MessageSender {
  return {
    async send(message) {
      const now = clock.now();
      await db.transaction((repositories) =>
        repositories.sentMessages.insert({
          id: timeOrderedId(now.getTime()),
          poolId: message.poolId,
          userId: message.userId,
          medium: message.medium,
          destination: message.destination,
          subject: message.subject,
          bodyCiphertext: secretBox.encrypt(message.body),
          purpose: message.purpose,
          createdAt: now,
        }),
      );
    },
  };
}
