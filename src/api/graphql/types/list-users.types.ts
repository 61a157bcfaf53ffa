import { Field, ObjectType } from "type-graphql";
import { User } from "./user.types.js";

@ObjectType({ description: "One page of listUsers (ListUsersResponse).", simpleResolvers: true })
export class UserPage {
  @Field(() => [User], {
    description:
      "Ordered by the filtered value (folded as the filter compares it), then by sub; by sub without a filter.",
  })
  users!: User[];

  @Field(() => String, {
    nullable: true,
    description:
      "Pass back with the same filter for the next page; null on the last page. A page may be short while a token is still returned.",
  })
  paginationToken!: string | null;
}
