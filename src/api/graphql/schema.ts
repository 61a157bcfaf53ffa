import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./context.js";
import { AdminResolver } from "./resolvers/admin.resolver.js";
import { AdminUserResolver } from "./resolvers/admin-user.resolver.js";
import { AppClientResolver } from "./resolvers/app-client.resolver.js";
import { AuthResolver } from "./resolvers/auth.resolver.js";
import { DeviceResolver } from "./resolvers/device.resolver.js";
import { EventResolver, UNUSED_TOPIC_PUBSUB } from "./resolvers/event.resolver.js";
import { GroupResolver } from "./resolvers/group.resolver.js";
import { ListUsersResolver } from "./resolvers/list-users.resolver.js";
import { MfaResolver } from "./resolvers/mfa.resolver.js";
import { SelfServiceResolver } from "./resolvers/self-service.resolver.js";
import { SigningKeyResolver } from "./resolvers/signing-key.resolver.js";
import { SignUpResolver } from "./resolvers/sign-up.resolver.js";
import { TriggerResolver } from "./resolvers/trigger.resolver.js";
import { UserPoolResolver } from "./resolvers/user-pool.resolver.js";
import { WebhookResolver } from "./resolvers/webhook.resolver.js";
import { WebAuthnResolver } from "./resolvers/webauthn.resolver.js";
import { MigrationSourceResolver } from "./resolvers/migration-source.resolver.js";
import { UserImportResolver } from "./resolvers/user-import.resolver.js";
import {
  ResourceServerResolver,
  UiCustomizationResolver,
  UserPoolDomainFieldsResolver,
  UserPoolDomainResolver,
} from "./resolvers/oauth-admin.resolver.js";

export const RESOLVERS = [
  AuthResolver,
  UserPoolResolver,
  AppClientResolver,
  AdminResolver,
  SignUpResolver,
  GroupResolver,
  AdminUserResolver,
  ListUsersResolver,
  SigningKeyResolver,
  SelfServiceResolver,
  MfaResolver,
  DeviceResolver,
  TriggerResolver,
  EventResolver,
  WebhookResolver,
  ResourceServerResolver,
  UserPoolDomainResolver,
  UserPoolDomainFieldsResolver,
  UiCustomizationResolver,
  WebAuthnResolver,
  MigrationSourceResolver,
  UserImportResolver,
] as const;

/** The executable schema; `emit-schema` prints the same schema, sorted, to schema/schema.graphql. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, authChecker, validate: false, pubSub: UNUSED_TOPIC_PUBSUB });
}
