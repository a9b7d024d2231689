#!/usr/bin/env node
// The `siyu` command. Runs a compiled copy of src/ that is rebuilt whenever a source file changes
// (bin/compiled-runtime.mjs), so a clone works after `npm install` with no build step that could go
// stale; without it (SIYU_RUNTIME=tsx, or the copy cannot be written) the sources run through tsx.
import { compiledModule } from './compiled-runtime.mjs';

const compiled = await compiledModule('cli/main.ts');
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
