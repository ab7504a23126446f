// deal-shape.generated.ts for the warehouse UDF (tsup.config.ts `udfDiet` swaps it in): the UDF carries
// zod and the Deal schema anyway, and schema-walk reads the schema itself as well as its shape as data.
export { Deal as DEAL_SHAPE } from "./deal.js";
