import { MoreThan, type EntityManager } from "typeorm";
import type { Group } from "../../../core/groups/group.types.js";
import type { GroupRepository } from "../../../core/ports.js";
import { GroupEntity, GroupMembershipEntity, UserEntity } from "../entities/index.js";
import { toDomainUser } from "./user.repository.js";

export const toDomain = (entity: GroupEntity): Group => ({
  ...entity,
  precedence: entity.precedence === null ? null : Number(entity.precedence),
});

export function createGroupRepository(manager: EntityManager): GroupRepository {
  const groups = manager.getRepository(GroupEntity);
  const memberships = manager.getRepository(GroupMembershipEntity);
  return {
    async insert(group) {
      await groups.insert(Object.assign(new GroupEntity(), group));
    },
    async update(group) {
      await groups.save(Object.assign(new GroupEntity(), group));
    },
    async delete(groupId) {
      await groups.delete({ id: groupId });
    },
    async findByName(poolId, name) {
      const entity = await groups.findOneBy({ poolId, name });
      return entity ? toDomain(entity) : null;
    },
    async list(poolId, page) {
      const where = page.afterId === undefined ? { poolId } : { poolId, name: MoreThan(page.afterId) };
      return (await groups.find({ where, order: { name: "ASC" }, take: page.limit })).map(toDomain);
    },
    countInPool: (poolId) => groups.countBy({ poolId }),
    async addMember(groupId, userId, at) {
      await memberships.upsert({ groupId, userId, createdAt: at }, ["groupId", "userId"]);
    },
    async removeMember(groupId, userId) {
      await memberships.delete({ groupId, userId });
    },
    async isMember(groupId, userId) {
      return (await memberships.countBy({ groupId, userId })) > 0;
    },
    countGroupsOfUser: (userId) => memberships.countBy({ userId }),
    async listGroupsOfUser(userId, page) {
      const builder = groups
        .createQueryBuilder("g")
        .innerJoin(GroupMembershipEntity, "m", "m.group_id = g.id")
        .where("m.user_id = :userId", { userId });
      if (page.afterId !== undefined) builder.andWhere("g.name > :after", { after: page.afterId });
      return (await builder.orderBy("g.name", "ASC").limit(page.limit).getMany()).map(toDomain);
    },
    async listMembers(groupId, page) {
      const builder = manager
        .getRepository(UserEntity)
        .createQueryBuilder("u")
        .innerJoin(GroupMembershipEntity, "m", "m.user_id = u.id")
        .where("m.group_id = :groupId", { groupId });
      if (page.afterId !== undefined) builder.andWhere("u.id > :after", { after: page.afterId });
      return (await builder.orderBy("u.id", "ASC").limit(page.limit).getMany()).map(toDomainUser);
    },
  };
}
