/**
 * Which prefix triggers which function. Read from the synthesized CDK template when cdk.out exists
 * (the `Custom::S3BucketNotifications` resource AWS itself will apply), so local and AWS cannot
 * drift; otherwise derived from bucket-layout.ts, the table infra also reads.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_PREFIXES, UPLOAD_PREFIXES } from '../core/bucket-layout.ts';

export type Stage = 'ingest' | 'render' | 'distribute';

export interface NotificationRule {
  stage: Stage;
  prefix: string;
  suffix: string;
}

export function rulesFromLayout(): NotificationRule[] {
  return [
    ...Object.values(UPLOAD_PREFIXES).map((prefix) => ({ stage: 'ingest' as const, prefix, suffix: '' })),
    { stage: 'render', prefix: OUTPUT_PREFIXES.measures, suffix: '.json' },
    { stage: 'distribute', prefix: OUTPUT_PREFIXES.reports, suffix: '.json' },
  ];
}

type Json = Record<string, unknown>;

const STAGES = ['ingest', 'render', 'distribute'] as const;

/** The stage a function serves: from its logical id (IngestFunction…), else its service name. */
function stageOf(logicalId: string, fn: Json | undefined): Stage | null {
  const id = logicalId.toLowerCase();
  const byId = STAGES.find((s) => id.startsWith(s));
  if (byId) return byId;
  const env = (((fn?.Properties as Json | undefined)?.Environment as Json | undefined)?.Variables ?? {}) as Record<string, unknown>;
  const service = String(env.POWERTOOLS_SERVICE_NAME ?? '').toLowerCase();
  return STAGES.find((s) => service.endsWith(`-${s}`)) ?? null;
}

/** Rules from one CloudFormation template, or [] when it has no bucket notifications. */
export function rulesFromTemplate(template: Json): NotificationRule[] {
  const resources = (template.Resources ?? {}) as Record<string, Json>;
  const rules: NotificationRule[] = [];
  for (const res of Object.values(resources)) {
    if (res.Type !== 'Custom::S3BucketNotifications') continue;
    const conf = ((res.Properties as Json)?.NotificationConfiguration ?? {}) as Json;
    for (const c of (conf.LambdaFunctionConfigurations ?? []) as Json[]) {
      const arn = c.LambdaFunctionArn as Json;
      const getAtt = (arn?.['Fn::GetAtt'] as string[] | undefined)?.[0] ?? '';
      const stage = stageOf(getAtt, resources[getAtt]);
      if (!stage) continue;
      const filterRules = ((((c.Filter as Json)?.Key as Json)?.FilterRules ?? []) as { Name: string; Value: string }[]);
      rules.push({
        stage,
        prefix: filterRules.find((f) => f.Name.toLowerCase() === 'prefix')?.Value ?? '',
        suffix: filterRules.find((f) => f.Name.toLowerCase() === 'suffix')?.Value ?? '',
      });
    }
  }
  return rules;
}

/** Rules from cdk.out (every *.template.json), falling back to the bucket layout. */
export async function loadNotificationRules(cdkOut: string): Promise<{ rules: NotificationRule[]; source: string }> {
  try {
    const files = (await readdir(cdkOut)).filter((f) => f.endsWith('.template.json'));
    const rules: NotificationRule[] = [];
    for (const f of files) rules.push(...rulesFromTemplate(JSON.parse(await readFile(path.join(cdkOut, f), 'utf8')) as Json));
    if (rules.length) return { rules, source: `${cdkOut} (synthesized template)` };
  } catch {
    // No cdk.out: fall through to the layout.
  }
  return { rules: rulesFromLayout(), source: 'functions/core/bucket-layout.ts' };
}

export function matchingStages(rules: NotificationRule[], key: string): Stage[] {
  return [...new Set(rules.filter((r) => key.startsWith(r.prefix) && key.endsWith(r.suffix)).map((r) => r.stage))];
}
