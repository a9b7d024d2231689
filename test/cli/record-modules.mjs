// Records every module URL the process resolves, one per line, in the file named by
// SIYU_MODULE_LOG: `node --import ./test/cli/record-modules.mjs bin/siyu.mjs …`. Used by
// lazy-commands.test.ts to see which packages a command loads. Registered before bin/siyu.mjs
// registers tsx, so tsx's hooks run first and pass every resolution (TypeScript sources included)
// on to this one.
import { register } from 'node:module';

const file = process.env.SIYU_MODULE_LOG;
if (file) register('./record-modules-hooks.mjs', import.meta.url, { data: { file } });
