import { JSONObjectResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import { CurrentUser, USER_ROLE, type GraphqlContext } from "../context.js";
import { WebAuthnCredentialPage, toGraphqlWebAuthnCredential } from "../types/webauthn.types.js";

/** The signed-in user's passkeys (Bearer access token with aws.cognito.signin.user.admin, as the wire's token actions). */
@Resolver()
export class WebAuthnResolver {
  @Authorized(USER_ROLE)
  @Mutation(() => JSONObjectResolver, {
    description:
      "Starts registering a passkey (StartWebAuthnRegistration): PublicKeyCredentialCreationOptions as JSON (binary fields base64url), for navigator.credentials.create.",
  })
  async startWebAuthnRegistration(
    @CurrentUser() user: AccessTokenPrincipal,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Record<string, unknown>> {
    return ctx.services.webAuthn.startRegistration(user);
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, {
    description:
      "Stores the passkey the browser created (CompleteWebAuthnRegistration): the RegistrationResponseJSON, binary fields base64url.",
  })
  async completeWebAuthnRegistration(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("credential", () => JSONObjectResolver) credential: Record<string, unknown>,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.webAuthn.completeRegistration(user, credential);
    return true;
  }

  @Authorized(USER_ROLE)
  @Query(() => WebAuthnCredentialPage, {
    description: "The signed-in user's passkeys (ListWebAuthnCredentials). maxResults 0–20 (0 or absent = 20).",
  })
  async listWebAuthnCredentials(
    @CurrentUser() user: AccessTokenPrincipal,
    @Ctx() ctx: GraphqlContext,
    @Arg("maxResults", () => Int, { nullable: true }) maxResults?: number | null,
    @Arg("nextToken", () => String, { nullable: true }) nextToken?: string | null,
  ): Promise<WebAuthnCredentialPage> {
    const page = await ctx.services.webAuthn.listCredentials(user, { maxResults, nextToken });
    return { credentials: page.credentials.map(toGraphqlWebAuthnCredential), nextToken: page.nextToken };
  }

  @Authorized(USER_ROLE)
  @Mutation(() => Boolean, { description: "Deletes one of the signed-in user's passkeys (DeleteWebAuthnCredential)." })
  async deleteWebAuthnCredential(
    @CurrentUser() user: AccessTokenPrincipal,
    @Arg("credentialId", () => String) credentialId: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    await ctx.services.webAuthn.deleteCredential(user, credentialId);
    return true;
  }
}
