/** A custom scope of a resource server; its full scope string is `<identifier>/<scopeName>` (reference-oauth §10.2). */
export interface ResourceServerScope {
  scopeName: string;
  scopeDescription: string;
}

/** An API the pool issues scoped access tokens for (CreateResourceServer). */
export interface ResourceServer {
  poolId: string;
  /** 1–256 characters, often a URL; unique in the pool. */
  identifier: string;
  name: string;
  scopes: ResourceServerScope[];
  createdAt: Date;
  updatedAt: Date;
}

/** The full scope strings a resource server offers: `<identifier>/<scopeName>`. */
export const scopeStringsOf = (server: Pick<ResourceServer, "identifier" | "scopes">): string[] =>
  server.scopes.map((scope) => `${server.identifier}/${scope.scopeName}`);
