import type { EntityManager } from "typeorm";
import type { UserPoolDomain } from "../../../core/oauth/user-pool-domain.types.js";
import type { UserPoolDomainRepository } from "../../../core/ports.js";
import { UserPoolDomainEntity } from "../entities/index.js";

const toEntity = (domain: UserPoolDomain): UserPoolDomainEntity =>
  Object.assign(new UserPoolDomainEntity(), {
    ...domain,
    customDomainConfig: domain.customDomainConfig ? JSON.stringify(domain.customDomainConfig) : null,
  });

const toDomain = (entity: UserPoolDomainEntity): UserPoolDomain => ({
  domain: entity.domain,
  poolId: entity.poolId,
  kind: entity.kind,
  managedLoginVersion: entity.managedLoginVersion === 2 ? 2 : 1,
  customDomainConfig: entity.customDomainConfig
    ? (JSON.parse(entity.customDomainConfig) as UserPoolDomain["customDomainConfig"])
    : null,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});

export function createUserPoolDomainRepository(manager: EntityManager): UserPoolDomainRepository {
  const domains = manager.getRepository(UserPoolDomainEntity);
  return {
    async insert(domain) {
      await domains.insert(toEntity(domain));
    },
    async update(domain) {
      await domains.save(toEntity(domain));
    },
    async delete(domain) {
      await domains.delete({ domain });
    },
    async findByDomain(domain) {
      const entity = await domains.findOneBy({ domain: domain.toLowerCase() });
      return entity ? toDomain(entity) : null;
    },
    async listByPool(poolId) {
      return (await domains.find({ where: { poolId }, order: { domain: "ASC" } })).map(toDomain);
    },
  };
}
