import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { isCognitoError } from "../../src/core/errors.js";
import { validateCustomizationCss } from "../../src/core/oauth/ui-css.validation.js";

const ALLOWED_SELECTORS = new Set([
  ".background-customizable", ".banner-customizable", ".errorMessage-customizable", ".idpButton-customizable", ".idpButton-customizable:hover",
  ".inputField-customizable", ".inputField-customizable:focus", ".label-customizable", ".legalText-customizable", ".logo-customizable",
  ".submitButton-customizable", ".submitButton-customizable:hover", ".textDescription-customizable",
]);

const ALLOWED_FUNCTIONS = new Set(["rgb", "rgba", "hsl", "hsla", "calc", "linear-gradient", "radial-gradient", "repeating-linear-gradient"]);

const accepts = (css: string): boolean => {
  try {
    validateCustomizationCss(css);
    return true;
  } catch (error) {
    if (!isCognitoError(error) || error.code !== "InvalidParameterException") throw error;
    return false;
  }
};

/**
 * What a browser would make of accepted CSS, read by an independent parser (postcss, a dev dependency):
 * only rules on the customizable classes, no at-rule, nothing that loads or runs.
 */
function expectHarmless(css: string): void {
  const root = postcss.parse(css);
  root.walk((node) => {
    if (node.type === "atrule") throw new Error(`at-rule accepted: ${css}`);
    if (node.type === "rule") for (const selector of node.selectors) expect(ALLOWED_SELECTORS.has(selector.trim()), `selector ${selector} in ${css}`).toBe(true);
    if (node.type === "decl") {
      expect(["behavior", "-moz-binding"]).not.toContain(node.prop.toLowerCase());
      expect(node.value).not.toMatch(/javascript:|[<\\@]/i);
      // Only the colour, gradient and arithmetic functions: nothing that fetches (url, image, image-set…).
      for (const [, name] of node.value.matchAll(/([\w-]*)\s*\(/g)) expect(ALLOWED_FUNCTIONS.has(name!.toLowerCase()), `${name}( in ${css}`).toBe(true);
    }
  });
  expect(css).not.toMatch(/<\/?style/i);
}

/** A seeded generator, so a failure is reproducible. */
function createRandom(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

describe("SetUICustomization CSS whitelist", () => {
  it.each([
    "",
    ".banner-customizable { background-color: #1a2b3c; }",
    ".submitButton-customizable:hover{color:white;background:linear-gradient(90deg, rgb(0,0,0) 0%, #fff 100%)!important}",
    ".label-customizable, .legalText-customizable { font-family: 'Open Sans', \"Helvetica Neue\", sans-serif; margin: -2px 0 calc(1em + 2px) 0; }",
    "/* brand */ .logo-customizable { max-width: 60%; background-image: none; }",
    ".inputField-customizable:focus { border: 1px solid hsla(210, 50%, 40%, 0.5);; }",
  ])("accepts %j", (css) => {
    expect(validateCustomizationCss(css)).toBe(css);
    expectHarmless(css);
  });

  it.each([
    ["@import url(x);"],
    ["@media print { .banner-customizable { color: red } }"],
    ["@supports (display: grid) { .banner-customizable { color: red } }"],
    ["@page { margin: 0 }"],
    [".banner-customizable { background: url(https://evil.example/a.png) }"],
    [".banner-customizable { background: URL ( x ) }"],
    [".banner-customizable { background: image-set('a.png' 1x) }"],
    [".banner-customizable { width: expression(alert(1)) }"],
    [".banner-customizable { color: red } </style><script>alert(1)</script>"],
    [".banner-customizable { content: '</style>' }"],
    [".banner-customizable { behavior: url(x.htc) }"],
    [".banner-customizable { -moz-binding: url(x.xml#y) }"],
    [".banner-customizable { background: \\75rl(x) }"],
    [".banner-customizable { color: red } javascript:alert(1)"],
    ["body { display: none }"],
    ["* { display: none }"],
    [".banner-customizable, body { color: red }"],
    [".banner-customizable > a { color: red }"],
    [".banner-customizable:hover { color: red }"],
    [".banner-customizable::before { content: 'x' }"],
    ["[class] { color: red }"],
    [".banner-customizable { color: red; { nested: 1 } }"],
    [".banner-customizable { color: red } }"],
    [".banner-customizable { color }"],
    [".banner-customizable { color: ; }"],
    [".banner-customizable { color: attr(title) }"],
    [".banner-customizable { color: var(--x) }"],
    [".banner-customizable { color: red ) }"],
    [".banner-customizable { color: rgb(0,0,0 }"],
    [".banner-customizable { font-family: 'a\"b' }"],
    [".banner-customizable { color: red /* never closed"],
    [".banner-customizable { color: r\u0435d }"],
    [".banner-customizable { color: red\u0000 }"],
    [`.banner-customizable { ${"margin: 0; ".repeat(400)} }`],
  ])("refuses %j", (css) => {
    expect(accepts(css)).toBe(false);
  });

  it("accepts nothing an independent parser reads as harmful, over 20,000 generated style sheets", () => {
    const random = createRandom(15);
    const pieces = [
      ".banner-customizable", ".submitButton-customizable:hover", ".logo-customizable", "body", "*", ".x", ", ", " ", "{", "}", ";", ":",
      "color", "background", "red", "#fff", "1px", "rgb(", ")", "(", "'Open Sans'", "\"", "'", "url(", "u", "rl", "(x)", "/*", "*/", "@media", "@",
      "<", "/", "</style>", "\\", "expression(", "java", "script:", "behavior", "-moz-binding", "!important", "calc(", "+", "-", "*", "%", "\n",
      "attr(", "image(", "var(", "--x", "none", "linear-gradient(", ",", ">", "~", "[", "]", "::", "e", "l(",
    ];
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      let css = "";
      const length = 1 + random(24);
      for (let index = 0; index < length; index++) css += pieces[random(pieces.length)];
      if (random(3) === 0) css = `.banner-customizable { color: ${css} }`;
      if (accepts(css)) {
        accepted++;
        expectHarmless(css);
      }
    }
    // The generator must reach the accepting side too, or the property proves nothing.
    expect(accepted).toBeGreaterThan(100);
  });
});
