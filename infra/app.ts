/**
 * CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). Selects the environment from context
 * (`-c asc-report-cards:environment=NAME`, default "default"), validates it, builds both stacks
 * with cdk-nag enforced. An invalid configuration stops synth with the list of problems.
 */
import { App } from 'aws-cdk-lib';
import { buildApp } from './build.ts';
import { PackTemplateError } from '../functions/core/cards/parse-packs.ts';
import { ConfigError, loadConfig } from './config.ts';

const app = new App();
try {
  const { name, config } = loadConfig((key) => app.node.tryGetContext(key));
  buildApp(app, name, config);
} catch (error) {
  if (error instanceof ConfigError || error instanceof PackTemplateError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
app.synth();
