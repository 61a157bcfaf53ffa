import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoClient, createAwsCredentials, signedCall, type AwsCredentials } from "../support/aws-clients.js";
import { BACKENDS } from "../support/backends.js";
import { uniqueName } from "../support/directory.js";
import {
  CreateUserPoolClientDocument,
  GetUiCustomizationDocument,
  SetUiCustomizationDocument,
} from "../support/generated/graphql.js";
import { errorCodes, expectData, postGraphql } from "../support/graphql-client.js";
import { authorizeQuery, oauthClientInput, PageBrowser } from "../support/login-pages.js";
import { listEvents } from "../support/sign-in.js";
import { getTestApp, type TestApp } from "../support/test-app.js";

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
/** A JPEG's SOI + APP0 header, padded: the signature is what is checked. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from("JFIF\0"),
  Buffer.alloc(64, 1),
]);
const CSS =
  ".banner-customizable { background-color: #1a2b3c; padding: 4px 8px; }\n.submitButton-customizable:hover { background: linear-gradient(90deg, rgb(0, 0, 0) 0%, #ffffff 100%) !important; }\n/* a comment */ .label-customizable, .legalText-customizable { font-family: 'Open Sans', sans-serif; font-size: 0.9em; }";

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  expect(outcome, "the call should have failed").not.toBeNull();
  return outcome!;
}

describe.each(BACKENDS)("UI customization (SetUICustomization, logos) on $name", (backend) => {
  let gateway: TestApp;
  let credentials: AwsCredentials;
  let admin: CognitoIdentityProviderClient;

  beforeAll(async () => {
    gateway = await getTestApp(backend);
    credentials = await createAwsCredentials(gateway);
    admin = cognitoClient(gateway, credentials);
  });
  afterAll(async () => {
    admin?.destroy();
    await gateway?.close();
  });

  async function newPoolWithClient(): Promise<{ poolId: string; clientId: string }> {
    const poolId = (await admin.send(new CreateUserPoolCommand({ PoolName: uniqueName("ui") }))).UserPool!.Id!;
    const clientId = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web" })))
      .UserPoolClient!.ClientId!;
    return { poolId, clientId };
  }

  /** The ImageUrl names PUBLIC_URL; the test fetches the same path from the test server. */
  const fetchAsset = (imageUrl: string) => fetch(`${gateway.baseUrl}${new URL(imageUrl).pathname}`);

  it("stores the pool's branding, serves its logo by a versioned URL, and falls back from a client to ALL", async () => {
    const { poolId, clientId } = await newPoolWithClient();
    const before = Date.now();
    const set = (await admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS, ImageFile: PNG })))
      .UICustomization!;
    expect(set).toMatchObject({ UserPoolId: poolId, ClientId: "ALL", CSS });
    expect(set.CSSVersion).toMatch(/^[0-9a-z]+$/);
    expect(Math.abs(set.CreationDate!.getTime() - before)).toBeLessThan(60_000);
    expect(set.ImageUrl).toBe(`${gateway.config.publicUrl}/${poolId}/ui-assets/ALL/${set.CSSVersion}/logo.png`);

    const logo = await fetchAsset(set.ImageUrl!);
    expect(logo.status).toBe(200);
    expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");

    // The client has none of its own: the pool's is what it gets.
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId }))).UICustomization,
    ).toEqual(set);
    const own = (
      await admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId, ImageFile: JPEG }))
    ).UICustomization!;
    expect([own.ClientId, own.CSS, own.ImageUrl]).toEqual([
      clientId,
      undefined,
      `${gateway.config.publicUrl}/${poolId}/ui-assets/${clientId}/${own.CSSVersion}/logo.jpg`,
    ]);
    const jpeg = await fetchAsset(own.ImageUrl!);
    expect([jpeg.status, jpeg.headers.get("content-type")]).toEqual([200, "image/jpeg"]);
    expect(
      expectData(await gateway.gql(GetUiCustomizationDocument, { userPoolId: poolId, clientId })).uiCustomization,
    ).toMatchObject({ clientId, css: null, imageUrl: own.ImageUrl, cssVersion: own.CSSVersion });
    expect(
      expectData(await gateway.gql(GetUiCustomizationDocument, { userPoolId: poolId })).uiCustomization,
    ).toMatchObject({ clientId: "ALL", css: CSS });

    // A new Set replaces everything and moves the version: the old URL is gone, never answered with new bytes.
    const replaced = expectData(
      await gateway.gql(SetUiCustomizationDocument, {
        userPoolId: poolId,
        clientId: "ALL",
        input: { css: ".logo-customizable { max-width: 60%; }" },
      }),
    ).setUICustomization;
    expect([replaced.imageUrl, replaced.cssVersion === set.CSSVersion]).toEqual([null, false]);
    expect((await fetchAsset(set.ImageUrl!)).status).toBe(404);
    expect((await fetchAsset(set.ImageUrl!.replace(/logo\.png$/, "logo.jpg"))).status).toBe(404);

    const events = (await listEvents(gateway, poolId)).filter((event) => event.type === "UI_CUSTOMIZATION_SET");
    expect(events).toHaveLength(3);
    expect(JSON.stringify(events)).not.toContain("background-color");
    expect(JSON.stringify(events)).not.toContain(PNG.toString("base64"));
  });

  it("answers an empty shape on the wire and null on GraphQL when nothing is set", async () => {
    const { poolId, clientId } = await newPoolWithClient();
    const response = await signedCall(
      gateway,
      "GetUICustomization",
      { UserPoolId: poolId, ClientId: clientId },
      credentials,
    );
    expect([response.status, response.body]).toEqual([200, { UICustomization: {} }]);
    expect(
      expectData(await gateway.gql(GetUiCustomizationDocument, { userPoolId: poolId })).uiCustomization,
    ).toBeNull();
  });

  it.each([
    [
      "an @import",
      "@import 'https://evil.example/x.css';",
      "CSS must not contain at-rules (@import, @media, @supports, @page…).",
    ],
    [
      "an @media block",
      "@media screen { .banner-customizable { color: red; } }",
      "CSS must not contain at-rules (@import, @media, @supports, @page…).",
    ],
    [
      "url()",
      ".banner-customizable { background: url(https://evil.example/track.png); }",
      "CSS must not load anything: url() is not allowed (use none).",
    ],
    // A comment separates tokens, as in CSS: what is left is a call of l(), refused as any unknown function.
    [
      "url() split by a comment",
      ".banner-customizable { background: ur/**/l(x); }",
      "CSS may not call l() (in background).",
    ],
    ["expression()", ".banner-customizable { width: expression(alert(1)); }", "CSS must not contain expression()."],
    ["javascript:", ".banner-customizable { color: red; } javascript:alert(1)", "CSS must not contain javascript:."],
    [
      "a closing style tag",
      ".banner-customizable { color: red; } </style><script>alert(1)</script>",
      "CSS must not contain <.",
    ],
    ["behavior:", ".banner-customizable { behavior: something; }", "CSS must not contain behavior:."],
    ["-moz-binding", ".banner-customizable { -moz-binding: none; }", "CSS must not contain -moz-binding."],
    ["an escape", ".banner-customizable { background: \\75 rl(x); }", "CSS must not contain escapes (\\)."],
    ["another selector", "body { display: none; }", null],
    ["a class that is not customizable", ".banner-customizable .secret { color: red; }", null],
    ["an unknown function", ".banner-customizable { color: attr(data-x); }", "CSS may not call attr() (in color)."],
    ["an unclosed rule", ".banner-customizable { color: red;", "CSS has a rule that is never closed."],
    // Strings and comments are read in one pass: the comment markers in the names hide no rule between them.
    [
      "a comment opener inside a quoted name",
      '.label-customizable{font-family:"/*"}*{display:none}.label-customizable{font-family:"*/"}',
      'CSS may only quote names of letters, digits, spaces and - _ . , & +; got "/*".',
    ],
    [
      "an unterminated quoted name",
      ".label-customizable{font-family:'Open Sans}*{display:none}",
      "CSS has a quoted name that is never closed.",
    ],
    [
      "more than 3 KB",
      `.banner-customizable { color: red; ${"margin: 0; ".repeat(300)}}`,
      "CSS must be at most 3072 bytes.",
    ],
  ])("refuses CSS with %s on both APIs", async (_label, css, message) => {
    const { poolId } = await newPoolWithClient();
    const error = await rejectionOf(admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: css })));
    expect(error.name).toBe("InvalidParameterException");
    if (message) expect(error.message).toBe(message);
    else expect(error.message).toMatch(/^CSS may only style Cognito's customizable classes/);
    const graphql = await gateway.gql(SetUiCustomizationDocument, { userPoolId: poolId, input: { css } });
    expect([errorCodes(graphql), graphql.errors?.[0]?.message]).toEqual([["InvalidParameterException"], error.message]);
  });

  it("renders on the sign-in page only the parsed rules, never the text as set; Get answers the text as set", async () => {
    const { poolId } = await newPoolWithClient();
    const redirect = "https://app.example.com/callback";
    const web = expectData(
      await gateway.gql(CreateUserPoolClientDocument, {
        userPoolId: poolId,
        input: { clientName: "pages", ...oauthClientInput(redirect) },
      }),
    ).createUserPoolClient;
    const css =
      "/* brand \" ' */ .label-customizable { font-family: 'Open Sans', sans-serif; }\n.banner-customizable{ color : red }";
    await admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, CSS: css }));
    expect((await admin.send(new GetUICustomizationCommand({ UserPoolId: poolId }))).UICustomization!.CSS).toBe(css);
    const page = await new PageBrowser(gateway.baseUrl).get(
      `/${poolId}/login?${authorizeQuery(web.clientId, redirect)}`,
    );
    expect(page.status).toBe(200);
    const styles = [...page.html.matchAll(/<style nonce="[^"]+">([\s\S]*?)<\/style>/g)].map((match) => match[1]);
    expect(styles).toEqual([
      '.label-customizable{font-family:"Open Sans", sans-serif}\n.banner-customizable{color:red}',
    ]);
  });

  it.each([
    ["a GIF", Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(32)]), "ImageFile must be a PNG or JPEG image."],
    ["an HTML page", Buffer.from("<html><script>alert(1)</script></html>"), "ImageFile must be a PNG or JPEG image."],
    ["a PNG over 100 KB", Buffer.concat([PNG, Buffer.alloc(100 * 1024)]), "ImageFile must be at most 102400 bytes."],
  ])("refuses a logo that is %s", async (_label, bytes, message) => {
    const { poolId } = await newPoolWithClient();
    const error = await rejectionOf(
      admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, ImageFile: bytes })),
    );
    expect([error.name, error.message]).toEqual(["InvalidParameterException", message]);
    const graphql = await gateway.gql(SetUiCustomizationDocument, {
      userPoolId: poolId,
      input: { imageBase64: bytes.toString("base64") },
    });
    expect([errorCodes(graphql), graphql.errors?.[0]?.message]).toEqual([["InvalidParameterException"], message]);
  });

  it("refuses base64 that is not, an unknown client, and another pool's key", async () => {
    const { poolId, clientId } = await newPoolWithClient();
    const other = await newPoolWithClient();
    const graphql = await gateway.gql(SetUiCustomizationDocument, {
      userPoolId: poolId,
      input: { imageBase64: "not base64!" },
    });
    expect([errorCodes(graphql), graphql.errors?.[0]?.message]).toEqual([
      ["InvalidParameterException"],
      "ImageFile must be base64-encoded.",
    ]);
    const foreignClient = await rejectionOf(
      admin.send(
        new SetUICustomizationCommand({
          UserPoolId: poolId,
          ClientId: other.clientId,
          CSS: ".banner-customizable { color: red; }",
        }),
      ),
    );
    expect([foreignClient.name, foreignClient.message]).toEqual([
      "ResourceNotFoundException",
      `App client ${other.clientId} does not exist in user pool ${poolId}.`,
    ]);

    const scopedCredentials = await createAwsCredentials(gateway, [poolId]);
    const scoped = cognitoClient(gateway, scopedCredentials);
    try {
      expect(
        (
          await scoped.send(
            new SetUICustomizationCommand({
              UserPoolId: poolId,
              ClientId: clientId,
              CSS: ".banner-customizable { color: red; }",
            }),
          )
        ).UICustomization!.ClientId,
      ).toBe(clientId);
      expect(
        (
          await rejectionOf(
            scoped.send(
              new SetUICustomizationCommand({ UserPoolId: other.poolId, CSS: ".banner-customizable { color: red; }" }),
            ),
          )
        ).name,
      ).toBe("NotAuthorizedException");
      expect((await rejectionOf(scoped.send(new GetUICustomizationCommand({ UserPoolId: other.poolId })))).name).toBe(
        "NotAuthorizedException",
      );
      const scopedGraphql = await postGraphql(
        gateway.url,
        GetUiCustomizationDocument,
        { userPoolId: other.poolId },
        { token: scopedCredentials.secretAccessKey },
      );
      expect(errorCodes(scopedGraphql)).toEqual(["NotAuthorizedException"]);
    } finally {
      scoped.destroy();
    }
  });

  it("keeps parallel Sets of one client's branding apart: every one succeeds and one of them is what stays", async () => {
    const { poolId, clientId } = await newPoolWithClient();
    // The first Set of a (pool, client) inserts: eight at once used to race to the primary key on MariaDB.
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        gateway.gql(SetUiCustomizationDocument, {
          userPoolId: poolId,
          clientId,
          input: { css: `.label-customizable { margin: ${index}px; }` },
        }),
      ),
    );
    expect(results.flatMap((result) => errorCodes(result))).toEqual([]);
    const versions = results.map((result) => expectData(result).setUICustomization.cssVersion);
    expect(new Set(versions).size).toBe(8);
    const stored = expectData(
      await gateway.gql(GetUiCustomizationDocument, { userPoolId: poolId, clientId }),
    ).uiCustomization!;
    expect(versions).toContain(stored.cssVersion);
    expect(stored.css).toBe(`.label-customizable { margin: ${versions.indexOf(stored.cssVersion)}px; }`);
    expect((await listEvents(gateway, poolId)).filter((event) => event.type === "UI_CUSTOMIZATION_SET")).toHaveLength(
      8,
    );
  });

  it("removes a deleted client's branding and logo with it, and leaves the pool's", async () => {
    const { poolId, clientId } = await newPoolWithClient();
    const pool = (await admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, ImageFile: PNG, CSS })))
      .UICustomization!;
    const own = (
      await admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId, ImageFile: JPEG }))
    ).UICustomization!;
    expect((await fetchAsset(own.ImageUrl!)).status).toBe(200);
    await admin.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    expect((await fetchAsset(own.ImageUrl!)).status).toBe(404);
    expect((await fetchAsset(pool.ImageUrl!)).status).toBe(200);
    expect((await admin.send(new GetUICustomizationCommand({ UserPoolId: poolId }))).UICustomization).toEqual(pool);
    const gone = await rejectionOf(
      admin.send(new GetUICustomizationCommand({ UserPoolId: poolId, ClientId: clientId })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
  });

  it("serves no logo for a malformed or unknown asset path", async () => {
    const { poolId } = await newPoolWithClient();
    const set = (await admin.send(new SetUICustomizationCommand({ UserPoolId: poolId, ImageFile: PNG })))
      .UICustomization!;
    const path = new URL(set.ImageUrl!).pathname;
    for (const wrong of [
      path.replace("/ALL/", "/OTHER/"),
      path.replace(/logo\.png$/, "logo.svg"),
      path.replace(set.CSSVersion!, "0"),
      `/${poolId}/ui-assets/ALL/..%2F..%2Fetc/logo.png`,
    ]) {
      expect((await fetch(`${gateway.baseUrl}${wrong}`)).status).toBe(404);
    }
    expect((await fetch(`${gateway.baseUrl}${path}`)).status).toBe(200);
  });
});
