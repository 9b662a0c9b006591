/**
 * Per-environment deployment configuration, read from `cdk.json` context and validated by zod at
 * synth. A mistake here should stop `cdk synth` with a message that names the field and says what
 * is wrong, not surface later as a failed deploy or a silent mis-send.
 *
 * Context layout (cdk.json):
 *   "asc-report-cards:environment": "default"            (select with -c asc-report-cards:environment=NAME)
 *   "asc-report-cards:environments": { "default": { ...EnvironmentConfig } }
 */
import { z } from 'zod';
import { isTimeZone } from '../functions/core/pipeline/send-window.ts';

export const ENVIRONMENT_KEY = 'asc-report-cards:environment';
export const ENVIRONMENTS_KEY = 'asc-report-cards:environments';

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const days = () => z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').positive('must be at least 1 day');

const domain = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'must be a domain name such as example.org');

/** Mailing-list names as pack templates use them: `board`, `clerks`, `performance-team`, `owners`. */
const LIST_NAME = /^[a-z][a-z0-9-]{0,63}$/;

const functionSettings = z.object({
  memoryMb: z.number().int().min(128).max(10240),
  timeoutSeconds: z.number().int().min(1).max(900),
  /** Reserved concurrency caps parallel runs (protects the SES send rate); omit for none. */
  reservedConcurrency: z.number().int().min(1).max(100).optional(),
});

const defaultFunctions = {
  // ingest streams and validates the upload then recomputes the period's measures from every valid
  // file: one at a time, so a burst of uploads cannot race and leave measures from an older view.
  // Sized from `npm run bench`: a 1,000,000-row extract peaks at ~450 MB and takes ~6 s on 2 cores;
  // 1,769 MB is one full vCPU, so 2,048 MB gives the CPU and ~4× memory headroom for the recompute.
  ingest: { memoryMb: 2048, timeoutSeconds: 300, reservedConcurrency: 1 },
  // pdfmake renders a 30-card pack in ~0.7 s at ~160 MB (bench); headroom for many packs in one period.
  render: { memoryMb: 1024, timeoutSeconds: 120 },
  // one at a time: keeps the SES send rate and the ledger's pending/sent sequence simple.
  distribute: { memoryMb: 512, timeoutSeconds: 300, reservedConcurrency: 1 },
  schedule: { memoryMb: 512, timeoutSeconds: 300, reservedConcurrency: 1 },
};

const cronHour = (expression: string): string | undefined => /^cron\(\S+ (\S+) /.exec(expression)?.[1];

/**
 * The schedule's time of day as `HH:MM` when its cron names one minute of one hour (`cron(0 7 …)`
 * → `07:00`), for the functions' DISTRIBUTION_TIME; undefined for lists, ranges or wildcards.
 */
export function cronTime(expression: string): string | undefined {
  const m = /^cron\((\d{1,2}) (\d{1,2}) /.exec(expression);
  if (!m || +m[1] > 59 || +m[2] > 23) return undefined;
  return `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}`;
}

export const EnvironmentConfig = z
  .object({
    /** AWS account and region; omit both for an environment-agnostic synth. */
    account: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like eu-west-2').optional(),
    /** The one council this deployment serves (ONS code, extract-spec.md). */
    laCode: z.string().regex(/^E(06|08|09|10)\d{6}$/, 'must be an ONS code: E06, E08, E09 or E10 and 6 digits'),
    sender: z.object({
      /** The SES identity the functions may send as: a verified domain or email address. */
      identity: z.union([domain, z.email()], { error: 'must be a domain or an email address' }),
      /** The From address; must belong to the identity. */
      fromAddress: z.email('must be an email address'),
      /** The From display name recipients see, e.g. "Adult Care Performance Team". */
      displayName: z.string().regex(/^[^"<>\r\n\\]{1,64}$/, 'at most 64 characters, no quotes, angle brackets or line breaks').optional(),
      /** Where readers send questions: printed on each pack's cover and in every email. */
      contact: z.email('must be an email address').optional(),
    }),
    sesConfigurationSetName: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only, at most 64 characters'),
    /** Addresses behind each distribution list a pack template names. */
    lists: z.record(z.string(), z.array(z.email()).min(1, 'each list needs at least one address')),
    retentionDays: z.object({
      /** Raw extracts (person-level data) and their validation and rejection records. */
      rawExtracts: days(),
      /** Previous versions of any object. */
      noncurrentVersions: days(),
      /** Published report cards and manifests. */
      reports: days(),
      /** S3 server access logs. */
      accessLogs: days(),
      /** CloudWatch Logs of the functions. */
      functionLogs: z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)), {
        error: `must be one of ${LOG_RETENTION_DAYS.join(', ')} (CloudWatch Logs retention periods)`,
      }),
    }),
    schedule: z.object({
      expression: z
        .string()
        .regex(/^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/, 'must be an EventBridge cron(...) expression with six fields'),
      timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/London'),
    }),
    alarmEmail: z.email('must be an email address'),
    /** Uploads above this size are rejected before parsing. */
    maxUploadBytes: z.number().int().positive().default(512 * 1024 * 1024),
    functions: z
      .object({
        ingest: functionSettings,
        render: functionSettings,
        distribute: functionSettings,
        schedule: functionSettings,
      })
      .default(defaultFunctions),
  })
  .superRefine((c, ctx) => {
    const r = c.retentionDays;
    if (r.noncurrentVersions >= r.rawExtracts) {
      ctx.addIssue({
        code: 'custom',
        path: ['retentionDays', 'noncurrentVersions'],
        message: `must be shorter than rawExtracts (${r.rawExtracts}), or a replaced extract outlives the current one`,
      });
    }
    if (r.reports <= r.rawExtracts) {
      ctx.addIssue({ code: 'custom', path: ['retentionDays', 'reports'], message: `must be longer than rawExtracts (${r.rawExtracts})` });
    }
    for (const name of Object.keys(c.lists)) {
      if (!LIST_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', path: ['lists', name], message: 'list names are lower-case words joined by hyphens, e.g. performance-team' });
      }
    }
    for (const required of ['performance-team', 'owners']) {
      if (!c.lists[required]) {
        ctx.addIssue({
          code: 'custom',
          path: ['lists', required],
          message: `list "${required}" is required: rejections and unsent-mail reports go to it`,
        });
      }
    }
    const from = c.sender.fromAddress.toLowerCase();
    const identity = c.sender.identity.toLowerCase();
    if (identity.includes('@') ? from !== identity : !from.endsWith(`@${identity}`)) {
      ctx.addIssue({ code: 'custom', path: ['sender', 'fromAddress'], message: `must belong to the SES identity ${c.sender.identity}` });
    }
    // Europe/London skips 01:00-01:59 and repeats 01:00-01:59 at the clock changes.
    const hour = cronHour(c.schedule.expression);
    if (c.schedule.timezone === 'Europe/London' && hour !== undefined && /^(1|2|01|02)$/.test(hour)) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', 'expression'],
        message: 'fire outside 01:00-02:59 Europe/London: clock changes skip or repeat those hours',
      });
    }
  });

export type EnvironmentConfig = z.infer<typeof EnvironmentConfig>;

export class ConfigError extends Error {
  constructor(
    readonly environment: string,
    readonly problems: string[],
  ) {
    super(`cdk.json context for environment "${environment}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the selected environment from CDK context (values as `node.tryGetContext` returns them). */
export function loadConfig(getContext: (key: string) => unknown): { name: string; config: EnvironmentConfig } {
  const name = getContext(ENVIRONMENT_KEY) ?? 'default';
  if (typeof name !== 'string') throw new ConfigError(String(name), [`${ENVIRONMENT_KEY} must be a string`]);
  const environments = getContext(ENVIRONMENTS_KEY);
  if (typeof environments !== 'object' || environments === null) {
    throw new ConfigError(name, [`context "${ENVIRONMENTS_KEY}" is missing from cdk.json`]);
  }
  const raw = (environments as Record<string, unknown>)[name];
  if (raw === undefined) {
    const known = Object.keys(environments).join(', ') || 'none';
    throw new ConfigError(name, [`no environment "${name}" under "${ENVIRONMENTS_KEY}" (known: ${known})`]);
  }
  const parsed = EnvironmentConfig.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      name,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return { name, config: parsed.data };
}
