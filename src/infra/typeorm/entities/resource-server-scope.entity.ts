import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { ResourceServerEntity } from "./resource-server.entity.js";

/**
 * A custom scope of a resource server, one row each. Not a JSON TEXT column on the server: 100 scopes with
 * 256-character descriptions are up to ~100 KB of UTF-8, past MariaDB's TEXT (65,535 bytes). The key is
 * (55 + 256 + 256) characters × 4 bytes of utf8mb4 = 2,268 bytes, within InnoDB's 3,072-byte index limit.
 */
@Entity({ name: "resource_server_scopes" })
export class ResourceServerScopeEntity {
  @PrimaryColumn({ name: "pool_id", type: "varchar", length: 55 })
  poolId!: string;

  @PrimaryColumn({ name: "identifier", type: "varchar", length: 256 })
  identifier!: string;

  /** Unique within the server (the key); the service refuses a name given twice before it gets here. */
  @PrimaryColumn({ name: "scope_name", type: "varchar", length: 256 })
  scopeName!: string;

  @ManyToOne(() => ResourceServerEntity, { onDelete: "CASCADE" })
  @JoinColumn([
    { name: "pool_id", referencedColumnName: "poolId", foreignKeyConstraintName: "fk_resource_server_scopes_server" },
    {
      name: "identifier",
      referencedColumnName: "identifier",
      foreignKeyConstraintName: "fk_resource_server_scopes_server",
    },
  ])
  server?: ResourceServerEntity;

  /** The scope's place in the list as given: Describe answers the scopes in that order, as Cognito does. */
  @Column({ name: "position", type: "int" })
  position!: number;

  @Column({ name: "scope_description", type: "varchar", length: 256 })
  scopeDescription!: string;
}
