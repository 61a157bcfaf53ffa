import type { Clock } from "../../lib/clock.js";
import { timeOrderedId } from "../../lib/random.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { resourceNotFound } from "../errors.js";
import { loadAccessiblePool, lockAccessiblePool } from "../pools/user-pool.service.js";
import type { Database, Repositories } from "../ports.js";
import { requireClientId } from "../validation.js";
import { ALL_CLIENTS, type UiCustomization } from "./ui-customization.types.js";
import { renderableCustomizationCss, validateCustomizationCss } from "./ui-css.validation.js";
import { validateLogo } from "./ui-customization.validation.js";

export interface UiCustomizationServiceDeps {
  db: Database;
  clock: Clock;
  /** PUBLIC_URL: logos are served at `<publicUrl>/<poolId>/ui-assets/<clientId>/<cssVersion>/logo.<ext>`. */
  publicUrl: string;
}

export type UiCustomizationService = ReturnType<typeof createUiCustomizationService>;

export interface SetUiCustomizationInput {
  /** null or absent = no CSS: SetUICustomization replaces the whole customization, as Cognito's does. */
  css?: string | null;
  /** Base64 of a PNG or JPEG logo; null or absent = no logo. */
  imageBase64?: string | null;
}

/** What the logo route serves. */
export interface UiLogo {
  bytes: Buffer;
  contentType: "image/png" | "image/jpeg";
}

const extensionOf = (contentType: UiLogo["contentType"]): "png" | "jpg" =>
  contentType === "image/png" ? "png" : "jpg";

/** The clientId argument as Cognito takes it: absent means the pool's default ("ALL"). */
const clientIdOf = (clientId: string | null | undefined): string => clientId ?? ALL_CLIENTS;

async function requireClientOfPool(repositories: Repositories, poolId: string, clientId: string): Promise<void> {
  if (clientId === ALL_CLIENTS) return;
  requireClientId(clientId);
  const client = await repositories.clients.findById(clientId);
  if (!client || client.poolId !== poolId)
    throw resourceNotFound(`App client ${clientId} does not exist in user pool ${poolId}.`);
}

function renderableOrNull(css: string): string | null {
  try {
    return renderableCustomizationCss(css);
  } catch {
    return null;
  }
}

/** Branding of the sign-in pages (SetUICustomization / GetUICustomization, reference-oauth §8.4). */
export function createUiCustomizationService({ db, clock, publicUrl }: UiCustomizationServiceDeps) {
  const base = publicUrl.replace(/\/+$/, "");

  async function effective(
    repositories: Repositories,
    poolId: string,
    clientId: string,
  ): Promise<UiCustomization | null> {
    if (clientId !== ALL_CLIENTS) {
      const own = await repositories.uiCustomizations.find(poolId, clientId);
      if (own) return own;
    }
    return repositories.uiCustomizations.find(poolId, ALL_CLIENTS);
  }

  return {
    /**
     * Replaces the branding of one client, or of the whole pool with clientId "ALL" (or none).
     * @throws InvalidParameterException (CSS or logo refused), ResourceNotFoundException, NotAuthorizedException
     */
    async setUICustomization(
      principal: AdminPrincipal,
      poolId: string,
      clientIdArgument: string | null | undefined,
      input: SetUiCustomizationInput,
    ): Promise<UiCustomization> {
      const clientId = clientIdOf(clientIdArgument);
      const css = input.css === undefined || input.css === null ? null : validateCustomizationCss(input.css);
      const logo =
        input.imageBase64 === undefined || input.imageBase64 === null ? null : validateLogo(input.imageBase64);
      return db.transaction(async (repositories) => {
        // Locked: the upsert reads then inserts, so parallel first Sets of one (pool, client) would race to
        // the primary key on MariaDB; and a client's deletion (which removes its branding) takes the same
        // lock, so a Set cannot slip a row in for a client deleted after it was checked.
        await lockAccessiblePool(repositories, principal, poolId);
        await requireClientOfPool(repositories, poolId, clientId);
        const now = clock.now();
        const existing = await repositories.uiCustomizations.find(poolId, clientId);
        const customization: UiCustomization = {
          poolId,
          clientId,
          css,
          imageBase64: logo?.base64 ?? null,
          imageContentType: logo?.contentType ?? null,
          // A new version on every change: the logo's URL names it, so browsers may cache a URL forever.
          cssVersion: timeOrderedId(now.getTime()),
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        await repositories.uiCustomizations.upsert(customization);
        await repositories.events.append(
          {
            type: "UI_CUSTOMIZATION_SET",
            poolId,
            actor: actorOf(principal),
            detail: {
              clientId,
              cssVersion: customization.cssVersion,
              cssBytes: css === null ? 0 : Buffer.byteLength(css),
              logo: logo ? { contentType: logo.contentType, bytes: Buffer.byteLength(logo.base64, "base64") } : null,
            },
          },
          now,
        );
        return customization;
      });
    },

    /**
     * The client's branding, else the pool's ("ALL"), else null — what GetUICustomization reports.
     * @throws ResourceNotFoundException, NotAuthorizedException
     */
    async getUICustomization(
      principal: AdminPrincipal,
      poolId: string,
      clientIdArgument: string | null | undefined,
    ): Promise<UiCustomization | null> {
      const clientId = clientIdOf(clientIdArgument);
      return db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        await requireClientOfPool(repositories, poolId, clientId);
        return effective(repositories, poolId, clientId);
      });
    },

    /**
     * For the sign-in pages: the client's own branding, else the pool's ("ALL"), else null. No access check.
     * Its css is what the pages may render: the stored rules re-serialised by the whitelist grammar, never
     * the text as set; CSS a stricter grammar now refuses (set before it) is left out rather than rendered.
     */
    async findEffective(poolId: string, clientId: string): Promise<UiCustomization | null> {
      const customization = await db.read((repositories) => effective(repositories, poolId, clientId));
      if (!customization || customization.css === null) return customization;
      return { ...customization, css: renderableOrNull(customization.css) };
    },

    /** The logo's public URL, or null when there is no logo. */
    imageUrlOf(customization: UiCustomization): string | null {
      if (customization.imageContentType === null) return null;
      return `${base}/${encodeURIComponent(customization.poolId)}/ui-assets/${encodeURIComponent(customization.clientId)}/${customization.cssVersion}/logo.${extensionOf(customization.imageContentType)}`;
    },

    /**
     * The logo at a URL imageUrlOf made, only while it is the current version (the URL is cached forever,
     * so an old version must not answer with new bytes). Null when there is none.
     */
    async findLogo(poolId: string, clientId: string, cssVersion: string, extension: string): Promise<UiLogo | null> {
      const customization = await db.read((repositories) => repositories.uiCustomizations.find(poolId, clientId));
      if (
        !customization ||
        customization.cssVersion !== cssVersion ||
        customization.imageBase64 === null ||
        customization.imageContentType === null
      )
        return null;
      if (extensionOf(customization.imageContentType) !== extension) return null;
      return { bytes: Buffer.from(customization.imageBase64, "base64"), contentType: customization.imageContentType };
    },
  };
}
