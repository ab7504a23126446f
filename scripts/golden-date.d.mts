export const GOLDEN_AS_OF: string;
