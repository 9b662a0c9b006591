/**
 * The Lambda entry for distribute. The environment is parsed at module scope, so a deployment with a
 * missing or malformed variable fails the cold start (INIT) with zod's message naming it, before
 * any event is taken and retried. Each invocation's metrics are published as it ends. createDistribute is re-exported for the bundle smoke tests.
 */
import { readConfig } from '../../adapters/config.ts';
import { depsFromConfig } from '../../adapters/pipeline.ts';
import { metered } from '../../adapters/metrics.ts';
import { createDistribute } from '../distribute.ts';

export { createDistribute };
const deps = depsFromConfig(readConfig());
export const handler = metered(createDistribute(deps), deps.metrics);
