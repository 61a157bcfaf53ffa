import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@InputType({
  description:
    "IAM credentials of the source pool's account (an admin key of a gateway standing in for it): AdminInitiateAuth, AdminGetUser, DescribeUserPool.",
})
export class SourceAdminCredentialsInput {
  @Field() accessKeyId!: string;
  @Field({ description: "Sealed with SECRETS_KEY; never shown again." }) secretAccessKey!: string;
}

@InputType({ description: 'Where the old Cognito user pool answers and how to ask it (README "Moving from Cognito").' })
export class SetUserMigrationSourceInput {
  @Field({ description: "The source's Cognito endpoint, e.g. https://cognito-idp.eu-west-1.amazonaws.com/" })
  endpoint!: string;
  @Field({ description: "The region the admin calls are signed for." }) region!: string;
  @Field(() => ID, { description: "The old pool's id." }) sourceUserPoolId!: string;
  @Field({
    description:
      "An app client of the old pool allowing USER_PASSWORD_AUTH (ADMIN_USER_PASSWORD_AUTH with admin credentials).",
  })
  clientId!: string;
  @Field(() => String, {
    nullable: true,
    description: "That client's secret (SECRET_HASH is computed from it); sealed with SECRETS_KEY, never shown again.",
  })
  clientSecret?: string | null;
  @Field(() => SourceAdminCredentialsInput, {
    nullable: true,
    description: "With them: AdminInitiateAuth + AdminGetUser (users with MFA, ForgotPassword, progress).",
  })
  adminCredentials?: SourceAdminCredentialsInput | null;
  @Field(() => String, {
    nullable: true,
    description:
      "A custom attribute of this pool (custom:…) that keeps the user's sub at the source; migrated users get a new sub.",
  })
  subAttribute?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "How long one call to the source may take, in ms (default 5000, at most 30000).",
  })
  timeoutMs?: number | null;
}

@ObjectType({ description: "A pool's built-in user-migration source, without its secrets." })
export class UserMigrationSource {
  @Field(() => ID) userPoolId!: string;
  @Field() endpoint!: string;
  @Field() region!: string;
  @Field(() => ID) sourceUserPoolId!: string;
  @Field() clientId!: string;
  @Field() hasClientSecret!: boolean;
  @Field(() => String, { nullable: true, description: "Set when admin credentials are configured." }) accessKeyId!:
    string | null;
  @Field(() => String, { nullable: true }) subAttribute!: string | null;
  @Field(() => Int) timeoutMs!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType({ description: "How far the migration from the source pool has come." })
export class UserMigrationProgress {
  @Field(() => ID) userPoolId!: string;
  @Field(() => Int, { description: "Users created here from the source so far." }) migrated!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "sourceEstimatedUsers minus migrated (never below 0); null without admin credentials or when the source did not answer.",
  })
  remaining!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "The source pool's EstimatedNumberOfUsers (DescribeUserPool), read now.",
  })
  sourceEstimatedUsers!: number | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) lastMigratedAt!: Date | null;
}
