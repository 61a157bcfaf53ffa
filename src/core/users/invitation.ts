import { invalidParameter } from "../errors.js";
import { renderTemplate, type DeliveryTarget } from "../messaging/delivery.js";
import type { DeliveryMedium, MessageSender } from "../ports.js";
import type { UserPool } from "../pools/user-pool.types.js";
import { runCustomMessage, type MessageTemplate } from "../triggers/message.triggers.js";
import type { TriggerRunner } from "../triggers/trigger-runner.js";
import { requireSubset } from "../validation.js";
import type { User, UserAttributes } from "./user.types.js";

/**
 * The welcome (invitation) message a new user gets: AdminCreateUser's, and UserMigration's unless
 * the trigger answers messageAction SUPPRESS. Both use the pool's InviteMessageTemplate and the
 * CustomMessage_AdminCreateUser trigger source (Cognito has no CustomMessage source of its own for
 * migrations; the migration's welcome is "the welcome message usually sent to new users").
 */

/** DesiredDeliveryMediums: Cognito's default is SMS. @throws InvalidParameterException */
export function deliveryMediumsOf(requested: readonly string[] | null | undefined): DeliveryMedium[] {
  if (!requested || requested.length === 0) return ["SMS"];
  return requireSubset<DeliveryMedium>("desiredDeliveryMediums", requested, ["EMAIL", "SMS"]);
}

const attributeOf = (medium: DeliveryMedium): "email" | "phone_number" =>
  medium === "EMAIL" ? "email" : "phone_number";

/**
 * AdminCreateUser: every requested medium needs its attribute, since a silently skipped invitation
 * leaves a user who cannot sign in.
 * @throws InvalidParameterException
 */
export function invitationTargets(attributes: UserAttributes, mediums: readonly DeliveryMedium[]): DeliveryTarget[] {
  return mediums.map((medium) => {
    const attributeName = attributeOf(medium);
    const address = attributes[attributeName];
    if (!address)
      throw invalidParameter(
        `desiredDeliveryMediums includes ${medium} but the user has no ${attributeName} attribute.`,
      );
    return { medium, attributeName, address };
  });
}

/**
 * UserMigration: the mediums the user has an address for. A migrated user already holds a working
 * password (or resets it with a code), so a welcome that cannot be delivered costs nothing, while
 * failing the sign-in over it would lock out exactly the users the migration is for — and the
 * default medium, SMS, is one most migrated users have no number for.
 */
export function reachableTargets(attributes: UserAttributes, mediums: readonly DeliveryMedium[]): DeliveryTarget[] {
  return mediums.flatMap((medium) => {
    const attributeName = attributeOf(medium);
    const address = attributes[attributeName];
    return address ? [{ medium, attributeName, address }] : [];
  });
}

/** The name the user signs in with: the email/phone in email/phone-as-username pools, else the username. */
export function signInNameOf(pool: UserPool, user: User): string {
  for (const kind of pool.usernameAttributes) if (user.attributes[kind]) return user.attributes[kind];
  return user.username;
}

/** An invitation whose text is final but for the `{####}` and `{username}` placeholders. */
export interface ComposedInvitation {
  target: DeliveryTarget;
  template: MessageTemplate;
}

/**
 * Runs CustomMessage_AdminCreateUser for each target. Call it before anything is written: a failing
 * or invalid trigger then leaves nothing behind, and no transaction waits on the HTTP call.
 * @throws UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException
 */
export async function composeInvitations(
  triggers: TriggerRunner,
  pool: UserPool,
  user: User,
  targets: readonly DeliveryTarget[],
  caller: { clientId: string | null; clientMetadata: Record<string, string> | null },
): Promise<ComposedInvitation[]> {
  const invite = pool.adminCreateUserConfig.inviteMessageTemplate;
  const composed: ComposedInvitation[] = [];
  for (const target of targets) {
    const base =
      target.medium === "SMS"
        ? { subject: null, body: invite.smsMessage }
        : { subject: invite.emailSubject, body: invite.emailMessage };
    composed.push({
      target,
      template: await runCustomMessage(triggers, pool, {
        event: "AdminCreateUser",
        user,
        medium: target.medium,
        template: base,
        ...caller,
      }),
    });
  }
  return composed;
}

/**
 * Sends composed invitations once the user's transaction has committed. `code` fills `{####}`: the
 * temporary password for AdminCreateUser (its purpose; the outbox seals bodies at rest, and nothing
 * else — events, logs — ever sees it), a fixed text for migrated users.
 * @throws CodeDeliveryFailureException (the user exists already)
 */
export async function sendInvitations(
  sender: MessageSender,
  pool: UserPool,
  user: User,
  invitations: readonly ComposedInvitation[],
  code: string,
): Promise<void> {
  const username = signInNameOf(pool, user);
  for (const { target, template } of invitations) {
    await sender.send({
      poolId: pool.id,
      userId: user.id,
      medium: target.medium,
      destination: target.address,
      subject: target.medium === "SMS" ? null : template.subject,
      body: renderTemplate(template.body, { code, username }),
      purpose: "INVITATION",
    });
  }
}
