import type { Transporter } from "nodemailer";
import type { Logger, MessageSender } from "../../core/ports.js";
import { deliveryFailure } from "./delivery-failure.js";

export interface SmtpSenderOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…` (TLS from the first byte). */
  url: string;
  /** The From header, e.g. `no-reply@example.com` or `"Example" <no-reply@example.com>`. */
  from: string;
  logger: Logger;
}

/**
 * Sends EMAIL messages through an SMTP server; SMS is not its job (see routing-sender.ts).
 * One connection per message: codes are rare enough that a pool would only hold sockets open.
 * @throws CodeDeliveryFailureException when the server cannot be reached or refuses the message.
 */
export function createSmtpSender({ url, from, logger }: SmtpSenderOptions): MessageSender {
  // Loaded at the first message: a process that sends none should not carry nodemailer (#18's RSS goal).
  let transport: Promise<Transporter> | undefined;
  const transportOf = (): Promise<Transporter> =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      // nodemailer's defaults (2 min to connect, 10 min of socket silence) would hold a sign-up request
      // hostage to a dead mail server; these bound the wait to well under a client's patience.
      nodemailer.createTransport({ url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 }),
    ));
  return {
    async send(message) {
      if (message.medium !== "EMAIL")
        throw new Error(`SMTP sender got a ${message.medium} message; routing should not send it here`);
      try {
        const sender = await transportOf();
        await sender.sendMail({ from, to: message.destination, subject: message.subject ?? "", text: message.body });
      } catch (error) {
        const { code, responseCode, command } = (error ?? {}) as {
          code?: unknown;
          responseCode?: unknown;
          command?: unknown;
        };
        // Log the classification only: the error's message quotes the server's reply, and a failed
        // `AUTH PLAIN …` command carries the encoded user name, so only the verb is kept.
        const smtpCommand = typeof command === "string" ? /^[A-Z]+(?: [A-Z0-9-]+)?/.exec(command)?.[0] : undefined;
        logger.warn(
          {
            poolId: message.poolId,
            purpose: message.purpose,
            transport: "smtp",
            errorCode: code,
            smtpResponseCode: responseCode,
            smtpCommand,
          },
          "email delivery failed",
        );
        throw deliveryFailure("EMAIL");
      }
    },
  };
}
