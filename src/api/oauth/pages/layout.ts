import type { UiCustomization } from "../../../core/oauth/ui-customization.types.js";
import { html, trustedHtml, type Html } from "./html.js";
import { PASSKEY_JS_PATH, PASSKEY_JS_VERSION } from "./passkey-script.js";
import { LOGIN_CSS_PATH, LOGIN_CSS_VERSION } from "./styles.js";

/** What every page shares: where it lives, how it is branded, and its CSRF token. */
export interface PageFrame {
  basePath: string;
  nonce: string;
  poolName: string | null;
  branding: UiCustomization | null;
}

export interface PageContent {
  /** The page's own name; the title reads "<title> – <pool>". */
  title: string;
  /** What went wrong, in words a person understands (role="alert"). */
  error?: string | null;
  /** A good outcome of the previous step ("Your account is confirmed"). */
  notice?: string | null;
  body: Html;
  /** The page runs the passkey script (passkey-script.ts): its CSP then allows exactly that script. */
  usesPasskeyScript?: boolean;
}

/**
 * The pool's CSS in a <style>: SetUICustomization accepts only Cognito's classes, and whatever it holds
 * cannot end the element early (no `<` survives), so it styles the page and does nothing else.
 */
const brandingCss = (css: string): Html => trustedHtml(css.replace(/</g, "\\3c "));

const logoOf = (branding: UiCustomization | null): string | null =>
  branding?.imageBase64 && branding.imageContentType
    ? `data:${branding.imageContentType};base64,${branding.imageBase64}`
    : null;

export function renderPage(frame: PageFrame, content: PageContent): string {
  const logo = logoOf(frame.branding);
  const title = frame.poolName ? `${content.title} – ${frame.poolName}` : content.title;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${frame.basePath}${LOGIN_CSS_PATH}?v=${LOGIN_CSS_VERSION}">
${frame.branding?.css ? html`<style nonce="${frame.nonce}">${brandingCss(frame.branding.css)}</style>` : null}
${content.usesPasskeyScript ? html`<script src="${frame.basePath}${PASSKEY_JS_PATH}?v=${PASSKEY_JS_VERSION}" nonce="${frame.nonce}" defer></script>` : null}
</head>
<body>
<div class="background-customizable">
<main class="card">
${
  logo || frame.poolName
    ? html`<div class="banner-customizable">
${logo ? html`<img class="logo-customizable" src="${logo}" alt="${frame.poolName ?? "Logo"}">` : html`<p class="pool-name">${frame.poolName}</p>`}
</div>`
    : null
}
<div class="content">
<h1>${content.title}</h1>
${content.notice ? html`<p class="notice" role="status">${content.notice}</p>` : null}
${content.error ? html`<div class="errorMessage-customizable" role="alert" id="error-summary">${content.error}</div>` : null}
${content.body}
</div>
</main>
</div>
</body>
</html>
`;
  return page.value;
}

/** Hidden fields every form carries. */
export const hiddenFields = (fields: Record<string, string | null | undefined>): Html =>
  html`${Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string")
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`)}`;

export interface InputOptions {
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  autocomplete?: string;
  inputmode?: string;
  required?: boolean;
  autofocus?: boolean;
  hint?: string | null;
  pattern?: string;
  maxlength?: number;
  invalid?: boolean;
  className?: string;
  spellcheck?: boolean;
}

/** A labelled input: the label is bound by id, the hint by aria-describedby. */
export function input(options: InputOptions): Html {
  // Names are unique within a page, so they make unique ids.
  const id = `field-${options.name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const hintId = options.hint ? `${id}-hint` : null;
  return html`<div class="field">
<label class="label-customizable" for="${id}">${options.label}</label>
<input class="inputField-customizable${options.className ? ` ${options.className}` : ""}" id="${id}" name="${options.name}" type="${options.type ?? "text"}"${options.value ? html` value="${options.value}"` : null}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : null}${options.inputmode ? html` inputmode="${options.inputmode}"` : null}${options.pattern ? html` pattern="${options.pattern}"` : null}${options.maxlength ? html` maxlength="${options.maxlength}"` : null}${options.required === false ? null : trustedHtml(" required")}${options.autofocus ? trustedHtml(" autofocus") : null}${options.spellcheck === false ? trustedHtml(' spellcheck="false" autocapitalize="none"') : null}${options.invalid ? html` aria-invalid="true" aria-describedby="error-summary${hintId ? ` ${hintId}` : ""}"` : hintId ? html` aria-describedby="${hintId}"` : null}>
${options.hint ? html`<span class="hint" id="${hintId}">${options.hint}</span>` : null}
</div>`;
}

export const submitButton = (label: string, name?: string): Html =>
  html`<button class="submitButton-customizable" type="submit"${name ? html` name="${name}" value="${name}"` : null}>${label}</button>`;
