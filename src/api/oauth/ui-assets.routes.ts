import { Router, type NextFunction, type Request, type Response } from "express";
import type { UiCustomizationService } from "../../core/oauth/ui-customization.service.js";
import { CLIENT_ID_PATTERN, POOL_ID_PATTERN } from "../../core/validation.js";

export interface UiAssetsDeps {
  uiCustomizations: Pick<UiCustomizationService, "findLogo">;
}

const FILE = /^logo\.(png|jpg)$/;
const VERSION = /^[0-9a-z]{1,64}$/;

/**
 * `GET <PUBLIC_URL>/<poolId>/ui-assets/<clientId>/<cssVersion>/logo.(png|jpg)`: the logo SetUICustomization
 * stored, as GetUICustomization's ImageUrl names it. The version in the path changes with every upload,
 * so the answer may be cached for good; an older version is a 404, never newer bytes. The content type
 * comes from the bytes' signature (checked on upload) and is never sniffed.
 */
export function createUiAssetsRouter({ uiCustomizations }: UiAssetsDeps): Router {
  const router = Router();
  router.get(
    "/:poolId/ui-assets/:clientId/:cssVersion/:file",
    async (request: Request, response: Response, next: NextFunction) => {
      const { poolId, clientId, cssVersion, file } = request.params as Record<string, string>;
      const extension = FILE.exec(file ?? "")?.[1];
      const isWellFormed =
        extension &&
        POOL_ID_PATTERN.test(poolId ?? "") &&
        poolId!.length <= 55 &&
        CLIENT_ID_PATTERN.test(clientId ?? "") &&
        clientId!.length <= 128 &&
        VERSION.test(cssVersion ?? "");
      // Anything else is the not-found handler's (another pool path may be the OAuth router's).
      if (!isWellFormed) return next();
      try {
        const logo = await uiCustomizations.findLogo(poolId!, clientId!, cssVersion!, extension);
        if (!logo) return next();
        response
          .status(200)
          .set({
            "Content-Type": logo.contentType,
            "Cache-Control": "public, max-age=31536000, immutable",
            "X-Content-Type-Options": "nosniff",
            // The sign-in pages on a pool's own domain show it: another origin.
            "Cross-Origin-Resource-Policy": "cross-origin",
            // Opened on its own, it is an image and nothing else.
            "Content-Security-Policy": "default-src 'none'",
          })
          .send(logo.bytes);
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
