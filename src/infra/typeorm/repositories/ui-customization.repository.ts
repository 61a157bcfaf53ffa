import type { EntityManager } from "typeorm";
import type { UiCustomization } from "../../../core/oauth/ui-customization.types.js";
import type { UiCustomizationRepository } from "../../../core/ports.js";
import { UiCustomizationEntity } from "../entities/index.js";

/** MariaDB's BLOB holds 65,535 bytes; a logo (≤ 100 KB) is split across two (see the entity). */
const BLOB_BYTES = 65_535;

function toEntity(customization: UiCustomization): UiCustomizationEntity {
  const { imageBase64, ...rest } = customization;
  const image = imageBase64 === null ? null : Buffer.from(imageBase64, "base64");
  return Object.assign(new UiCustomizationEntity(), {
    ...rest,
    imageHead: image ? image.subarray(0, BLOB_BYTES) : null,
    imageTail: image && image.length > BLOB_BYTES ? image.subarray(BLOB_BYTES) : null,
  });
}

function toDomain(entity: UiCustomizationEntity): UiCustomization {
  const image = entity.imageHead
    ? Buffer.concat([entity.imageHead, ...(entity.imageTail ? [entity.imageTail] : [])])
    : null;
  return {
    poolId: entity.poolId,
    clientId: entity.clientId,
    css: entity.css,
    imageBase64: image ? image.toString("base64") : null,
    imageContentType:
      entity.imageContentType === "image/png" || entity.imageContentType === "image/jpeg"
        ? entity.imageContentType
        : null,
    cssVersion: entity.cssVersion,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function createUiCustomizationRepository(manager: EntityManager): UiCustomizationRepository {
  const customizations = manager.getRepository(UiCustomizationEntity);
  return {
    async upsert(customization) {
      // save() is an upsert by primary key (pool, client).
      await customizations.save(toEntity(customization));
    },
    async find(poolId, clientId) {
      const entity = await customizations.findOneBy({ poolId, clientId });
      return entity ? toDomain(entity) : null;
    },
    async delete(poolId, clientId) {
      await customizations.delete({ poolId, clientId });
    },
  };
}
