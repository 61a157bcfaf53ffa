import { createParameterDecorator, type AuthChecker } from "type-graphql";
import type { AdminPrincipal } from "../../core/admin-keys/admin-key.types.js";
import type { AdminKeyService } from "../../core/admin-keys/admin-key.service.js";
import type { AppClientService } from "../../core/clients/app-client.service.js";
import type { EventService } from "../../core/events/event.service.js";
import type { GroupService } from "../../core/groups/group.service.js";
import type { SentMessageService } from "../../core/messaging/sent-message.service.js";
import type { SigningKeyService } from "../../core/tokens/signing-key.service.js";
import type { SignInService } from "../../core/flows/sign-in/sign-in.service.js";
import type { UserPoolService } from "../../core/pools/user-pool.service.js";
import type { AdminUserService } from "../../core/users/admin-user.service.js";
import type { ListUsersService } from "../../core/users/list-users.service.js";
import type { PasswordRecoveryService } from "../../core/users/password-recovery.service.js";
import type { SignUpService } from "../../core/users/sign-up.service.js";

/** The core services the GraphQL edge calls; resolvers stay thin and hold no logic of their own. */
export interface ApiServices {
  userPools: UserPoolService;
  appClients: AppClientService;
  adminKeys: AdminKeyService;
  events: EventService;
  groups: GroupService;
  signUp: SignUpService;
  signIn: SignInService;
  adminUsers: AdminUserService;
  listUsers: ListUsersService;
  passwordRecovery: PasswordRecoveryService;
  sentMessages: SentMessageService;
  signingKeys: SigningKeyService;
}

export interface GraphqlContext {
  requestId: string;
  services: ApiServices;
  bearerToken: string | null;
  /** The client's address, for per-address sign-in failure limits (behind a proxy, configure trust proxy). */
  sourceIp: string | null;
  /** Set by the auth checker once the bearer admin key has been verified. */
  admin: AdminPrincipal | null;
}

export function readBearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1]! : null;
}

/** The single auth checker: `@Authorized()` means "needs a valid admin API key". */
export const authChecker: AuthChecker<GraphqlContext> = async ({ context }) => {
  context.admin = await context.services.adminKeys.authenticate(context.bearerToken);
  return true;
};

/** Injects the verified admin principal; only valid on `@Authorized()` operations. */
export const CurrentAdmin = () =>
  createParameterDecorator<GraphqlContext>(({ context }) => {
    if (!context.admin) throw new Error("CurrentAdmin used on an operation without @Authorized()");
    return context.admin;
  });
