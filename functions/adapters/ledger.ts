/**
 * The send ledger over DynamoDB: the at-most-once guarantee rests on its conditional writes.
 * `claim` puts `pending` only if the key has no record (or only a definite failure), so two
 * concurrent deliveries of the same event cannot both send.
 */
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import type { LedgerRecord, LedgerStatus, SendLedger } from '../core/pipeline/ports.ts';
import { traced } from './tracing.ts';

export function dynamoClientFor(endpoint?: string, extra: Partial<DynamoDBClientConfig> = {}): DynamoDBClient {
  return traced(
    new DynamoDBClient({
      ...(endpoint ? { endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
      ...extra,
    }),
  );
}

/** Creates the ledger table (local and tests; in AWS the stateful stack owns it). */
export async function ensureLedgerTable(db: DynamoDBClient, table: string): Promise<void> {
  try {
    await db.send(new DescribeTableCommand({ TableName: table }));
    return;
  } catch (e) {
    if ((e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  await db.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (;;) {
    const d = await db.send(new DescribeTableCommand({ TableName: table }));
    if (d.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const s = (v: string): AttributeValue => ({ S: v });

function fromItem(item: Record<string, AttributeValue>): LedgerRecord {
  return {
    key: item.pk.S ?? '',
    status: (item.status?.S ?? 'pending') as LedgerStatus,
    recipient: item.recipient?.S ?? '',
    purpose: item.purpose?.S ?? '',
    messageId: item.messageId?.S ?? null,
    detail: item.detail?.S ?? null,
    updatedAt: item.updatedAt?.S ?? '',
  };
}

export class DynamoSendLedger implements SendLedger {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async claim(rec: { key: string; recipient: string; purpose: string; at: Date }) {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: { pk: s(rec.key), status: s('pending'), recipient: s(rec.recipient), purpose: s(rec.purpose), updatedAt: s(rec.at.toISOString()) },
          // `failed` and `suppressed` were definitely not sent: a new attempt cannot duplicate.
          ConditionExpression: 'attribute_not_exists(pk) OR #st IN (:failed, :suppressed)',
          ExpressionAttributeNames: { '#st': 'status' },
          ExpressionAttributeValues: { ':failed': s('failed'), ':suppressed': s('suppressed') },
        }),
      );
      return { claimed: true as const };
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException) && (e as Error).name !== 'ConditionalCheckFailedException') throw e;
      const existing = await this.get(rec.key);
      if (!existing) throw new Error(`Ledger record ${rec.key} vanished after a failed conditional put`);
      return { claimed: false as const, existing };
    }
  }

  private async update(key: string, status: LedgerStatus, fields: Record<string, string>, at: Date): Promise<void> {
    const names: Record<string, string> = { '#st': 'status', '#u': 'updatedAt' };
    const values: Record<string, AttributeValue> = { ':st': s(status), ':u': s(at.toISOString()), ':pending': s('pending') };
    const sets = ['#st = :st', '#u = :u'];
    for (const [i, [k, v]] of Object.entries(fields).entries()) {
      names[`#f${i}`] = k;
      values[`:f${i}`] = s(v);
      sets.push(`#f${i} = :f${i}`);
    }
    // Only a pending record moves on: a `sent` record is never rewritten.
    await this.db.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { pk: s(key) },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: '#st = :pending',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  markSent(key: string, messageId: string, at: Date) {
    return this.update(key, 'sent', { messageId }, at);
  }

  markFailed(key: string, detail: string, at: Date) {
    return this.update(key, 'failed', { detail }, at);
  }

  markSuppressed(key: string, detail: string, at: Date) {
    return this.update(key, 'suppressed', { detail }, at);
  }

  markUnknown(key: string, detail: string, at: Date) {
    return this.update(key, 'pending', { detail }, at);
  }

  async get(key: string): Promise<LedgerRecord | null> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: { pk: s(key) }, ConsistentRead: true }));
    return r.Item ? fromItem(r.Item) : null;
  }

  async list(prefix: string): Promise<LedgerRecord[]> {
    return (await scanPrefix(this.db, this.table, prefix)).map(fromItem);
  }
}

/**
 * Every item of the ledger table whose `pk` starts with `prefix`, all pages, read consistently.
 * A scan: used only where the matching items are few and read by people, not per send.
 */
export async function scanPrefix(db: DynamoDBClient, table: string, prefix: string): Promise<Record<string, AttributeValue>[]> {
  const out: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const r = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': s(prefix) },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    out.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}
