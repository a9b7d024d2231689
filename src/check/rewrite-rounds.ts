// How many rewrite-and-recheck rounds an LLM rewrite may take: a module of its own so the CLI's
// option help can show them without loading the LLM code.
export const DEFAULT_REWRITE_ROUNDS = 3;
export const MAX_REWRITE_ROUNDS = 5;
