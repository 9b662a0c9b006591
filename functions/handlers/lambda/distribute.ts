/**
 * The Lambda entry for distribute. The environment is parsed at module scope, so a deployment with a
 * missing or malformed variable fails the cold start (INIT) with zod's message naming it, before
 * any event is taken and retried. createDistribute is re-exported for the bundle smoke tests.
 */
import { readConfig } from '../../adapters/config.ts';
import { depsFromConfig } from '../../adapters/pipeline.ts';
import { createDistribute } from '../distribute.ts';

export { createDistribute };
export const handler = createDistribute(depsFromConfig(readConfig()));
