import type { Clock } from "../../lib/clock.js";
import type { TimeUnit } from "../../lib/durations.js";
import { randomLowerAlphanumeric } from "../../lib/random.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, resourceNotFound } from "../errors.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import { loadAccessiblePool, lockAccessiblePool } from "../pools/user-pool.service.js";
import type { Database, Repositories, SecretBox } from "../ports.js";
import { requireClientId } from "../validation.js";
import {
  DEFAULT_EXPLICIT_AUTH_FLOWS,
  type AppClient,
  type AppClientSettings,
  type CreateAppClientInput,
  type TokenValidityUnits,
  type UpdateAppClientInput,
} from "./app-client.types.js";
import { validateAppClientSettings, type OAuthValidationContext } from "./app-client.validation.js";
import { scopeStringsOf } from "../oauth/resource-server.types.js";
import type { ClientContextCache } from "./client-context-cache.js";

export interface AppClientServiceDeps {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
  maxClientsPerPool: number;
  /** Told after a client changed or went, so no process keeps serving it with the old settings. */
  contexts: Pick<ClientContextCache, "invalidateClient">;
}

export type AppClientService = ReturnType<typeof createAppClientService>;

const CLIENT_ID_LENGTH = 26;
const CLIENT_SECRET_LENGTH = 51;

const DEFAULT_CLIENT_SETTINGS: Omit<AppClientSettings, "clientName"> = {
  explicitAuthFlows: DEFAULT_EXPLICIT_AUTH_FLOWS,
  accessTokenValidity: 60,
  idTokenValidity: 60,
  refreshTokenValidity: 30,
  tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
  authSessionValidityMinutes: 3,
  readAttributes: null,
  writeAttributes: null,
  preventUserExistenceErrors: "ENABLED",
  enableTokenRevocation: true,
  refreshTokenRotation: { enabled: false, retryGracePeriodSeconds: 0 },
  callbackUrls: [],
  logoutUrls: [],
  defaultRedirectUri: null,
  allowedOAuthFlows: [],
  allowedOAuthScopes: [],
  allowedOAuthFlowsUserPoolClient: false,
  supportedIdentityProviders: ["COGNITO"],
};

/** A validity given without its unit, on create or update, is read in Cognito's API units: hours for access/ID, days for refresh. */
const UNIT_WHEN_UNSPECIFIED: TokenValidityUnits = { accessToken: "hours", idToken: "hours", refreshToken: "days" };

function mergeClientSettings(
  current: AppClientSettings,
  input: CreateAppClientInput | UpdateAppClientInput,
): AppClientSettings {
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<CreateAppClientInput>;
  const {
    tokenValidityUnits: unitsInput,
    refreshTokenRotation: rotationInput,
    generateSecret: _generateSecret,
    ...flat
  } = defined;
  const unitFor = (token: keyof TokenValidityUnits, validityGiven: boolean): TimeUnit =>
    unitsInput?.[token] ?? (validityGiven ? UNIT_WHEN_UNSPECIFIED[token] : current.tokenValidityUnits[token]);
  const merged: AppClientSettings = {
    ...current,
    ...(flat as Partial<AppClientSettings>),
    tokenValidityUnits: {
      accessToken: unitFor("accessToken", flat.accessTokenValidity !== undefined),
      idToken: unitFor("idToken", flat.idTokenValidity !== undefined),
      refreshToken: unitFor("refreshToken", flat.refreshTokenValidity !== undefined),
    },
    refreshTokenRotation: { ...current.refreshTokenRotation, ...rotationInput },
  };
  // Cognito: a refresh validity of 0 means "reset to the default of 30 days".
  if (merged.refreshTokenValidity === 0)
    Object.assign(merged, {
      refreshTokenValidity: 30,
      tokenValidityUnits: { ...merged.tokenValidityUnits, refreshToken: "days" },
    });
  return merged;
}

const describeClient = (client: AppClient): Record<string, unknown> => {
  const { secretCiphertext, createdAt: _createdAt, updatedAt: _updatedAt, ...settings } = client;
  return { ...settings, hasSecret: secretCiphertext !== null };
};

/** The pool's resource-server scopes as they are in this transaction, for the scope checks. */
async function oauthContextOf(
  repositories: Repositories,
  poolId: string,
  currentScopes: readonly string[],
): Promise<OAuthValidationContext> {
  const servers = await repositories.resourceServers.listAllByPool(poolId);
  return { poolId, resourceServerScopes: new Set(servers.flatMap(scopeStringsOf)), currentScopes };
}

export function createAppClientService({ db, clock, secretBox, maxClientsPerPool, contexts }: AppClientServiceDeps) {
  async function loadClient(repositories: Repositories, principal: AdminPrincipal, poolId: string, clientId: string) {
    const pool = await loadAccessiblePool(repositories, principal, poolId);
    requireClientId(clientId);
    const client = await repositories.clients.findById(clientId);
    if (!client || client.poolId !== poolId)
      throw resourceNotFound(`App client ${clientId} does not exist in user pool ${poolId}.`);
    return { pool, client };
  }

  return {
    /** @throws ResourceNotFoundException, InvalidParameterException, InvalidOAuthFlowException, ScopeDoesNotExistException, LimitExceededException, NotAuthorizedException */
    async createUserPoolClient(
      principal: AdminPrincipal,
      poolId: string,
      input: CreateAppClientInput,
    ): Promise<AppClient> {
      return db.transaction(async (repositories) => {
        const pool = await loadAccessiblePool(repositories, principal, poolId);
        const settings = mergeClientSettings({ ...DEFAULT_CLIENT_SETTINGS, clientName: input.clientName }, input);
        const hasSecret = input.generateSecret === true;
        validateAppClientSettings(
          settings,
          pool.schemaAttributes,
          hasSecret,
          await oauthContextOf(repositories, poolId, []),
        );
        if ((await repositories.clients.countByPool(poolId)) >= maxClientsPerPool) {
          throw new CognitoError(
            "LimitExceededException",
            `User pool ${poolId} already has the maximum of ${maxClientsPerPool} app clients.`,
          );
        }
        const now = clock.now();
        const client: AppClient = {
          ...settings,
          clientId: randomLowerAlphanumeric(CLIENT_ID_LENGTH),
          poolId,
          secretCiphertext: hasSecret ? secretBox.encrypt(randomLowerAlphanumeric(CLIENT_SECRET_LENGTH)) : null,
          createdAt: now,
          updatedAt: now,
        };
        await repositories.clients.insert(client);
        await repositories.events.append(
          { type: "APP_CLIENT_CREATED", poolId, actor: actorOf(principal), detail: describeClient(client) },
          now,
        );
        return client;
      });
    },

    /**
     * Changes the settings `input` names; the others keep their values (GraphQL's updateUserPoolClient).
     * With `replace`, the others go back to their defaults, as Cognito's UpdateUserPoolClient does
     * (reference-oauth §9.1); the name is kept when not given, the secret always.
     * @throws ResourceNotFoundException, InvalidParameterException, InvalidOAuthFlowException, ScopeDoesNotExistException, NotAuthorizedException
     */
    async updateUserPoolClient(
      principal: AdminPrincipal,
      poolId: string,
      clientId: string,
      input: UpdateAppClientInput,
      options: { replace?: boolean } = {},
    ): Promise<AppClient> {
      const updated = await db.transaction(async (repositories) => {
        const { pool, client } = await loadClient(repositories, principal, poolId, clientId);
        const base: AppClientSettings = options.replace
          ? { ...DEFAULT_CLIENT_SETTINGS, clientName: client.clientName }
          : client;
        const settings = mergeClientSettings(base, input);
        validateAppClientSettings(
          settings,
          pool.schemaAttributes,
          client.secretCiphertext !== null,
          await oauthContextOf(repositories, poolId, client.allowedOAuthScopes),
        );
        const now = clock.now();
        const updated: AppClient = { ...client, ...settings, updatedAt: now };
        await repositories.clients.update(updated);
        const changedFields = Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined);
        await repositories.events.append(
          {
            type: "APP_CLIENT_UPDATED",
            poolId,
            actor: actorOf(principal),
            detail: { changedFields, client: describeClient(updated) },
          },
          now,
        );
        return updated;
      });
      await contexts.invalidateClient(clientId);
      return updated;
    },

    /** @throws ResourceNotFoundException, NotAuthorizedException */
    async deleteUserPoolClient(principal: AdminPrincipal, poolId: string, clientId: string): Promise<void> {
      await db.transaction(async (repositories) => {
        // Locked as SetUICustomization locks: a Set that found this client cannot add branding after the delete.
        await lockAccessiblePool(repositories, principal, poolId);
        const { client } = await loadClient(repositories, principal, poolId, clientId);
        await repositories.clients.delete(clientId);
        // The client's sign-in page branding and its public logo URL go with it: no foreign key removes
        // them, since the row's client_id may also be "ALL" (the pool's own branding).
        await repositories.uiCustomizations.delete(poolId, clientId);
        await repositories.events.append(
          {
            type: "APP_CLIENT_DELETED",
            poolId,
            actor: actorOf(principal),
            detail: { clientId, clientName: client.clientName },
          },
          clock.now(),
        );
      });
      await contexts.invalidateClient(clientId);
    },

    /** @throws ResourceNotFoundException, NotAuthorizedException */
    async getUserPoolClient(principal: AdminPrincipal, poolId: string, clientId: string): Promise<AppClient> {
      return db.read(async (repositories) => (await loadClient(repositories, principal, poolId, clientId)).client);
    },

    /** @throws ResourceNotFoundException, InvalidParameterException, NotAuthorizedException */
    async listUserPoolClients(principal: AdminPrincipal, poolId: string, args: PageArgs): Promise<Page<AppClient>> {
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        return repositories.clients.listByPool(poolId, { afterId, limit: limit + 1 });
      });
      return toPage(rows, limit, (client) => client.clientId);
    },

    /** The plain client secret, for admins only; null for public clients. */
    revealSecret(secretCiphertext: string | null): string | null {
      return secretCiphertext === null ? null : secretBox.decrypt(secretCiphertext);
    },
  };
}
