import { invalidParameter } from "../errors.js";

/**
 * The CSS of SetUICustomization (reference-oauth §8.4) is inlined into the sign-in pages inside a
 * <style> element under a strict Content-Security-Policy. It is checked against a whitelist grammar,
 * not cleaned: only rules on Cognito's customizable classes, with plain `property: value` declarations.
 * Whatever could end the <style> element (`<`), hide a token (`\` escapes), load anything (`url(`, `@import`),
 * run anything (`expression(`, `behavior:`, `-moz-binding`, `javascript:`) or reach beyond the page's own
 * elements (any other selector) is refused. No CSS parser is a runtime dependency of the gateway, and a
 * grammar this small is easier to prove safe than a general parser's output.
 */

/** Cognito's limit is "about 3 KB"; counted in UTF-8 bytes (the text is ASCII anyway). */
export const MAX_CSS_BYTES = 3072;

/** Cognito's customizable classes, with the one pseudo-class each may take (DG cognito-user-pools-app-ui-customization). */
const CUSTOMIZABLE_SELECTORS: ReadonlySet<string> = new Set([
  ".background-customizable",
  ".banner-customizable",
  ".errorMessage-customizable",
  ".idpButton-customizable",
  ".idpButton-customizable:hover",
  ".inputField-customizable",
  ".inputField-customizable:focus",
  ".label-customizable",
  ".legalText-customizable",
  ".logo-customizable",
  ".submitButton-customizable",
  ".submitButton-customizable:hover",
  ".textDescription-customizable",
]);

/** Functions a value may call: colours, gradients and arithmetic; nothing that fetches or runs. */
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(["rgb", "rgba", "hsl", "hsla", "calc", "linear-gradient", "radial-gradient", "repeating-linear-gradient"]);

/** Checked on the text with comments removed too, so `ur/**\/l(` cannot hide a `url(`. */
const FORBIDDEN: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /</, reason: "must not contain <" },
  { pattern: /\\/, reason: "must not contain escapes (\\)" },
  { pattern: /@([a-z-]*)/i, reason: "must not contain at-rules (@import, @media, @supports, @page…)" },
  { pattern: /url\s*\(/i, reason: "must not load anything: url() is not allowed (use none)" },
  { pattern: /expression\s*\(/i, reason: "must not contain expression()" },
  { pattern: /javascript\s*:/i, reason: "must not contain javascript:" },
  { pattern: /behavior\s*:/i, reason: "must not contain behavior:" },
  { pattern: /-moz-binding/i, reason: "must not contain -moz-binding" },
  { pattern: /image-set\s*\(|image\s*\(|element\s*\(|src\s*\(/i, reason: "must not reference images (image(), image-set(), element(), src())" },
];

const fail = (reason: string): never => {
  throw invalidParameter(`CSS ${reason}.`);
};

function stripComments(css: string): string {
  let result = "";
  let index = 0;
  while (index < css.length) {
    const start = css.indexOf("/*", index);
    if (start === -1) return result + css.slice(index);
    const end = css.indexOf("*/", start + 2);
    if (end === -1) fail("has a comment that is never closed");
    result += `${css.slice(index, start)} `;
    index = end + 2;
  }
  return result;
}

const PROPERTY = /^-?[a-z][a-z0-9-]*$/;
const IDENT = /^-?[a-z_][a-z0-9_-]*/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(%|[a-z]+)?/i;
const HASH = /^#[0-9a-f]{3,8}\b/i;
/** Quoted text (a font name): no quote of the other kind, no brackets, braces, semicolons or line breaks. */
const STRING = /^("[^"'\n\r{}();<>]*"|'[^"'\n\r{}();<>]*')/;

/** One declaration value: identifiers, numbers, colours, quoted names, separators and allowed functions. */
function checkValue(property: string, value: string): void {
  if (value.trim() === "") fail(`gives ${property} no value`);
  let rest = value;
  let depth = 0;
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    if (rest.startsWith("!important")) {
      rest = rest.slice("!important".length);
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      rest = rest.slice(ident[0].length);
      if (rest.startsWith("(")) {
        if (!ALLOWED_FUNCTIONS.has(ident[0].toLowerCase())) fail(`may not call ${ident[0]}() (in ${property})`);
        depth++;
        rest = rest.slice(1);
      }
      continue;
    }
    const token = HASH.exec(rest) ?? NUMBER.exec(rest) ?? STRING.exec(rest);
    if (token) {
      rest = rest.slice(token[0].length);
      continue;
    }
    const char = rest[0]!;
    if (char === ")") {
      if (depth === 0) fail(`has an unbalanced ) in ${property}`);
      depth--;
    } else if (!",/+-*".includes(char)) {
      fail(`has an unexpected ${JSON.stringify(char)} in the value of ${property}`);
    }
    rest = rest.slice(1);
  }
  if (depth !== 0) fail(`has an unclosed ( in ${property}`);
}

function checkDeclarations(block: string): void {
  for (const declaration of block.split(";")) {
    if (declaration.trim() === "") continue;
    const colon = declaration.indexOf(":");
    if (colon === -1) fail(`has a declaration without a colon: ${JSON.stringify(declaration.trim().slice(0, 60))}`);
    const property = declaration.slice(0, colon).trim().toLowerCase();
    if (!PROPERTY.test(property)) fail(`has an invalid property name ${JSON.stringify(property.slice(0, 60))}`);
    checkValue(property, declaration.slice(colon + 1));
  }
}

function checkSelectors(selectorList: string): void {
  for (const raw of selectorList.split(",")) {
    const selector = raw.trim();
    if (!CUSTOMIZABLE_SELECTORS.has(selector)) {
      fail(`may only style Cognito's customizable classes (${[...CUSTOMIZABLE_SELECTORS].join(", ")}); got ${JSON.stringify(selector.slice(0, 60))}`);
    }
  }
}

/**
 * Checks SetUICustomization CSS; returns it unchanged when it conforms.
 * @throws InvalidParameterException naming the first thing refused
 */
export function validateCustomizationCss(css: string): string {
  if (Buffer.byteLength(css, "utf8") > MAX_CSS_BYTES) fail(`must be at most ${MAX_CSS_BYTES} bytes`);
  // Printable ASCII and line breaks only: no control characters, no look-alike Unicode.
  if (/[^\x20-\x7E\t\n\r]/.test(css)) fail("may only contain printable ASCII characters");
  for (const text of [css, stripComments(css)]) {
    for (const { pattern, reason } of FORBIDDEN) if (pattern.test(text)) fail(reason);
  }
  let rest = stripComments(css);
  while (rest.trim() !== "") {
    const open = rest.indexOf("{");
    const close = rest.indexOf("}");
    if (open === -1 || (close !== -1 && close < open)) fail("has text outside a rule, or an unmatched }");
    if (close === -1) fail("has a rule that is never closed");
    checkSelectors(rest.slice(0, open));
    const block = rest.slice(open + 1, close);
    if (block.includes("{")) fail("may not nest rules");
    checkDeclarations(block);
    rest = rest.slice(close + 1);
  }
  return css;
}
