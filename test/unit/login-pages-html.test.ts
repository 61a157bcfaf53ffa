import { describe, expect, it } from "vitest";
import { escapeHtml, html, trustedHtml } from "../../src/api/oauth/pages/html.js";
import { renderPage } from "../../src/api/oauth/pages/layout.js";
import { friendlyMessage } from "../../src/api/oauth/pages/messages.js";
import { formActionSourceOf } from "../../src/api/oauth/pages/security.js";
import { CognitoError } from "../../src/core/errors.js";

describe("the pages' html tag", () => {
  it("escapes every interpolated string, for element content and attributes alike", () => {
    const hostile = `"><script>alert('x')</script>&amp;\``;
    const rendered = html`<input value="${hostile}"><p>${hostile}</p>`.value;
    expect(rendered).toBe(
      `<input value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;&#96;"><p>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;&#96;</p>`,
    );
    expect(rendered).not.toContain("<script>");
  });

  it("nests Html made by the tag without escaping it twice, joins arrays, drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0");
    expect(html`${trustedHtml("<br>")}`.value).toBe("<br>");
  });

  it("escapeHtml leaves ordinary text alone", () => {
    expect(escapeHtml("Jane Doe – café 123")).toBe("Jane Doe – café 123");
  });

  it("a pool's CSS cannot close its <style> element", () => {
    const page = renderPage(
      {
        basePath: "/p",
        nonce: "n0nce",
        poolName: "<Acme>",
        branding: {
          poolId: "p",
          clientId: "ALL",
          css: ".banner-customizable{color:red}</style><script>x()</script>",
          imageBase64: null,
          imageContentType: null,
          cssVersion: "1",
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      },
      { title: "Sign in", body: html`` },
    );
    expect(page).not.toContain("</style><script>");
    expect(page).toContain("<title>Sign in – &lt;Acme&gt;</title>");
    expect(page.match(/<style/g)).toHaveLength(1);
    expect(page).toContain('<style nonce="n0nce">');
  });
});

describe("the pages' form-action source for the redirect URI", () => {
  it("is the origin of an http(s) URI, the scheme of an app's own, and nothing for a malformed one", () => {
    expect(formActionSourceOf("https://app.example.com:8443/cb?x=1")).toBe("https://app.example.com:8443");
    expect(formActionSourceOf("myapp://callback")).toBe("myapp:");
    expect(formActionSourceOf("not a url")).toBeNull();
    expect(formActionSourceOf(null)).toBeNull();
  });
});

describe("the pages' error messages", () => {
  it("an unknown user and a wrong password read alike; a lockout reads as one; internal errors say nothing of themselves", () => {
    const wrong = friendlyMessage(
      new CognitoError("NotAuthorizedException", "Incorrect username or password."),
      "sign-in",
    );
    expect(friendlyMessage(new CognitoError("UserNotFoundException", "User does not exist."), "sign-in")).toBe(wrong);
    expect(friendlyMessage(new CognitoError("NotAuthorizedException", "Password attempts exceeded"), "sign-in")).toBe(
      "Too many attempts, try again later.",
    );
    expect(
      friendlyMessage(new Error("SQLITE_BUSY: database is locked at Foo.bar (/src/x.ts:1)"), "sign-in"),
    ).not.toMatch(/SQLITE|src|Foo/);
  });
});
