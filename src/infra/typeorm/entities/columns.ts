import { Column } from "typeorm";

/**
 * Every column states its type, so entities load the same under tsc and under tools that emit no
 * decorator metadata, and the two dialects (SQLite, MariaDB) derive identical schemas from them.
 */
export const TimestampColumn = (name: string, options: { nullable?: boolean } = {}) =>
  Column({ name, type: "datetime", precision: 3, nullable: options.nullable ?? false });

export const IdColumn = (name: string, length: number, options: { nullable?: boolean } = {}) =>
  Column({ name, type: "varchar", length, nullable: options.nullable ?? false });

export const JsonTextColumn = (name: string, options: { nullable?: boolean } = {}) =>
  Column({ name, type: "text", nullable: options.nullable ?? false });
