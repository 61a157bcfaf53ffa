import { invalidParameter } from "../errors.js";

/**
 * The CSS of SetUICustomization (reference-oauth §8.4) is inlined into the sign-in pages inside a
 * <style> element under a strict Content-Security-Policy. It is checked against a whitelist grammar,
 * not cleaned: only rules on Cognito's customizable classes, with plain `property: value` declarations.
 * Whatever could end the <style> element (`<`), hide a token (`\` escapes), load anything (`url(`, `@import`),
 * run anything (`expression(`, `behavior:`, `-moz-binding`, `javascript:`) or reach beyond the page's own
 * elements (any other selector) is refused. No CSS parser is a runtime dependency of the gateway, and a
 * grammar this small is easier to prove safe than a general parser's output.
 *
 * Strings and comments are told apart in ONE left-to-right pass, as a browser's tokenizer does: a `/*`
 * inside a quoted name is text, a quote inside a comment is comment. (Stripping comments first and reading
 * strings afterwards let `font-family:"/*"}*{display:none}…"*\/"` pass while the browser saw `*{…}`.) And the
 * pages never render the text as given: they render renderableCustomizationCss, a re-serialisation of the
 * parsed rules, in which comments are gone and every token is one this grammar produced.
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
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  "rgb",
  "rgba",
  "hsl",
  "hsla",
  "calc",
  "linear-gradient",
  "radial-gradient",
  "repeating-linear-gradient",
]);

/** Checked on the text as given (inside strings and comments too) and again on what the pages render. */
const FORBIDDEN: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /</, reason: "must not contain <" },
  { pattern: /\\/, reason: "must not contain escapes (\\)" },
  { pattern: /@([a-z-]*)/i, reason: "must not contain at-rules (@import, @media, @supports, @page…)" },
  { pattern: /url\s*\(/i, reason: "must not load anything: url() is not allowed (use none)" },
  { pattern: /expression\s*\(/i, reason: "must not contain expression()" },
  { pattern: /javascript\s*:/i, reason: "must not contain javascript:" },
  { pattern: /behavior\s*:/i, reason: "must not contain behavior:" },
  { pattern: /-moz-binding/i, reason: "must not contain -moz-binding" },
  {
    pattern: /image-set\s*\(|image\s*\(|element\s*\(|src\s*\(/i,
    reason: "must not reference images (image(), image-set(), element(), src())",
  },
];

const fail = (reason: string): never => {
  throw invalidParameter(`CSS ${reason}.`);
};

type Token =
  /** Whitespace or a comment: both only separate tokens. */
  | { kind: "space" }
  /** A quoted name's content, without its quotes. */
  | { kind: "string"; value: string }
  | { kind: "ident" | "number" | "hash" | "delim"; text: string };

/** What a quoted name (a font family) may hold: no quote, escape, bracket, comment marker or line break. */
const STRING_CONTENT = /^[A-Za-z0-9 _.,&+-]*$/;
const HASH = /#[0-9a-f]{3,8}(?![\w-])/iy;
/** A number with its unit, which (as in CSS) runs on as identifier characters do: `1px-2` is one token. */
const NUMBER = /[+-]?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?(%|[a-z_][\w-]*)?/iy;
/** ASCII identifiers as CSS reads them: `--x` is one, as is `-moz-x`, `a1` or `_x`. */
const IDENT = /(--|-?[a-z_])[\w-]*/iy;
const WHITESPACE = /[ \t\n\r\f]+/y;

function matchAt(pattern: RegExp, css: string, index: number): string | null {
  pattern.lastIndex = index;
  return pattern.exec(css)?.[0] ?? null;
}

/** The whole text in one pass; every character belongs to exactly one token (or comment). */
function tokenize(css: string): Token[] {
  const tokens: Token[] = [];
  const pushSpace = () => {
    if (tokens.at(-1)?.kind !== "space") tokens.push({ kind: "space" });
  };
  let index = 0;
  while (index < css.length) {
    const char = css[index]!;
    const space = matchAt(WHITESPACE, css, index);
    if (space) {
      pushSpace();
      index += space.length;
      continue;
    }
    if (css.startsWith("/*", index)) {
      const end = css.indexOf("*/", index + 2);
      if (end === -1) fail("has a comment that is never closed");
      // A comment separates what is on either side of it: `ur/**/l(` is `ur` and `l(`, never `url(`.
      pushSpace();
      index = end + 2;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = css.indexOf(char, index + 1);
      const value = end === -1 ? null : css.slice(index + 1, end);
      if (value === null || /[\n\r\f]/.test(value)) fail("has a quoted name that is never closed");
      if (!STRING_CONTENT.test(value!))
        fail(
          `may only quote names of letters, digits, spaces and - _ . , & +; got ${JSON.stringify(value!.slice(0, 60))}`,
        );
      tokens.push({ kind: "string", value: value! });
      index = end + 1;
      continue;
    }
    const hash = matchAt(HASH, css, index);
    const number = hash ? null : matchAt(NUMBER, css, index);
    const ident = hash || number ? null : matchAt(IDENT, css, index);
    const kind = hash ? "hash" : number ? "number" : ident ? "ident" : "delim";
    const text = hash ?? number ?? ident ?? char;
    tokens.push({ kind, text });
    index += text.length;
  }
  return tokens;
}

/** A token as the pages write it: strings always in double quotes (their content has none). */
const textOf = (token: Token): string =>
  token.kind === "space" ? " " : token.kind === "string" ? `"${token.value}"` : token.text;
const isDelim = (token: Token | undefined, text: string): boolean => token?.kind === "delim" && token.text === text;

function trimSpaces(tokens: readonly Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && tokens[start]!.kind === "space") start++;
  while (end > start && tokens[end - 1]!.kind === "space") end--;
  return tokens.slice(start, end);
}

const serialize = (tokens: readonly Token[]): string => trimSpaces(tokens).map(textOf).join("");

/** Splits at a delimiter token (`,` between selectors, `;` between declarations). */
function splitAt(tokens: readonly Token[], delim: string): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (isDelim(token, delim)) parts.push([]);
    else parts.at(-1)!.push(token);
  }
  return parts;
}

/** One declaration value: identifiers, numbers, colours, quoted names, separators and allowed functions. */
function checkValue(property: string, tokens: readonly Token[]): string {
  const value = trimSpaces(tokens);
  if (value.length === 0) fail(`gives ${property} no value`);
  let depth = 0;
  let result = "";
  for (let index = 0; index < value.length; index++) {
    const token = value[index]!;
    if (token.kind === "ident" && isDelim(value[index + 1], "(")) {
      if (!ALLOWED_FUNCTIONS.has(token.text.toLowerCase())) fail(`may not call ${token.text}() (in ${property})`);
      depth++;
      result += `${token.text}(`;
      index++;
      continue;
    }
    const next = value[index + 1];
    if (isDelim(token, "!") && next?.kind === "ident" && next.text.toLowerCase() === "important") {
      result += "!important";
      index++;
      continue;
    }
    if (token.kind === "delim") {
      if (token.text === ")") {
        if (depth === 0) fail(`has an unbalanced ) in ${property}`);
        depth--;
      } else if (!",/+-*".includes(token.text)) {
        fail(`has an unexpected ${JSON.stringify(token.text)} in the value of ${property}`);
      }
    }
    result += textOf(token);
  }
  if (depth !== 0) fail(`has an unclosed ( in ${property}`);
  return result;
}

const PROPERTY = /^-?[a-z][a-z0-9-]*$/;

function checkDeclarations(block: readonly Token[]): string[] {
  const declarations: string[] = [];
  for (const declaration of splitAt(block, ";")) {
    if (trimSpaces(declaration).length === 0) continue;
    const colon = declaration.findIndex((token) => isDelim(token, ":"));
    if (colon === -1) fail(`has a declaration without a colon: ${JSON.stringify(serialize(declaration).slice(0, 60))}`);
    const property = serialize(declaration.slice(0, colon)).toLowerCase();
    if (!PROPERTY.test(property)) fail(`has an invalid property name ${JSON.stringify(property.slice(0, 60))}`);
    declarations.push(`${property}:${checkValue(property, declaration.slice(colon + 1))}`);
  }
  return declarations;
}

function checkSelectors(prelude: readonly Token[]): string[] {
  return splitAt(prelude, ",").map((tokens) => {
    const selector = serialize(tokens);
    if (!CUSTOMIZABLE_SELECTORS.has(selector)) {
      fail(
        `may only style Cognito's customizable classes (${[...CUSTOMIZABLE_SELECTORS].join(", ")}); got ${JSON.stringify(selector.slice(0, 60))}`,
      );
    }
    return selector;
  });
}

/** The rules, re-serialised from their tokens: `selector,selector{property:value;…}`, one a line. */
function parseRules(tokens: readonly Token[]): string {
  const rules: string[] = [];
  let index = 0;
  while (trimSpaces(tokens.slice(index)).length > 0) {
    const open = tokens.findIndex((token, at) => at >= index && (isDelim(token, "{") || isDelim(token, "}")));
    if (open === -1 || isDelim(tokens[open], "}")) fail("has text outside a rule, or an unmatched }");
    const close = tokens.findIndex((token, at) => at > open && (isDelim(token, "{") || isDelim(token, "}")));
    if (close === -1) fail("has a rule that is never closed");
    if (isDelim(tokens[close], "{")) fail("may not nest rules");
    const selectors = checkSelectors(tokens.slice(index, open));
    rules.push(`${selectors.join(",")}{${checkDeclarations(tokens.slice(open + 1, close)).join(";")}}`);
    index = close + 1;
  }
  return rules.join("\n");
}

/**
 * Checks SetUICustomization CSS and returns what the sign-in pages may render: the parsed rules
 * re-serialised, never the text as given.
 * @throws InvalidParameterException naming the first thing refused
 */
export function renderableCustomizationCss(css: string): string {
  if (Buffer.byteLength(css, "utf8") > MAX_CSS_BYTES) fail(`must be at most ${MAX_CSS_BYTES} bytes`);
  // Printable ASCII and line breaks only: no control characters, no look-alike Unicode.
  if (/[^\x20-\x7E\t\n\r]/.test(css)) fail("may only contain printable ASCII characters");
  for (const { pattern, reason } of FORBIDDEN) if (pattern.test(css)) fail(reason);
  const rendered = parseRules(tokenize(css));
  // Defence in depth: the re-serialisation is made of checked tokens, but what is rendered is checked too.
  for (const { pattern, reason } of FORBIDDEN) if (pattern.test(rendered)) fail(reason);
  return rendered;
}

/**
 * Checks SetUICustomization CSS; returns it unchanged when it conforms (GetUICustomization answers it as
 * given, as Cognito does; the pages render renderableCustomizationCss of it).
 * @throws InvalidParameterException naming the first thing refused
 */
export function validateCustomizationCss(css: string): string {
  renderableCustomizationCss(css);
  return css;
}
