import { isCognitoError } from "../../../core/errors.js";
import type { ManagedLoginPagesDeps } from "./deps.js";
import { readDelivery, signDelivery, type Delivery } from "./delivery.js";
import type { PageContext } from "./page-kit.js";
import { pageParameterOf } from "./urls.js";

/** What the account pages (account.routes.ts, password-reset.routes.ts) share: secret hashes, Cognito's errors, signed deliveries. */
export function createAccountPageKit(deps: ManagedLoginPagesDeps) {
  const { services } = deps;
  const secretHashOf = (context: PageContext, username: string) =>
    services.signIn.hostedUi.secretHashOf(context.request.clientId, username);
  /** Cognito's errors are CognitoErrors; anything else is ours and goes to the generic error page. */
  const expectCognito = (error: unknown): void => {
    if (!isCognitoError(error)) throw error;
  };
  /** The `delivery` parameter of the next page: what core reported, signed for this pool and name. */
  const deliveryParameter = (context: PageContext, username: string, delivery: Delivery | null): string | null =>
    delivery ? signDelivery(deps.authenticator, context.base.poolId, username, delivery) : null;
  /** The delivery this page's URL carries, if it was signed here for the URL's name; text from the URL is never shown. */
  const deliveryOf = (context: PageContext): Delivery | null =>
    readDelivery(
      deps.authenticator,
      context.base.poolId,
      pageParameterOf(context.query, "username"),
      pageParameterOf(context.query, "delivery"),
    );

  return { secretHashOf, expectCognito, deliveryParameter, deliveryOf };
}
