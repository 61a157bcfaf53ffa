import { JSONObjectResolver } from "graphql-scalars";
import { Field, ID, InputType, registerEnumType } from "type-graphql";
import type { DeliveryMedium } from "../../../core/ports.js";
import type { MessageAction } from "../../../core/users/admin-user.service.js";
import { AttributeInput, DeliveryMediumEnum } from "./sign-up.types.js";

export const MessageActionEnum = { RESEND: "RESEND", SUPPRESS: "SUPPRESS" } as const satisfies {
  [K in MessageAction]: K;
};
registerEnumType(MessageActionEnum, {
  name: "MessageAction",
  description:
    "AdminCreateUser's MessageActionType: RESEND re-invites with a new temporary password, SUPPRESS sends nothing.",
});

@InputType()
export class AdminCreateUserInput {
  @Field(() => ID) userPoolId!: string;
  @Field({ description: "The username, or the email/phone in email/phone-as-username pools." }) username!: string;
  @Field(() => [AttributeInput], {
    nullable: true,
    description: "Any mutable attribute, including email_verified/phone_number_verified; required ones may be omitted.",
  })
  userAttributes?: AttributeInput[];
  @Field(() => [AttributeInput], { nullable: true, description: "Passed to the pre sign-up trigger; not stored." })
  validationData?: AttributeInput[];
  @Field({ nullable: true, description: "Must meet the password policy; generated when absent." })
  temporaryPassword?: string;
  @Field({ nullable: true, description: "Move a verified email/phone alias held by another user to this one." })
  forceAliasCreation?: boolean;
  @Field(() => MessageActionEnum, { nullable: true }) messageAction?: MessageAction;
  @Field(() => [DeliveryMediumEnum], {
    nullable: true,
    description: "Where the invitation goes (default SMS); each needs its attribute.",
  })
  desiredDeliveryMediums?: DeliveryMedium[];
  @Field(() => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
  clientMetadata?: Record<string, string>;
}

@InputType()
export class AdminUpdateUserAttributesInput {
  @Field(() => ID) userPoolId!: string;
  @Field() username!: string;
  @Field(() => [AttributeInput], { description: "New values; an empty value deletes the attribute." })
  userAttributes!: AttributeInput[];
  @Field(() => JSONObjectResolver, { nullable: true }) clientMetadata?: Record<string, string>;
}

@InputType()
export class AdminDeleteUserAttributesInput {
  @Field(() => ID) userPoolId!: string;
  @Field() username!: string;
  @Field(() => [String]) userAttributeNames!: string[];
}

@InputType()
export class AdminSetUserPasswordInput {
  @Field(() => ID) userPoolId!: string;
  @Field() username!: string;
  @Field() password!: string;
  @Field({ nullable: true, description: "true → CONFIRMED; false (default) → FORCE_CHANGE_PASSWORD." })
  permanent?: boolean;
}
