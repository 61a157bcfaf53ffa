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
