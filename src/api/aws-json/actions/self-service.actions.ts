import { invalidParameter } from "../../../core/errors.js";
import type { SoftwareTokenCaller } from "../../../core/mfa/software-token.service.js";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import { action, EMPTY, type ActionTable, type WireContext } from "../action.js";
import { required, str } from "../constraints.js";
import {
  accessToken,
  attributeName,
  attributeNames,
  attributes,
  clientMetadata,
  confirmationCode,
  password,
  session,
  token,
  userCode,
} from "../members.js";
import { compact, toCodeDeliveryDetails, toLegacyMfaOptions, toMfaMembers } from "../shapes.js";
import { mfaSettingsMembers, toAttributeInputs, toMfaPreference, type MfaSettingsRequest } from "./users.actions.js";

type TokenRequest = { AccessToken: string };
type ClientMetadataRequest = { ClientMetadata?: Record<string, string> };
const user = (ctx: WireContext, input: TokenRequest): Promise<AccessTokenPrincipal> =>
  ctx.services.accessTokens.authenticate(input.AccessToken);

/** AssociateSoftwareToken / VerifySoftwareToken: an access token or, during MFA_SETUP, the sign-in session; never both. */
async function softwareTokenCaller(
  ctx: WireContext,
  input: { AccessToken?: string; Session?: string },
): Promise<SoftwareTokenCaller> {
  if (input.AccessToken !== undefined && input.Session !== undefined)
    throw invalidParameter("Send either AccessToken or Session, not both.");
  if (input.Session !== undefined) return { kind: "session", session: input.Session };
  return { kind: "accessToken", principal: await ctx.services.accessTokens.authenticate(input.AccessToken ?? null) };
}

/** A void action for the user of the access token. */
const tokenCommand = (run: (ctx: WireContext, principal: AccessTokenPrincipal) => Promise<void>) =>
  action<TokenRequest>({
    auth: "public",
    members: { AccessToken: accessToken },
    async handle(input, ctx) {
      await run(ctx, await user(ctx, input));
      return EMPTY;
    },
  });

/** Access-token operations: the token comes in the body (`AccessToken`), as Cognito takes it; no signature. */
export const selfServiceActions: ActionTable = {
  GetUser: action<TokenRequest>({
    auth: "public",
    members: { AccessToken: accessToken },
    async handle(input, ctx) {
      const profile = await ctx.services.selfService.getUser(await user(ctx, input));
      return {
        Username: profile.username,
        UserAttributes: profile.userAttributes.map((attribute) => ({ Name: attribute.name, Value: attribute.value })),
        ...toLegacyMfaOptions(profile),
        ...toMfaMembers(profile),
      };
    },
  }),

  UpdateUserAttributes: action<
    TokenRequest & ClientMetadataRequest & { UserAttributes: { Name: string; Value?: string }[] }
  >({
    auth: "public",
    members: { AccessToken: accessToken, UserAttributes: required(attributes), ClientMetadata: clientMetadata },
    async handle(input, ctx) {
      const list = await ctx.services.selfService.updateUserAttributes(await user(ctx, input), {
        userAttributes: toAttributeInputs(input.UserAttributes),
        clientMetadata: input.ClientMetadata,
      });
      return compact({ CodeDeliveryDetailsList: list.length > 0 ? list.map(toCodeDeliveryDetails) : null });
    },
  }),

  DeleteUserAttributes: action<TokenRequest & { UserAttributeNames: string[] }>({
    auth: "public",
    members: { AccessToken: accessToken, UserAttributeNames: required(attributeNames) },
    async handle(input, ctx) {
      await ctx.services.selfService.deleteUserAttributes(await user(ctx, input), input.UserAttributeNames);
      return EMPTY;
    },
  }),

  GetUserAttributeVerificationCode: action<TokenRequest & ClientMetadataRequest & { AttributeName: string }>({
    auth: "public",
    members: { AccessToken: accessToken, AttributeName: required(attributeName), ClientMetadata: clientMetadata },
    async handle(input, ctx) {
      return {
        CodeDeliveryDetails: toCodeDeliveryDetails(
          await ctx.services.selfService.getUserAttributeVerificationCode(await user(ctx, input), {
            attributeName: input.AttributeName,
            clientMetadata: input.ClientMetadata,
          }),
        ),
      };
    },
  }),

  VerifyUserAttribute: action<TokenRequest & { AttributeName: string; Code: string }>({
    auth: "public",
    members: { AccessToken: accessToken, AttributeName: required(attributeName), Code: confirmationCode },
    async handle(input, ctx) {
      await ctx.services.selfService.verifyUserAttribute(await user(ctx, input), {
        attributeName: input.AttributeName,
        code: input.Code,
      });
      return EMPTY;
    },
  }),

  ChangePassword: action<TokenRequest & { PreviousPassword?: string; ProposedPassword: string }>({
    auth: "public",
    members: { AccessToken: accessToken, PreviousPassword: password, ProposedPassword: required(password) },
    async handle(input, ctx) {
      await ctx.services.selfService.changePassword(await user(ctx, input), {
        previousPassword: input.PreviousPassword ?? "",
        proposedPassword: input.ProposedPassword,
      });
      return EMPTY;
    },
  }),

  DeleteUser: tokenCommand((ctx, principal) => ctx.services.selfService.deleteUser(principal)),
  GlobalSignOut: tokenCommand((ctx, principal) => ctx.services.signOut.globalSignOut(principal)),

  SetUserMFAPreference: action<TokenRequest & MfaSettingsRequest>({
    auth: "public",
    members: { AccessToken: accessToken, ...mfaSettingsMembers },
    async handle(input, ctx) {
      await ctx.services.mfa.setUserMfaPreference(await user(ctx, input), toMfaPreference(input));
      return EMPTY;
    },
  }),

  AssociateSoftwareToken: action<{ AccessToken?: string; Session?: string }>({
    auth: "public",
    members: { AccessToken: token, Session: session },
    async handle(input, ctx) {
      const association = await ctx.services.mfa.associateSoftwareToken(await softwareTokenCaller(ctx, input));
      return compact({ SecretCode: association.secretCode, Session: association.session });
    },
  }),

  VerifySoftwareToken: action<{
    AccessToken?: string;
    Session?: string;
    UserCode: string;
    FriendlyDeviceName?: string;
  }>({
    auth: "public",
    members: {
      AccessToken: token,
      Session: session,
      UserCode: required(userCode),
      FriendlyDeviceName: str({ max: 131072 }),
    },
    async handle(input, ctx) {
      const verification = await ctx.services.mfa.verifySoftwareToken(await softwareTokenCaller(ctx, input), {
        userCode: input.UserCode,
        friendlyDeviceName: input.FriendlyDeviceName,
      });
      return compact({ Status: verification.status, Session: verification.session });
    },
  }),
};
