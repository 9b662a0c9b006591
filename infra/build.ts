/**
 * Builds both stacks for one environment into an app (or stage), with cdk-nag enforced. Shared by
 * infra/app.ts and the infra tests, so the tests check exactly what `cdk synth` produces.
 */
import path from 'node:path';
import type { App } from 'aws-cdk-lib';
import { ConfigError, type EnvironmentConfig } from './config.ts';
import { PROJECT_ROOT } from './constructs/report-function.ts';
import { enforceNag } from './nag.ts';
import { packListProblems } from './packs.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface ReportCardStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/** `packsDir`: the pack templates synth checks (a misspelt measure id or an undefined list fails it). */
export function buildApp(app: App, environmentName: string, config: EnvironmentConfig, packsDir = path.join(PROJECT_ROOT, 'templates', 'packs')): ReportCardStacks {
  const problems = packListProblems(config, packsDir);
  if (problems.length) throw new ConfigError(environmentName, problems);
  const env = config.account || config.region ? { account: config.account, region: config.region } : undefined;
  const prefix = `AscReportCards-${environmentName}`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    config,
    description: `asc-report-cards (${environmentName}): key, data bucket, send ledger, SES configuration set`,
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    env,
    config,
    description: `asc-report-cards (${environmentName}): functions, triggers, schedule, alarms`,
    bucketArnExportName: stateful.bucketArnExportName,
    key: stateful.key,
    ledger: stateful.ledger,
    mailEventsTopic: stateful.mailEventsTopic,
  });
  stateless.addStackDependency(stateful);
  enforceNag(app);
  return { stateful, stateless };
}
