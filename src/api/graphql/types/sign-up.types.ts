import { DateTimeISOResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export const DeliveryMediumEnum = { EMAIL: "EMAIL", SMS: "SMS" } as const;
registerEnumType(DeliveryMediumEnum, { name: "DeliveryMedium" });

@InputType({ description: "One user attribute: a standard OIDC name or custom:<name>, and its value as a string." })
export class AttributeInput {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType({ simpleResolvers: true })
export class Attribute {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType({ description: "Where a code went, masked (j***@e***, +*******1212)." })
export class CodeDeliveryDetails {
  @Field() destination!: string;
  @Field(() => DeliveryMediumEnum) deliveryMedium!: string;
  @Field() attributeName!: string;
}

@InputType()
export class SignUpInput {
  @Field(() => ID) clientId!: string;
  @Field({ description: "The username, or the email/phone in email/phone-as-username pools." }) username!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Omit (or leave empty) for a passwordless user, where the pool's signInPolicy allows EMAIL_OTP, SMS_OTP or WEB_AUTHN.",
  })
  password?: string | null;
  @Field(() => [AttributeInput], { nullable: true }) userAttributes?: AttributeInput[];
  @Field(() => [AttributeInput], { nullable: true, description: "Passed to the pre sign-up trigger; not stored." })
  validationData?: AttributeInput[];
  @Field(() => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
  clientMetadata?: Record<string, string>;
  @Field({
    nullable: true,
    description: "Base64(HMAC-SHA256(clientSecret, username + clientId)); required when the client has a secret.",
  })
  secretHash?: string;
}

@ObjectType()
export class SignUpResult {
  @Field(() => ID) userSub!: string;
  @Field() userConfirmed!: boolean;
  @Field(() => CodeDeliveryDetails, { nullable: true }) codeDeliveryDetails!: CodeDeliveryDetails | null;
  @Field(() => String, {
    nullable: true,
    description:
      "For initiateAuth USER_AUTH (input.session) once the user is confirmed: an auto-confirmed user signs in with it at once.",
  })
  session!: string | null;
}

@ObjectType()
export class ConfirmSignUpResult {
  @Field(() => String, {
    nullable: true,
    description:
      "For initiateAuth USER_AUTH (input.session): signs the user in once without another code, within the client's auth session validity.",
  })
  session!: string | null;
}

@InputType()
export class ConfirmSignUpInput {
  @Field(() => ID) clientId!: string;
  @Field() username!: string;
  @Field() confirmationCode!: string;
  @Field({ nullable: true, description: "Move an email/phone alias held by another user to this one." })
  forceAliasCreation?: boolean;
  @Field(() => JSONObjectResolver, { nullable: true }) clientMetadata?: Record<string, string>;
  @Field({ nullable: true }) secretHash?: string;
}

@InputType()
export class UsernameRequestInput {
  @Field(() => ID) clientId!: string;
  @Field() username!: string;
  @Field(() => JSONObjectResolver, { nullable: true }) clientMetadata?: Record<string, string>;
  @Field({ nullable: true }) secretHash?: string;
}

@InputType()
export class ConfirmForgotPasswordInput {
  @Field(() => ID) clientId!: string;
  @Field() username!: string;
  @Field() confirmationCode!: string;
  @Field() password!: string;
  @Field(() => JSONObjectResolver, { nullable: true }) clientMetadata?: Record<string, string>;
  @Field({ nullable: true }) secretHash?: string;
}

@ObjectType({ description: "A code or invitation in the outbox, readable by admins." })
export class SentMessage {
  @Field(() => ID) id!: string;
  @Field(() => ID) userPoolId!: string;
  @Field(() => ID, { nullable: true }) userSub!: string | null;
  @Field(() => DeliveryMediumEnum) deliveryMedium!: string;
  @Field() destination!: string;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field() body!: string;
  @Field() purpose!: string;
  @Field(() => DateTimeISOResolver) sentAt!: Date;
}

@ObjectType()
export class SentMessagePage {
  @Field(() => [SentMessage]) items!: SentMessage[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}
