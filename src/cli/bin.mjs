#!/usr/bin/env node
// The `bake-planner` command (package.json "bin"): runs the TypeScript entry point through
// tsx, so a clone needs no build step. `npx bake-planner help` after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
