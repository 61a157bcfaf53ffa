import type { DeliveryMedium } from "../../../core/ports.js";
import type { MfaSettingsInput } from "../../../core/mfa/mfa.types.js";
import type { AttributeInput } from "../../../core/users/attribute-rules.js";
import { action, adminCommand, adminOf, type ActionTable } from "../action.js";
import { bool, int, list, required, str } from "../constraints.js";
import {
  attributeNames,
  attributes,
  clientMetadata,
  groupName,
  limit60,
  mfaSettings,
  nextToken,
  paginationToken,
  password,
  userPoolId,
  username,
} from "../members.js";
import {
  compact,
  epochSeconds,
  toAttributeList,
  toGroupType,
  toLegacyMfaOptions,
  toMfaMembers,
  toUserType,
} from "../shapes.js";

/** Cognito's [{Name, Value}] → core attributes; an absent value is the empty string (a deletion where allowed). */
export const toAttributeInputs = (list: { Name: string; Value?: string }[] | undefined): AttributeInput[] =>
  (list ?? []).map((attribute) => ({ name: attribute.Name, value: attribute.Value ?? "" }));

/** Cognito's Limit 0 means "the default page". */
const pageArgs = (size: number | undefined, token: string | undefined) => ({
  first: size === 0 ? undefined : size,
  after: token,
});

export type MfaSettingsRequest = {
  SMSMfaSettings?: WireMfaSettings;
  SoftwareTokenMfaSettings?: WireMfaSettings;
  EmailMfaSettings?: WireMfaSettings;
};
type WireMfaSettings = { Enabled?: boolean; PreferredMfa?: boolean };
const toMfaSettings = (settings: WireMfaSettings | undefined): MfaSettingsInput | undefined =>
  settings ? { enabled: settings.Enabled, preferredMfa: settings.PreferredMfa } : undefined;
export const toMfaPreference = (request: MfaSettingsRequest) => ({
  smsMfaSettings: toMfaSettings(request.SMSMfaSettings),
  softwareTokenMfaSettings: toMfaSettings(request.SoftwareTokenMfaSettings),
  emailMfaSettings: toMfaSettings(request.EmailMfaSettings),
});
export const mfaSettingsMembers = {
  SMSMfaSettings: mfaSettings,
  SoftwareTokenMfaSettings: mfaSettings,
  EmailMfaSettings: mfaSettings,
  WebAuthnMfaSettings: mfaSettings,
};

type UserRef = { UserPoolId: string; Username: string };
type ClientMetadataRequest = { ClientMetadata?: Record<string, string> };
type GroupRef = { UserPoolId: string; GroupName: string };
const userRef = { UserPoolId: userPoolId, Username: username };
const ref = (input: UserRef) => ({ userPoolId: input.UserPoolId, username: input.Username });

const groupDetails = {
  Description: str({ max: 2048 }),
  RoleArn: str({ min: 20, max: 2048 }),
  Precedence: int({ min: 0, max: 2147483647 }),
};
type GroupDetails = { Description?: string; RoleArn?: string; Precedence?: number };
/** CreateGroup and UpdateGroup's body as the group service takes it. */
const groupInput = (input: GroupRef & GroupDetails) => ({
  groupName: input.GroupName,
  description: input.Description,
  roleArn: input.RoleArn,
  precedence: input.Precedence,
});

/** A void admin action on one user. */
const userCommand = (
  run: (ctx: Parameters<ActionTable[string]["handle"]>[1], input: UserRef & ClientMetadataRequest) => Promise<void>,
) =>
  adminCommand<UserRef & ClientMetadataRequest>({ ...userRef, ClientMetadata: clientMetadata }, (input, ctx) =>
    run(ctx, input),
  );

/** Groups, every Admin* user operation and ListUsers (IAM actions on AWS: SigV4 with an admin key here). */
export const userActions: ActionTable = {
  CreateGroup: action<GroupRef & GroupDetails>({
    auth: "admin",
    members: { UserPoolId: userPoolId, GroupName: groupName, ...groupDetails },
    async handle(input, ctx) {
      const group = await ctx.services.groups.createGroup(adminOf(ctx), input.UserPoolId, groupInput(input));
      return { Group: toGroupType(group) };
    },
  }),
  UpdateGroup: action<GroupRef & GroupDetails>({
    auth: "admin",
    members: { UserPoolId: userPoolId, GroupName: groupName, ...groupDetails },
    async handle(input, ctx) {
      const group = await ctx.services.groups.updateGroup(adminOf(ctx), input.UserPoolId, groupInput(input));
      return { Group: toGroupType(group) };
    },
  }),
  GetGroup: action<GroupRef>({
    auth: "admin",
    members: { UserPoolId: userPoolId, GroupName: groupName },
    async handle(input, ctx) {
      return {
        Group: toGroupType(await ctx.services.groups.getGroup(adminOf(ctx), input.UserPoolId, input.GroupName)),
      };
    },
  }),
  DeleteGroup: adminCommand<GroupRef>({ UserPoolId: userPoolId, GroupName: groupName }, (input, ctx) =>
    ctx.services.groups.deleteGroup(adminOf(ctx), input.UserPoolId, input.GroupName),
  ),
  ListGroups: action<{ UserPoolId: string; Limit?: number; NextToken?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, Limit: limit60, NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.groups.listGroups(
        adminOf(ctx),
        input.UserPoolId,
        pageArgs(input.Limit, input.NextToken),
      );
      return compact({ Groups: page.items.map(toGroupType), NextToken: page.nextCursor });
    },
  }),
  ListUsersInGroup: action<GroupRef & { Limit?: number; NextToken?: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, GroupName: groupName, Limit: limit60, NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.groups.listUsersInGroup(
        adminOf(ctx),
        input.UserPoolId,
        input.GroupName,
        pageArgs(input.Limit, input.NextToken),
      );
      return compact({ Users: page.items.map((user) => toUserType(user)), NextToken: page.nextCursor });
    },
  }),
  AdminAddUserToGroup: adminCommand<UserRef & { GroupName: string }>(
    { ...userRef, GroupName: groupName },
    (input, ctx) => ctx.services.groups.addUserToGroup(adminOf(ctx), input.UserPoolId, input.Username, input.GroupName),
  ),
  AdminRemoveUserFromGroup: adminCommand<UserRef & { GroupName: string }>(
    { ...userRef, GroupName: groupName },
    (input, ctx) =>
      ctx.services.groups.removeUserFromGroup(adminOf(ctx), input.UserPoolId, input.Username, input.GroupName),
  ),
  AdminListGroupsForUser: action<UserRef & { Limit?: number; NextToken?: string }>({
    auth: "admin",
    members: { ...userRef, Limit: limit60, NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.groups.listGroupsForUser(
        adminOf(ctx),
        input.UserPoolId,
        input.Username,
        pageArgs(input.Limit, input.NextToken),
      );
      return compact({ Groups: page.items.map(toGroupType), NextToken: page.nextCursor });
    },
  }),

  AdminCreateUser: action<
    UserRef & {
      UserAttributes?: { Name: string; Value?: string }[];
      TemporaryPassword?: string;
      ForceAliasCreation?: boolean;
      MessageAction?: "RESEND" | "SUPPRESS";
      DesiredDeliveryMediums?: DeliveryMedium[];
      ValidationData?: { Name: string; Value?: string }[];
      ClientMetadata?: Record<string, string>;
    }
  >({
    auth: "admin",
    members: {
      ...userRef,
      UserAttributes: attributes,
      ValidationData: attributes,
      TemporaryPassword: password,
      ForceAliasCreation: bool(),
      MessageAction: str({ values: ["RESEND", "SUPPRESS"] }),
      DesiredDeliveryMediums: list(str({ values: ["SMS", "EMAIL"] })),
      ClientMetadata: clientMetadata,
    },
    async handle(input, ctx) {
      const user = await ctx.services.adminUsers.adminCreateUser(adminOf(ctx), {
        ...ref(input),
        userAttributes: toAttributeInputs(input.UserAttributes),
        temporaryPassword: input.TemporaryPassword,
        forceAliasCreation: input.ForceAliasCreation,
        messageAction: input.MessageAction,
        desiredDeliveryMediums: input.DesiredDeliveryMediums,
        validationData: input.ValidationData ? toAttributeInputs(input.ValidationData) : null,
        clientMetadata: input.ClientMetadata,
      });
      return { User: toUserType(user) };
    },
  }),
  AdminGetUser: action<UserRef>({
    auth: "admin",
    members: userRef,
    async handle(input, ctx) {
      const { user, mfa } = await ctx.services.adminUsers.adminGetUser(adminOf(ctx), ref(input));
      return {
        Username: user.username,
        UserAttributes: toAttributeList(user),
        UserCreateDate: epochSeconds(user.createdAt),
        UserLastModifiedDate: epochSeconds(user.updatedAt),
        Enabled: user.enabled,
        UserStatus: user.status,
        ...toLegacyMfaOptions(mfa),
        ...toMfaMembers(mfa),
      };
    },
  }),
  AdminUpdateUserAttributes: adminCommand<
    UserRef & ClientMetadataRequest & { UserAttributes: { Name: string; Value?: string }[] }
  >({ ...userRef, UserAttributes: required(attributes), ClientMetadata: clientMetadata }, (input, ctx) =>
    ctx.services.adminUsers.adminUpdateUserAttributes(adminOf(ctx), {
      ...ref(input),
      userAttributes: toAttributeInputs(input.UserAttributes),
      clientMetadata: input.ClientMetadata,
    }),
  ),
  AdminDeleteUserAttributes: adminCommand<UserRef & { UserAttributeNames: string[] }>(
    { ...userRef, UserAttributeNames: required(attributeNames) },
    (input, ctx) =>
      ctx.services.adminUsers.adminDeleteUserAttributes(adminOf(ctx), {
        ...ref(input),
        userAttributeNames: input.UserAttributeNames,
      }),
  ),
  AdminSetUserPassword: adminCommand<UserRef & { Password: string; Permanent?: boolean }>(
    { ...userRef, Password: required(password), Permanent: bool() },
    (input, ctx) =>
      ctx.services.adminUsers.adminSetUserPassword(adminOf(ctx), {
        ...ref(input),
        password: input.Password,
        permanent: input.Permanent,
      }),
  ),
  AdminDeleteUser: userCommand((ctx, input) => ctx.services.adminUsers.adminDeleteUser(adminOf(ctx), ref(input))),
  AdminDisableUser: userCommand((ctx, input) => ctx.services.adminUsers.adminDisableUser(adminOf(ctx), ref(input))),
  AdminEnableUser: userCommand((ctx, input) => ctx.services.adminUsers.adminEnableUser(adminOf(ctx), ref(input))),
  AdminConfirmSignUp: userCommand((ctx, input) =>
    ctx.services.adminUsers.adminConfirmSignUp(adminOf(ctx), { ...ref(input), clientMetadata: input.ClientMetadata }),
  ),
  AdminResetUserPassword: userCommand((ctx, input) =>
    ctx.services.adminUsers.adminResetUserPassword(adminOf(ctx), {
      ...ref(input),
      clientMetadata: input.ClientMetadata,
    }),
  ),
  AdminUserGlobalSignOut: userCommand((ctx, input) =>
    ctx.services.signOut.adminUserGlobalSignOut(adminOf(ctx), ref(input)),
  ),
  AdminSetUserMFAPreference: adminCommand<UserRef & MfaSettingsRequest>(
    { ...userRef, ...mfaSettingsMembers },
    (input, ctx) => ctx.services.mfa.adminSetUserMfaPreference(adminOf(ctx), ref(input), toMfaPreference(input)),
  ),

  ListUsers: action<{
    UserPoolId: string;
    AttributesToGet?: string[];
    Limit?: number;
    PaginationToken?: string;
    Filter?: string;
  }>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      AttributesToGet: attributeNames,
      Limit: limit60,
      PaginationToken: paginationToken,
      Filter: str({ max: 256 }),
    },
    async handle(input, ctx) {
      const page = await ctx.services.listUsers.listUsers(adminOf(ctx), input.UserPoolId, {
        filter: input.Filter,
        attributesToGet: input.AttributesToGet,
        limit: input.Limit,
        paginationToken: input.PaginationToken,
      });
      return compact({
        Users: page.users.map((user) => toUserType(user, input.AttributesToGet)),
        PaginationToken: page.paginationToken,
      });
    },
  }),
};
