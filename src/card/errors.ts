// A card that cannot be rendered as asked: bad template, fields, size or image. The message is for
// the editor (Chinese, naming the field or file); nothing is written when one is thrown.
import { SiyuError } from '../shared/errors.ts';

export class CardError extends SiyuError {
  constructor(message: string, details: string[] = []) {
    super(message, details);
    this.name = 'CardError';
  }
}

/** Errors cross the worker-thread boundary as plain objects; this turns one back into a CardError. */
export function revive(e: unknown): unknown {
  if (e && typeof e === 'object' && (e as { name?: string }).name === 'CardError') {
    const { message, details } = e as { message: string; details?: string[] };
    return new CardError(message, Array.isArray(details) ? details : []);
  }
  return e;
}
