import type { PasswordPolicy, UsernameAttribute } from "../../../core/pools/user-pool.types.js";
import { attributeInput, codeInput, passwordHint, usernameField } from "./fields.js";
import { html, type Html } from "./html.js";
import { hiddenFields, input, submitButton, type PageContent } from "./layout.js";
import { CSRF_FIELD } from "./security.js";

/** Where a form posts and what it carries on every post. */
export interface FormTarget {
  action: string;
  csrf: string;
  /** Hidden fields every form of the page carries besides the CSRF token (the add page's sign-in proof). */
  hidden?: Record<string, string>;
}

const form = (target: FormTarget, fields: Record<string, string | null | undefined>, body: Html): Html =>
  html`<form method="post" action="${target.action}">
${hiddenFields({ [CSRF_FIELD]: target.csrf, ...target.hidden, ...fields })}${body}
</form>`;

export function loginView(args: {
  target: FormTarget;
  usernameAttributes: readonly UsernameAttribute[];
  username: string | null;
  forgotPasswordUrl: string;
  signUpUrl: string | null;
  error?: string | null;
  notice?: string | null;
}): PageContent {
  const name = usernameField(args.usernameAttributes);
  return {
    title: "Sign in",
    error: args.error,
    notice: args.notice,
    body: html`${form(
      args.target,
      {},
      html`${input({ name: "username", label: name.label, type: name.type, inputmode: name.inputmode, autocomplete: "username", value: args.username, autofocus: !args.username, invalid: Boolean(args.error), spellcheck: false })}
${input({ name: "password", label: "Password", type: "password", autocomplete: "current-password", autofocus: Boolean(args.username), invalid: Boolean(args.error) })}
${submitButton("Sign in", "signInSubmitButton")}`,
    )}
<p class="links center"><a href="${args.forgotPasswordUrl}">Forgot your password?</a></p>
${args.signUpUrl ? html`<p class="divider textDescription-customizable">Need an account? <a href="${args.signUpUrl}">Sign up</a></p>` : null}`,
  };
}

/** What a challenge page carries from one post to the next: the opaque, single-use sign-in session. */
export interface ChallengeFields {
  session: string;
  username: string;
}

export function newPasswordView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  requiredAttributes: string[];
  policy: PasswordPolicy;
  values?: Record<string, string>;
  error?: string | null;
  restartUrl: string;
}): PageContent {
  return {
    title: "Set a new password",
    error: args.error,
    body: html`<p class="textDescription-customizable">Your account needs a new password before you can sign in.</p>
${form(
  args.target,
  { ...args.challenge, requiredAttributeNames: args.requiredAttributes.join(" ") },
  html`${input({ name: "newPassword", label: "New password", type: "password", autocomplete: "new-password", autofocus: true, hint: passwordHint(args.policy), invalid: Boolean(args.error) })}
${input({ name: "confirmPassword", label: "Confirm new password", type: "password", autocomplete: "new-password" })}
${args.requiredAttributes.map((attribute) => attributeInput(attribute, args.values?.[attribute] ?? null))}
${submitButton("Set password and sign in")}`,
)}
<p class="links center"><a href="${args.restartUrl}">Start again</a></p>`,
  };
}

export type CodeChallenge = "SMS_MFA" | "EMAIL_OTP" | "SOFTWARE_TOKEN_MFA";

export function mfaCodeView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  challengeName: CodeChallenge;
  destination: string | null;
  deviceName: string | null;
  error?: string | null;
  restartUrl: string;
}): PageContent {
  const where =
    args.challengeName === "SOFTWARE_TOKEN_MFA"
      ? `Enter the 6-digit code your authenticator app${args.deviceName ? ` (${args.deviceName})` : ""} shows for this account.`
      : args.challengeName === "SMS_MFA"
        ? `We sent a code by text message${args.destination ? ` to ${args.destination}` : ""}.`
        : `We sent a code by email${args.destination ? ` to ${args.destination}` : ""}.`;
  return {
    title: args.challengeName === "SOFTWARE_TOKEN_MFA" ? "Enter your authenticator code" : "Enter your sign-in code",
    error: args.error,
    body: html`<p class="textDescription-customizable">${where}</p>
${form(
  args.target,
  { ...args.challenge, challengeName: args.challengeName, destination: args.destination, deviceName: args.deviceName },
  html`${codeInput({ invalid: Boolean(args.error) })}
${submitButton("Sign in")}`,
)}
<p class="links center"><a href="${args.restartUrl}">${args.challengeName === "SOFTWARE_TOKEN_MFA" ? "Start again" : "Didn’t get a code? Sign in again"}</a></p>`,
  };
}

const FACTOR_LABELS: Record<string, string> = {
  SMS_MFA: "Text message (SMS)",
  EMAIL_OTP: "Email",
  SOFTWARE_TOKEN_MFA: "Authenticator app",
};

export function selectMfaView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  choices: string[];
  error?: string | null;
  restartUrl: string;
}): PageContent {
  return {
    title: "Choose how to verify",
    error: args.error,
    body: html`${form(
      args.target,
      { ...args.challenge, choices: args.choices.join(" ") },
      html`<fieldset>
<legend class="label-customizable">How would you like to verify it’s you?</legend>
${args.choices.map(
  (
    choice,
    index,
  ) => html`<label class="choice label-customizable"><input type="radio" name="answer" value="${choice}"${index === 0 ? html` checked` : null}> ${FACTOR_LABELS[choice] ?? choice}</label>
`,
)}</fieldset>
${submitButton("Continue")}`,
    )}
<p class="links center"><a href="${args.restartUrl}">Start again</a></p>`,
  };
}

export function setupAuthenticatorView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  secretCode: string;
  qrCodePng: string;
  canUseEmail: boolean;
  error?: string | null;
  restartUrl: string;
}): PageContent {
  return {
    title: "Set up an authenticator app",
    error: args.error,
    body: html`<ol class="steps textDescription-customizable">
<li>Open an authenticator app on your phone.</li>
<li>Scan this QR code with it.</li>
<li>Enter the 6-digit code the app shows.</li>
</ol>
<img class="qr" src="${args.qrCodePng}" width="200" height="200" alt="QR code to add this account to an authenticator app">
<details><summary>Show secret key</summary><code class="secret">${args.secretCode}</code></details>
${form(
  args.target,
  {
    ...args.challenge,
    method: "SOFTWARE_TOKEN_MFA",
    secretCode: args.secretCode,
    qrCodePng: args.qrCodePng,
    canUseEmail: args.canUseEmail ? "true" : null,
  },
  html`${codeInput({ invalid: Boolean(args.error) })}
${input({ name: "deviceName", label: "Device name (optional)", required: false, autocomplete: "off", hint: "To tell your authenticators apart later." })}
${submitButton("Verify and sign in")}`,
)}
${args.canUseEmail ? html`<form class="links center" method="post" action="${args.target.action}">${hiddenFields({ [CSRF_FIELD]: args.target.csrf, ...args.challenge, method: "EMAIL_OTP" })}<button class="link-button" type="submit">Use email instead</button></form>` : null}
<p class="links center"><a href="${args.restartUrl}">Start again</a></p>`,
  };
}

export function setupEmailView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  email: string | null;
  error?: string | null;
  restartUrl: string;
}): PageContent {
  return {
    title: "Set up sign-in codes by email",
    error: args.error,
    body: html`<p class="textDescription-customizable">Your account needs a second step at sign-in. We’ll send a code to this address each time you sign in.</p>
${form(
  args.target,
  { ...args.challenge, method: "EMAIL_OTP" },
  html`${attributeInput("email", args.email, { name: "email", autofocus: true, invalid: Boolean(args.error) })}
${submitButton("Send code")}`,
)}
<p class="links center"><a href="${args.restartUrl}">Start again</a></p>`,
  };
}
