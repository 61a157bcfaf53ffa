import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";
import type { GraphqlLimits } from "../../config/index.js";

/**
 * Limits that stop a single document from doing unbounded work: nesting depth, aliases (one
 * resolver run per alias) and an estimated cost. Token count is capped at parse time.
 */
export function createLimitRules(limits: GraphqlLimits): ValidationRule[] {
  // By default graphql-armor throws from inside validate(), which Apollo and graphql-ws treat as a
  // crash (InternalErrorException, socket closed); reporting makes it an ordinary validation error.
  const reject = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true, ...reject }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true, ...reject }),
  ] as unknown as ValidationRule[];
}
