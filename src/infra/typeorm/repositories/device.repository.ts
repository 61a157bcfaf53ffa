import { IsNull, MoreThan, Not, type EntityManager } from "typeorm";
import type { Device, DeviceRememberedStatus } from "../../../core/devices/device.types.js";
import type { DeviceRepository } from "../../../core/ports.js";
import { DeviceEntity } from "../entities/index.js";

const toDomain = (entity: DeviceEntity): Device => ({
  deviceKey: entity.deviceKey,
  poolId: entity.poolId,
  userId: entity.userId,
  deviceGroupKey: entity.deviceGroupKey,
  srpSalt: entity.srpSalt,
  srpVerifier: entity.srpVerifier,
  name: entity.name,
  rememberedStatus: entity.rememberedStatus as DeviceRememberedStatus,
  lastIpUsed: entity.lastIpUsed,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
  lastAuthenticatedAt: entity.lastAuthenticatedAt,
});

export function createDeviceRepository(manager: EntityManager): DeviceRepository {
  const devices = manager.getRepository(DeviceEntity);
  return {
    async insert(device) {
      await devices.insert(Object.assign(new DeviceEntity(), device));
    },
    async findByKey(deviceKey) {
      const entity = await devices.findOneBy({ deviceKey });
      return entity ? toDomain(entity) : null;
    },
    async confirm(deviceKey, { srpSalt, srpVerifier, name, rememberedStatus, now }) {
      // Conditional on the verifier being unset: a device is confirmed once, by one caller.
      const result = await devices.update(
        { deviceKey, srpVerifier: IsNull() },
        { srpSalt, srpVerifier, name, rememberedStatus, updatedAt: now },
      );
      return (result.affected ?? 0) === 1;
    },
    async updateStatus(deviceKey, rememberedStatus, now) {
      await devices.update({ deviceKey }, { rememberedStatus, updatedAt: now });
    },
    async recordAuthentication(deviceKey, { ip, now }) {
      await devices.update({ deviceKey }, { lastAuthenticatedAt: now, lastIpUsed: ip });
    },
    async delete(deviceKey) {
      await devices.delete({ deviceKey });
    },
    async listConfirmedOfUser(userId, page) {
      const rows = await devices.find({
        where: { userId, srpVerifier: Not(IsNull()), ...(page.afterId ? { deviceKey: MoreThan(page.afterId) } : {}) },
        order: { deviceKey: "ASC" },
        take: page.limit,
      });
      return rows.map(toDomain);
    },
  };
}
