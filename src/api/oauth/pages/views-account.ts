import type { PasswordPolicy, UsernameAttribute } from "../../../core/pools/user-pool.types.js";
import { attributeInput, codeInput, passwordHint, usernameField } from "./fields.js";
import { html, type Html } from "./html.js";
import { hiddenFields, input, submitButton, type PageContent } from "./layout.js";
import { CSRF_FIELD } from "./security.js";
import type { FormTarget } from "./views-sign-in.js";

const form = (target: FormTarget, fields: Record<string, string | null | undefined>, body: Html): Html =>
  html`<form method="post" action="${target.action}">
${hiddenFields({ [CSRF_FIELD]: target.csrf, ...fields })}${body}
</form>`;

/** A button that looks like a link and posts (sending a code is never a GET a third party could trigger). */
const postLink = (target: FormTarget, fields: Record<string, string | null | undefined>, label: string): Html =>
  html`<form class="inline-form" method="post" action="${target.action}">${hiddenFields({ [CSRF_FIELD]: target.csrf, ...fields })}<button class="link-button" type="submit">${label}</button></form>`;

const deliveryText = (destination: string | null, medium: string | null): string => {
  if (!destination) return "If an account exists for that name, we sent it a code.";
  return medium === "SMS"
    ? `We sent a code by text message to ${destination}.`
    : `We sent a code by email to ${destination}.`;
};

export function signUpView(args: {
  target: FormTarget;
  usernameAttributes: readonly UsernameAttribute[];
  attributes: string[];
  policy: PasswordPolicy;
  values: Record<string, string>;
  signInUrl: string;
  error?: string | null;
}): PageContent {
  const name = usernameField(args.usernameAttributes);
  return {
    title: "Sign up",
    error: args.error,
    body: html`${form(
      args.target,
      {},
      html`${input({ name: "username", label: name.label, type: name.type, inputmode: name.inputmode, autocomplete: "username", value: args.values.username, autofocus: true, spellcheck: false })}
${args.attributes.map((attribute) => attributeInput(attribute, args.values[attribute] ?? null))}
${input({ name: "password", label: "Password", type: "password", autocomplete: "new-password", hint: passwordHint(args.policy) })}
${submitButton("Sign up", "signUpButton")}`,
    )}
<p class="divider textDescription-customizable">Already have an account? <a href="${args.signInUrl}">Sign in</a></p>`,
  };
}

export function confirmView(args: {
  target: FormTarget;
  resendTarget: FormTarget;
  username: string | null;
  destination: string | null;
  deliveryMedium: string | null;
  signInUrl: string;
  error?: string | null;
  notice?: string | null;
}): PageContent {
  return {
    title: "Confirm your account",
    error: args.error,
    notice: args.notice,
    body: html`<p class="textDescription-customizable">${args.username ? deliveryText(args.destination, args.deliveryMedium) : "Enter your username and the code we sent you."}</p>
${form(
  args.target,
  args.username ? { username: args.username } : {},
  html`${args.username ? null : input({ name: "username", label: "Username", autocomplete: "username", spellcheck: false })}
${codeInput({ label: "Confirmation code", invalid: Boolean(args.error) })}
${submitButton("Confirm account", "confirm")}`,
)}
<div class="links">${args.username ? postLink(args.resendTarget, { username: args.username }, "Send a new code") : null}<a href="${args.signInUrl}">Back to sign in</a></div>`,
  };
}

export function forgotPasswordView(args: {
  target: FormTarget;
  usernameAttributes: readonly UsernameAttribute[];
  username: string | null;
  signInUrl: string;
  error?: string | null;
}): PageContent {
  const name = usernameField(args.usernameAttributes);
  return {
    title: "Forgot your password?",
    error: args.error,
    body: html`<p class="textDescription-customizable">Enter your ${name.label.toLowerCase()} and we’ll send you a code to reset your password.</p>
${form(
  args.target,
  {},
  html`${input({ name: "username", label: name.label, type: name.type, inputmode: name.inputmode, autocomplete: "username", value: args.username, autofocus: true, spellcheck: false })}
${submitButton("Send reset code")}`,
)}
<p class="links center"><a href="${args.signInUrl}">Back to sign in</a></p>`,
  };
}

export function confirmForgotPasswordView(args: {
  target: FormTarget;
  resendTarget: FormTarget;
  username: string | null;
  destination: string | null;
  deliveryMedium: string | null;
  policy: PasswordPolicy;
  signInUrl: string;
  error?: string | null;
}): PageContent {
  return {
    title: "Reset your password",
    error: args.error,
    body: html`<p class="textDescription-customizable">${deliveryText(args.destination, args.deliveryMedium)}</p>
${form(
  args.target,
  args.username ? { username: args.username } : {},
  html`${args.username ? null : input({ name: "username", label: "Username", autocomplete: "username", spellcheck: false })}
${codeInput({ label: "Reset code", invalid: Boolean(args.error) })}
${input({ name: "password", label: "New password", type: "password", autocomplete: "new-password", hint: passwordHint(args.policy) })}
${input({ name: "confirmPassword", label: "Confirm new password", type: "password", autocomplete: "new-password" })}
${submitButton("Change password")}`,
)}
<div class="links">${args.username ? postLink(args.resendTarget, { username: args.username }, "Send a new code") : null}<a href="${args.signInUrl}">Back to sign in</a></div>`,
  };
}

/** A page with a message and, when there is somewhere to go, one link. */
export function messageView(args: {
  title: string;
  message: string;
  error?: string | null;
  link?: { url: string; label: string } | null;
}): PageContent {
  return {
    title: args.title,
    error: args.error,
    body: html`<p class="textDescription-customizable">${args.message}</p>
${args.link ? html`<p class="links center"><a href="${args.link.url}">${args.link.label}</a></p>` : null}`,
  };
}
