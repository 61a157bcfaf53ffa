import { COGNITO_SHAPES as SHAPES } from "../../core/input-constraints.js";
import { bool, int, list, map, required, str, struct, type Member } from "./constraints.js";

/** Cognito's shared shapes: the string constraints are core's table, which the services check too (cognito-reference §2.2). */
export const userPoolId = required(str(SHAPES.userPoolId));
export const clientId = required(str(SHAPES.clientId));
export const username = required(str(SHAPES.username));
export const password = str(SHAPES.password);
export const confirmationCode = required(str(SHAPES.confirmationCode));
export const session = str(SHAPES.session);
export const secretHash = str(SHAPES.secretHash);
export const token = str(SHAPES.token);
export const accessToken = required(token);
export const groupName = required(str(SHAPES.groupName));
export const attributeName = str(SHAPES.attributeName);
export const attributes = list(struct({ Name: required(attributeName), Value: str(SHAPES.attributeValue) }));
export const attributeNames = list(attributeName);
export const clientMetadata = map();
export const limit60 = int({ min: 0, max: 60 });
export const maxResults60 = int({ min: 1, max: 60 });
export const nextToken = str(SHAPES.paginationToken);
export const paginationToken = str(SHAPES.paginationToken);
export const deviceKey = str(SHAPES.deviceKey);
export const clientSecret = str(SHAPES.clientSecret);
export const mfaSettings = struct({ Enabled: bool(), PreferredMfa: bool() });
export const userCode = str(SHAPES.userCode);

export const AUTH_FLOW_VALUES = [
  "USER_SRP_AUTH",
  "REFRESH_TOKEN_AUTH",
  "REFRESH_TOKEN",
  "CUSTOM_AUTH",
  "ADMIN_NO_SRP_AUTH",
  "USER_PASSWORD_AUTH",
  "ADMIN_USER_PASSWORD_AUTH",
  "USER_AUTH",
] as const;
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
