/**
 * Environment configuration, validated once at cold start. Endpoints are only set locally (the
 * embedded default and tests); in AWS the SDKs find the regional endpoints themselves.
 */
import { z } from 'zod';
import { isTimeZone } from '../core/pipeline/send-window.ts';

export const configSchema = z.object({
  BUCKET: z.string().min(3),
  LEDGER_TABLE: z.string().min(3),
  SENDER: z.email(),
  /** The From display name, e.g. "Adult Care Performance Team" (no quotes, angle brackets or line breaks). */
  SENDER_NAME: z.string().regex(/^[^"<>\r\n\\]{1,64}$/, 'at most 64 characters, no quotes, angle brackets or line breaks').optional(),
  /** Where readers of packs and emails send questions (printed on the cover and in every email). */
  REPORT_CONTACT: z.email().optional(),
  /**
   * When the working-day schedule fires (`HH:MM`, the cron's hour and minute) and in which time zone
   * (the schedule's; EventBridge cron alone is UTC), so a preview can say the time to approve by.
   * Infra sets both from cdk.json's schedule; without the time a preview says "the morning of".
   */
  DISTRIBUTION_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour clock').optional(),
  DISTRIBUTION_TIMEZONE: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/London').default('Europe/London'),
  TEMPLATES_DIR: z.string().min(1),
  S3_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-west-2'),
  /** Where the distribution lists live in the bucket. */
  RECIPIENTS_KEY: z.string().min(1).default('config/recipients.json'),
  /** SES configuration set (event publishing: bounces, complaints), when the deployment has one. */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The Roboto files shipped beside the bundled handler. */
  FONTS_DIR: z.string().min(1).optional(),
  /** CloudWatch namespace of the pipeline's metrics (adapters/metrics.ts); infra sets it. */
  METRICS_NAMESPACE: z.string().min(1).default('AscReportCards'),
  /** Uploads above this size are refused before parsing. */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().optional(),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function readConfig(env: Env = process.env): Config {
  return parseEnv(configSchema, env);
}

/** The bounces function only writes the suppression list: it needs the ledger table and nothing else. */
export const bouncesConfigSchema = configSchema.pick({ LEDGER_TABLE: true, DYNAMODB_ENDPOINT: true });
export type BouncesConfig = z.infer<typeof bouncesConfigSchema>;

export function readBouncesConfig(env: Env = process.env): BouncesConfig {
  return parseEnv(bouncesConfigSchema, env);
}
