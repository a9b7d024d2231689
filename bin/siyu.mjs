#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a clone works after `npm install`
// with no separate build step that could go stale.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
