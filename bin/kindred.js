#!/usr/bin/env node
// The `kindred` command. TypeScript sources run through tsx's loader so a checkout needs no build step.
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

// A smaller young generation (V8's default grows it to 16-32 MB per semi-space under load) keeps an idle server's
// memory near its live data instead of holding garbage until the next collection (bench/README.md).
v8.setFlagsFromString('--max-semi-space-size=4');

register();
await import('../src/cli/main.ts');
