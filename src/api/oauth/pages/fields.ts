import type { PasswordPolicy, UsernameAttribute } from "../../../core/pools/user-pool.types.js";
import { input, type InputOptions } from "./layout.js";
import type { Html } from "./html.js";

/** Labels, input types and autofill hints of the standard attributes (custom ones show their own name). */
const ATTRIBUTES: Record<
  string,
  { label: string; type?: string; autocomplete?: string; inputmode?: string; hint?: string }
> = {
  email: { label: "Email", type: "email", autocomplete: "email", inputmode: "email" },
  phone_number: {
    label: "Phone number",
    type: "tel",
    autocomplete: "tel",
    inputmode: "tel",
    hint: "With the country code, for example +15555550100.",
  },
  name: { label: "Full name", autocomplete: "name" },
  given_name: { label: "First name", autocomplete: "given-name" },
  family_name: { label: "Last name", autocomplete: "family-name" },
  middle_name: { label: "Middle name", autocomplete: "additional-name" },
  nickname: { label: "Nickname", autocomplete: "nickname" },
  preferred_username: { label: "Preferred username", autocomplete: "nickname" },
  birthdate: { label: "Date of birth", autocomplete: "bday", hint: "YYYY-MM-DD, for example 1990-04-21." },
  gender: { label: "Gender", autocomplete: "sex" },
  address: { label: "Address", autocomplete: "street-address" },
  locale: { label: "Language", autocomplete: "language" },
  zoneinfo: { label: "Time zone" },
  website: { label: "Website", type: "url", autocomplete: "url" },
  profile: { label: "Profile page", type: "url", autocomplete: "url" },
  picture: { label: "Picture URL", type: "url", autocomplete: "photo" },
  updated_at: { label: "Updated at" },
};

/** The sign-up and new-password forms' field name for an attribute, as Cognito's forms post it (reference-oauth §8.2). */
export const attributeFieldName = (attribute: string): string => `requiredAttributes[${attribute}]`;

export function attributeInput(attribute: string, value: string | null, options: Partial<InputOptions> = {}): Html {
  const known = ATTRIBUTES[attribute];
  const label =
    known?.label ??
    attribute
      .replace(/^custom:/, "")
      .replace(/[_-]+/g, " ")
      .replace(/^./, (first) => first.toUpperCase());
  return input({
    name: attributeFieldName(attribute),
    label,
    type: known?.type,
    autocomplete: known?.autocomplete ?? "off",
    inputmode: known?.inputmode,
    hint: known?.hint,
    value,
    ...options,
  });
}

/** How the sign-in name field reads in a pool: an email, a phone number, either, or a username. */
export function usernameField(usernameAttributes: readonly UsernameAttribute[]): {
  label: string;
  type: string;
  inputmode?: string;
} {
  const email = usernameAttributes.includes("email");
  const phone = usernameAttributes.includes("phone_number");
  if (email && phone) return { label: "Email or phone number", type: "text" };
  if (email) return { label: "Email", type: "email", inputmode: "email" };
  if (phone) return { label: "Phone number", type: "tel", inputmode: "tel" };
  return { label: "Username", type: "text" };
}

/** The password policy in a sentence, shown under a new password. */
export function passwordHint(policy: PasswordPolicy): string {
  const needs = [
    policy.requireUppercase ? "an uppercase letter" : null,
    policy.requireLowercase ? "a lowercase letter" : null,
    policy.requireNumbers ? "a number" : null,
    policy.requireSymbols ? "a symbol" : null,
  ].filter((need): need is string => need !== null);
  const list = needs.length <= 1 ? needs.join("") : `${needs.slice(0, -1).join(", ")} and ${needs[needs.length - 1]}`;
  return `At least ${policy.minimumLength} characters${list ? `, with ${list}` : ""}.`;
}

export const codeInput = (
  options: { name?: string; label?: string; autofocus?: boolean; invalid?: boolean } = {},
): Html =>
  input({
    name: options.name ?? "code",
    label: options.label ?? "Code",
    autocomplete: "one-time-code",
    inputmode: "numeric",
    pattern: "[0-9]*",
    maxlength: 10,
    className: "code-input",
    autofocus: options.autofocus ?? true,
    invalid: options.invalid,
    spellcheck: false,
  });
