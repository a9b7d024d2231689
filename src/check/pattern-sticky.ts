// The sticky copy of a pattern's regex, for patterns tried only where one of their first words
// occurs (pattern-prefixes.ts). Its own module so the compiled-pack cache can rebuild it without
// loading the compiler.

/** Same source and flags, but matching only at lastIndex instead of searching from it. */
export const stickyOf = (regex: RegExp): RegExp => new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
