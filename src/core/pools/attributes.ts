/** OIDC standard attributes as Cognito declares them (cognito-reference §7.1). */
export type AttributeDataType = "String" | "Number" | "Boolean" | "DateTime";

export interface SchemaAttribute {
  /** Full name: `email`, or `custom:plan` for custom attributes. */
  name: string;
  attributeDataType: AttributeDataType;
  isCustom: boolean;
  required: boolean;
  mutable: boolean;
  developerOnly: boolean;
  /** Beyond Cognito: a custom attribute that ListUsers may filter on (indexed). */
  searchable?: boolean;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

const stringAttribute = (name: string, minLength = 0, maxLength = 2048): SchemaAttribute => ({
  name,
  attributeDataType: "String",
  isCustom: false,
  required: false,
  mutable: true,
  developerOnly: false,
  minLength,
  maxLength,
});

export const STANDARD_ATTRIBUTES: readonly SchemaAttribute[] = [
  { ...stringAttribute("sub", 1, 2048), required: true, mutable: false },
  stringAttribute("address"),
  { ...stringAttribute("birthdate", 10, 10) },
  stringAttribute("email"),
  {
    name: "email_verified",
    attributeDataType: "Boolean",
    isCustom: false,
    required: false,
    mutable: true,
    developerOnly: false,
  },
  stringAttribute("family_name"),
  stringAttribute("gender"),
  stringAttribute("given_name"),
  stringAttribute("locale"),
  stringAttribute("middle_name"),
  stringAttribute("name"),
  stringAttribute("nickname"),
  stringAttribute("phone_number"),
  {
    name: "phone_number_verified",
    attributeDataType: "Boolean",
    isCustom: false,
    required: false,
    mutable: true,
    developerOnly: false,
  },
  stringAttribute("picture"),
  stringAttribute("preferred_username"),
  stringAttribute("profile"),
  {
    name: "updated_at",
    attributeDataType: "Number",
    isCustom: false,
    required: false,
    mutable: true,
    developerOnly: false,
    minValue: 0,
  },
  stringAttribute("website"),
  stringAttribute("zoneinfo"),
];

export const STANDARD_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(
  STANDARD_ATTRIBUTES.map((attribute) => attribute.name),
);
/** Attributes that can be neither required nor chosen freely: they are set by the gateway. */
export const SYSTEM_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(["sub", "email_verified", "phone_number_verified"]);

export const MAX_CUSTOM_ATTRIBUTES = 50;
export const MAX_CUSTOM_ATTRIBUTE_NAME_LENGTH = 20;
export const CUSTOM_PREFIX = "custom:";
