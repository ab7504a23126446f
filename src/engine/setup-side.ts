import { safeParseFramework } from "../frameworks/parse-framework.js";

// What a qualifier's setup needs only when it is given something to check (a framework file, a custom
// schema): reached through `setupSide()` (./lazy-setup.ts), so that a qualifier of the built-ins does not
// load zod.

export { safeParseFramework };
