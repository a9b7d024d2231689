// Shared plumbing for command actions: a context that is always closed, and option parsers that
// reject bad values in Chinese.
import { InvalidArgumentError, type Command } from 'commander';
import { CliContext, type GlobalOptions } from '../context.ts';

/** Wraps an action: builds the context from global + command options and closes it afterwards. */
export function withContext<O>(fn: (ctx: CliContext, opts: O & GlobalOptions, args: string[]) => Promise<void>) {
  return async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command;
    const opts = cmd.optsWithGlobals() as O & GlobalOptions;
    const ctx = new CliContext(opts);
    try {
      await fn(ctx, opts, cmd.args);
    } finally {
      await ctx.close();
    }
  };
}

export function intArg(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`“${value}” 应为 ${min} 到 ${max} 的整数`);
    return n;
  };
}

export function numberArg(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`“${value}” 应为不小于 ${min} 的数字`);
    return n;
  };
}

export const out = (s: string) => process.stdout.write(`${s}\n`);
