/**
 * Builds the app the way `cdk synth` does — the context from cdk.json, the same buildApp — so
 * the assertions check the real stacks. Bundling is skipped here (CDK's `aws:cdk:bundling-stacks`
 * context) except where a test asks for it: the templates do not depend on the bundle's bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type ReportCardStacks } from '../../infra/build.ts';
import { ENVIRONMENTS_KEY, EnvironmentConfig, loadConfig } from '../../infra/config.ts';
import { PROJECT_ROOT } from '../../infra/constructs/report-function.ts';

/**
 * CDK's built-in CloudFormation schema validation (a WebAssembly module, ~4 s of CPU per synth)
 * fails `cdk synth` on any finding (cdk.json sets @aws-cdk/core:validateAgainstDefaultRules). The
 * nag test runs one synth with it on; elsewhere it is off so the infra tests stay quick.
 */
process.env.CDK_VALIDATION = 'false';

export const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
  app: string;
  context: Record<string, unknown>;
};

/** The default environment's raw config object from cdk.json, for tests that vary one field. */
export function defaultRawConfig(): Record<string, unknown> {
  return structuredClone((cdkJson.context[ENVIRONMENTS_KEY] as Record<string, Record<string, unknown>>).default!);
}

export interface Built extends ReportCardStacks {
  readonly app: App;
  readonly config: EnvironmentConfig;
  readonly stateful$: Template;
  readonly stateless$: Template;
}

export interface BuildOptions {
  /** Run esbuild for the four functions (slow-ish); otherwise CDK skips bundling. */
  readonly bundle?: boolean;
  /** Output directory for the cloud assembly (default: a fresh temporary directory). */
  readonly outdir?: string;
}

/** The app with both stacks built but not synthesized, so a test may still add to the tree. */
export function buildDefault(options: BuildOptions = {}): ReportCardStacks & { app: App; config: EnvironmentConfig } {
  const context: Record<string, unknown> = { ...cdkJson.context };
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, ...(options.outdir ? { outdir: options.outdir } : {}) });
  const { name, config } = loadConfig((k) => app.node.tryGetContext(k));
  return { app, config, ...buildApp(app, name, config) };
}

export function synthDefault(options: BuildOptions = {}): Built {
  const built = buildDefault(options);
  return { ...built, stateful$: Template.fromStack(built.stateful), stateless$: Template.fromStack(built.stateless) };
}

/** Every IAM policy document in a template (standalone policies and roles' inline policies). */
export function policyDocuments(template: Template): { id: string; statements: Statement[] }[] {
  const out: { id: string; statements: Statement[] }[] = [];
  for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    out.push({ id, statements: r.Properties.PolicyDocument.Statement });
  }
  for (const [id, r] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const p of r.Properties.Policies ?? []) out.push({ id: `${id}/${p.PolicyName}`, statements: p.PolicyDocument.Statement });
  }
  return out;
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const asArray = <T,>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** The statements of the default policy attached to one function's role (by construct id, e.g. "Ingest"). */
export function functionStatements(template: Template, fnId: string): Statement[] {
  const entry = Object.entries(template.findResources('AWS::IAM::Policy')).find(([id]) => id.startsWith(`${fnId}RoleDefaultPolicy`));
  if (!entry) throw new Error(`no default policy for ${fnId}`);
  return entry[1].Properties.PolicyDocument.Statement;
}

/** `{"Fn::Join": ["", [{"Fn::ImportValue": X}, "/measures/*"]]}` → "/measures/*" (the part after the bucket ARN). */
export function objectSuffix(resource: unknown): string | undefined {
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) return undefined;
  const last = join[1][join[1].length - 1];
  return typeof last === 'string' ? last : undefined;
}
