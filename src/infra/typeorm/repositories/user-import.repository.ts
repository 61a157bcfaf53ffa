import { Brackets, In, LessThan, type EntityManager, type ObjectLiteral, type EntityTarget } from "typeorm";
import type { UserImportRepository } from "../../../core/user-import/user-import.ports.js";
import {
  ACTIVE_IMPORT_STATUSES,
  type UserImportJob,
  type UserImportJobStatus,
  type UserImportRowError,
} from "../../../core/user-import/user-import.types.js";
import {
  UserAliasEntity,
  UserEntity,
  UserImportChunkEntity,
  UserImportJobEntity,
  UserSearchEntryEntity,
} from "../entities/index.js";
import { searchEntryRowsOf, toEntity as toUserEntity } from "./user.repository.js";

/** SQLite allows 32,766 bound values per statement: multi-row inserts are cut to stay below. */
const MAX_VALUES_PER_STATEMENT = 30_000;

function toDomain(entity: UserImportJobEntity): UserImportJob {
  return {
    jobId: entity.jobId,
    poolId: entity.poolId,
    jobName: entity.jobName,
    cloudWatchLogsRoleArn: entity.cloudWatchLogsRoleArn,
    status: entity.status as UserImportJobStatus,
    createdAt: entity.createdAt,
    startedAt: entity.startedAt,
    completedAt: entity.completedAt,
    uploadExpiresAt: entity.uploadExpiresAt,
    upload:
      entity.uploadId && entity.uploadedAt
        ? {
            uploadId: entity.uploadId,
            uploadedAt: entity.uploadedAt,
            bytes: Number(entity.uploadBytes ?? 0),
            users: Number(entity.uploadUsers ?? 0),
          }
        : null,
    importedUsers: Number(entity.importedUsers),
    skippedUsers: Number(entity.skippedUsers),
    failedUsers: Number(entity.failedUsers),
    rowsDone: Number(entity.rowsDone),
    completionMessage: entity.completionMessage,
    rowErrors: JSON.parse(entity.rowErrors) as UserImportRowError[],
    leaseOwner: entity.leaseOwner,
    leaseExpiresAt: entity.leaseExpiresAt,
  };
}

function toEntity(job: UserImportJob): UserImportJobEntity {
  return Object.assign(new UserImportJobEntity(), {
    jobId: job.jobId,
    poolId: job.poolId,
    jobName: job.jobName,
    cloudWatchLogsRoleArn: job.cloudWatchLogsRoleArn,
    status: job.status,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    uploadExpiresAt: job.uploadExpiresAt,
    uploadId: job.upload?.uploadId ?? null,
    uploadedAt: job.upload?.uploadedAt ?? null,
    uploadBytes: job.upload?.bytes ?? null,
    uploadUsers: job.upload?.users ?? null,
    importedUsers: job.importedUsers,
    skippedUsers: job.skippedUsers,
    failedUsers: job.failedUsers,
    rowsDone: job.rowsDone,
    completionMessage: job.completionMessage,
    rowErrors: JSON.stringify(job.rowErrors),
    leaseOwner: job.leaseOwner,
    leaseExpiresAt: job.leaseExpiresAt,
  });
}

export function createUserImportRepository(manager: EntityManager): UserImportRepository {
  const jobs = manager.getRepository(UserImportJobEntity);
  const chunks = manager.getRepository(UserImportChunkEntity);
  const affected = (result: { affected?: number | null }) => (result.affected ?? 0) > 0;

  /** Multi-row INSERTs, cut so no statement binds more values than SQLite takes. */
  async function insertMany<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    rows: T[],
    columns: number,
  ): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns));
    for (let i = 0; i < rows.length; i += perStatement) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(target)
        .values(rows.slice(i, i + perStatement))
        .updateEntity(false)
        .execute();
    }
  }

  return {
    async insert(job) {
      await jobs.insert(toEntity(job));
    },
    async find(poolId, jobId) {
      const entity = await jobs.findOneBy({ poolId, jobId });
      return entity ? toDomain(entity) : null;
    },
    async findById(jobId) {
      const entity = await jobs.findOneBy({ jobId });
      return entity ? toDomain(entity) : null;
    },
    async list(poolId, { after, limit }) {
      const builder = jobs.createQueryBuilder("job").where("job.pool_id = :poolId", { poolId });
      if (after) {
        builder.andWhere(
          new Brackets((where) =>
            where
              .where("job.created_at < :createdAt", { createdAt: after.createdAt })
              .orWhere("job.created_at = :createdAt AND job.job_id < :jobId", { jobId: after.jobId }),
          ),
        );
      }
      const rows = await builder
        .orderBy("job.created_at", "DESC")
        .addOrderBy("job.job_id", "DESC")
        .limit(limit)
        .getMany();
      return rows.map(toDomain);
    },
    countInPool: (poolId) => jobs.countBy({ poolId }),
    hasActive: (poolId) => jobs.existsBy({ poolId, status: In([...ACTIVE_IMPORT_STATUSES]) }),
    async transition(jobId, from, changes) {
      return affected(await jobs.update({ jobId, status: In([...from]) }, changes));
    },
    async claimUpload(jobId, upload, now) {
      const result = await jobs
        .createQueryBuilder()
        .update()
        .set({
          uploadId: upload.uploadId,
          uploadedAt: upload.uploadedAt,
          uploadBytes: upload.bytes,
          uploadUsers: upload.users,
        })
        .where("job_id = :jobId AND status = 'Created' AND upload_id IS NULL AND upload_expires_at > :now", {
          jobId,
          now,
        })
        .execute();
      return affected(result);
    },
    async claimLease(jobId, owner, now, until) {
      const result = await jobs
        .createQueryBuilder()
        .update()
        .set({ leaseOwner: owner, leaseExpiresAt: until })
        .where("job_id = :jobId AND status IN (:...active) AND (lease_owner IS NULL OR lease_expires_at < :now)", {
          jobId,
          active: ACTIVE_IMPORT_STATUSES,
          now,
        })
        .execute();
      return affected(result);
    },
    async releaseLease(jobId, owner) {
      await jobs.update({ jobId, leaseOwner: owner }, { leaseOwner: null, leaseExpiresAt: null });
    },
    async saveProgress(jobId, owner, progress, until) {
      const result = await jobs.update(
        { jobId, leaseOwner: owner, status: In(["InProgress", "Stopping"]) },
        { ...progress, rowErrors: JSON.stringify(progress.rowErrors), leaseExpiresAt: until },
      );
      if (!affected(result)) return null;
      const row = await jobs.findOne({ where: { jobId }, select: { jobId: true, status: true } });
      return (row?.status as UserImportJobStatus | undefined) ?? null;
    },
    async listRunnable(now, limit, poolIds) {
      const query = jobs
        .createQueryBuilder("job")
        .where("job.status IN (:...active) AND (job.lease_owner IS NULL OR job.lease_expires_at < :now)", {
          active: ACTIVE_IMPORT_STATUSES,
          now,
        });
      if (poolIds) query.andWhere("job.pool_id IN (:...poolIds)", { poolIds: poolIds.length > 0 ? poolIds : [""] });
      const rows = await query.orderBy("job.created_at", "ASC").limit(limit).getMany();
      return rows.map(toDomain);
    },
    async listCreatedBefore(before, limit, poolIds) {
      const rows = await jobs.find({
        where: { status: "Created", createdAt: LessThan(before), ...(poolIds ? { poolId: In([...poolIds]) } : {}) },
        order: { createdAt: "ASC" },
        take: limit,
      });
      return rows.map(toDomain);
    },

    async appendChunk(jobId, uploadId, seq, data) {
      await chunks.insert({ jobId, uploadId, seq, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
    },
    async readChunk(uploadId, seq) {
      const row = await chunks.findOneBy({ uploadId, seq });
      return row ? new Uint8Array(row.data) : null;
    },
    async deleteUpload(uploadId) {
      await chunks.delete({ uploadId });
    },
    async deleteChunks(jobId, keepUploadId) {
      if (keepUploadId)
        await chunks
          .createQueryBuilder()
          .delete()
          .where("job_id = :jobId AND upload_id <> :keepUploadId", { jobId, keepUploadId })
          .execute();
      else await chunks.delete({ jobId });
    },

    async findTakenUsernames(poolId, usernamesNormalized) {
      if (usernamesNormalized.length === 0) return new Set();
      const rows = await manager.getRepository(UserEntity).find({
        where: { poolId, usernameNormalized: In([...usernamesNormalized]) },
        select: { id: true, usernameNormalized: true },
      });
      return new Set(rows.map((row) => row.usernameNormalized));
    },
    async findTakenAliases(poolId, kind, valuesNormalized) {
      if (valuesNormalized.length === 0) return new Set();
      const rows = await manager.getRepository(UserAliasEntity).find({
        where: { poolId, kind, valueNormalized: In([...valuesNormalized]) },
        select: { userId: true, kind: true, valueNormalized: true },
      });
      return new Set(rows.map((row) => row.valueNormalized));
    },
    async insertUsers(rows) {
      if (rows.length === 0) return;
      await insertMany(
        UserEntity,
        rows.map((row) => toUserEntity(row.user)),
        13,
      );
      const aliases = rows.flatMap((row) =>
        row.aliases.map((alias) =>
          Object.assign(new UserAliasEntity(), {
            poolId: row.user.poolId,
            userId: row.user.id,
            kind: alias.kind,
            valueNormalized: alias.valueNormalized,
          }),
        ),
      );
      if (aliases.length > 0) await insertMany(UserAliasEntity, aliases, 4);
      const entries = rows.flatMap((row) => searchEntryRowsOf(row.user.poolId, row.user.id, row.searchEntries));
      if (entries.length > 0) await insertMany(UserSearchEntryEntity, entries, 4);
    },
  };
}
