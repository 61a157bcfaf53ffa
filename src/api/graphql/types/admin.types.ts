import { DateTimeISOResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { AdminApiKey as CoreAdminApiKey } from "../../../core/admin-keys/admin-key.types.js";
import { eventCursor } from "../../../core/events/event.service.js";
import type { StoredEvent } from "../../../core/events/event.types.js";

@ObjectType()
export class AdminApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [String], {
    nullable: true,
    description: "Pools this key may use; null = every pool, and key management.",
  })
  poolScope!: string[] | null;
  @Field() createdBy!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedAdminApiKey {
  @Field(() => AdminApiKey) key!: AdminApiKey;
  @Field({ description: "The key itself. Shown only in this response: store it now." }) secret!: string;
}

@ObjectType()
export class AdminApiKeyPage {
  @Field(() => [AdminApiKey]) items!: AdminApiKey[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

@InputType()
export class CreateAdminApiKeyInput {
  @Field() name!: string;
  @Field(() => [String], { nullable: true, description: "Limit the key to these pools; omit for an unscoped key." })
  poolScope?: string[];
}

@ObjectType({ description: "One row of the audit log (the outbox): an admin or user change, never a secret." })
export class Event {
  @Field(() => Int) seq!: number;
  @Field({
    description:
      "Where this event sits in the log: pass it as `after` to `events` (older ones) or `userEvents` (newer ones).",
  })
  cursor!: string;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) userPoolId!: string | null;
  @Field() actor!: string;
  @Field(() => DateTimeISOResolver) occurredAt!: Date;
  @Field(() => JSONObjectResolver) detail!: Record<string, unknown>;
}

@ObjectType()
export class EventPage {
  @Field(() => [Event]) items!: Event[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

export const toGraphqlAdminApiKey = (key: CoreAdminApiKey): AdminApiKey => {
  const { keyHash: _keyHash, secretCiphertext: _secretCiphertext, ...visible } = key;
  return Object.assign(new AdminApiKey(), visible);
};

export const toGraphqlEvent = (event: StoredEvent): Event =>
  Object.assign(new Event(), { ...event, userPoolId: event.poolId, cursor: eventCursor(event.seq) });
