import type { Command } from 'commander';
import { registerAudit } from './audit.ts';
import { registerCard } from './card.ts';
import { registerCheck } from './check.ts';
import { registerCheckImage } from './check-image.ts';
import { registerDemo } from './demo.ts';
import { registerDrafts } from './drafts.ts';
import { registerInit } from './init.ts';
import { registerPlan } from './plan.ts';
import { registerReview } from './review.ts';
import { registerSchedule } from './schedule.ts';
import { registerUsers } from './users.ts';
import { registerWorker } from './worker.ts';

/** In the order of the data flow: workspace → plan → draft → check → review → schedule → publish. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerPlan(program);
  registerDrafts(program);
  registerCheck(program);
  registerCheckImage(program);
  registerCard(program);
  registerReview(program);
  registerUsers(program);
  registerSchedule(program);
  registerWorker(program);
  registerAudit(program);
  registerDemo(program);
}
