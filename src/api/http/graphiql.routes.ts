import express, { type Router } from "express";
import path from "node:path";

/**
 * GraphiQL for admins at GET /graphql (when a browser asks for HTML). Everything is served from
 * this server — GraphiQL, React and graphql-ws bundles straight from node_modules, no CDN — under a
 * strict CSP: scripts only from here, no inline script. The admin key goes in the headers editor
 * (`{"Authorization": "Bearer …"}`); subscriptions run over graphql-ws with the same key in
 * connectionParams.
 */
export const GRAPHIQL_ASSETS_PATH = "/graphiql-assets";

const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));

/** Asset name → file inside node_modules. Only these are served. */
const ASSETS: Record<string, string> = {
  "react.production.min.js": path.join(packageDir("react"), "umd/react.production.min.js"),
  "react-dom.production.min.js": path.join(packageDir("react-dom"), "umd/react-dom.production.min.js"),
  "graphiql.min.js": path.join(packageDir("graphiql"), "graphiql.min.js"),
  "graphiql.min.css": path.join(packageDir("graphiql"), "graphiql.min.css"),
  "graphql-ws.min.js": path.join(packageDir("graphql-ws"), "umd/graphql-ws.min.js"),
};

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL sets style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Identity gateway — GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${GRAPHIQL_ASSETS_PATH}/react.production.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/react-dom.production.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/graphql-ws.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/graphiql.min.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/init.js"></script>
</body>
</html>
`;

const INIT_SCRIPT = `"use strict";
(function () {
  var url = location.origin + location.pathname;
  var wsUrl = url.replace(/^http/, "ws");
  var fetchers = {};
  // One fetcher (and one socket) per Authorization value: connectionParams are sent once per
  // connection, so a changed key needs a new connection.
  function fetcherFor(authorization) {
    if (!fetchers[authorization]) {
      var wsClient = graphqlWs.createClient({ url: wsUrl, lazy: true, connectionParams: authorization ? { authorization: authorization } : {} });
      fetchers[authorization] = GraphiQL.createFetcher({ url: url, wsClient: wsClient });
    }
    return fetchers[authorization];
  }
  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    var authorization = headers.Authorization || headers.authorization || "";
    return fetcherFor(authorization)(params, options);
  }
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: JSON.stringify({ Authorization: "Bearer <paste an admin API key here>" }, null, 2),
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultQuery: "# Put your admin key in the Headers tab below, then run:\\nquery Pools {\\n  userPools {\\n    items { id name }\\n  }\\n}\\n",
  }));
})();
`;

export function createGraphiqlRouter(graphqlPath: string): Router {
  const router = express.Router();
  router.get(graphqlPath, (req, res, next) => {
    // Only a browser navigation gets the page; GET queries (and JSON clients) go on to Apollo.
    if (
      req.query.query !== undefined ||
      req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html"
    ) {
      next();
      return;
    }
    res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "no-referrer");
    res.setHeader("cache-control", "no-store");
    res.type("html").send(PAGE);
  });
  router.get(`${GRAPHIQL_ASSETS_PATH}/init.js`, (_req, res) => {
    res.setHeader("x-content-type-options", "nosniff");
    res.type("application/javascript").send(INIT_SCRIPT);
  });
  router.get(`${GRAPHIQL_ASSETS_PATH}/:name`, (req, res, next) => {
    const file = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!file) {
      next();
      return;
    }
    res.setHeader("x-content-type-options", "nosniff");
    res.sendFile(file, { maxAge: "1h" });
  });
  return router;
}
