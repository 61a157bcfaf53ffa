import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { SchemaAttribute as CoreSchemaAttribute } from "../../../core/pools/attributes.js";
import type { UserPool as CoreUserPool } from "../../../core/pools/user-pool.types.js";
import { isSearchableSchemaAttribute } from "../../../core/users/user-search.js";
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

@ObjectType()
export class PasswordPolicy {
  @Field(() => Int) minimumLength!: number;
  @Field() requireUppercase!: boolean;
  @Field() requireLowercase!: boolean;
  @Field() requireNumbers!: boolean;
  @Field() requireSymbols!: boolean;
  @Field(() => Int) temporaryPasswordValidityDays!: number;
  @Field(() => Int) passwordHistorySize!: number;
}

@ObjectType()
export class VerificationMessageTemplate {
  @Field() smsMessage!: string;
  @Field() emailMessage!: string;
  @Field() emailSubject!: string;
  @Field() emailMessageByLink!: string;
  @Field() emailSubjectByLink!: string;
  @Field(() => DefaultEmailOptionEnum) defaultEmailOption!: string;
}

@ObjectType()
export class InviteMessageTemplate {
  @Field() smsMessage!: string;
  @Field() emailMessage!: string;
  @Field() emailSubject!: string;
}

@ObjectType()
export class AdminCreateUserConfig {
  @Field() allowAdminCreateUserOnly!: boolean;
  @Field(() => InviteMessageTemplate) inviteMessageTemplate!: InviteMessageTemplate;
}

@ObjectType()
export class RecoveryMechanism {
  @Field(() => RecoveryMechanismNameEnum) name!: string;
  @Field(() => Int) priority!: number;
}

@ObjectType({ description: "A trigger with a version (Cognito's LambdaVersion); lambdaArn holds the endpoint URL." })
export class VersionedTrigger {
  @Field() lambdaVersion!: string;
  @Field() lambdaArn!: string;
}

@ObjectType({ description: "Trigger endpoints: URLs called where Cognito would invoke a Lambda function." })
export class LambdaConfig {
  @Field(() => String, { nullable: true }) preSignUp?: string;
  @Field(() => String, { nullable: true }) customMessage?: string;
  @Field(() => String, { nullable: true }) postConfirmation?: string;
  @Field(() => String, { nullable: true }) preAuthentication?: string;
  @Field(() => String, { nullable: true }) postAuthentication?: string;
  @Field(() => String, { nullable: true }) defineAuthChallenge?: string;
  @Field(() => String, { nullable: true }) createAuthChallenge?: string;
  @Field(() => String, { nullable: true }) verifyAuthChallengeResponse?: string;
  @Field(() => String, { nullable: true }) preTokenGeneration?: string;
  @Field(() => String, { nullable: true }) userMigration?: string;
  @Field(() => VersionedTrigger, {
    nullable: true,
    description:
      "PreTokenGenerationConfig: V1_0 (ID token) or V2_0 (ID and access tokens); wins over preTokenGeneration.",
  })
  preTokenGenerationConfig?: VersionedTrigger;
  @Field(() => VersionedTrigger, {
    nullable: true,
    description: "Replaces email delivery of codes; the code arrives sealed with the trigger secret.",
  })
  customEmailSender?: VersionedTrigger;
  @Field(() => VersionedTrigger, {
    nullable: true,
    description: "Replaces SMS delivery of codes; the code arrives sealed with the trigger secret.",
  })
  customSmsSender?: VersionedTrigger;
}

@ObjectType()
export class DeviceConfiguration {
  @Field() challengeRequiredOnNewDevice!: boolean;
  @Field() deviceOnlyRememberedOnUserPrompt!: boolean;
}

@ObjectType()
export class StringAttributeConstraints {
  @Field(() => Int, { nullable: true }) minLength?: number;
  @Field(() => Int, { nullable: true }) maxLength?: number;
}

@ObjectType()
export class NumberAttributeConstraints {
  @Field(() => Float, { nullable: true }) minValue?: number;
  @Field(() => Float, { nullable: true }) maxValue?: number;
}

@ObjectType()
export class SchemaAttribute {
  @Field({ description: "Full attribute name; custom attributes carry the custom: prefix." }) name!: string;
  @Field(() => AttributeDataTypeEnum) attributeDataType!: string;
  @Field() developerOnlyAttribute!: boolean;
  @Field() mutable!: boolean;
  @Field() required!: boolean;
  @Field({
    description:
      "Whether listUsers can filter on it: the standard searchable attributes, and custom ones declared searchable.",
  })
  searchable!: boolean;
  @Field(() => StringAttributeConstraints, { nullable: true })
  stringAttributeConstraints!: StringAttributeConstraints | null;
  @Field(() => NumberAttributeConstraints, { nullable: true })
  numberAttributeConstraints!: NumberAttributeConstraints | null;
}

@ObjectType()
export class UsernameConfiguration {
  @Field() caseSensitive!: boolean;
}

@ObjectType()
export class UserAttributeUpdateSettings {
  @Field(() => [VerifiableAttributeEnum]) attributesRequireVerificationBeforeUpdate!: string[];
}

@ObjectType({ description: "Cognito's SignInPolicy: the first factors USER_AUTH may offer." })
export class SignInPolicy {
  @Field(() => [AuthFactorTypeEnum]) allowedFirstAuthFactors!: string[];
}

@ObjectType()
export class UserPool {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => DeletionProtectionEnum) deletionProtection!: string;
  @Field(() => [UsernameAttributeEnum]) usernameAttributes!: string[];
  @Field(() => [AliasAttributeEnum]) aliasAttributes!: string[];
  @Field(() => UsernameConfiguration) usernameConfiguration!: UsernameConfiguration;
  @Field(() => PasswordPolicy) passwordPolicy!: PasswordPolicy;
  @Field(() => MfaConfigurationEnum) mfaConfiguration!: string;
  @Field(() => [MfaFactorEnum]) enabledMfas!: string[];
  @Field(() => [VerifiableAttributeEnum]) autoVerifiedAttributes!: string[];
  @Field(() => UserAttributeUpdateSettings) userAttributeUpdateSettings!: UserAttributeUpdateSettings;
  @Field(() => VerificationMessageTemplate) verificationMessageTemplate!: VerificationMessageTemplate;
  @Field() smsAuthenticationMessage!: string;
  @Field(() => AdminCreateUserConfig) adminCreateUserConfig!: AdminCreateUserConfig;
  @Field(() => [RecoveryMechanism]) accountRecoverySetting!: RecoveryMechanism[];
  @Field(() => LambdaConfig) lambdaConfig!: LambdaConfig;
  @Field(() => DeviceConfiguration, { nullable: true }) deviceConfiguration!: DeviceConfiguration | null;
  @Field(() => SignInPolicy) signInPolicy!: SignInPolicy;
  @Field(() => [SchemaAttribute]) schemaAttributes!: SchemaAttribute[];
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver) lastModifiedDate!: Date;
}

@ObjectType()
export class UserPoolPage {
  @Field(() => [UserPool]) items!: UserPool[];
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
  nextCursor!: string | null;
}

function toGraphqlSchemaAttribute(attribute: CoreSchemaAttribute): SchemaAttribute {
  return Object.assign(new SchemaAttribute(), {
    name: attribute.name,
    attributeDataType: attribute.attributeDataType,
    developerOnlyAttribute: attribute.developerOnly,
    mutable: attribute.mutable,
    required: attribute.required,
    searchable: isSearchableSchemaAttribute(attribute),
    stringAttributeConstraints:
      attribute.attributeDataType === "String"
        ? { minLength: attribute.minLength, maxLength: attribute.maxLength }
        : null,
    numberAttributeConstraints:
      attribute.attributeDataType === "Number" ? { minValue: attribute.minValue, maxValue: attribute.maxValue } : null,
  });
}

export function toGraphqlUserPool(pool: CoreUserPool): UserPool {
  return Object.assign(new UserPool(), {
    ...pool,
    usernameConfiguration: { caseSensitive: pool.usernameCaseSensitive },
    userAttributeUpdateSettings: {
      attributesRequireVerificationBeforeUpdate: pool.attributesRequireVerificationBeforeUpdate,
    },
    schemaAttributes: pool.schemaAttributes.map(toGraphqlSchemaAttribute),
    creationDate: pool.createdAt,
    lastModifiedDate: pool.updatedAt,
  });
}
