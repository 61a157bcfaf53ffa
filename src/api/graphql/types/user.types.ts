import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { MfaFactor, MfaSummary } from "../../../core/mfa/mfa.types.js";
import type { ListedUser } from "../../../core/ports.js";
import type { User as CoreUser, UserStatus } from "../../../core/users/user.types.js";
import { MfaFactorEnum } from "./enums.js";
import { Attribute } from "./sign-up.types.js";

/** Cognito's UserStatusType, without the values Cognito no longer produces (cognito-reference §8.2). */
export const UserStatusEnum = {
  UNCONFIRMED: "UNCONFIRMED",
  CONFIRMED: "CONFIRMED",
  FORCE_CHANGE_PASSWORD: "FORCE_CHANGE_PASSWORD",
  RESET_REQUIRED: "RESET_REQUIRED",
  EXTERNAL_PROVIDER: "EXTERNAL_PROVIDER",
} as const satisfies { [K in UserStatus]: K };
registerEnumType(UserStatusEnum, {
  name: "UserStatus",
  description: "Where a user stands (UserStatusType); `enabled` is separate.",
});

// simpleResolvers: plain data without field auth or middleware, so graphql-jit reads each field directly
// instead of through type-graphql's per-field wrapper (listUsers runs 60 users' fields per page).
@ObjectType({
  description: "A user as admins see it (AdminGetUser, AdminCreateUser, ListUsers).",
  simpleResolvers: true,
})
export class User {
  @Field({ description: "The immutable username (a UUID in email/phone-as-username pools)." }) username!: string;
  @Field(() => ID, { description: "The `sub`." }) userSub!: string;
  @Field(() => [Attribute], { description: "Every attribute of the user, `sub` first." }) attributes!: Attribute[];
  @Field(() => DateTimeISOResolver) userCreateDate!: Date;
  @Field(() => DateTimeISOResolver) userLastModifiedDate!: Date;
  @Field() enabled!: boolean;
  @Field(() => UserStatusEnum) userStatus!: UserStatus;
  @Field(() => MfaFactorEnum, {
    nullable: true,
    description:
      "PreferredMfaSetting. Reported by adminGetUser only; null from the listing operations (Cognito's UserType has no MFA fields).",
  })
  preferredMfaSetting!: MfaFactor | null;
  @Field(() => [MfaFactorEnum], {
    nullable: true,
    description:
      "UserMFASettingList: the factors switched on. Reported by adminGetUser only; null from the listing operations.",
  })
  userMfaSettingList!: MfaFactor[] | null;
}

/** Core user → GraphQL User (without the MFA fields). Credentials and bookkeeping never leave through this mapping. */
export function toGraphqlUser(user: ListedUser): User {
  const { sub, ...others } = user.attributes;
  return {
    username: user.username,
    userSub: user.id,
    attributes: [
      { name: "sub", value: sub ?? user.id },
      ...Object.entries(others).map(([name, value]) => ({ name, value })),
    ],
    userCreateDate: user.createdAt,
    userLastModifiedDate: user.updatedAt,
    enabled: user.enabled,
    userStatus: user.status,
    preferredMfaSetting: null,
    userMfaSettingList: null,
  };
}

/** AdminGetUser's view: the user and the MFA factors switched on. */
export const toGraphqlUserWithMfa = (user: CoreUser, mfa: MfaSummary): User => ({ ...toGraphqlUser(user), ...mfa });
