import { bool, int, list, map, required, str, struct, type Member } from "./constraints.js";

/** Cognito's shared shapes and their constraints (botocore cognito-idp service-2.json; cognito-reference §2.2). */
const NAME_CHARS = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

export const userPoolId = required(str({ min: 1, max: 55, pattern: "[\\w-]+_[0-9a-zA-Z]+" }));
export const clientId = required(str({ min: 1, max: 128, pattern: "[\\w+]+", sensitive: true }));
export const username = required(str({ min: 1, max: 128, pattern: NAME_CHARS, sensitive: true }));
export const password = str({ max: 256, pattern: "[\\S]+", sensitive: true });
export const confirmationCode = required(str({ min: 1, max: 2048, pattern: "[\\S]+" }));
export const session = str({ min: 20, max: 2048, sensitive: true });
export const secretHash = str({ min: 1, max: 128, pattern: "[\\w+=/]+", sensitive: true });
export const token = str({ pattern: "[A-Za-z0-9-_=.]+", sensitive: true });
export const accessToken = required(token);
export const groupName = required(str({ min: 1, max: 128, pattern: NAME_CHARS }));
export const attributeName = str({ min: 1, max: 32, pattern: NAME_CHARS });
export const attributes = list(struct({ Name: required(attributeName), Value: str({ max: 2048, sensitive: true }) }));
export const attributeNames = list(attributeName);
export const clientMetadata = map();
export const limit60 = int({ min: 0, max: 60 });
export const maxResults60 = int({ min: 1, max: 60 });
export const nextToken = str({ min: 1, pattern: "[\\S]+" });
export const paginationToken = str({ min: 1, pattern: "[\\S]+" });
export const deviceKey = str({ min: 1, max: 55, pattern: "[\\w-]+_[0-9a-f-]+" });
export const mfaSettings = struct({ Enabled: bool(), PreferredMfa: bool() });
export const userCode = str({ min: 6, max: 6, pattern: "[0-9]+" });

export const AUTH_FLOW_VALUES = ["USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH"] as const;
export const CHALLENGE_NAME_VALUES = [
  "SMS_MFA",
  "EMAIL_OTP",
  "SOFTWARE_TOKEN_MFA",
  "SELECT_MFA_TYPE",
  "MFA_SETUP",
  "PASSWORD_VERIFIER",
  "CUSTOM_CHALLENGE",
  "SELECT_CHALLENGE",
  "DEVICE_SRP_AUTH",
  "DEVICE_PASSWORD_VERIFIER",
  "ADMIN_NO_SRP_AUTH",
  "NEW_PASSWORD_REQUIRED",
  "SMS_OTP",
  "PASSWORD",
  "WEB_AUTHN",
  "PASSWORD_SRP",
] as const;
export const authFlow: Member = required(str({ values: AUTH_FLOW_VALUES }));
export const challengeName: Member = required(str({ values: CHALLENGE_NAME_VALUES }));
