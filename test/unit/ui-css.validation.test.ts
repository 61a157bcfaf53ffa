import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { isCognitoError } from "../../src/core/errors.js";
import { renderableCustomizationCss, validateCustomizationCss } from "../../src/core/oauth/ui-css.validation.js";

const ALLOWED_SELECTORS = new Set([
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

const ALLOWED_FUNCTIONS = new Set([
  "rgb",
  "rgba",
  "hsl",
  "hsla",
  "calc",
  "linear-gradient",
  "radial-gradient",
  "repeating-linear-gradient",
]);

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
    if (node.type === "rule")
      for (const selector of node.selectors)
        expect(ALLOWED_SELECTORS.has(selector.trim()), `selector ${selector} in ${css}`).toBe(true);
    if (node.type === "decl") {
      expect(["behavior", "-moz-binding"]).not.toContain(node.prop.toLowerCase());
      expect(node.value).not.toMatch(/javascript:|[<\\@]/i);
      // Only the colour, gradient and arithmetic functions: nothing that fetches (url, image, image-set…).
      // postcss leaves a comment without spaces around it in the value: drop comments (never inside strings) first.
      const value = node.value.replace(
        /("[^"]*"|'[^']*')|\/\*[\s\S]*?\*\//g,
        (match, quoted?: string) => quoted ?? " ",
      );
      for (const [, name] of value.matchAll(/([\w-]*)\s*\(/g))
        expect(ALLOWED_FUNCTIONS.has(name!.toLowerCase()), `${name}( in ${css}`).toBe(true);
    }
  });
  expect(css).not.toMatch(/<\/?style/i);
}

/** A rule list as postcss reads it: selectors and property names, comments and spacing aside. */
function structureOf(css: string): string[][] {
  const rules: string[][] = [];
  postcss.parse(css).walkRules((rule) => {
    const selectors = rule.selector
      .replace(/\/\*[\s\S]*?\*\//g, " ")
      .split(",")
      .map((selector) => selector.replace(/\s+/g, " ").trim());
    const properties: string[] = [];
    rule.walkDecls((declaration) => {
      properties.push(declaration.prop.toLowerCase());
    });
    rules.push([...selectors, "{", ...properties]);
  });
  return rules;
}

/**
 * What the pages render of accepted CSS: harmless too, free of comments, read by postcss as the same rules
 * as the text given, and a fixed point (rendering it again changes nothing).
 */
function expectRenderedFaithfully(css: string): void {
  const rendered = renderableCustomizationCss(css);
  expectHarmless(rendered);
  expect(rendered).not.toContain("/*");
  expect(structureOf(rendered), `${css} rendered as ${rendered}`).toEqual(structureOf(css));
  expect(renderableCustomizationCss(rendered)).toBe(rendered);
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
    // A quote inside a comment is comment: it starts no string.
    "/* \" */ .label-customizable { color: red } /* ' */",
    ".label-customizable { font-family: \"Font Awesome 5 Free\", 'Noto Sans JP' }",
  ])("accepts %j", (css) => {
    expect(validateCustomizationCss(css)).toBe(css);
    expectHarmless(css);
    expectRenderedFaithfully(css);
  });

  it.each([
    ["", ""],
    [
      "/* brand */ .logo-customizable { max-width: 60%; background-image: none; }",
      ".logo-customizable{max-width:60%;background-image:none}",
    ],
    [
      ".label-customizable, .legalText-customizable { font-family: 'Open Sans', sans-serif; margin: -2px 0 calc(1em + 2px) 0; }\n.submitButton-customizable:hover{COLOR:white!IMPORTANT}",
      '.label-customizable,.legalText-customizable{font-family:"Open Sans", sans-serif;margin:-2px 0 calc(1em + 2px) 0}\n.submitButton-customizable:hover{color:white!important}',
    ],
    // A comment separates tokens, as in the browser: never glued back into one.
    [
      ".banner-customizable { margin: 1px/**/2px; color: calc(1px//**/*2) }",
      ".banner-customizable{margin:1px 2px;color:calc(1px/ *2)}",
    ],
  ])("renders %j as only its parsed rules", (css, rendered) => {
    expect(renderableCustomizationCss(css)).toBe(rendered);
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
    // Strings and comments in one pass: a comment marker inside a quoted name is text to the browser, so a
    // validator that strips comments first would hide the rule between the two names from itself.
    ['.label-customizable{font-family:"/*"}*{display:none}.label-customizable{font-family:"*/"}'],
    [".label-customizable{font-family:'/*'}body{display:none}.label-customizable{font-family:'*/'}"],
    ['.label-customizable{font-family:"/*"}'],
    [".label-customizable{font-family:'a */ b'}"],
    ['.label-customizable{font-family:"a\'/*"}*{display:none}/*"}'],
    ['/* " */ *{display:none} /* " */'],
    // Escaped quotes: the string would run on in the browser.
    ['.label-customizable{font-family:"a\\"/*"}*{display:none}/*"}'],
    [".label-customizable{font-family:'it\\'s'}"],
    // Unterminated strings, and one across a line break (a bad string to the browser).
    ['.label-customizable{font-family:"Open Sans}'],
    [".label-customizable{font-family:'x}*{display:none}"],
    ['.label-customizable{font-family:"a\nb"}'],
    // Ways to end the <style> element, in strings and comments too.
    ['.label-customizable{font-family:"</style>"}'],
    ["/* </style><script>alert(1)</script> */"],
    [".label-customizable{color:red}</STYLE >"],
    [".label-customizable{color:red}< /style>"],
    [".label-customizable{color:red}</style\n>"],
  ])("refuses %j", (css) => {
    expect(accepts(css)).toBe(false);
  });

  it("accepts nothing an independent parser reads as harmful, over 20,000 generated style sheets", () => {
    const random = createRandom(15);
    const pieces = [
      ".banner-customizable",
      ".submitButton-customizable:hover",
      ".logo-customizable",
      "body",
      "*",
      ".x",
      ", ",
      " ",
      "{",
      "}",
      ";",
      ":",
      "color",
      "background",
      "red",
      "#fff",
      "1px",
      "rgb(",
      ")",
      "(",
      "'Open Sans'",
      '"',
      "'",
      "url(",
      "u",
      "rl",
      "(x)",
      "/*",
      "*/",
      "@media",
      "@",
      "<",
      "/",
      "</style>",
      "\\",
      "expression(",
      "java",
      "script:",
      "behavior",
      "-moz-binding",
      "!important",
      "calc(",
      "+",
      "-",
      "*",
      "%",
      "\n",
      "attr(",
      "image(",
      "var(",
      "--x",
      "none",
      "linear-gradient(",
      ",",
      ">",
      "~",
      "[",
      "]",
      "::",
      "e",
      "l(",
      // Strings holding comment markers and quotes, and comments holding quotes: where a validator that
      // reads strings and comments in two passes goes wrong.
      "font-family:",
      '"/*"',
      '"*/"',
      "'/*'",
      "'*/'",
      '"a\'b"',
      "'a\"b'",
      '"Open Sans"',
      "'x'",
      '/* " */',
      "/* ' */",
      '"\n"',
      "*{display:none}",
    ];
    const quoted = ['"/*"', '"*/"', "'/*'", "'*/'", '"a"', "'b'"];
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      let css = "";
      const length = 1 + random(24);
      for (let index = 0; index < length; index++) css += pieces[random(pieces.length)];
      const wrapping = random(3);
      if (wrapping === 0) css = `.banner-customizable { color: ${css} }`;
      // Quoted names on either side of the generated text: a comment opened in one and closed in the other
      // must not hide the text between them from the validator.
      if (wrapping === 1) {
        const between =
          random(2) === 0 ? css : `${["*", "body", ".x", ".banner-customizable"][random(4)]}{display:none}`;
        css = `.label-customizable{font-family:${quoted[random(quoted.length)]}}${between}.label-customizable{font-family:${quoted[random(quoted.length)]}}`;
      }
      if (accepts(css)) {
        accepted++;
        expectHarmless(css);
        expectRenderedFaithfully(css);
      }
    }
    // The generator must reach the accepting side too, or the property proves nothing.
    expect(accepted).toBeGreaterThan(100);
  });
});
