import type { AdminPrincipal } from "../../core/admin-keys/admin-key.types.js";
import type { ApiServices } from "../graphql/context.js";
import type { Members } from "./constraints.js";

/** What an action handler gets besides its (already checked) request body. */
export interface WireContext {
  services: ApiServices;
  /** The SigV4-verified admin key; set for every `admin` action, null for the others. */
  admin: AdminPrincipal | null;
  sourceIp: string | null;
}

/**
 * One Cognito action: how it is authorised, its request members and the mapping onto a core
 * service. `admin` actions need an AWS SigV4 signature (IAM on AWS); `public` ones need none,
 * including the access-token actions, whose token travels in the body as Cognito sends it.
 */
export interface WireAction {
  auth: "admin" | "public";
  members: Members;
  handle(input: Record<string, unknown>, ctx: WireContext): Promise<object>;
}

/** Declares an action with a typed body; the router has checked the body against `members` first. */
export function action<TInput>(definition: {
  auth: "admin" | "public";
  members: Members;
  handle(input: TInput, ctx: WireContext): Promise<object>;
}): WireAction {
  return definition as unknown as WireAction;
}

/** The admin principal of an `admin` action (the router refuses unsigned calls before handlers run). */
export function adminOf(ctx: WireContext): AdminPrincipal {
  if (!ctx.admin) throw new Error("admin action reached without a verified signature");
  return ctx.admin;
}

export type ActionTable = Readonly<Record<string, WireAction>>;

/** Cognito answers a void action with an empty JSON object. */
export const EMPTY = Object.freeze({});

/** A void `admin` action: runs the change and answers Cognito's empty object. */
export function adminCommand<TInput>(
  members: Members,
  run: (input: TInput, ctx: WireContext) => Promise<unknown>,
): WireAction {
  return action<TInput>({
    auth: "admin",
    members,
    async handle(input, ctx) {
      await run(input, ctx);
      return EMPTY;
    },
  });
}
