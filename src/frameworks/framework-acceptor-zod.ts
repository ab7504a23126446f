// framework-acceptor.generated.ts for the warehouse UDF (tsup.config.ts `udfDiet` swaps it in): the UDF
// carries zod anyway, so zod checks every framework file (as before the acceptor existed) instead of the
// UDF also carrying the generated acceptor and copier (about 4 KB gzipped, under a 100 KB limit).

/** Never certain: zod decides. */
export const acceptFramework = (_value: unknown): boolean => false;
/** Never certain: zod decides. */
export const acceptRuleSet = (_value: unknown): boolean => false;
/** Never certain: zod decides. */
export const acceptCriterion = (_value: unknown): boolean => false;
/** Not called: nothing is accepted here. */
export const copyFramework = <T>(value: T): T => value;
/** Not called: nothing is accepted here. */
export const copyRuleSet = <T>(value: T): T => value;
