import { CognitoError, invalidParameter } from "../errors.js";
import {
  requireIntegerInRange,
  requireLength,
  requireMaxItems,
  requirePattern,
  requireSubset,
  requireUnique,
  requireUrl,
} from "../validation.js";
import { isSearchableSchemaAttribute } from "../users/user-search.js";
import { validateSignInPolicy } from "./sign-in-policy.js";
import {
  CUSTOM_PREFIX,
  MAX_CUSTOM_ATTRIBUTES,
  MAX_CUSTOM_ATTRIBUTE_NAME_LENGTH,
  STANDARD_ATTRIBUTES,
  STANDARD_ATTRIBUTE_NAMES,
  SYSTEM_ATTRIBUTE_NAMES,
  type SchemaAttribute,
} from "./attributes.js";
import {
  LAMBDA_TRIGGERS,
  type CustomAttributeInput,
  type InviteMessageTemplate,
  type LambdaConfig,
  type PasswordPolicy,
  type RecoveryMechanism,
  type UserPoolSettings,
  type VerificationMessageTemplate,
} from "./user-pool.types.js";

const POOL_NAME_PATTERN = /^[\w\s+=,.@-]+$/;
const CUSTOM_ATTRIBUTE_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const CODE_PLACEHOLDER = "{####}";
const LINK_PLACEHOLDER = /\{##[^#]+##\}/;

export function validatePoolName(name: string): void {
  requireLength("poolName", name, 1, 128);
  requirePattern("poolName", name, POOL_NAME_PATTERN, "may only contain letters, digits, spaces and + = , . @ -");
}

export function validatePasswordPolicy(policy: PasswordPolicy): void {
  requireIntegerInRange("passwordPolicy.minimumLength", policy.minimumLength, 6, 99);
  requireIntegerInRange("passwordPolicy.temporaryPasswordValidityDays", policy.temporaryPasswordValidityDays, 0, 365);
  requireIntegerInRange("passwordPolicy.passwordHistorySize", policy.passwordHistorySize, 0, 24);
}

function validateTemplate(
  field: string,
  template: string,
  min: number,
  max: number,
  mustContain: string | RegExp,
): void {
  requireLength(field, template, min, max);
  const found = typeof mustContain === "string" ? template.includes(mustContain) : mustContain.test(template);
  if (!found) {
    const placeholder = typeof mustContain === "string" ? mustContain : "{##link text##}";
    throw invalidParameter(`${field} must contain the placeholder ${placeholder}.`);
  }
}

export function validateVerificationTemplate(template: VerificationMessageTemplate): void {
  validateTemplate("verificationMessageTemplate.smsMessage", template.smsMessage, 6, 140, CODE_PLACEHOLDER);
  validateTemplate("verificationMessageTemplate.emailMessage", template.emailMessage, 6, 20000, CODE_PLACEHOLDER);
  requireLength("verificationMessageTemplate.emailSubject", template.emailSubject, 1, 140);
  validateTemplate(
    "verificationMessageTemplate.emailMessageByLink",
    template.emailMessageByLink,
    6,
    20000,
    LINK_PLACEHOLDER,
  );
  requireLength("verificationMessageTemplate.emailSubjectByLink", template.emailSubjectByLink, 1, 140);
}

export function validateInviteTemplate(template: InviteMessageTemplate): void {
  validateTemplate(
    "adminCreateUserConfig.inviteMessageTemplate.smsMessage",
    template.smsMessage,
    6,
    140,
    CODE_PLACEHOLDER,
  );
  validateTemplate(
    "adminCreateUserConfig.inviteMessageTemplate.emailMessage",
    template.emailMessage,
    6,
    20000,
    CODE_PLACEHOLDER,
  );
  requireLength("adminCreateUserConfig.inviteMessageTemplate.emailSubject", template.emailSubject, 1, 140);
}

export function validateRecoverySetting(mechanisms: RecoveryMechanism[]): void {
  if (mechanisms.length < 1 || mechanisms.length > 2) {
    throw invalidParameter("accountRecoverySetting must hold 1 or 2 recovery mechanisms.");
  }
  requireUnique(
    "accountRecoverySetting names",
    mechanisms.map((mechanism) => mechanism.name),
  );
  requireUnique(
    "accountRecoverySetting priorities",
    mechanisms.map((mechanism) => mechanism.priority),
  );
  for (const mechanism of mechanisms)
    requireIntegerInRange("accountRecoverySetting.priority", mechanism.priority, 1, 2);
  if (mechanisms.length > 1 && mechanisms.some((mechanism) => mechanism.name === "admin_only")) {
    throw invalidParameter("accountRecoverySetting: admin_only cannot be combined with another recovery mechanism.");
  }
}

export function validateLambdaConfig(config: LambdaConfig): void {
  for (const trigger of LAMBDA_TRIGGERS) {
    const url = config[trigger];
    if (url !== undefined) requireUrl(`lambdaConfig.${trigger}`, url);
  }
  const versioned = [
    ["preTokenGenerationConfig", config.preTokenGenerationConfig, ["V1_0", "V2_0"]],
    ["customEmailSender", config.customEmailSender, ["V1_0"]],
    ["customSmsSender", config.customSmsSender, ["V1_0"]],
  ] as const;
  for (const [name, trigger, versions] of versioned) {
    if (!trigger) continue;
    requireUrl(`lambdaConfig.${name}.lambdaArn`, trigger.lambdaArn);
    if (!(versions as readonly string[]).includes(trigger.lambdaVersion))
      throw invalidParameter(`lambdaConfig.${name}.lambdaVersion must be one of ${versions.join(", ")}.`);
  }
}

/** Rules that tie several settings together; run after defaults are merged, on create and update. */
export function validatePoolSettings(settings: UserPoolSettings, schema: readonly SchemaAttribute[]): void {
  validatePoolName(settings.name);
  requireSubset("usernameAttributes", settings.usernameAttributes, ["email", "phone_number"]);
  requireSubset("aliasAttributes", settings.aliasAttributes, ["email", "phone_number", "preferred_username"]);
  if (settings.usernameAttributes.length > 0 && settings.aliasAttributes.length > 0) {
    throw invalidParameter("usernameAttributes and aliasAttributes cannot both be set: choose one username mode.");
  }
  const preferredUsername = schema.find((attribute) => attribute.name === "preferred_username");
  if (settings.aliasAttributes.includes("preferred_username") && preferredUsername?.required) {
    throw invalidParameter("preferred_username cannot be both an alias attribute and a required attribute.");
  }
  validatePasswordPolicy(settings.passwordPolicy);
  requireSubset("enabledMfas", settings.enabledMfas, ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]);
  if (settings.mfaConfiguration !== "OFF" && settings.enabledMfas.length === 0) {
    throw invalidParameter(`mfaConfiguration ${settings.mfaConfiguration} needs at least one factor in enabledMfas.`);
  }
  requireSubset("autoVerifiedAttributes", settings.autoVerifiedAttributes, ["email", "phone_number"]);
  requireSubset("attributesRequireVerificationBeforeUpdate", settings.attributesRequireVerificationBeforeUpdate, [
    "email",
    "phone_number",
  ]);
  for (const attribute of settings.attributesRequireVerificationBeforeUpdate) {
    if (!settings.autoVerifiedAttributes.includes(attribute)) {
      throw invalidParameter(
        `attributesRequireVerificationBeforeUpdate lists ${attribute}, which must also be in autoVerifiedAttributes.`,
      );
    }
  }
  validateVerificationTemplate(settings.verificationMessageTemplate);
  validateTemplate("smsAuthenticationMessage", settings.smsAuthenticationMessage, 6, 140, CODE_PLACEHOLDER);
  validateTemplate("emailMfaMessage", settings.emailMfaMessage, 6, 20000, CODE_PLACEHOLDER);
  requireLength("emailMfaSubject", settings.emailMfaSubject, 1, 140);
  validateInviteTemplate(settings.adminCreateUserConfig.inviteMessageTemplate);
  validateRecoverySetting(settings.accountRecoverySetting);
  validateLambdaConfig(settings.lambdaConfig);
  validateSignInPolicy(settings.signInPolicy, settings.mfaConfiguration);
}

/** Turns one custom-attribute definition into its schema entry, or says exactly what is wrong with it. */
export function toCustomSchemaAttribute(input: CustomAttributeInput): SchemaAttribute {
  const field = `customAttribute ${input.name}`;
  requireLength("customAttribute name", input.name, 1, MAX_CUSTOM_ATTRIBUTE_NAME_LENGTH);
  requirePattern(
    "customAttribute name",
    input.name,
    CUSTOM_ATTRIBUTE_NAME_PATTERN,
    "may only contain letters, digits, _ and -",
  );
  if (input.required) throw invalidParameter(`${field}: required custom attributes are not supported.`);
  const hasStringConstraint = input.minLength !== undefined || input.maxLength !== undefined;
  const hasNumberConstraint = input.minValue !== undefined || input.maxValue !== undefined;
  const attribute: SchemaAttribute = {
    name: CUSTOM_PREFIX + input.name,
    attributeDataType: input.attributeDataType,
    isCustom: true,
    required: false,
    mutable: input.mutable ?? true,
    developerOnly: input.developerOnly ?? false,
    searchable: input.searchable ?? false,
  };
  if (input.attributeDataType === "String") {
    if (hasNumberConstraint) throw invalidParameter(`${field}: minValue/maxValue apply to Number attributes only.`);
    attribute.minLength = input.minLength ?? 0;
    attribute.maxLength = input.maxLength ?? 2048;
    requireIntegerInRange(`${field} minLength`, attribute.minLength, 0, 2048);
    requireIntegerInRange(`${field} maxLength`, attribute.maxLength, 1, 2048);
    if (attribute.minLength > attribute.maxLength)
      throw invalidParameter(`${field}: minLength must not exceed maxLength.`);
  } else if (input.attributeDataType === "Number") {
    if (hasStringConstraint) throw invalidParameter(`${field}: minLength/maxLength apply to String attributes only.`);
    if (input.minValue !== undefined) attribute.minValue = input.minValue;
    if (input.maxValue !== undefined) attribute.maxValue = input.maxValue;
    for (const [name, value] of [
      ["minValue", input.minValue],
      ["maxValue", input.maxValue],
    ] as const) {
      if (value !== undefined && !Number.isFinite(value))
        throw invalidParameter(`${field}: ${name} must be a finite number.`);
    }
    if (input.minValue !== undefined && input.maxValue !== undefined && input.minValue > input.maxValue) {
      throw invalidParameter(`${field}: minValue must not exceed maxValue.`);
    }
  } else if (hasStringConstraint || hasNumberConstraint) {
    throw invalidParameter(`${field}: ${input.attributeDataType} attributes take no length or value constraints.`);
  }
  return attribute;
}

/** Adds custom attributes to a schema: add-only, no duplicates, at most 50 per pool. */
export function appendCustomAttributes(
  schema: readonly SchemaAttribute[],
  inputs: readonly CustomAttributeInput[],
): SchemaAttribute[] {
  const next = [...schema];
  for (const input of inputs) {
    const attribute = toCustomSchemaAttribute(input);
    if (next.some((existing) => existing.name === attribute.name)) {
      throw invalidParameter(
        `${attribute.name}: an attribute with this name already exists; custom attributes cannot be changed or replaced.`,
      );
    }
    next.push(attribute);
  }
  const customCount = next.filter((attribute) => attribute.isCustom).length;
  if (customCount > MAX_CUSTOM_ATTRIBUTES) {
    throw new CognitoError(
      "LimitExceededException",
      `A user pool holds at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes; this change would make ${customCount}.`,
    );
  }
  return next;
}

/** The schema of a new pool: every standard attribute (some made required) plus the custom ones given. */
export function buildInitialSchema(inputs: readonly CustomAttributeInput[]): SchemaAttribute[] {
  requireMaxItems("schema", inputs, STANDARD_ATTRIBUTES.length + MAX_CUSTOM_ATTRIBUTES);
  const standard = STANDARD_ATTRIBUTES.map((attribute) => ({ ...attribute }));
  const custom: CustomAttributeInput[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const bareName = input.name.startsWith(CUSTOM_PREFIX) ? input.name.slice(CUSTOM_PREFIX.length) : input.name;
    if (seen.has(bareName)) throw invalidParameter(`schema lists ${bareName} more than once.`);
    seen.add(bareName);
    if (!STANDARD_ATTRIBUTE_NAMES.has(input.name)) {
      custom.push({ ...input, name: bareName });
      continue;
    }
    if (SYSTEM_ATTRIBUTE_NAMES.has(input.name))
      throw invalidParameter(`schema: ${input.name} is managed by the user pool and cannot be redefined.`);
    const attribute = standard.find((candidate) => candidate.name === input.name)!;
    if (input.attributeDataType !== attribute.attributeDataType) {
      throw invalidParameter(
        `schema: ${input.name} is a standard ${attribute.attributeDataType} attribute; attributeDataType cannot be ${input.attributeDataType}.`,
      );
    }
    if (input.searchable !== undefined && input.searchable !== isSearchableSchemaAttribute(attribute)) {
      throw invalidParameter(
        `schema: whether ${input.name} is searchable is fixed (${isSearchableSchemaAttribute(attribute) ? "it is" : "it is not"}); searchable can be chosen for custom attributes only.`,
      );
    }
    attribute.required = input.required ?? false;
    attribute.mutable = input.mutable ?? true;
  }
  return appendCustomAttributes(standard, custom);
}
