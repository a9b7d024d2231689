// The longest plan one run may make, in days: a module of its own so the CLI's option parser can
// check --days without loading the planner.
export const MAX_PLAN_DAYS = 62;
