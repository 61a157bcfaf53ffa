import { Field, Float, InputType, Int } from "type-graphql";
import type {
  CreateUserPoolInput as CoreCreateInput,
  CustomAttributeInput,
  UpdateUserPoolInput as CoreUpdateInput,
} from "../../../core/pools/user-pool.types.js";
import type { FirstAuthFactor } from "../../../core/pools/sign-in-policy.js";
import {
  AliasAttributeEnum,
  AuthFactorTypeEnum,
  AttributeDataTypeEnum,
  DefaultEmailOptionEnum,
  DeletionProtectionEnum,
  MfaConfigurationEnum,
  MfaFactorEnum,
  RecoveryMechanismNameEnum,
  UsernameAttributeEnum,
  VerifiableAttributeEnum,
} from "./enums.js";

@InputType()
export class PasswordPolicyInput {
  @Field(() => Int, { nullable: true }) minimumLength?: number;
  @Field({ nullable: true }) requireUppercase?: boolean;
  @Field({ nullable: true }) requireLowercase?: boolean;
  @Field({ nullable: true }) requireNumbers?: boolean;
  @Field({ nullable: true }) requireSymbols?: boolean;
  @Field(() => Int, { nullable: true, description: "0–365; 0 means the default of 7." })
  temporaryPasswordValidityDays?: number;
  @Field(() => Int, { nullable: true, description: "0–24 previous passwords that may not be reused." })
  passwordHistorySize?: number;
}

@InputType()
export class VerificationMessageTemplateInput {
  @Field({ nullable: true, description: "6–140 characters containing {####}." }) smsMessage?: string;
  @Field({ nullable: true, description: "6–20000 characters containing {####}." }) emailMessage?: string;
  @Field({ nullable: true }) emailSubject?: string;
  @Field({ nullable: true, description: "Must contain {##link text##}." }) emailMessageByLink?: string;
  @Field({ nullable: true }) emailSubjectByLink?: string;
  @Field(() => DefaultEmailOptionEnum, { nullable: true }) defaultEmailOption?:
    "CONFIRM_WITH_CODE" | "CONFIRM_WITH_LINK";
}

@InputType()
export class InviteMessageTemplateInput {
  @Field({ nullable: true, description: "Contains {####} (temporary password) and usually {username}." })
  smsMessage?: string;
  @Field({ nullable: true }) emailMessage?: string;
  @Field({ nullable: true }) emailSubject?: string;
}

@InputType()
export class AdminCreateUserConfigInput {
  @Field({ nullable: true }) allowAdminCreateUserOnly?: boolean;
  @Field(() => InviteMessageTemplateInput, { nullable: true }) inviteMessageTemplate?: InviteMessageTemplateInput;
}

@InputType()
export class RecoveryMechanismInput {
  @Field(() => RecoveryMechanismNameEnum) name!: "verified_email" | "verified_phone_number" | "admin_only";
  @Field(() => Int) priority!: number;
}

@InputType({
  description: "lambdaVersion V1_0 or V2_0 (PreTokenGenerationConfig only); lambdaArn is the endpoint URL.",
})
export class VersionedTriggerInput<V extends string = string> {
  @Field(() => String) lambdaVersion!: V;
  @Field() lambdaArn!: string;
}

@InputType()
export class LambdaConfigInput {
  @Field({ nullable: true }) preSignUp?: string;
  @Field({ nullable: true }) customMessage?: string;
  @Field({ nullable: true }) postConfirmation?: string;
  @Field({ nullable: true }) preAuthentication?: string;
  @Field({ nullable: true }) postAuthentication?: string;
  @Field({ nullable: true }) defineAuthChallenge?: string;
  @Field({ nullable: true }) createAuthChallenge?: string;
  @Field({ nullable: true }) verifyAuthChallengeResponse?: string;
  @Field({ nullable: true }) preTokenGeneration?: string;
  @Field({ nullable: true }) userMigration?: string;
  @Field(() => VersionedTriggerInput, { nullable: true }) preTokenGenerationConfig?: VersionedTriggerInput<
    "V1_0" | "V2_0"
  >;
  @Field(() => VersionedTriggerInput, { nullable: true }) customEmailSender?: VersionedTriggerInput<"V1_0">;
  @Field(() => VersionedTriggerInput, { nullable: true }) customSmsSender?: VersionedTriggerInput<"V1_0">;
}

@InputType({
  description:
    "Cognito's SignInPolicy: the first factors USER_AUTH may offer. PASSWORD must be among them; SOFTWARE_TOKEN is refused.",
})
export class SignInPolicyInput {
  @Field(() => [AuthFactorTypeEnum]) allowedFirstAuthFactors!: FirstAuthFactor[];
}

@InputType()
export class DeviceConfigurationInput {
  @Field() challengeRequiredOnNewDevice!: boolean;
  @Field() deviceOnlyRememberedOnUserPrompt!: boolean;
}

@InputType()
export class StringAttributeConstraintsInput {
  @Field(() => Int, { nullable: true }) minLength?: number;
  @Field(() => Int, { nullable: true }) maxLength?: number;
}

@InputType()
export class NumberAttributeConstraintsInput {
  @Field(() => Float, { nullable: true }) minValue?: number;
  @Field(() => Float, { nullable: true }) maxValue?: number;
}

@InputType({
  description: "A standard attribute (to make it required) or a custom attribute (name without or with custom:).",
})
export class SchemaAttributeInput {
  @Field() name!: string;
  @Field(() => AttributeDataTypeEnum) attributeDataType!: "String" | "Number" | "Boolean" | "DateTime";
  @Field({ nullable: true }) mutable?: boolean;
  @Field({ nullable: true }) required?: boolean;
  @Field({ nullable: true }) developerOnlyAttribute?: boolean;
  @Field({
    nullable: true,
    description:
      "Beyond Cognito: lets listUsers filter on this custom attribute (indexed). Fixed for standard attributes.",
  })
  searchable?: boolean;
  @Field(() => StringAttributeConstraintsInput, { nullable: true })
  stringAttributeConstraints?: StringAttributeConstraintsInput;
  @Field(() => NumberAttributeConstraintsInput, { nullable: true })
  numberAttributeConstraints?: NumberAttributeConstraintsInput;
}

@InputType()
export class UpdateUserPoolInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => DeletionProtectionEnum, { nullable: true }) deletionProtection?: "ACTIVE" | "INACTIVE";
  @Field(() => PasswordPolicyInput, { nullable: true }) passwordPolicy?: PasswordPolicyInput;
  @Field(() => MfaConfigurationEnum, { nullable: true }) mfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
  @Field(() => [MfaFactorEnum], { nullable: true }) enabledMfas?: ("SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP")[];
  @Field(() => [VerifiableAttributeEnum], { nullable: true }) autoVerifiedAttributes?: ("email" | "phone_number")[];
  @Field(() => [VerifiableAttributeEnum], { nullable: true }) attributesRequireVerificationBeforeUpdate?: (
    "email" | "phone_number"
  )[];
  @Field(() => VerificationMessageTemplateInput, { nullable: true })
  verificationMessageTemplate?: VerificationMessageTemplateInput;
  @Field({ nullable: true }) smsAuthenticationMessage?: string;
  @Field(() => AdminCreateUserConfigInput, { nullable: true }) adminCreateUserConfig?: AdminCreateUserConfigInput;
  @Field(() => [RecoveryMechanismInput], { nullable: true }) accountRecoverySetting?: RecoveryMechanismInput[];
  @Field(() => LambdaConfigInput, { nullable: true }) lambdaConfig?: LambdaConfigInput;
  @Field(() => DeviceConfigurationInput, { nullable: true }) deviceConfiguration?: DeviceConfigurationInput;
  @Field(() => SignInPolicyInput, {
    nullable: true,
    description: "Policies.SignInPolicy (USER_AUTH first factors); replaced whole when given.",
  })
  signInPolicy?: SignInPolicyInput;
}

@InputType()
export class CreateUserPoolInput extends UpdateUserPoolInput {
  @Field() declare name: string;
  @Field(() => [UsernameAttributeEnum], {
    nullable: true,
    description: "Sign in with email and/or phone as the username; fixed at creation.",
  })
  usernameAttributes?: ("email" | "phone_number")[];
  @Field(() => [AliasAttributeEnum], {
    nullable: true,
    description: "Verified values that may stand in for the username; fixed at creation.",
  })
  aliasAttributes?: ("email" | "phone_number" | "preferred_username")[];
  @Field({ nullable: true, description: "Default false: usernames compare case-insensitively." })
  usernameCaseSensitive?: boolean;
  @Field(() => [SchemaAttributeInput], { nullable: true }) schema?: SchemaAttributeInput[];
}

export function toCoreCustomAttribute(input: SchemaAttributeInput): CustomAttributeInput {
  return {
    name: input.name,
    attributeDataType: input.attributeDataType,
    mutable: input.mutable,
    required: input.required,
    developerOnly: input.developerOnlyAttribute,
    searchable: input.searchable,
    minLength: input.stringAttributeConstraints?.minLength,
    maxLength: input.stringAttributeConstraints?.maxLength,
    minValue: input.numberAttributeConstraints?.minValue,
    maxValue: input.numberAttributeConstraints?.maxValue,
  };
}

/** GraphQL nulls become "not given", so an explicit null never wipes a setting. */
function withoutNulls<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field))) as T;
}

export function toCoreUpdateUserPoolInput(input: UpdateUserPoolInput): CoreUpdateInput {
  return withoutNulls({ ...input }) as CoreUpdateInput;
}

export function toCoreCreateUserPoolInput(input: CreateUserPoolInput): CoreCreateInput {
  const { schema, ...rest } = input;
  return {
    ...(withoutNulls({ ...rest }) as CoreCreateInput),
    schema: schema?.map((attribute) => toCoreCustomAttribute(withoutNulls({ ...attribute }))),
  };
}
