/**
 * cdk-nag 3 wiring. The packs run as CDK validation plugins, so any unacknowledged finding
 * (warning or error) stops `cdk synth` and `Template.fromStack`. Acknowledgements go through one
 * helper so each carries a reason and names a single finding id (granular ids such as
 * `AwsSolutions-IAM5[Resource::*]`, never a whole rule for a whole stack).
 */
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Registers the AwsSolutions and Serverless packs on an app or stage. */
export function enforceNag(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

/** Acknowledges one finding on one construct (and its children) with the reason it is acceptable. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement ${id} on ${scope.node.path} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
