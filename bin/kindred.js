#!/usr/bin/env node
// The `kindred` command. TypeScript sources run through tsx's loader so a checkout needs no build step.
// V8 runs with its default heap sizes: a flag like --max-semi-space-size set from here (v8.setFlagsFromString) comes
// after the heap is configured and changes nothing (bench/README.md, eleventh round).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
