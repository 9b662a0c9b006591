/** PowertoolsMetrics writes real EMF to stdout; read back here as CloudWatch would read it. */
import { describe, expect, it } from 'vitest';
import { metered, PowertoolsMetrics } from '../../functions/adapters/metrics.ts';
import { captureEmf, total } from '../support/emf.ts';

describe('PowertoolsMetrics', () => {
  it('publishes the counts as one EMF line in the namespace, with the service dimension', async () => {
    const metrics = new PowertoolsMetrics('TestNamespace', 'asc-report-cards-test');
    const records = await captureEmf(async () => {
      metrics.count('UploadsAccepted');
      metrics.count('EmailsSent', 3);
      metrics.publish();
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toEqual({ namespace: 'TestNamespace', dimensions: { service: 'asc-report-cards-test' }, values: { UploadsAccepted: 1, EmailsSent: 3 } });
  });

  it('writes nothing when nothing was counted, and nothing twice', async () => {
    const metrics = new PowertoolsMetrics('TestNamespace', 'svc');
    const records = await captureEmf(async () => {
      metrics.publish();
      metrics.count('PacksRendered');
      metrics.publish();
      metrics.publish();
    });
    expect(records.map((r) => r.values)).toEqual([{ PacksRendered: 1 }]);
  });

  it('metered publishes when the handler ends, also when it throws', async () => {
    const metrics = new PowertoolsMetrics('TestNamespace', 'svc');
    const failing = metered(async () => {
      metrics.count('UploadsRejected');
      throw new Error('boom');
    }, metrics);
    const records = await captureEmf(() => expect(failing({})).rejects.toThrow('boom'));
    expect(total(records, 'UploadsRejected')).toBe(1);
  });
});
