#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx report-cards` needs no build step after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../functions/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
