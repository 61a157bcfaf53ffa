import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import type { SoftwareTokenCaller } from "../../../core/mfa/software-token.service.js";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import { CurrentAdmin, CurrentUser, USER_OR_SESSION_ROLE, USER_ROLE, type GraphqlContext } from "../context.js";
import {
  AdminSetUserMfaPreferenceInput,
  AssociateSoftwareTokenResult,
  SetUserMfaPreferenceInput,
  SetUserPoolMfaConfigInput,
  UserPoolMfaConfig,
  VerifySoftwareTokenResult,
  toGraphqlUserPoolMfaConfig,
} from "../types/mfa.types.js";

/** The caller the auth checker let through: the access token's user, or the sign-in session. */
function callerOf(ctx: GraphqlContext, session: string | null | undefined): SoftwareTokenCaller {
  if (ctx.user) return { kind: "accessToken", principal: ctx.user };
  if (typeof session === "string") return { kind: "session", session };
  throw new Error("software-token operation reached without @Authorized(USER_OR_SESSION_ROLE)");
}

const preferenceOf = (input: SetUserMfaPreferenceInput) => ({
  smsMfaSettings: input.smsMfaSettings,
  softwareTokenMfaSettings: input.softwareTokenMfaSettings,
  emailMfaSettings: input.emailMfaSettings,
});

/** Authenticator apps (TOTP), users' MFA preferences and the pool's MFA settings. */
@Resolver()
export class MfaResolver {
  @Authorized(USER_OR_SESSION_ROLE)
  @Mutation(() => AssociateSoftwareTokenResult, {
    description:
      "Starts authenticator (TOTP) setup: a new secret, its otpauth URI and QR code (AssociateSoftwareToken). Send an access token, or the sign-in session during MFA_SETUP.",
  })
  async associateSoftwareToken(
    @Arg("session", () => String, {
      nullable: true,
      description: "The sign-in session (MFA_SETUP), instead of an access token.",
    })
    session: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<AssociateSoftwareTokenResult> {
    return ctx.services.mfa.associateSoftwareToken(callerOf(ctx, session));
  }

  @Authorized(USER_OR_SESSION_ROLE)
  @Mutation(() => VerifySoftwareTokenResult, {
    description: "Proves the associated authenticator with a code from it and puts it in force (VerifySoftwareToken).",
  })
  async verifySoftwareToken(
    @Arg("userCode", () => String, { description: "The 6-digit code the app shows now." }) userCode: string,
    @Arg("friendlyDeviceName", () => String, { nullable: true }) friendlyDeviceName: string | null,
    @Arg("session", () => String, {
      nullable: true,
      description: "The sign-in session (MFA_SETUP), instead of an access token.",
    })
    session: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<VerifySoftwareTokenResult> {
    return ctx.services.mfa.verifySoftwareToken(callerOf(ctx, session), { userCode, friendlyDeviceName });
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, {
    description:
      "Switches the signed-in user's MFA factors on or off and picks the preferred one (SetUserMFAPreference).",
  })
  async setUserMfaPreference(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("input", () => SetUserMfaPreferenceInput) input: SetUserMfaPreferenceInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.mfa.setUserMfaPreference(user, preferenceOf(input));
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Switches a user's MFA factors on or off and picks the preferred one (AdminSetUserMFAPreference).",
  })
  async adminSetUserMfaPreference(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("input", () => AdminSetUserMfaPreferenceInput) input: AdminSetUserMfaPreferenceInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.mfa.adminSetUserMfaPreference(
      admin,
      { userPoolId: input.userPoolId, username: input.username },
      preferenceOf(input),
    );
    return true;
  }

  @Authorized()
  @Query(() => UserPoolMfaConfig, { description: "The pool's MFA settings (GetUserPoolMfaConfig)." })
  async getUserPoolMfaConfig(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolMfaConfig> {
    return toGraphqlUserPoolMfaConfig(await ctx.services.mfa.getUserPoolMfaConfig(admin, userPoolId));
  }

  @Authorized()
  @Mutation(() => UserPoolMfaConfig, {
    description: "Changes the pool's MFA settings (SetUserPoolMfaConfig); unnamed ones keep their values.",
  })
  async setUserPoolMfaConfig(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Arg("input", () => SetUserPoolMfaConfigInput) input: SetUserPoolMfaConfigInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<UserPoolMfaConfig> {
    const {
      mfaConfiguration,
      enabledMfas,
      smsAuthenticationMessage,
      emailMfaMessage,
      emailMfaSubject,
      webAuthnConfiguration,
    } = input;
    return toGraphqlUserPoolMfaConfig(
      await ctx.services.mfa.setUserPoolMfaConfig(admin, userPoolId, {
        mfaConfiguration,
        enabledMfas,
        smsAuthenticationMessage,
        emailMfaMessage,
        emailMfaSubject,
        webAuthnConfiguration,
      }),
    );
  }
}
