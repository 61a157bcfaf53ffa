import { CognitoError } from "../errors.js";
import type { DeliveryMedium } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { User } from "../users/user.types.js";
import { readString } from "./trigger-response.js";
import { eventAttributesOf, invalidResponse, type TriggerRunner } from "./trigger-runner.js";

const MAX_EMAIL_SUBJECT_LENGTH = 255;

/** The operation a code message is for: Cognito's CustomMessage_* / Custom*Sender_* suffixes. */
export type MessageEvent =
  | "SignUp"
  | "AdminCreateUser"
  | "ResendCode"
  | "ForgotPassword"
  | "UpdateUserAttribute"
  | "VerifyUserAttribute"
  | "Authentication";

/**
 * Who asked for a message, as its CustomMessage / Custom*Sender event shows it: the app client (null
 * for admin calls) and the call's ClientMetadata (cognito-reference §10.1).
 */
export interface MessageCaller {
  clientId: string | null;
  clientMetadata: Record<string, string> | null;
}

/** Placeholders the CustomMessage trigger receives and must keep; the gateway puts the code in afterwards. */
export const CODE_PARAMETER = "{####}";
export const USERNAME_PARAMETER = "{username}";
const LINK_PARAMETER = "{##Click Here##}";

export interface MessageTemplate {
  subject: string | null;
  body: string;
}

/**
 * CustomMessage: lets the trigger rewrite the message before the code is put in. The trigger sees
 * the placeholder, never the code; a message that drops the placeholder would send no code and is
 * refused as an invalid response. Call it outside any transaction, before the code is stored.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function runCustomMessage(
  runner: TriggerRunner,
  pool: UserPool,
  args: {
    event: MessageEvent;
    user: User;
    medium: DeliveryMedium;
    template: MessageTemplate;
    clientId: string | null;
    clientMetadata: Record<string, string> | null;
  },
): Promise<MessageTemplate> {
  const response = await runner.run(pool, "CustomMessage", {
    triggerSource: `CustomMessage_${args.event}`,
    userName: args.user.username,
    caller: { clientId: args.clientId },
    request: {
      userAttributes: eventAttributesOf(args.user),
      codeParameter: CODE_PARAMETER,
      linkParameter: LINK_PARAMETER,
      usernameParameter: args.event === "AdminCreateUser" ? USERNAME_PARAMETER : null,
      ...(args.clientMetadata ? { clientMetadata: args.clientMetadata } : {}),
    },
  });
  if (!response) return args.template;
  const smsMessage = readString("CustomMessage", response, "smsMessage");
  const emailMessage = readString("CustomMessage", response, "emailMessage");
  const emailSubject = readString("CustomMessage", response, "emailSubject");
  for (const [field, value] of [
    ["smsMessage", smsMessage],
    ["emailMessage", emailMessage],
  ] as const) {
    if (value !== undefined && !value.includes(CODE_PARAMETER))
      throw invalidResponse("CustomMessage", `${field} must contain the code placeholder ${CODE_PARAMETER}`);
  }
  // A subject line, as the outbox keeps it (sent_messages.subject); pool templates allow 140.
  if (emailSubject !== undefined && emailSubject.length > MAX_EMAIL_SUBJECT_LENGTH)
    throw invalidResponse("CustomMessage", `emailSubject must be at most ${MAX_EMAIL_SUBJECT_LENGTH} characters`);
  if (args.medium === "SMS") return { subject: null, body: smsMessage ?? args.template.body };
  return { subject: emailSubject ?? args.template.subject, body: emailMessage ?? args.template.body };
}

/** A code handed to CustomEmailSender / CustomSMSSender instead of the gateway's own delivery. */
export interface CustomSenderDelivery {
  name: "CustomEmailSender" | "CustomSMSSender";
  triggerSource: string;
  /** The code sealed with the pool's trigger secret (never the plaintext). */
  sealedCode: string;
  user: User;
  clientId: string | null;
  clientMetadata: Record<string, string> | null;
}

export const customSenderFor = (
  pool: UserPool,
  medium: DeliveryMedium,
): "CustomEmailSender" | "CustomSMSSender" | null =>
  medium === "EMAIL"
    ? pool.lambdaConfig.customEmailSender
      ? "CustomEmailSender"
      : null
    : pool.lambdaConfig.customSmsSender
      ? "CustomSMSSender"
      : null;

/** Prepares a custom-sender delivery: seals the code with the pool's trigger secret (read outside any transaction). */
export async function prepareCustomSender(
  runner: TriggerRunner,
  pool: UserPool,
  args: {
    name: "CustomEmailSender" | "CustomSMSSender";
    event: MessageEvent;
    user: User;
    code: string;
    clientId: string | null;
    clientMetadata: Record<string, string> | null;
  },
): Promise<CustomSenderDelivery> {
  return {
    name: args.name,
    triggerSource: `${args.name}_${args.event}`,
    sealedCode: await runner.sealForReceiver(pool, args.name, args.code),
    user: args.user,
    clientId: args.clientId,
    clientMetadata: args.clientMetadata,
  };
}

/**
 * Calls the custom sender. Cognito calls it asynchronously, so its failures never reach the client
 * as Lambda errors; here delivery is confirmed before answering, and a failure is a delivery failure.
 * @throws CodeDeliveryFailureException
 */
export async function runCustomSender(
  runner: TriggerRunner,
  pool: UserPool,
  delivery: CustomSenderDelivery,
): Promise<void> {
  try {
    await runner.run(pool, delivery.name, {
      triggerSource: delivery.triggerSource,
      userName: delivery.user.username,
      caller: { clientId: delivery.clientId },
      request: {
        type: delivery.name === "CustomEmailSender" ? "customEmailSenderRequestV1" : "customSMSSenderRequestV1",
        code: delivery.sealedCode,
        userAttributes: eventAttributesOf(delivery.user),
        ...(delivery.clientMetadata ? { clientMetadata: delivery.clientMetadata } : {}),
      },
    });
  } catch {
    throw new CognitoError(
      "CodeDeliveryFailureException",
      `The code could not be handed to the ${delivery.name} trigger.`,
    );
  }
}
