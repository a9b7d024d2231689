// Structured logs go to stderr so stdout stays clean for command output (e.g. `check --jsonl`).
// Secrets are redacted by key wherever they appear in a logged object.
import { pino } from 'pino';

export const logger = pino(
  {
    level: process.env.SIYU_LOG_LEVEL ?? 'warn',
    redact: {
      paths: ['apiKey', '*.apiKey', 'secret', '*.secret', 'token', '*.token', 'authorization', '*.authorization', 'password', '*.password'],
      censor: '[已隐藏]',
    },
  },
  pino.destination(2),
);
