/**
 * The pipeline's counts as CloudWatch metrics through Powertools Metrics, which writes them to
 * stdout in the Embedded Metric Format: Lambda's log stream carries them to CloudWatch, so no
 * PutMetricData call (and no IAM for one) is needed. The namespace is METRICS_NAMESPACE, which
 * infra sets; the service dimension is POWERTOOLS_SERVICE_NAME. Counts are held until `publish`,
 * which the Lambda entries call after each invocation (`metered`).
 */
import { Metrics as PowertoolsMetricsClient, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Metrics, PipelineMetric } from '../core/pipeline/ports.ts';

export class PowertoolsMetrics implements Metrics {
  private readonly client: PowertoolsMetricsClient;
  private pending = 0;

  constructor(namespace: string, serviceName?: string) {
    this.client = new PowertoolsMetricsClient({ namespace, serviceName });
  }

  count(metric: PipelineMetric, n = 1): void {
    this.client.addMetric(metric, MetricUnit.Count, n);
    this.pending++;
  }

  /** Writes what was counted as one EMF line; nothing when nothing was (Powertools would warn). */
  publish(): void {
    if (this.pending === 0) return;
    this.client.publishStoredMetrics();
    this.pending = 0;
  }
}

/** The handler, publishing the invocation's metrics when it ends, also when it fails. */
export function metered<E, R>(handler: (event: E) => Promise<R>, metrics: PowertoolsMetrics): (event: E) => Promise<R> {
  return async (event) => {
    try {
      return await handler(event);
    } finally {
      metrics.publish();
    }
  };
}
