// Compile-time proof that two types are the same, both ways: for written-out or generated interfaces
// that must stay exactly what a zod schema accepts.

/** True when A and B are assignable to each other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile unless T is true. */
export type Assert<T extends true> = T;
