import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type {
  Group as CoreGroup,
  CreateGroupInput as CoreCreateGroupInput,
  UpdateGroupInput as CoreUpdateGroupInput,
} from "../../../core/groups/group.types.js";
import { User } from "./user.types.js";

@ObjectType({ description: "A user pool group (GroupType)." })
export class Group {
  @Field() groupName!: string;
  @Field(() => ID) userPoolId!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: "0–2147483647; when a user is in several groups, the lowest wins (cognito:preferred_role).",
  })
  precedence!: number | null;
  @Field(() => String, { nullable: true }) roleArn!: string | null;
  @Field(() => DateTimeISOResolver) creationDate!: Date;
  @Field(() => DateTimeISOResolver) lastModifiedDate!: Date;
}

@ObjectType()
export class GroupPage {
  @Field(() => [Group]) items!: Group[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

@ObjectType({ description: "One page of a group's members (ListUsersInGroup), by user id." })
export class GroupMemberPage {
  @Field(() => [User]) items!: User[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}

@InputType()
export class CreateGroupInput {
  @Field(() => ID) userPoolId!: string;
  @Field({ description: "1–128 characters, no whitespace; unique in the pool (case-sensitive)." }) groupName!: string;
  @Field(() => String, { nullable: true, description: "At most 2048 characters." }) description?: string | null;
  @Field(() => Int, { nullable: true, description: "0–2147483647; lower wins." }) precedence?: number | null;
  @Field(() => String, { nullable: true, description: "An IAM role ARN, stored and returned as given." }) roleArn?:
    string | null;
}

@InputType({ description: "UpdateGroup: an omitted field keeps its value; an explicit null clears it." })
export class UpdateGroupInput {
  @Field(() => ID) userPoolId!: string;
  @Field() groupName!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) precedence?: number | null;
  @Field(() => String, { nullable: true }) roleArn?: string | null;
}

export function toCoreCreateGroupInput(input: CreateGroupInput): CoreCreateGroupInput {
  return {
    groupName: input.groupName,
    description: input.description,
    precedence: input.precedence,
    roleArn: input.roleArn,
  };
}

export function toCoreUpdateGroupInput(input: UpdateGroupInput): CoreUpdateGroupInput {
  return {
    groupName: input.groupName,
    description: input.description,
    precedence: input.precedence,
    roleArn: input.roleArn,
  };
}

export function toGraphqlGroup(group: CoreGroup): Group {
  return {
    groupName: group.name,
    userPoolId: group.poolId,
    description: group.description,
    precedence: group.precedence,
    roleArn: group.roleArn,
    creationDate: group.createdAt,
    lastModifiedDate: group.updatedAt,
  };
}
