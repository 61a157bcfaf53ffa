import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AdminPrincipal } from "../../../core/admin-keys/admin-key.types.js";
import { CurrentAdmin, type GraphqlContext } from "../context.js";
import {
  CodeDeliveryDetails,
  ConfirmForgotPasswordInput,
  ConfirmSignUpInput,
  ConfirmSignUpResult,
  SentMessagePage,
  SignUpInput,
  SignUpResult,
  UsernameRequestInput,
} from "../types/sign-up.types.js";

/** The unauthenticated directory operations a frontend calls, by app client id (as Cognito's). */
@Resolver()
export class SignUpResolver {
  @Mutation(() => SignUpResult, { description: "Registers a user (SignUp)." })
  async signUp(@Arg("input", () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphqlContext): Promise<SignUpResult> {
    return ctx.services.signUp.signUp({ ...input, userAttributes: input.userAttributes ?? [] });
  }

  @Mutation(() => ConfirmSignUpResult, {
    description:
      "Confirms a sign-up with the code that was sent (ConfirmSignUp); its session signs the user in with initiateAuth USER_AUTH.",
  })
  async confirmSignUp(
    @Arg("input", () => ConfirmSignUpInput) input: ConfirmSignUpInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<ConfirmSignUpResult> {
    return Object.assign(new ConfirmSignUpResult(), await ctx.services.signUp.confirmSignUp(input));
  }

  @Mutation(() => CodeDeliveryDetails, {
    description: "Sends a new sign-up code; the previous one stops working (ResendConfirmationCode).",
  })
  async resendConfirmationCode(
    @Arg("input", () => UsernameRequestInput) input: UsernameRequestInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CodeDeliveryDetails> {
    return ctx.services.signUp.resendConfirmationCode(input);
  }

  @Mutation(() => CodeDeliveryDetails, {
    description: "Sends a password-reset code to a verified email or phone (ForgotPassword).",
  })
  async forgotPassword(
    @Arg("input", () => UsernameRequestInput) input: UsernameRequestInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<CodeDeliveryDetails> {
    return ctx.services.passwordRecovery.forgotPassword(input);
  }

  @Mutation(() => Boolean, { description: "Sets a new password with the reset code (ConfirmForgotPassword)." })
  async confirmForgotPassword(
    @Arg("input", () => ConfirmForgotPasswordInput) input: ConfirmForgotPasswordInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.passwordRecovery.confirmForgotPassword(input);
    return true;
  }

  @Authorized()
  @Query(() => SentMessagePage, {
    description: "The outbox of codes and invitations sent for a pool, oldest first (admins only).",
  })
  async sentMessages(
    @CurrentAdmin() admin: AdminPrincipal,
    @Arg("userPoolId", () => ID) userPoolId: string,
    @Ctx() ctx: GraphqlContext,
    @Arg("userSub", () => ID, { nullable: true }) userSub?: string,
    @Arg("destination", () => String, { nullable: true }) destination?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<SentMessagePage> {
    const page = await ctx.services.sentMessages.listSentMessages(
      admin,
      userPoolId,
      { userId: userSub ?? undefined, destination: destination ?? undefined },
      { first, after },
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((message) => ({
        ...message,
        userPoolId: message.poolId,
        userSub: message.userId,
        deliveryMedium: message.medium,
        sentAt: message.createdAt,
      })),
    };
  }
}
