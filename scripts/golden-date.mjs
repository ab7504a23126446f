export const GOLDEN_AS_OF = "2026-11-27";
