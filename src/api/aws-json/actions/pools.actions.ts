import { invalidParameter } from "../../../core/errors.js";
import type { UserPoolMfaConfig } from "../../../core/mfa/mfa-config.service.js";
import type { MfaFactor } from "../../../core/pools/user-pool.types.js";
import { action, adminCommand, adminOf, type ActionTable } from "../action.js";
import { bool, list, required, str, struct } from "../constraints.js";
import { clientId, maxResults60, nextToken, userPoolId } from "../members.js";
import { compact, toUserPoolClientType, toUserPoolDescription, toUserPoolType } from "../shapes.js";
import {
  clientSettingMembers,
  customAttributesMember,
  poolNameMember,
  poolSettingMembers,
  schemaAttributeMember,
  toCoreAppClientInput,
  toCoreCreateUserPoolInput,
  toCoreCustomAttribute,
  toCoreUpdateUserPoolInput,
  type SchemaAttributeType,
  type UserPoolClientRequest,
  type UserPoolRequest,
} from "./pool-requests.js";

/** Cognito's Limit/MaxResults 0 means "the default page". */
const pageArgs = (size: number | undefined, token: string | undefined) => ({
  first: size === 0 ? undefined : size,
  after: token,
});

type PoolRef = { UserPoolId: string };
type ClientRef = PoolRef & { ClientId: string };

/** Pools, app clients and the pool MFA settings (IAM actions on AWS: SigV4 with an admin key here). */
export const poolActions: ActionTable = {
  CreateUserPool: action<UserPoolRequest & { PoolName: string }>({
    auth: "admin",
    members: {
      ...poolSettingMembers,
      PoolName: required(poolNameMember),
      AliasAttributes: list(str({ values: ["phone_number", "email", "preferred_username"] })),
      UsernameAttributes: list(str({ values: ["phone_number", "email"] })),
      UsernameConfiguration: struct({ CaseSensitive: required(bool()) }),
      Schema: list(schemaAttributeMember, { min: 1, max: 50 }),
    },
    async handle(input, ctx) {
      const pool = await ctx.services.userPools.createUserPool(adminOf(ctx), toCoreCreateUserPoolInput(input));
      return { UserPool: toUserPoolType(pool, 0) };
    },
  }),

  UpdateUserPool: adminCommand<UserPoolRequest & PoolRef>(
    { ...poolSettingMembers, UserPoolId: userPoolId, PoolName: poolNameMember },
    (input, ctx) =>
      ctx.services.userPools.updateUserPool(adminOf(ctx), input.UserPoolId, toCoreUpdateUserPoolInput(input)),
  ),

  DescribeUserPool: action<PoolRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId },
    async handle(input, ctx) {
      const pool = await ctx.services.userPools.getUserPool(adminOf(ctx), input.UserPoolId);
      const domains = await ctx.services.userPoolDomains.listPoolDomains(adminOf(ctx), pool.id);
      // Domain is the prefix, CustomDomain the custom host (cognito-reference §2.1).
      const domainMembers = compact({
        Domain: domains.find((domain) => domain.kind === "prefix")?.domain,
        CustomDomain: domains.find((domain) => domain.kind === "custom")?.domain,
      });
      return {
        UserPool: { ...toUserPoolType(pool, await ctx.services.userPools.countUsers(pool.id)), ...domainMembers },
      };
    },
  }),

  ListUserPools: action<{ MaxResults: number; NextToken?: string }>({
    auth: "admin",
    members: { MaxResults: required(maxResults60), NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.userPools.listUserPools(
        adminOf(ctx),
        pageArgs(input.MaxResults, input.NextToken),
      );
      return compact({ UserPools: page.items.map(toUserPoolDescription), NextToken: page.nextCursor });
    },
  }),

  DeleteUserPool: adminCommand<PoolRef>({ UserPoolId: userPoolId }, (input, ctx) =>
    ctx.services.userPools.deleteUserPool(adminOf(ctx), input.UserPoolId),
  ),

  AddCustomAttributes: adminCommand<PoolRef & { CustomAttributes: SchemaAttributeType[] }>(
    { UserPoolId: userPoolId, CustomAttributes: customAttributesMember },
    (input, ctx) =>
      ctx.services.userPools.addCustomAttributes(
        adminOf(ctx),
        input.UserPoolId,
        input.CustomAttributes.map(toCoreCustomAttribute),
      ),
  ),

  GetUserPoolMfaConfig: action<PoolRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId },
    async handle(input, ctx) {
      return toMfaConfigResponse(await ctx.services.mfa.getUserPoolMfaConfig(adminOf(ctx), input.UserPoolId));
    },
  }),

  SetUserPoolMfaConfig: action<
    PoolRef & {
      MfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
      SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
      SmsMfaConfiguration?: { SmsAuthenticationMessage?: string };
      EmailMfaConfiguration?: { Message?: string; Subject?: string };
      WebAuthnConfiguration?: { RelyingPartyId?: string; UserVerification?: string; FactorConfiguration?: string };
    }
  >({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      MfaConfiguration: str({ values: ["OFF", "ON", "OPTIONAL"] }),
      SoftwareTokenMfaConfiguration: struct({ Enabled: bool() }),
      SmsMfaConfiguration: struct({
        SmsAuthenticationMessage: str({ min: 6, max: 140 }),
        SmsConfiguration: struct({}),
      }),
      EmailMfaConfiguration: struct({ Message: str({ min: 6, max: 20000 }), Subject: str({ min: 1, max: 140 }) }),
      WebAuthnConfiguration: struct({
        RelyingPartyId: str({ min: 1, max: 127 }),
        UserVerification: str({ values: ["required", "preferred"] }),
        FactorConfiguration: str({ values: ["SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION"] }),
      }),
    },
    async handle(input, ctx) {
      const admin = adminOf(ctx);
      // A factor's configuration switches it on; TOTP follows its Enabled flag; an omitted one keeps its state.
      const current = await ctx.services.mfa.getUserPoolMfaConfig(admin, input.UserPoolId);
      const enabled = new Set<MfaFactor>(current.enabledMfas);
      if (input.SmsMfaConfiguration) enabled.add("SMS_MFA");
      if (input.EmailMfaConfiguration) enabled.add("EMAIL_OTP");
      if (input.SoftwareTokenMfaConfiguration) {
        if (input.SoftwareTokenMfaConfiguration.Enabled) enabled.add("SOFTWARE_TOKEN_MFA");
        else enabled.delete("SOFTWARE_TOKEN_MFA");
      }
      const updated = await ctx.services.mfa.setUserPoolMfaConfig(
        admin,
        input.UserPoolId,
        compact({
          mfaConfiguration: input.MfaConfiguration,
          enabledMfas: [...enabled],
          smsAuthenticationMessage: input.SmsMfaConfiguration?.SmsAuthenticationMessage,
          emailMfaMessage: input.EmailMfaConfiguration?.Message,
          emailMfaSubject: input.EmailMfaConfiguration?.Subject,
          webAuthnConfiguration: input.WebAuthnConfiguration && {
            relyingPartyId: input.WebAuthnConfiguration.RelyingPartyId,
            userVerification: input.WebAuthnConfiguration.UserVerification,
            factorConfiguration: input.WebAuthnConfiguration.FactorConfiguration,
          },
        }),
      );
      return toMfaConfigResponse(updated);
    },
  }),

  CreateUserPoolClient: action<UserPoolClientRequest & PoolRef & { ClientName: string }>({
    auth: "admin",
    members: {
      ...clientSettingMembers,
      UserPoolId: userPoolId,
      ClientName: required(clientSettingMembers.ClientName!),
      GenerateSecret: bool(),
      ClientSecret: str({ min: 24, max: 64, pattern: "[\\w+]+", sensitive: true }),
    },
    async handle(input, ctx) {
      if (input.ClientSecret !== undefined)
        throw invalidParameter(
          "ClientSecret: the gateway generates client secrets; send GenerateSecret: true instead.",
        );
      const client = await ctx.services.appClients.createUserPoolClient(adminOf(ctx), input.UserPoolId, {
        ...toCoreAppClientInput(input),
        clientName: input.ClientName,
        generateSecret: input.GenerateSecret ?? false,
      });
      return {
        UserPoolClient: toUserPoolClientType(client, ctx.services.appClients.revealSecret(client.secretCiphertext)),
      };
    },
  }),

  UpdateUserPoolClient: action<UserPoolClientRequest & ClientRef>({
    auth: "admin",
    members: { ...clientSettingMembers, UserPoolId: userPoolId, ClientId: clientId },
    async handle(input, ctx) {
      // Cognito's UpdateUserPoolClient replaces the whole configuration: what the request leaves out goes
      // back to its default (reference-oauth §9.1). GraphQL's updateUserPoolClient merges instead.
      const client = await ctx.services.appClients.updateUserPoolClient(
        adminOf(ctx),
        input.UserPoolId,
        input.ClientId,
        toCoreAppClientInput(input),
        { replace: true },
      );
      return {
        UserPoolClient: toUserPoolClientType(client, ctx.services.appClients.revealSecret(client.secretCiphertext)),
      };
    },
  }),

  DescribeUserPoolClient: action<ClientRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId, ClientId: clientId },
    async handle(input, ctx) {
      const client = await ctx.services.appClients.getUserPoolClient(adminOf(ctx), input.UserPoolId, input.ClientId);
      return {
        UserPoolClient: toUserPoolClientType(client, ctx.services.appClients.revealSecret(client.secretCiphertext)),
      };
    },
  }),

  ListUserPoolClients: action<PoolRef & { MaxResults?: number; NextToken?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, MaxResults: maxResults60, NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.appClients.listUserPoolClients(
        adminOf(ctx),
        input.UserPoolId,
        pageArgs(input.MaxResults, input.NextToken),
      );
      return compact({
        UserPoolClients: page.items.map((client) => ({
          ClientId: client.clientId,
          UserPoolId: client.poolId,
          ClientName: client.clientName,
        })),
        NextToken: page.nextCursor,
      });
    },
  }),

  DeleteUserPoolClient: adminCommand<ClientRef>({ UserPoolId: userPoolId, ClientId: clientId }, (input, ctx) =>
    ctx.services.appClients.deleteUserPoolClient(adminOf(ctx), input.UserPoolId, input.ClientId),
  ),
};

function toMfaConfigResponse(config: UserPoolMfaConfig) {
  const webAuthn = config.webAuthnConfiguration;
  return compact({
    MfaConfiguration: config.mfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: config.enabledMfas.includes("SOFTWARE_TOKEN_MFA") },
    SmsMfaConfiguration: config.enabledMfas.includes("SMS_MFA")
      ? { SmsAuthenticationMessage: config.smsAuthenticationMessage }
      : null,
    EmailMfaConfiguration: config.enabledMfas.includes("EMAIL_OTP")
      ? { Message: config.emailMfaMessage, Subject: config.emailMfaSubject }
      : null,
    // Only once set: a RelyingPartyId left to default (the pool's domain) is not reported as one.
    WebAuthnConfiguration: webAuthn
      ? compact({
          RelyingPartyId: webAuthn.relyingPartyId,
          UserVerification: webAuthn.userVerification,
          FactorConfiguration: webAuthn.factorConfiguration,
        })
      : null,
  });
}
