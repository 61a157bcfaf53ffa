import { Column, Entity, PrimaryColumn } from "typeorm";
import { JsonTextColumn, TimestampColumn } from "./columns.js";

@Entity({ name: "user_pools" })
export class UserPoolEntity {
  @PrimaryColumn({ name: "id", type: "varchar", length: 55 })
  id!: string;

  @Column({ name: "name", type: "varchar", length: 128 })
  name!: string;

  @Column({ name: "deletion_protection", type: "varchar", length: 16 })
  deletionProtection!: string;

  @Column({ name: "username_case_sensitive", type: "boolean" })
  usernameCaseSensitive!: boolean;

  /** The rest of the pool configuration, as JSON: read whole, never queried by field. */
  @JsonTextColumn("settings")
  settings!: string;

  @JsonTextColumn("schema_attributes")
  schemaAttributes!: string;

  @TimestampColumn("created_at")
  createdAt!: Date;

  @TimestampColumn("updated_at")
  updatedAt!: Date;

  /**
   * While a pool import fills the pool, that import's id: the pool is hidden (findById, list) but holds its
   * place in the quota, and a later import of the same pool replaces it. Null for every complete pool.
   */
  @Column({ name: "import_id", type: "varchar", length: 64, nullable: true })
  importId!: string | null;
}
