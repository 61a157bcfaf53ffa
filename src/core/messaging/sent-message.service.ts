import { assertPoolAccess } from "../admin-keys/access.js";
import type { AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import type { Database, SecretBox } from "../ports.js";
import { requirePoolId } from "../validation.js";
import type { SentMessage } from "./message.types.js";

export interface ReadableSentMessage extends Omit<SentMessage, "bodyCiphertext"> {
  body: string;
}

export type SentMessageService = ReturnType<typeof createSentMessageService>;

/** The outbox as admins read it: codes and invitations, decrypted for the admin only. */
export function createSentMessageService({ db, secretBox }: { db: Database; secretBox: SecretBox }) {
  return {
    /** @throws InvalidParameterException, NotAuthorizedException */
    async listSentMessages(
      principal: AdminPrincipal,
      poolId: string,
      filter: { userId?: string; destination?: string },
      args: PageArgs,
    ): Promise<Page<ReadableSentMessage>> {
      requirePoolId(poolId);
      assertPoolAccess(principal, poolId);
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read((repositories) =>
        repositories.sentMessages.list(poolId, filter, { afterId, limit: limit + 1 }),
      );
      const page = toPage(rows, limit, (message) => message.id);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map(({ bodyCiphertext, ...message }) => ({
          ...message,
          body: secretBox.decrypt(bodyCiphertext),
        })),
      };
    },
  };
}
