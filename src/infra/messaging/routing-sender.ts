import type { DeliveryMedium, MessageSender } from "../../core/ports.js";

export interface RoutingSenderOptions {
  /** Where EMAIL goes when configured (SMTP, else the webhook). */
  email?: MessageSender;
  /** Where SMS goes when configured (the webhook). */
  sms?: MessageSender;
  /** The fallback for a medium with no provider: the sent_messages outbox admins read. */
  outbox: MessageSender;
}

/**
 * Picks the sender for each message by medium. A message that goes to a real provider is not also
 * copied to the outbox: the outbox keeps codes readable by admins, which is the point on a
 * development gateway and a needless store of live codes on a production one.
 * @throws CodeDeliveryFailureException from the chosen sender.
 */
export function createRoutingSender({ email, sms, outbox }: RoutingSenderOptions): MessageSender {
  const providerFor = (medium: DeliveryMedium) => (medium === "EMAIL" ? email : sms);
  return {
    send: (message) => (providerFor(message.medium) ?? outbox).send(message),
    // Only the outbox can take part in a transaction; a provider is called after the commit.
    sendWithin: async (repositories, message) =>
      !providerFor(message.medium) &&
      outbox.sendWithin !== undefined &&
      (await outbox.sendWithin(repositories, message)),
  };
}
