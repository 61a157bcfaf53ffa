import { expect } from "vitest";

/** An HTTP answer of a managed sign-in page, its body read. */
export interface PageResponse {
  status: number;
  headers: Headers;
  location: string | null;
  html: string;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#96;": "`",
};
export const unescapeHtml = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39|#96);/g, (entity) => ENTITIES[entity]!);

/**
 * A browser as far as the pages care: one cookie jar (name → value; path and expiry honoured coarsely:
 * a Max-Age=0 or past Expires deletes), no redirects followed, forms posted as
 * application/x-www-form-urlencoded.
 */
export class PageBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  private absolute(url: string): string {
    return url.startsWith("http") ? url : `${this.origin}${url}`;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private async read(response: Response): Promise<PageResponse> {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";").map((part) => part.trim());
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      const isGone = attributes.some(
        (attribute) =>
          /^max-age=0$/i.test(attribute) ||
          (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now()),
      );
      if (isGone || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      headers: response.headers,
      location: response.headers.get("location"),
      html: await response.text(),
    };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.read(
      await fetch(this.absolute(url), { redirect: "manual", headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  async post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.read(
      await fetch(this.absolute(url), {
        method: "POST",
        redirect: "manual",
        headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Fills in and posts a form of the page (the first one, or the one whose action contains `actionPart`), as a browser would. */
  async submit(page: PageResponse, fields: Record<string, string>, actionPart?: string): Promise<PageResponse> {
    const form = formOf(page.html, actionPart);
    return this.post(form.action, { ...form.hidden, ...fields });
  }
}

/** A form of a page: its action and hidden fields, decoded. */
export function formOf(html: string, actionPart?: string): { action: string; hidden: Record<string, string> } {
  const forms = [...html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
  const match = forms.find((candidate) => !actionPart || unescapeHtml(candidate[1]!).includes(actionPart));
  expect(match, `a form${actionPart ? ` posting to ${actionPart}` : ""} in the page`).toBeDefined();
  const hidden: Record<string, string> = {};
  for (const input of match![2]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    hidden[unescapeHtml(input[1]!)] = unescapeHtml(input[2]!);
  return { action: unescapeHtml(match![1]!), hidden };
}

/** The page's <h1>. */
export const headingOf = (html: string): string | null => {
  const match = /<h1>([\s\S]*?)<\/h1>/.exec(html);
  return match ? unescapeHtml(match[1]!) : null;
};

/** The error summary a person reads (role="alert"), or null. */
export const alertOf = (html: string): string | null => {
  const match = /<div class="errorMessage-customizable" role="alert" id="error-summary">([\s\S]*?)<\/div>/.exec(html);
  return match ? unescapeHtml(match[1]!) : null;
};

/** The query string of an authorization request for a client (code flow unless said otherwise). */
export function authorizeQuery(clientId: string, redirectUri: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "openid email",
    state: "st-123",
    ...extra,
  }).toString();
}

/** Client settings for the code flow through the pages. */
export const oauthClientInput = (redirectUri: string) => ({
  callbackURLs: [redirectUri],
  allowedOAuthFlows: ["code" as const],
  allowedOAuthScopes: ["openid", "email", "profile"],
  allowedOAuthFlowsUserPoolClient: true,
  supportedIdentityProviders: ["COGNITO"],
});

/** Asserts the 302 to the app with a code and the state, and returns the code. */
export function expectCodeRedirect(page: PageResponse, redirectUri: string, state = "st-123"): string {
  expect(page.status, page.html.slice(0, 2000)).toBe(302);
  const location = new URL(page.location!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  expect(location.searchParams.get("state")).toBe(state);
  const code = location.searchParams.get("code");
  expect(code).toMatch(/^[0-9a-f-]{36}$/);
  return code!;
}
