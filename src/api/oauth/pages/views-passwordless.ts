import type { UsernameAttribute } from "../../../core/pools/user-pool.types.js";
import { codeInput, usernameField } from "./fields.js";
import { html, trustedHtml, type Html } from "./html.js";
import { hiddenFields, input, submitButton, type PageContent } from "./layout.js";
import { CSRF_FIELD } from "./security.js";
import type { ChallengeFields, FormTarget } from "./views-sign-in.js";

/**
 * The pages of choice-based sign-in (managed login v2 with a passwordless SignInPolicy, reference-oauth
 * §8.1, §13): the name first, then the user's ways in, a code, a password or a passkey; and /passkeys/add.
 */

const form = (
  target: FormTarget,
  fields: Record<string, string | null | undefined>,
  body: Html,
  attributes: Html | null = null,
): Html =>
  html`<form method="post" action="${target.action}"${attributes}>
${hiddenFields({ [CSRF_FIELD]: target.csrf, ...target.hidden, ...fields })}${body}
</form>`;

/** The factors as a person reads them, in the order they are offered (a passkey first, a password last). */
export const FACTOR_CHOICES = [
  { answer: "WEB_AUTHN", label: "Sign in with a passkey" },
  { answer: "EMAIL_OTP", label: "Email me a code" },
  { answer: "SMS_OTP", label: "Text me a code" },
  { answer: "PASSWORD", label: "Use my password" },
] as const;
export type FactorAnswer = (typeof FACTOR_CHOICES)[number]["answer"];

/** "Choose another way": the name posted to /login again, which shows the user's choices anew. */
export const otherWaysForm = (target: FormTarget, username: string, label = "Choose another way to sign in"): Html =>
  html`<form class="links center" method="post" action="${target.action}">${hiddenFields({ [CSRF_FIELD]: target.csrf, username })}<button class="link-button" type="submit">${label}</button></form>`;

const signedInAs = (username: string, restartUrl: string): Html =>
  html`<p class="signing-in-as textDescription-customizable">Signing in as <strong>${username}</strong> · <a href="${restartUrl}">Not you?</a></p>`;

/** /login of a choice-based pool: the name only (the ways in depend on the user). */
export function usernameFirstView(args: {
  target: FormTarget;
  usernameAttributes: readonly UsernameAttribute[];
  username: string | null;
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
      html`${input({ name: "username", label: name.label, type: name.type, inputmode: name.inputmode, autocomplete: "username webauthn", value: args.username, autofocus: true, invalid: Boolean(args.error), spellcheck: false })}
${submitButton("Next", "nextButton")}`,
    )}
${args.signUpUrl ? html`<p class="divider textDescription-customizable">Need an account? <a href="${args.signUpUrl}">Sign up</a></p>` : null}`,
  };
}

/** SELECT_CHALLENGE: one button per factor the user may use (PASSWORD_SRP needs a client library: not offered here). */
export function chooseFactorView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  choices: readonly string[];
  error?: string | null;
  restartUrl: string;
}): PageContent {
  const offered = FACTOR_CHOICES.filter((choice) => args.choices.includes(choice.answer));
  return {
    title: "Choose how to sign in",
    error: args.error,
    body: html`${signedInAs(args.challenge.username, args.restartUrl)}
${form(
  args.target,
  { ...args.challenge, choices: offered.map((choice) => choice.answer).join(" ") },
  html`<div class="factors" role="group" aria-label="Ways to sign in">
${offered.map(
  (
    choice,
  ) => html`<button class="factor-button" type="submit" name="answer" value="${choice.answer}">${choice.label}</button>
`,
)}</div>`,
)}`,
  };
}

/** The password, for the name already given: posted to /login as the classic form posts it. */
export function passwordStepView(args: {
  target: FormTarget;
  username: string;
  forgotPasswordUrl: string;
  otherWays: FormTarget | null;
  error?: string | null;
  restartUrl: string;
}): PageContent {
  return {
    title: "Enter your password",
    error: args.error,
    body: html`${signedInAs(args.username, args.restartUrl)}
${form(
  args.target,
  { username: args.username },
  html`${input({ name: "password", label: "Password", type: "password", autocomplete: "current-password", autofocus: true, invalid: Boolean(args.error) })}
${submitButton("Sign in", "signInSubmitButton")}`,
)}
<p class="links center"><a href="${args.forgotPasswordUrl}">Forgot your password?</a></p>
${args.otherWays ? otherWaysForm(args.otherWays, args.username) : null}`,
  };
}

export type OtpFactor = "EMAIL_OTP" | "SMS_OTP";

/** The 8-digit code of an EMAIL_OTP / SMS_OTP first factor (reference-oauth §13.3), posted to the MFA code page's handler. */
export function otpCodeView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  factor: OtpFactor;
  destination: string | null;
  otherWays: FormTarget;
  error?: string | null;
}): PageContent {
  const sent =
    args.factor === "SMS_OTP"
      ? `We sent an 8-digit code by text message${args.destination ? ` to ${args.destination}` : ""}.`
      : `We sent an 8-digit code by email${args.destination ? ` to ${args.destination}` : ""}.`;
  return {
    title: "Enter your sign-in code",
    error: args.error,
    body: html`<p class="textDescription-customizable">${sent}</p>
${form(
  args.target,
  { ...args.challenge, challengeName: args.factor, destination: args.destination, firstFactor: "1" },
  html`${codeInput({ invalid: Boolean(args.error) })}
${submitButton("Sign in")}`,
)}
${otherWaysForm(args.otherWays, args.challenge.username, "Didn’t get a code? Choose another way")}`,
  };
}

/** A first-factor code session that is over (used, expired, too many wrong codes): the user's ways in again, for the same name. */
export function chooseAgainView(args: { message: string; otherWays: FormTarget; username: string }): PageContent {
  return {
    title: "Sign in again",
    body: html`<p class="textDescription-customizable">${args.message}</p>
${form(args.otherWays, { username: args.username }, submitButton("Choose how to sign in"))}`,
  };
}

/** Messages the script shows or hides; drawn here so that the script writes no markup. */
const passkeyStatus = (waiting: string, failed: string, already: string | null): Html =>
  html`<p class="textDescription-customizable" id="passkey-waiting" role="status" hidden>${waiting}</p>
<div class="errorMessage-customizable" id="passkey-error" role="alert"${already ? html` data-already="${already}"` : null} hidden>${failed}</div>
<noscript><p class="textDescription-customizable">Passkeys need JavaScript in this browser. You can choose another way to sign in.</p></noscript>`;

/** The WEB_AUTHN challenge: the script asks the browser for the passkey and posts the answer in `credential`. */
export function passkeySignInView(args: {
  target: FormTarget;
  challenge: ChallengeFields;
  requestOptionsJson: string;
  otherWays: FormTarget;
  error?: string | null;
}): PageContent {
  return {
    title: "Sign in with a passkey",
    error: args.error,
    usesPasskeyScript: true,
    body: html`<p class="textDescription-customizable">Use the passkey saved on this device, your phone or your security key.</p>
${passkeyStatus("Follow your browser’s prompt to use your passkey.", "The passkey wasn’t used. Try again, or choose another way to sign in.", null)}
${form(args.target, { ...args.challenge, credential: "" }, html`${submitButton("Use my passkey")}`, html` data-passkey="get" data-autostart="true" data-options="${args.requestOptionsJson}"`)}
${otherWaysForm(args.otherWays, args.challenge.username)}`,
  };
}

/** /passkeys/add: CredentialCreationOptions for the signed-in user; "Not now" goes on to the app. */
export function addPasskeyView(args: {
  target: FormTarget;
  username: string;
  creationOptionsJson: string;
  error?: string | null;
}): PageContent {
  return {
    title: "Add a passkey",
    error: args.error,
    usesPasskeyScript: true,
    body: html`<p class="textDescription-customizable">Sign in next time with your fingerprint, face or screen lock instead of a password or a code. The passkey is saved for <strong>${args.username}</strong>.</p>
${passkeyStatus("Follow your browser’s prompt to create the passkey.", "The passkey wasn’t created. Try again, or continue without one.", "This device already has a passkey for your account.")}
${form(args.target, { credential: "" }, html`${submitButton("Add a passkey")}`, html` data-passkey="create" data-options="${args.creationOptionsJson}"`)}
${form(args.target, { skip: "1" }, trustedHtml('<button class="link-button" type="submit">Not now</button>'), html` class="links center"`)}`,
  };
}

/** After /passkeys/add (added, or refused for a reason the person cannot fix here): on to the app. */
export function passkeyOutcomeView(args: {
  target: FormTarget;
  title: string;
  message: string;
  error?: string | null;
}): PageContent {
  return {
    title: args.title,
    error: args.error,
    body: html`<p class="textDescription-customizable">${args.message}</p>
${form(args.target, { skip: "1" }, submitButton("Continue"))}`,
  };
}
