import { registerEnumType } from "type-graphql";
import { EXPLICIT_AUTH_FLOWS } from "../../../core/clients/app-client.types.js";
import { AUTH_FACTOR_TYPES } from "../../../core/pools/sign-in-policy.js";

/** GraphQL enums spelled exactly as Cognito spells the values. */
const enumOf = <T extends string>(name: string, values: readonly T[], description?: string) => {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
};

export const DeletionProtectionEnum = enumOf("DeletionProtection", ["ACTIVE", "INACTIVE"]);
export const UsernameAttributeEnum = enumOf("UsernameAttribute", ["email", "phone_number"]);
export const AliasAttributeEnum = enumOf("AliasAttribute", ["email", "phone_number", "preferred_username"]);
export const VerifiableAttributeEnum = enumOf("VerifiableAttribute", ["email", "phone_number"]);
export const MfaConfigurationEnum = enumOf("MfaConfiguration", ["OFF", "ON", "OPTIONAL"]);
export const MfaFactorEnum = enumOf("MfaFactor", ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]);
export const AuthFactorTypeEnum = enumOf("AuthFactorType", AUTH_FACTOR_TYPES);
export const DefaultEmailOptionEnum = enumOf("DefaultEmailOption", ["CONFIRM_WITH_CODE", "CONFIRM_WITH_LINK"]);
export const RecoveryMechanismNameEnum = enumOf("RecoveryMechanismName", [
  "verified_email",
  "verified_phone_number",
  "admin_only",
]);
export const AttributeDataTypeEnum = enumOf("AttributeDataType", ["String", "Number", "Boolean", "DateTime"]);
export const TimeUnitEnum = enumOf("TimeUnit", ["seconds", "minutes", "hours", "days"]);
export const ExplicitAuthFlowEnum = enumOf("ExplicitAuthFlow", EXPLICIT_AUTH_FLOWS);
export const PreventUserExistenceErrorsEnum = enumOf("PreventUserExistenceErrors", ["ENABLED", "LEGACY"]);
export const OAuthFlowEnum = enumOf("OAuthFlow", ["code", "implicit", "client_credentials"]);
export const FeatureStatusEnum = enumOf("FeatureStatus", ["ENABLED", "DISABLED"]);
