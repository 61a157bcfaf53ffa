import { JSONObjectResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { MfaFactor } from "../../../core/mfa/mfa.types.js";
import { MfaFactorEnum } from "./enums.js";
import { Attribute, AttributeInput, CodeDeliveryDetails } from "./sign-up.types.js";

@ObjectType({
  description:
    "The signed-in user as GetUser shows them: only the attributes the token's app client may read, `sub` first.",
  simpleResolvers: true,
})
export class UserProfile {
  @Field({ description: "The immutable username (a UUID in email/phone-as-username pools)." }) username!: string;
  @Field(() => [Attribute]) userAttributes!: Attribute[];
  @Field(() => MfaFactorEnum, {
    nullable: true,
    description: "PreferredMfaSetting: the factor sign-in asks for when several are on.",
  })
  preferredMfaSetting!: MfaFactor | null;
  @Field(() => [MfaFactorEnum], {
    description: "UserMFASettingList: the factors switched on (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA).",
  })
  userMfaSettingList!: MfaFactor[];
}

@InputType()
export class UpdateUserAttributesInput {
  @Field(() => [AttributeInput], { description: "Attributes to write; an empty value removes the attribute." })
  userAttributes!: AttributeInput[];
  @Field(() => JSONObjectResolver, { nullable: true, description: "Passed to triggers; not stored." })
  clientMetadata?: Record<string, string>;
}

@ObjectType()
export class UpdateUserAttributesResult {
  @Field(() => [CodeDeliveryDetails], {
    description: "Where verification codes went for a changed email or phone number.",
  })
  codeDeliveryDetailsList!: CodeDeliveryDetails[];
}

@InputType()
export class RevokeTokenInput {
  @Field({ description: "The refresh token to revoke, with every access token of its sign-in." }) token!: string;
  @Field(() => ID) clientId!: string;
  @Field({ nullable: true, description: "Required when the app client has a secret." }) clientSecret?: string;
}
