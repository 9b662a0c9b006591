import { describe, expect, it } from 'vitest';
import { matchingStages, rulesFromLayout, rulesFromTemplate } from '../../functions/local/notifications.ts';

/** The shape `cdk synth` writes for bucket notifications (Custom::S3BucketNotifications), built here in code. */
function template() {
  const fn = (service: string) => ({ Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Environment: { Variables: { POWERTOOLS_SERVICE_NAME: service } } } });
  const conf = (id: string, rules: { Name: string; Value: string }[]) => ({
    Events: ['s3:ObjectCreated:*'],
    Filter: { Key: { FilterRules: rules } },
    LambdaFunctionArn: { 'Fn::GetAtt': [id, 'Arn'] },
  });
  return {
    Resources: {
      IngestFunctionB02ED0EB: fn('asc-report-cards-ingest'),
      Fn0123ABCD: fn('asc-report-cards-render'),
      DistributeFunctionD82856B1: fn('asc-report-cards-distribute'),
      DataNotifications52F6216C: {
        Type: 'Custom::S3BucketNotifications',
        Properties: {
          NotificationConfiguration: {
            LambdaFunctionConfigurations: [
              conf('IngestFunctionB02ED0EB', [{ Name: 'prefix', Value: 'extracts/events/' }]),
              conf('Fn0123ABCD', [{ Name: 'suffix', Value: '.json' }, { Name: 'prefix', Value: 'measures/' }]),
              conf('DistributeFunctionD82856B1', [{ Name: 'suffix', Value: '.json' }, { Name: 'prefix', Value: 'reports/' }]),
            ],
          },
        },
      },
    },
  };
}

describe('notification rules', () => {
  it('reads prefix, suffix and stage from a synthesized template (logical id, else service name)', () => {
    expect(rulesFromTemplate(template())).toEqual([
      { stage: 'ingest', prefix: 'extracts/events/', suffix: '' },
      { stage: 'render', prefix: 'measures/', suffix: '.json' },
      { stage: 'distribute', prefix: 'reports/', suffix: '.json' },
    ]);
    expect(rulesFromTemplate({ Resources: {} })).toEqual([]);
  });

  it('routes keys the way S3 filters would: a PDF or a run record triggers nothing', () => {
    const rules = rulesFromLayout();
    expect(matchingStages(rules, 'extracts/events/a b.csv')).toEqual(['ingest']);
    expect(matchingStages(rules, 'reference/population/p.csv')).toEqual(['ingest']);
    expect(matchingStages(rules, 'measures/2021-11.json')).toEqual(['render']);
    expect(matchingStages(rules, 'reports/2021-11/p/v.json')).toEqual(['distribute']);
    expect(matchingStages(rules, 'reports/2021-11/p/v.pdf')).toEqual([]);
    expect(matchingStages(rules, 'validation/extracts/events/a.csv.json')).toEqual([]);
    expect(matchingStages(rules, 'runs/x.json')).toEqual([]);
    expect(matchingStages(rules, 'approvals/2021-11/p/v.json')).toEqual([]);
  });

  it('no stage output lands under any stage input prefix (a stage never triggers itself)', () => {
    const rules = rulesFromLayout();
    for (const out of ['validation/extracts/events/a.csv.json', 'rejections/extracts/events/a.csv.errors.csv', 'runs/r.json', 'config/recipients.json'])
      expect(matchingStages(rules, out)).toEqual([]);
  });
});

describe('local wiring and the real infra agree', () => {
  it('the synthesized stack triggers the same stages on the same prefixes as the local fallback table', async () => {
    const { synthDefault } = await import('../infra/synth.ts');
    const { stateless$ } = synthDefault();
    const norm = (rules: { stage: string; prefix: string; suffix: string }[]) => rules.map((r) => `${r.stage} ${r.prefix} ${r.suffix}`).sort();
    expect(norm(rulesFromTemplate(stateless$.toJSON()))).toEqual(norm(rulesFromLayout()));
  });

  it("every stage function's environment satisfies the handlers' config schema", async () => {
    const { synthDefault } = await import('../infra/synth.ts');
    const { readConfig } = await import('../../functions/adapters/config.ts');
    const { stateless$ } = synthDefault();
    const fns = Object.entries(stateless$.findResources('AWS::Lambda::Function')).filter(([id]) => /^(Ingest|Render|Distribute|Schedule)Function/.test(id));
    expect(fns).toHaveLength(4);
    for (const [, fn] of fns) {
      // Tokens (imports, refs) become placeholder strings; the names and literal values are what matter.
      const env = Object.fromEntries(Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : 'resolved-at-deploy']));
      expect(() => readConfig(env)).not.toThrow();
    }
  });
});
