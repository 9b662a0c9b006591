/**
 * Reads what Powertools Metrics writes: Embedded Metric Format JSON lines on stdout. Captures
 * stdout while `work` runs (passing other output through) and returns each EMF line's namespace,
 * dimensions and metric values.
 */
export interface EmfRecord {
  namespace: string;
  dimensions: Record<string, string>;
  values: Record<string, number>;
}

export async function captureEmf(work: () => Promise<unknown>): Promise<EmfRecord[]> {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('"_aws"')) lines.push(...text.split('\n').filter((l) => l.includes('"_aws"')));
    else return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    return true;
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  return lines.map((line) => {
    const json = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } };
    const directive = json._aws.CloudWatchMetrics[0]!;
    return {
      namespace: directive.Namespace,
      dimensions: Object.fromEntries(directive.Dimensions.flat().map((d) => [d, String(json[d])])),
      values: Object.fromEntries(directive.Metrics.map((m) => [m.Name, json[m.Name] as number])),
    };
  });
}

/** The sum of one metric over the records (a count may be written as several values). */
export function total(records: EmfRecord[], metric: string): number {
  return records.reduce((n, r) => {
    const v = r.values[metric] as number | number[] | undefined;
    return n + (Array.isArray(v) ? v.reduce((a, b) => a + b, 0) : (v ?? 0));
  }, 0);
}
