import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import {
  GraphQLError,
  Kind,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type InlineFragmentNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { GraphqlLimits } from "../../config/index.js";

/**
 * Directives one document may carry. Each costs validation and execution work (`@include`/`@skip` are
 * evaluated per field), and no real client needs more: GraphiQL's introspection query has none.
 */
export const MAX_DIRECTIVES_PER_DOCUMENT = 50;

/**
 * How often one selection set may ask for the same response name (or spread the same fragment).
 * Repeats merge into one result, so they buy a client nothing, but each pair is compared by the
 * overlapping-fields rule and counted by none of the other limits: 500 `__typename`s are a cheap flood.
 * A few are allowed, as generated documents sometimes repeat `id`.
 */
export const MAX_REPEATS_PER_SELECTION = 3;

/**
 * How often one response name may appear in a selection set once its inline fragments and fragment
 * spreads are expanded, and how many selections a document may expand to in all. Fragments are how
 * real clients repeat `id` and `__typename` (one per colocated fragment), so this is far above the
 * direct limit; it still stops `...{__typename}` × 490 or 190 one-field fragments, which the
 * overlapping-fields rule would otherwise compare pairwise (26–68 ms of CPU per request).
 */
export const MAX_EXPANDED_REPEATS_PER_SELECTION = 100;
export const MAX_EXPANDED_SELECTIONS_PER_DOCUMENT = 20_000;

/**
 * Refuses a document with more than `maxDirectives` directives (counted over every operation and
 * fragment) or a selection set that names the same field (by response name) or spreads the same
 * fragment more than `maxRepeats` times. One linear walk at the Document node, before any other rule
 * walks the selections.
 */
export function floodLimitsRule({
  maxDirectives,
  maxRepeats,
}: {
  maxDirectives: number;
  maxRepeats: number;
}): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document: DocumentNode) {
      const errors = findFloods(document, maxDirectives, maxRepeats);
      if (errors.length === 0) return undefined;
      for (const error of errors) context.reportError(error);
      // An enter handler that returns null removes the node from the shared parallel visit, so no rule
      // walks this document further. That is the point: OverlappingFieldsCanBeMerged, in the same pass,
      // compares repeated fields pairwise (480 repeats of one field: ~120 ms of CPU per request).
      return null;
    },
  });
}

/** At most one error per kind of flood: the first directive over the limit, the first over-repeated selection. */
function findFloods(document: DocumentNode, maxDirectives: number, maxRepeats: number): GraphQLError[] {
  const errors: GraphQLError[] = [];
  let directives = 0;
  let repeated = false;
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  let expansionBudget = MAX_EXPANDED_SELECTIONS_PER_DOCUMENT;
  /**
   * Counts the response names of `set` with its inline fragments and spreads expanded (a fragment
   * already being expanded is skipped: cycles are another rule's error). Returns why it stopped, if it did.
   */
  const expand = (
    set: SelectionSetNode,
    counts: Map<string, number>,
    expanding: Set<string>,
  ): "repeats" | "size" | null => {
    for (const selection of set.selections) {
      if (--expansionBudget < 0) return "size";
      if (selection.kind === Kind.FIELD) {
        const name = (selection.alias ?? selection.name).value;
        const count = (counts.get(name) ?? 0) + 1;
        counts.set(name, count);
        if (count > MAX_EXPANDED_REPEATS_PER_SELECTION) return "repeats";
        continue;
      }
      const fragmentName = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      const inner =
        fragmentName === null ? (selection as InlineFragmentNode).selectionSet : fragments.get(fragmentName);
      if (!inner || (fragmentName !== null && expanding.has(fragmentName))) continue;
      if (fragmentName !== null) expanding.add(fragmentName);
      const stopped = expand(inner, counts, expanding);
      if (fragmentName !== null) expanding.delete(fragmentName);
      if (stopped) return stopped;
    }
    return null;
  };
  visit(document, {
    Directive(node) {
      directives += 1;
      if (directives === maxDirectives + 1)
        errors.push(new GraphQLError(`Directives limit of ${maxDirectives} exceeded.`, { nodes: [node] }));
    },
    SelectionSet(node) {
      if (repeated) return;
      const seen = new Map<string, number>();
      for (const selection of node.selections) {
        let key: string;
        if (selection.kind === Kind.FIELD) key = `field ${(selection.alias ?? selection.name).value}`;
        else if (selection.kind === Kind.FRAGMENT_SPREAD) key = `fragment spread ...${selection.name.value}`;
        else continue;
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        if (count > maxRepeats) {
          errors.push(
            new GraphQLError(
              `Repeated selections limit of ${maxRepeats} exceeded: ${key} appears more than ${maxRepeats} times in one selection set.`,
              { nodes: [selection] },
            ),
          );
          repeated = true;
          return;
        }
      }
      const stopped = expand(node, new Map(), new Set());
      if (stopped) {
        errors.push(
          new GraphQLError(
            stopped === "repeats"
              ? `Repeated selections limit of ${MAX_EXPANDED_REPEATS_PER_SELECTION} exceeded: one response name appears more than ${MAX_EXPANDED_REPEATS_PER_SELECTION} times in a selection set once its fragments are expanded.`
              : `Document too large: more than ${MAX_EXPANDED_SELECTIONS_PER_DOCUMENT} selections once fragments are expanded.`,
            { nodes: [node] },
          ),
        );
        repeated = true;
        return;
      }
    },
  });
  return errors;
}

/**
 * Limits that stop a single document from doing unbounded work: nesting depth, aliases (one
 * resolver run per alias; `__typename` aliases count too, as they are just as cheap to send), an
 * estimated cost, directives and repeated selections. Token count is capped at parse time. Every
 * refusal is an ordinary validation error, so it is reported as InvalidParameterException over
 * HTTP and graphql-ws alike, and nothing runs.
 */
export function createLimitRules(limits: GraphqlLimits): ValidationRule[] {
  // By default graphql-armor throws from inside validate(), which Apollo and graphql-ws treat as a
  // crash (InternalErrorException, socket closed); reporting makes it an ordinary validation error.
  const reject = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    // First of these: when it refuses, the rules after it (and the costlier standard ones) walk nothing.
    floodLimitsRule({ maxDirectives: MAX_DIRECTIVES_PER_DOCUMENT, maxRepeats: MAX_REPEATS_PER_SELECTION }),
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true, ...reject }),
    // graphql-armor's default allow-list exempts `__typename`: 101 `t1: __typename` aliases then ran.
    maxAliasesRule({ n: limits.maxAliases, allowList: [], exposeLimits: true, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true, ...reject }),
  ] as unknown as ValidationRule[];
}
