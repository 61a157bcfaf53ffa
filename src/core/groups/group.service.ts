import type { Clock } from "../../lib/clock.js";
import { randomUuid } from "../../lib/random.js";
import { assertPoolAccess } from "../admin-keys/access.js";
import { actorOf, type AdminPrincipal } from "../admin-keys/admin-key.types.js";
import { CognitoError, resourceNotFound } from "../errors.js";
import { readPageArgs, toPage, type Page, type PageArgs } from "../pagination.js";
import { loadAccessiblePool } from "../pools/user-pool.service.js";
import type { UserPool } from "../pools/user-pool.types.js";
import type { Database, Repositories } from "../ports.js";
import { checkUsernameShape, findUserByIdentifier } from "../users/identity.js";
import type { User } from "../users/user.types.js";
import { requireIntegerInRange, requireLength, requirePattern } from "../validation.js";
import type { CreateGroupInput, Group, UpdateGroupInput } from "./group.types.js";

/** Cognito's quotas (cognito-reference §12.3); both are fixed in Cognito, configurable here. */
export const DEFAULT_MAX_GROUPS_PER_POOL = 10_000;
export const DEFAULT_MAX_GROUPS_PER_USER = 100;

export interface GroupServiceDeps {
  db: Database;
  clock: Clock;
  maxGroupsPerPool?: number;
  maxGroupsPerUser?: number;
}

export type GroupService = ReturnType<typeof createGroupService>;

const GROUP_NAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
/** Cognito's ArnType (min 20, max 2048); it admits `role/Name` resources, which IAM role ARNs need. */
const ROLE_ARN_PATTERN =
  /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
const MAX_PRECEDENCE = 2_147_483_647;

function checkGroupName(groupName: string): void {
  requireLength("groupName", groupName, 1, 128);
  requirePattern(
    "groupName",
    groupName,
    GROUP_NAME_PATTERN,
    "may only contain letters, marks, symbols, numbers and punctuation (no whitespace)",
  );
}

/** Validates the optional members shared by CreateGroup and UpdateGroup; null and undefined pass. */
function checkGroupSettings(input: {
  description?: string | null;
  precedence?: number | null;
  roleArn?: string | null;
}): void {
  if (input.description !== undefined && input.description !== null)
    requireLength("description", input.description, 0, 2048);
  if (input.precedence !== undefined && input.precedence !== null)
    requireIntegerInRange("precedence", input.precedence, 0, MAX_PRECEDENCE);
  if (input.roleArn !== undefined && input.roleArn !== null) {
    requireLength("roleArn", input.roleArn, 20, 2048);
    requirePattern(
      "roleArn",
      input.roleArn,
      ROLE_ARN_PATTERN,
      "must be an ARN, e.g. arn:aws:iam::123456789012:role/GroupRole",
    );
  }
}

const describeGroup = (group: Group): Record<string, unknown> => ({
  groupName: group.name,
  description: group.description,
  precedence: group.precedence,
  roleArn: group.roleArn,
});

const groupNotFound = (): CognitoError => resourceNotFound("Group not found.");
const userNotFound = (): CognitoError => new CognitoError("UserNotFoundException", "User does not exist.");

async function loadGroup(repositories: Repositories, pool: UserPool, groupName: string): Promise<Group> {
  const group = await repositories.groups.findByName(pool.id, groupName);
  if (!group) throw groupNotFound();
  return group;
}

async function loadUser(repositories: Repositories, pool: UserPool, username: string): Promise<User> {
  const user = await findUserByIdentifier(repositories, pool, username);
  if (!user) throw userNotFound();
  return user;
}

/**
 * The pool, with its row locked for a quota check: parallel creates or adds in one pool then count
 * one after the other, so none can overshoot a quota. The lock is the transaction's first read (see
 * lockForUpdate); only a principal allowed on the pool may take it.
 */
async function lockAccessiblePool(
  repositories: Repositories,
  principal: AdminPrincipal,
  poolId: string,
): Promise<UserPool> {
  assertPoolAccess(principal, poolId);
  await repositories.pools.lockForUpdate(poolId);
  return loadAccessiblePool(repositories, principal, poolId);
}

/**
 * Cognito user-pool groups: CRUD, membership and the two quotas. Every change commits with its event.
 * The quotas are checked by counting inside the change's transaction, under the pool's lock.
 */
export function createGroupService({
  db,
  clock,
  maxGroupsPerPool = DEFAULT_MAX_GROUPS_PER_POOL,
  maxGroupsPerUser = DEFAULT_MAX_GROUPS_PER_USER,
}: GroupServiceDeps) {
  return {
    /** CreateGroup. @throws InvalidParameterException, GroupExistsException, LimitExceededException, ResourceNotFoundException, NotAuthorizedException */
    async createGroup(principal: AdminPrincipal, poolId: string, input: CreateGroupInput): Promise<Group> {
      checkGroupName(input.groupName);
      checkGroupSettings(input);
      return db.transaction(async (repositories) => {
        await lockAccessiblePool(repositories, principal, poolId);
        if ((await repositories.groups.countInPool(poolId)) >= maxGroupsPerPool) {
          throw new CognitoError(
            "LimitExceededException",
            `User pool ${poolId} already has the maximum of ${maxGroupsPerPool} groups.`,
          );
        }
        const now = clock.now();
        const group: Group = {
          id: randomUuid(),
          poolId,
          name: input.groupName,
          description: input.description ?? null,
          precedence: input.precedence ?? null,
          roleArn: input.roleArn ?? null,
          createdAt: now,
          updatedAt: now,
        };
        await repositories.groups.insert(group);
        await repositories.events.append(
          { type: "GROUP_CREATED", poolId, actor: actorOf(principal), detail: describeGroup(group) },
          now,
        );
        return group;
      });
    },

    /** UpdateGroup: members left undefined keep their values, null clears them. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async updateGroup(principal: AdminPrincipal, poolId: string, input: UpdateGroupInput): Promise<Group> {
      checkGroupName(input.groupName);
      checkGroupSettings(input);
      return db.transaction(async (repositories) => {
        const pool = await loadAccessiblePool(repositories, principal, poolId);
        const current = await loadGroup(repositories, pool, input.groupName);
        const now = clock.now();
        const changes = { description: input.description, precedence: input.precedence, roleArn: input.roleArn };
        const given = Object.fromEntries(
          Object.entries(changes).filter(([, value]) => value !== undefined),
        ) as Partial<Group>;
        const updated: Group = { ...current, ...given, updatedAt: now };
        await repositories.groups.update(updated);
        await repositories.events.append(
          {
            type: "GROUP_UPDATED",
            poolId,
            actor: actorOf(principal),
            detail: { ...describeGroup(updated), changedFields: Object.keys(given) },
          },
          now,
        );
        return updated;
      });
    },

    /** DeleteGroup; memberships go with it. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async deleteGroup(principal: AdminPrincipal, poolId: string, groupName: string): Promise<void> {
      checkGroupName(groupName);
      await db.transaction(async (repositories) => {
        const pool = await loadAccessiblePool(repositories, principal, poolId);
        const group = await loadGroup(repositories, pool, groupName);
        await repositories.groups.delete(group.id);
        await repositories.events.append(
          { type: "GROUP_DELETED", poolId, actor: actorOf(principal), detail: describeGroup(group) },
          clock.now(),
        );
      });
    },

    /** GetGroup. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async getGroup(principal: AdminPrincipal, poolId: string, groupName: string): Promise<Group> {
      checkGroupName(groupName);
      return db.read(async (repositories) =>
        loadGroup(repositories, await loadAccessiblePool(repositories, principal, poolId), groupName),
      );
    },

    /** ListGroups, by name, 1–60 a page. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async listGroups(principal: AdminPrincipal, poolId: string, args: PageArgs): Promise<Page<Group>> {
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read(async (repositories) => {
        await loadAccessiblePool(repositories, principal, poolId);
        return repositories.groups.list(poolId, { afterId, limit: limit + 1 });
      });
      return toPage(rows, limit, (group) => group.name);
    },

    /**
     * AdminAddUserToGroup; adding a member again succeeds and changes nothing (as in Cognito).
     * @throws InvalidParameterException, ResourceNotFoundException, UserNotFoundException, LimitExceededException, NotAuthorizedException
     */
    async addUserToGroup(
      principal: AdminPrincipal,
      poolId: string,
      username: string,
      groupName: string,
    ): Promise<void> {
      checkUsernameShape(username);
      checkGroupName(groupName);
      await db.transaction(async (repositories) => {
        const pool = await lockAccessiblePool(repositories, principal, poolId);
        const group = await loadGroup(repositories, pool, groupName);
        const user = await loadUser(repositories, pool, username);
        if (await repositories.groups.isMember(group.id, user.id)) return;
        if ((await repositories.groups.countGroupsOfUser(user.id)) >= maxGroupsPerUser) {
          throw new CognitoError("LimitExceededException", `A user can belong to at most ${maxGroupsPerUser} groups.`);
        }
        const now = clock.now();
        await repositories.groups.addMember(group.id, user.id, now);
        await repositories.events.append(
          {
            type: "USER_ADDED_TO_GROUP",
            poolId,
            actor: actorOf(principal),
            detail: { userSub: user.id, groupName: group.name },
          },
          now,
        );
      });
    },

    /**
     * AdminRemoveUserFromGroup; removing a non-member succeeds and changes nothing.
     * @throws InvalidParameterException, ResourceNotFoundException, UserNotFoundException, NotAuthorizedException
     */
    async removeUserFromGroup(
      principal: AdminPrincipal,
      poolId: string,
      username: string,
      groupName: string,
    ): Promise<void> {
      checkUsernameShape(username);
      checkGroupName(groupName);
      await db.transaction(async (repositories) => {
        const pool = await loadAccessiblePool(repositories, principal, poolId);
        const group = await loadGroup(repositories, pool, groupName);
        const user = await loadUser(repositories, pool, username);
        if (!(await repositories.groups.isMember(group.id, user.id))) return;
        await repositories.groups.removeMember(group.id, user.id);
        await repositories.events.append(
          {
            type: "USER_REMOVED_FROM_GROUP",
            poolId,
            actor: actorOf(principal),
            detail: { userSub: user.id, groupName: group.name },
          },
          clock.now(),
        );
      });
    },

    /** ListUsersInGroup, by user id, 1–60 a page. @throws InvalidParameterException, ResourceNotFoundException, NotAuthorizedException */
    async listUsersInGroup(
      principal: AdminPrincipal,
      poolId: string,
      groupName: string,
      args: PageArgs,
    ): Promise<Page<User>> {
      checkGroupName(groupName);
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read(async (repositories) => {
        const group = await loadGroup(
          repositories,
          await loadAccessiblePool(repositories, principal, poolId),
          groupName,
        );
        return repositories.groups.listMembers(group.id, { afterId, limit: limit + 1 });
      });
      return toPage(rows, limit, (user) => user.id);
    },

    /** AdminListGroupsForUser, by name, 1–60 a page. @throws InvalidParameterException, ResourceNotFoundException, UserNotFoundException, NotAuthorizedException */
    async listGroupsForUser(
      principal: AdminPrincipal,
      poolId: string,
      username: string,
      args: PageArgs,
    ): Promise<Page<Group>> {
      checkUsernameShape(username);
      const { limit, afterId } = readPageArgs(args);
      const rows = await db.read(async (repositories) => {
        const user = await loadUser(repositories, await loadAccessiblePool(repositories, principal, poolId), username);
        return repositories.groups.listGroupsOfUser(user.id, { afterId, limit: limit + 1 });
      });
      return toPage(rows, limit, (group) => group.name);
    },
  };
}
