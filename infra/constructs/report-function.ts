/**
 * The one way this project builds a Lambda function, so every stage gets the same posture:
 * Node 22 on ARM64, an ESM bundle made by local esbuild (no Docker) that carries the pack
 * templates and the Roboto fonts, JSON logs in its own log group with a retention, X-Ray tracing,
 * an explicit memory and timeout, optional reserved concurrency, and an encrypted SQS queue that
 * receives every asynchronous invocation that still fails after Lambda's retries.
 *
 * The role starts empty: no managed policy. Callers add exactly the statements the stage needs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';
import { FailureQueue } from './failure-queue.ts';

/** The repository root: bundling runs from here, and the hooks copy files from here. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the bundle puts the files the handlers read at run time (Lambda unpacks code to /var/task). */
export const BUNDLE_PATHS = {
  templates: 'templates',
  fonts: 'fonts/Roboto',
  /** pdfkit reads its standard-font metrics (and an ICC profile) from `${__dirname}/data` at run time. */
  pdfkitData: 'data',
} as const;
const TASK_ROOT = '/var/task';

/**
 * ESM bundles have no `require`, `__filename` or `__dirname`; pdfmake/pdfkit and some CommonJS
 * dependencies need them. Aliased imports so the banner cannot clash with bundled names.
 */
export const ESM_BANNER = [
  "import { createRequire as __bannerCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bannerFileURLToPath } from 'node:url';",
  "import { dirname as __bannerDirname } from 'node:path';",
  'const require = __bannerCreateRequire(import.meta.url);',
  'const __filename = __bannerFileURLToPath(import.meta.url);',
  'const __dirname = __bannerDirname(__filename);',
].join(' ');

export interface ReportFunctionProps {
  /** Short stage name, used in descriptions and alarm names. */
  readonly stage: string;
  /** Handler module (exports `handler`), relative to the project root. */
  readonly entry: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly reservedConcurrency?: number;
  readonly logRetention: logs.RetentionDays;
  readonly environment?: Record<string, string>;
  /** Lambda's own retries of a failed asynchronous invocation before it goes to the failure queue. */
  readonly retryAttempts?: number;
}

export class ReportFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** Receives events whose asynchronous invocation failed after all retries (on-failure destination). */
  readonly failureQueue: FailureQueue;

  constructor(scope: Construct, id: string, props: ReportFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `asc-report-cards ${props.stage} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.failureQueue = new FailureQueue(this, 'Failures', { endOf: `the ${props.stage} function` });

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      description: `asc-report-cards ${props.stage}`,
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      tracing: lambda.Tracing.ACTIVE,
      recursiveLoop: lambda.RecursiveLoop.TERMINATE,
      retryAttempts: props.retryAttempts ?? 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.failureQueue),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        TEMPLATES_DIR: `${TASK_ROOT}/${BUNDLE_PATHS.templates}`,
        FONTS_DIR: `${TASK_ROOT}/${BUNDLE_PATHS.fonts}`,
        POWERTOOLS_SERVICE_NAME: `asc-report-cards-${props.stage}`,
        ...props.environment,
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the AWS SDK too: the versions the tests ran against are the versions deployed.
        externalModules: [],
        banner: ESM_BANNER,
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `mkdir -p "${outputDir}/${BUNDLE_PATHS.fonts}" "${outputDir}/${BUNDLE_PATHS.pdfkitData}"`,
            `cp -R "${inputDir}/templates" "${outputDir}/${BUNDLE_PATHS.templates}"`,
            `cp "${inputDir}"/node_modules/pdfmake/fonts/Roboto/*.ttf "${outputDir}/${BUNDLE_PATHS.fonts}/"`,
            `cp "${inputDir}"/node_modules/pdfkit/js/data/* "${outputDir}/${BUNDLE_PATHS.pdfkitData}/"`,
          ],
        },
      },
    });

    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by Tracing.ACTIVE).',
    );
    acknowledge(
      this.function,
      'AwsSolutions-L1',
      'Pinned to nodejs22.x, the runtime the toolchain and tests target (supported to 2027-04-30); moving to nodejs24.x is a one-line change once validated.',
    );
    acknowledge(
      this.function,
      'Serverless-LambdaLatestVersion',
      'Pinned to nodejs22.x, the runtime the toolchain and tests target (supported to 2027-04-30); moving to nodejs24.x is a one-line change once validated.',
    );
    acknowledge(
      this.function,
      'Serverless-LambdaDLQ',
      'Failed asynchronous invocations go to the on-failure destination (SQS) which keeps the error context; a DLQ as well would deliver each failure twice.',
    );
  }
}
