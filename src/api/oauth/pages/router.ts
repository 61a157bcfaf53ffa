import { Router } from "express";

/**
 * The managed sign-in pages (/login, /signup, /confirm, …), mounted by the OAuth router under each
 * pool's base (`/<poolId>` on PUBLIC_URL, or the root of a pool domain). res.locals.oauthPool names the pool.
 * Placeholder until the pages land.
 */
export function createManagedLoginPages(): Router {
  return Router();
}
