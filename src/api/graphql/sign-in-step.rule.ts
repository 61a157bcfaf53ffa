import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";

/** Field extension marking a sign-in step (initiateAuth, respondToAuthChallenge and admin forms). */
export const SIGN_IN_STEP = "signInStep";

/**
 * One document may run at most one sign-in step: otherwise one request could try many passwords
 * (100 aliased initiateAuth calls) and dodge per-request rate limits. Matched on a schema field
 * extension, not on operation or field names.
 */
export function oneSignInStepPerDocument(context: ValidationContext): ASTVisitor {
  let steps = 0;
  return {
    Field(node) {
      const definition = context.getFieldDef();
      if (definition?.extensions?.[SIGN_IN_STEP]) {
        steps += 1;
        if (steps === 2)
          context.reportError(
            new GraphQLError("A document may contain at most one sign-in or challenge-response mutation.", {
              nodes: [node],
            }),
          );
      }
    },
  };
}
