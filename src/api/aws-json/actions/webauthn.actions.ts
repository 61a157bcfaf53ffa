import type { AccessTokenPrincipal } from "../../../core/tokens/access-token.service.js";
import type { WebAuthnCredential } from "../../../core/webauthn/webauthn.types.js";
import { action, EMPTY, type ActionTable, type WireContext } from "../action.js";
import { int, required, str, struct } from "../constraints.js";
import { accessToken, nextToken } from "../members.js";
import { compact, epochSeconds } from "../shapes.js";

type TokenRequest = { AccessToken: string };
const user = (ctx: WireContext, input: TokenRequest): Promise<AccessTokenPrincipal> =>
  ctx.services.accessTokens.authenticate(input.AccessToken);

/** WebAuthnCredentialDescription. */
const toCredentialDescription = (credential: WebAuthnCredential) =>
  compact({
    CredentialId: credential.credentialId,
    FriendlyCredentialName: credential.friendlyName,
    RelyingPartyId: credential.relyingPartyId,
    AuthenticatorAttachment: credential.authenticatorAttachment,
    AuthenticatorTransports: credential.transports,
    CreatedAt: epochSeconds(credential.createdAt),
  });

/** Passkeys of the signed-in user (reference-oauth §13.5): the access token in the body, no signature, as Cognito takes them. */
export const webAuthnActions: ActionTable = {
  StartWebAuthnRegistration: action<TokenRequest>({
    auth: "public",
    members: { AccessToken: accessToken },
    async handle(input, ctx) {
      // A JSON document, not a string (the WEB_AUTHN challenge's options are a string).
      return { CredentialCreationOptions: await ctx.services.webAuthn.startRegistration(await user(ctx, input)) };
    },
  }),

  CompleteWebAuthnRegistration: action<TokenRequest & { Credential: Record<string, unknown> }>({
    auth: "public",
    // A document: its members are the verifier's to judge.
    members: { AccessToken: accessToken, Credential: required(struct({})) },
    async handle(input, ctx) {
      await ctx.services.webAuthn.completeRegistration(await user(ctx, input), input.Credential);
      return EMPTY;
    },
  }),

  ListWebAuthnCredentials: action<TokenRequest & { MaxResults?: number; NextToken?: string }>({
    auth: "public",
    members: { AccessToken: accessToken, MaxResults: int({ min: 0, max: 20 }), NextToken: nextToken },
    async handle(input, ctx) {
      const page = await ctx.services.webAuthn.listCredentials(await user(ctx, input), {
        maxResults: input.MaxResults,
        nextToken: input.NextToken,
      });
      return compact({ Credentials: page.credentials.map(toCredentialDescription), NextToken: page.nextToken });
    },
  }),

  DeleteWebAuthnCredential: action<TokenRequest & { CredentialId: string }>({
    auth: "public",
    members: { AccessToken: accessToken, CredentialId: required(str({ min: 1, max: 1364 })) },
    async handle(input, ctx) {
      await ctx.services.webAuthn.deleteCredential(await user(ctx, input), input.CredentialId);
      return EMPTY;
    },
  }),
};
