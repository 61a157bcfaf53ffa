export interface Group {
  id: string;
  poolId: string;
  name: string;
  description: string | null;
  precedence: number | null;
  roleArn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** CreateGroup's members besides the pool. */
export interface CreateGroupInput {
  groupName: string;
  description?: string | null;
  precedence?: number | null;
  roleArn?: string | null;
}

/** UpdateGroup: `undefined` keeps the stored value, `null` clears it. */
export interface UpdateGroupInput {
  groupName: string;
  description?: string | null;
  precedence?: number | null;
  roleArn?: string | null;
}
