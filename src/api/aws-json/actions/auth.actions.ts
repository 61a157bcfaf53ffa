import { adminCallerOf, type AuthFlow, type CallerContext } from "../../../core/flows/sign-in/sign-in.types.js";
import { action, adminOf, EMPTY, type ActionTable, type WireContext } from "../action.js";
import { bool, list, map, required, str, struct } from "../constraints.js";
import {
  accessToken,
  attributes,
  authFlow,
  challengeName,
  clientId,
  clientMetadata,
  clientSecret,
  confirmationCode,
  deviceKey,
  password,
  secretHash,
  session,
  token,
  userPoolId,
  username,
} from "../members.js";
import { compact, toAuthenticationResult, toAuthResponse, toCodeDeliveryDetails, toMfaMembers } from "../shapes.js";
import type { UserAuthFactors } from "../../../core/flows/sign-in/user-auth-factors.js";
import { toAttributeInputs } from "./users.actions.js";

type ClientRequest = { ClientId: string; SecretHash?: string; ClientMetadata?: Record<string, string> };
type UsernameRequest = ClientRequest & { Username: string };
const usernameRequest = {
  ClientId: clientId,
  SecretHash: secretHash,
  Username: username,
  ClientMetadata: clientMetadata,
  AnalyticsMetadata: struct({}),
  UserContextData: struct({}),
};

type InitiateAuthRequest = {
  ClientId: string;
  AuthFlow: AuthFlow;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  Session?: string;
};
type RespondRequest = {
  ClientId: string;
  ChallengeName: string;
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
};
const authParameters = map();

/** The members a username + confirmation-code request hands its service (ConfirmSignUp, ConfirmForgotPassword). */
const codeConfirmation = (input: UsernameRequest & { ConfirmationCode: string }) => ({
  clientId: input.ClientId,
  username: input.Username,
  confirmationCode: input.ConfirmationCode,
  secretHash: input.SecretHash,
  clientMetadata: input.ClientMetadata,
});

/** GetUserAuthFactors / AdminGetUserAuthFactors: the MFA members as GetUser has them, and the USER_AUTH factors. */
const toUserAuthFactorsResponse = (factors: UserAuthFactors) => ({
  Username: factors.username,
  ...toMfaMembers(factors),
  ConfiguredUserAuthFactors: factors.configuredUserAuthFactors,
});

/** ClientMetadata goes to the triggers Cognito passes it to. */
const publicCaller = (ctx: WireContext, input: { ClientMetadata?: Record<string, string> }): CallerContext => ({
  sourceIp: ctx.sourceIp,
  admin: null,
  clientMetadata: input.ClientMetadata ?? null,
});
/** Cognito's ContextDataType: the end user's request as the backend saw it. */
type ContextData = {
  IpAddress: string;
  ServerName: string;
  ServerPath: string;
  HttpHeaders: { headerName?: string; headerValue?: string }[];
  EncodedData?: string;
};
const contextData = struct({
  IpAddress: required(str({ max: 131072 })),
  ServerName: required(str({ max: 131072 })),
  ServerPath: required(str({ max: 131072 })),
  HttpHeaders: required(list(struct({ headerName: str(), headerValue: str() }))),
  EncodedData: str({ max: 131072 }),
});
/** Admin calls count failures against the end user's address from ContextData, never the backend's own. */
const adminCaller = (
  ctx: WireContext,
  input: { UserPoolId: string; ClientMetadata?: Record<string, string>; ContextData?: ContextData },
): CallerContext =>
  adminCallerOf(adminOf(ctx), {
    poolId: input.UserPoolId,
    contextData: input.ContextData ? { ipAddress: input.ContextData.IpAddress } : null,
    clientMetadata: input.ClientMetadata,
  });

/** Sign-up, confirmation, recovery and sign-in: unauthenticated on AWS (client id, SECRET_HASH), and here. */
export const authActions: ActionTable = {
  SignUp: action<
    UsernameRequest & {
      Password?: string;
      UserAttributes?: { Name: string; Value?: string }[];
      ValidationData?: { Name: string; Value?: string }[];
    }
  >({
    auth: "public",
    members: { ...usernameRequest, Password: password, UserAttributes: attributes, ValidationData: attributes },
    async handle(input, ctx) {
      const result = await ctx.services.signUp.signUp({
        clientId: input.ClientId,
        username: input.Username,
        // Absent: a passwordless user, where the pool allows it (else InvalidParameterException).
        password: input.Password ?? null,
        userAttributes: toAttributeInputs(input.UserAttributes),
        secretHash: input.SecretHash,
        validationData: input.ValidationData ? toAttributeInputs(input.ValidationData) : null,
        clientMetadata: input.ClientMetadata,
      });
      return compact({
        UserConfirmed: result.userConfirmed,
        UserSub: result.userSub,
        CodeDeliveryDetails: result.codeDeliveryDetails ? toCodeDeliveryDetails(result.codeDeliveryDetails) : null,
        Session: result.session,
      });
    },
  }),

  ConfirmSignUp: action<UsernameRequest & { ConfirmationCode: string; ForceAliasCreation?: boolean }>({
    auth: "public",
    members: { ...usernameRequest, ConfirmationCode: confirmationCode, ForceAliasCreation: bool(), Session: session },
    async handle(input, ctx) {
      const { session } = await ctx.services.signUp.confirmSignUp({
        ...codeConfirmation(input),
        forceAliasCreation: input.ForceAliasCreation,
      });
      return compact({ Session: session });
    },
  }),

  ResendConfirmationCode: action<UsernameRequest>({
    auth: "public",
    members: usernameRequest,
    async handle(input, ctx) {
      const details = await ctx.services.signUp.resendConfirmationCode({
        clientId: input.ClientId,
        username: input.Username,
        secretHash: input.SecretHash,
        clientMetadata: input.ClientMetadata,
      });
      return { CodeDeliveryDetails: toCodeDeliveryDetails(details) };
    },
  }),

  ForgotPassword: action<UsernameRequest>({
    auth: "public",
    members: usernameRequest,
    async handle(input, ctx) {
      const details = await ctx.services.passwordRecovery.forgotPassword({
        clientId: input.ClientId,
        username: input.Username,
        secretHash: input.SecretHash,
        clientMetadata: input.ClientMetadata,
      });
      return { CodeDeliveryDetails: toCodeDeliveryDetails(details) };
    },
  }),

  ConfirmForgotPassword: action<UsernameRequest & { ConfirmationCode: string; Password: string }>({
    auth: "public",
    members: { ...usernameRequest, ConfirmationCode: confirmationCode, Password: required(password) },
    async handle(input, ctx) {
      await ctx.services.passwordRecovery.confirmForgotPassword({
        ...codeConfirmation(input),
        password: input.Password,
      });
      return EMPTY;
    },
  }),

  InitiateAuth: action<InitiateAuthRequest>({
    auth: "public",
    members: {
      ClientId: clientId,
      AuthFlow: authFlow,
      AuthParameters: authParameters,
      ClientMetadata: clientMetadata,
      Session: session,
    },
    async handle(input, ctx) {
      return toAuthResponse(
        await ctx.services.signIn.initiateAuth(
          {
            clientId: input.ClientId,
            authFlow: input.AuthFlow,
            authParameters: input.AuthParameters ?? {},
            session: input.Session,
          },
          publicCaller(ctx, input),
        ),
      );
    },
  }),

  RespondToAuthChallenge: action<RespondRequest>({
    auth: "public",
    members: {
      ClientId: clientId,
      ChallengeName: challengeName,
      Session: session,
      ChallengeResponses: map(),
      ClientMetadata: clientMetadata,
    },
    async handle(input, ctx) {
      return toAuthResponse(
        await ctx.services.signIn.respondToAuthChallenge(
          {
            clientId: input.ClientId,
            challengeName: input.ChallengeName,
            session: input.Session ?? "",
            challengeResponses: input.ChallengeResponses ?? {},
          },
          publicCaller(ctx, input),
        ),
      );
    },
  }),

  AdminInitiateAuth: action<InitiateAuthRequest & { UserPoolId: string; ContextData?: ContextData }>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      ClientId: clientId,
      AuthFlow: authFlow,
      AuthParameters: authParameters,
      ClientMetadata: clientMetadata,
      Session: session,
      ContextData: contextData,
      AnalyticsMetadata: struct({}),
    },
    async handle(input, ctx) {
      return toAuthResponse(
        await ctx.services.signIn.initiateAuth(
          {
            clientId: input.ClientId,
            authFlow: input.AuthFlow,
            authParameters: input.AuthParameters ?? {},
            session: input.Session,
          },
          adminCaller(ctx, input),
        ),
      );
    },
  }),

  AdminRespondToAuthChallenge: action<RespondRequest & { UserPoolId: string; ContextData?: ContextData }>({
    auth: "admin",
    members: {
      UserPoolId: userPoolId,
      ClientId: clientId,
      ChallengeName: challengeName,
      Session: session,
      ChallengeResponses: map(),
      ClientMetadata: clientMetadata,
      ContextData: contextData,
      AnalyticsMetadata: struct({}),
    },
    async handle(input, ctx) {
      return toAuthResponse(
        await ctx.services.signIn.respondToAuthChallenge(
          {
            clientId: input.ClientId,
            challengeName: input.ChallengeName,
            session: input.Session ?? "",
            challengeResponses: input.ChallengeResponses ?? {},
          },
          adminCaller(ctx, input),
        ),
      );
    },
  }),

  GetTokensFromRefreshToken: action<{
    RefreshToken: string;
    ClientId: string;
    ClientSecret?: string;
    DeviceKey?: string;
    ClientMetadata?: Record<string, string>;
  }>({
    auth: "public",
    members: {
      RefreshToken: required(token),
      ClientId: clientId,
      ClientSecret: clientSecret,
      DeviceKey: deviceKey,
      ClientMetadata: clientMetadata,
    },
    async handle(input, ctx) {
      const result = await ctx.services.refreshTokens.getTokensFromRefreshToken({
        clientId: input.ClientId,
        refreshToken: input.RefreshToken,
        clientSecret: input.ClientSecret,
        deviceKey: input.DeviceKey,
        clientMetadata: input.ClientMetadata,
      });
      return { AuthenticationResult: toAuthenticationResult(result) };
    },
  }),

  GetUserAuthFactors: action<{ AccessToken: string }>({
    auth: "public",
    members: { AccessToken: accessToken },
    async handle(input, ctx) {
      return toUserAuthFactorsResponse(
        await ctx.services.signIn.getUserAuthFactors(await ctx.services.accessTokens.authenticate(input.AccessToken)),
      );
    },
  }),

  AdminGetUserAuthFactors: action<{ UserPoolId: string; Username: string }>({
    auth: "admin",
    members: { UserPoolId: userPoolId, Username: username },
    async handle(input, ctx) {
      return toUserAuthFactorsResponse(
        await ctx.services.signIn.adminGetUserAuthFactors(adminOf(ctx), {
          userPoolId: input.UserPoolId,
          username: input.Username,
        }),
      );
    },
  }),

  RevokeToken: action<{ Token: string; ClientId: string; ClientSecret?: string }>({
    auth: "public",
    members: { Token: required(token), ClientId: clientId, ClientSecret: clientSecret },
    async handle(input, ctx) {
      await ctx.services.signOut.revokeToken({
        token: input.Token,
        clientId: input.ClientId,
        clientSecret: input.ClientSecret,
      });
      return EMPTY;
    },
  }),
};
