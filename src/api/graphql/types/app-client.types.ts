import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type {
  AppClient as CoreAppClient,
  CreateAppClientInput,
  UpdateAppClientInput,
} from "../../../core/clients/app-client.types.js";
import type { TimeUnit } from "../../../lib/durations.js";
import {
  ExplicitAuthFlowEnum,
  FeatureStatusEnum,
  OAuthFlowEnum,
  PreventUserExistenceErrorsEnum,
  TimeUnitEnum,
} from "./enums.js";

@ObjectType()
export class TokenValidityUnits {
  @Field(() => TimeUnitEnum) accessToken!: string;
  @Field(() => TimeUnitEnum) idToken!: string;
  @Field(() => TimeUnitEnum) refreshToken!: string;
}

@ObjectType({ description: "Cognito's RefreshTokenRotation: ENABLED issues a new refresh token on every refresh." })
export class RefreshTokenRotation {
  @Field(() => FeatureStatusEnum) feature!: string;
  @Field(() => Int) retryGracePeriodSeconds!: number;
}

@ObjectType()
export class UserPoolClient {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) userPoolId!: string;
  @Field() clientName!: string;
  /** Resolved by the resolver: decrypted only when asked for. */
  secretCiphertext!: string | null;
  @Field(() => [ExplicitAuthFlowEnum]) explicitAuthFlows!: string[];
  @Field(() => Int) accessTokenValidity!: number;
  @Field(() => Int) idTokenValidity!: number;
  @Field(() => Int) refreshTokenValidity!: number;
  @Field(() => TokenValidityUnits) tokenValidityUnits!: TokenValidityUnits;
  @Field(() => Int, { description: "Minutes a sign-in session (challenge) stays valid, 3–15." })
  authSessionValidity!: number;
  @Field(() => [String], { nullable: true }) readAttributes!: string[] | null;
  @Field(() => [String], { nullable: true }) writeAttributes!: string[] | null;
  @Field(() => PreventUserExistenceErrorsEnum) preventUserExistenceErrors!: string;
  @Field() enableTokenRevocation!: boolean;
  @Field(() => RefreshTokenRotation) refreshTokenRotation!: RefreshTokenRotation;
  @Field(() => [String]) callbackURLs!: string[];
  @Field(() => [String]) logoutURLs!: string[];
  @Field(() => String, { nullable: true }) defaultRedirectURI!: string | null;
  @Field(() => [OAuthFlowEnum]) allowedOAuthFlows!: string[];
  @Field(() => [String]) allowedOAuthScopes!: string[];
  @Field() allowedOAuthFlowsUserPoolClient!: boolean;
  @Field(() => [String]) supportedIdentityProviders!: string[];
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver) lastModifiedDate!: Date;
}

@ObjectType()
export class UserPoolClientPage {
  @Field(() => [UserPoolClient]) items!: UserPoolClient[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

@InputType()
export class TokenValidityUnitsInput {
  @Field(() => TimeUnitEnum, { nullable: true }) accessToken?: TimeUnit;
  @Field(() => TimeUnitEnum, { nullable: true }) idToken?: TimeUnit;
  @Field(() => TimeUnitEnum, { nullable: true }) refreshToken?: TimeUnit;
}

@InputType()
export class RefreshTokenRotationInput {
  @Field(() => FeatureStatusEnum) feature!: "ENABLED" | "DISABLED";
  @Field(() => Int, { nullable: true, description: "0–60 seconds in which the previous token still works." })
  retryGracePeriodSeconds?: number;
}

@InputType()
export class UpdateUserPoolClientInput {
  @Field({ nullable: true }) clientName?: string;
  @Field(() => [ExplicitAuthFlowEnum], { nullable: true }) explicitAuthFlows?: CoreAppClient["explicitAuthFlows"];
  @Field(() => Int, { nullable: true }) accessTokenValidity?: number;
  @Field(() => Int, { nullable: true }) idTokenValidity?: number;
  @Field(() => Int, { nullable: true, description: "0 resets to the default of 30 days." })
  refreshTokenValidity?: number;
  @Field(() => TokenValidityUnitsInput, { nullable: true }) tokenValidityUnits?: TokenValidityUnitsInput;
  @Field(() => Int, { nullable: true }) authSessionValidity?: number;
  @Field(() => [String], { nullable: true }) readAttributes?: string[];
  @Field(() => [String], { nullable: true }) writeAttributes?: string[];
  @Field(() => PreventUserExistenceErrorsEnum, { nullable: true }) preventUserExistenceErrors?: "ENABLED" | "LEGACY";
  @Field({ nullable: true }) enableTokenRevocation?: boolean;
  @Field(() => RefreshTokenRotationInput, { nullable: true }) refreshTokenRotation?: RefreshTokenRotationInput;
  @Field(() => [String], { nullable: true }) callbackURLs?: string[];
  @Field(() => [String], { nullable: true }) logoutURLs?: string[];
  @Field({ nullable: true }) defaultRedirectURI?: string;
  @Field(() => [OAuthFlowEnum], { nullable: true }) allowedOAuthFlows?: CoreAppClient["allowedOAuthFlows"];
  @Field(() => [String], { nullable: true }) allowedOAuthScopes?: string[];
  @Field({ nullable: true }) allowedOAuthFlowsUserPoolClient?: boolean;
  @Field(() => [String], { nullable: true }) supportedIdentityProviders?: string[];
}

@InputType()
export class CreateUserPoolClientInput extends UpdateUserPoolClientInput {
  @Field() declare clientName: string;
  @Field({ nullable: true, description: "Give the client a secret; callers must then send SECRET_HASH." })
  generateSecret?: boolean;
}

export function toCoreUpdateAppClientInput(input: UpdateUserPoolClientInput): UpdateAppClientInput {
  const nonNull = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
  return {
    clientName: nonNull(input.clientName),
    explicitAuthFlows: nonNull(input.explicitAuthFlows),
    accessTokenValidity: nonNull(input.accessTokenValidity),
    idTokenValidity: nonNull(input.idTokenValidity),
    refreshTokenValidity: nonNull(input.refreshTokenValidity),
    tokenValidityUnits: input.tokenValidityUnits
      ? Object.fromEntries(
          Object.entries(input.tokenValidityUnits).filter(([, unit]) => unit !== null && unit !== undefined),
        )
      : undefined,
    authSessionValidityMinutes: nonNull(input.authSessionValidity),
    readAttributes: nonNull(input.readAttributes),
    writeAttributes: nonNull(input.writeAttributes),
    preventUserExistenceErrors: nonNull(input.preventUserExistenceErrors),
    enableTokenRevocation: nonNull(input.enableTokenRevocation),
    refreshTokenRotation: input.refreshTokenRotation
      ? {
          enabled: input.refreshTokenRotation.feature === "ENABLED",
          retryGracePeriodSeconds: nonNull(input.refreshTokenRotation.retryGracePeriodSeconds) ?? 0,
        }
      : undefined,
    callbackUrls: nonNull(input.callbackURLs),
    logoutUrls: nonNull(input.logoutURLs),
    defaultRedirectUri: nonNull(input.defaultRedirectURI),
    allowedOAuthFlows: nonNull(input.allowedOAuthFlows),
    allowedOAuthScopes: nonNull(input.allowedOAuthScopes),
    allowedOAuthFlowsUserPoolClient: nonNull(input.allowedOAuthFlowsUserPoolClient),
    supportedIdentityProviders: nonNull(input.supportedIdentityProviders),
  };
}

export function toCoreCreateAppClientInput(input: CreateUserPoolClientInput): CreateAppClientInput {
  return {
    ...toCoreUpdateAppClientInput(input),
    clientName: input.clientName,
    generateSecret: input.generateSecret ?? false,
  };
}

export function toGraphqlUserPoolClient(client: CoreAppClient): UserPoolClient {
  return Object.assign(new UserPoolClient(), {
    ...client,
    userPoolId: client.poolId,
    authSessionValidity: client.authSessionValidityMinutes,
    refreshTokenRotation: {
      feature: client.refreshTokenRotation.enabled ? "ENABLED" : "DISABLED",
      retryGracePeriodSeconds: client.refreshTokenRotation.retryGracePeriodSeconds,
    },
    callbackURLs: client.callbackUrls,
    logoutURLs: client.logoutUrls,
    defaultRedirectURI: client.defaultRedirectUri,
    creationDate: client.createdAt,
    lastModifiedDate: client.updatedAt,
  });
}
