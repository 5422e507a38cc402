#!/usr/bin/env -S node --v8-pool-size=0
// The `kindred` command. TypeScript sources run through tsx's loader so a checkout needs no build step.
// --v8-pool-size=0 (here and in `npm start`): V8's background threads (garbage collection, compilation) number one
// less than the machine's cores instead of four. On a small machine shared with PostgreSQL, four threads marking
// at once took every core for 100-250 ms (docs/decisions/0016).
// V8 runs with its default heap sizes: a flag like --max-semi-space-size set from here (v8.setFlagsFromString) comes
// after the heap is configured and changes nothing (bench/README.md, eleventh round).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
