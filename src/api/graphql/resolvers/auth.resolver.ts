import { Arg, Authorized, Ctx, Extensions, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { adminCallerOf, type CallerContext, type SignInOutcome } from "../../../core/flows/sign-in/sign-in.types.js";
import { CurrentAdmin, CurrentUser, USER_ROLE, type GraphqlContext } from "../context.js";
import { SIGN_IN_STEP } from "../sign-in-step.rule.js";
import {
  AdminInitiateAuthInput,
  AdminRespondToAuthChallengeInput,
  AuthChallenge,
  AuthenticationResult,
  AuthResult,
  GetTokensFromRefreshTokenInput,
  InitiateAuthInput,
  RespondToAuthChallengeInput,
  UserAuthFactors,
  type AuthParametersInput,
  type ChallengeResponsesInput,
} from "../types/auth.types.js";

function toParameterMap(input: AuthParametersInput | ChallengeResponsesInput): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === "userAttributes" && Array.isArray(value)) {
      for (const attribute of value as { name: string; value: string }[])
        map[`userAttributes.${attribute.name}`] = attribute.value;
    } else if (typeof value === "string") {
      map[name] = value;
    }
  }
  return map;
}

function toAuthResult(outcome: SignInOutcome): typeof AuthResult {
  if (outcome.kind === "authenticated") return Object.assign(new AuthenticationResult(), outcome.result);
  return Object.assign(new AuthChallenge(), {
    challengeName: outcome.challengeName,
    session: outcome.session,
    challengeParameters: { ...outcome.parameters, all: outcome.parameters },
    availableChallenges: outcome.availableChallenges ?? null,
  });
}

/** Sign-in: Cognito's InitiateAuth / RespondToAuthChallenge and their admin forms. One per document. */
@Resolver()
export class AuthResolver {
  @Extensions({ [SIGN_IN_STEP]: true })
  @Mutation(() => AuthResult, {
    description:
      "Starts a sign-in (InitiateAuth): USER_SRP_AUTH, USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, CUSTOM_AUTH or USER_AUTH (choice-based: passwords, one-time codes, passkeys).",
  })
  async initiateAuth(
    @Arg("input", () => InitiateAuthInput) input: InitiateAuthInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<typeof AuthResult> {
    const caller: CallerContext = { sourceIp: ctx.sourceIp, admin: null, clientMetadata: input.clientMetadata ?? null };
    return toAuthResult(
      await ctx.services.signIn.initiateAuth(
        {
          clientId: input.clientId,
          authFlow: input.authFlow,
          authParameters: toParameterMap(input.authParameters),
          session: input.session,
        },
        caller,
      ),
    );
  }

  @Extensions({ [SIGN_IN_STEP]: true })
  @Mutation(() => AuthResult, { description: "Answers the current challenge (RespondToAuthChallenge)." })
  async respondToAuthChallenge(
    @Arg("input", () => RespondToAuthChallengeInput) input: RespondToAuthChallengeInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<typeof AuthResult> {
    const caller: CallerContext = { sourceIp: ctx.sourceIp, admin: null, clientMetadata: input.clientMetadata ?? null };
    return toAuthResult(
      await ctx.services.signIn.respondToAuthChallenge(
        {
          clientId: input.clientId,
          challengeName: input.challengeName,
          session: input.session,
          challengeResponses: toParameterMap(input.challengeResponses),
        },
        caller,
      ),
    );
  }

  @Authorized()
  @Extensions({ [SIGN_IN_STEP]: true })
  @Mutation(() => AuthResult, {
    description: "Starts a sign-in from a trusted backend (AdminInitiateAuth): also ADMIN_USER_PASSWORD_AUTH.",
  })
  async adminInitiateAuth(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminInitiateAuthInput) input: AdminInitiateAuthInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<typeof AuthResult> {
    const caller = adminCallerOf(admin, {
      poolId: input.userPoolId,
      contextData: input.contextData,
      clientMetadata: input.clientMetadata,
    });
    return toAuthResult(
      await ctx.services.signIn.initiateAuth(
        {
          clientId: input.clientId,
          authFlow: input.authFlow,
          authParameters: toParameterMap(input.authParameters),
          session: input.session,
        },
        caller,
      ),
    );
  }

  @Authorized()
  @Extensions({ [SIGN_IN_STEP]: true })
  @Mutation(() => AuthResult, { description: "Answers a challenge of an admin sign-in (AdminRespondToAuthChallenge)." })
  async adminRespondToAuthChallenge(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminRespondToAuthChallengeInput) input: AdminRespondToAuthChallengeInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<typeof AuthResult> {
    const caller = adminCallerOf(admin, {
      poolId: input.userPoolId,
      contextData: input.contextData,
      clientMetadata: input.clientMetadata,
    });
    return toAuthResult(
      await ctx.services.signIn.respondToAuthChallenge(
        {
          clientId: input.clientId,
          challengeName: input.challengeName,
          session: input.session,
          challengeResponses: toParameterMap(input.challengeResponses),
        },
        caller,
      ),
    );
  }

  @Authorized(USER_ROLE)
  @Query(() => UserAuthFactors, {
    description: "The signed-in user's USER_AUTH factors and MFA settings (GetUserAuthFactors).",
  })
  async getUserAuthFactors(
    @CurrentUser() user: AccessTokenPrincipal,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserAuthFactors> {
    return Object.assign(new UserAuthFactors(), await ctx.services.signIn.getUserAuthFactors(user));
  }

  @Authorized()
  @Query(() => UserAuthFactors, {
    description: "A user's USER_AUTH factors and MFA settings (AdminGetUserAuthFactors).",
  })
  async adminGetUserAuthFactors(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("username", () => String) username: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserAuthFactors> {
    return Object.assign(
      new UserAuthFactors(),
      await ctx.services.signIn.adminGetUserAuthFactors(admin, { userPoolId, username }),
    );
  }

  // A sign-in step for the one-per-document rule: otherwise one request could race many aliased uses
  // of one token, or try many guessed tokens, past per-request limits.
  @Extensions({ [SIGN_IN_STEP]: true })
  @Mutation(() => AuthenticationResult, {
    description:
      "New tokens from a refresh token (GetTokensFromRefreshToken). With rotation on, also a new refresh token and the presented one is used up; without it, refreshToken is null and the old one stays valid.",
  })
  async getTokensFromRefreshToken(
    @Arg("input", () => GetTokensFromRefreshTokenInput) input: GetTokensFromRefreshTokenInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<AuthenticationResult> {
    const result = await ctx.services.refreshTokens.getTokensFromRefreshToken({
      clientId: input.clientId,
      refreshToken: input.refreshToken,
      clientSecret: input.clientSecret,
      deviceKey: input.deviceKey,
      clientMetadata: input.clientMetadata,
    });
    return Object.assign(new AuthenticationResult(), result);
  }
}
