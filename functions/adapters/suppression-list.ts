/**
 * The suppression list, kept in the send ledger's table (items `suppression#<address>`): the table
 * is already KMS-encrypted, every sending function can already read it, and a conditional put
 * makes a redelivered SNS notification a no-op. The first reason recorded for an address is kept.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { SuppressionEntry, SuppressionList } from '../core/pipeline/ports.ts';
import { scanPrefix } from './ledger.ts';
import { SUPPRESSION_PREFIX, suppressionKey } from '../core/pipeline/suppression.ts';

const s = (v: string): AttributeValue => ({ S: v });

function entryOf(i: Record<string, AttributeValue>, address: string): SuppressionEntry {
  return {
    address: i.address?.S ?? address.toLowerCase(),
    reason: i.reason?.S === 'complaint' ? 'complaint' : 'permanent-bounce',
    detail: i.detail?.S ?? '',
    at: i.at?.S ?? '',
    feedbackId: i.feedbackId?.S ?? '',
    sesMessageId: i.sesMessageId?.S ?? '',
  };
}

export class DynamoSuppressionList implements SuppressionList {
  constructor(
    private readonly db: DynamoDBClient,
    private readonly table: string,
  ) {}

  async add(e: SuppressionEntry): Promise<boolean> {
    try {
      await this.db.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            pk: s(suppressionKey(e.address)),
            address: s(e.address.toLowerCase()),
            reason: s(e.reason),
            detail: s(e.detail),
            at: s(e.at),
            feedbackId: s(e.feedbackId),
            sesMessageId: s(e.sesMessageId),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async find(address: string): Promise<SuppressionEntry | null> {
    const r = await this.db.send(new GetItemCommand({ TableName: this.table, Key: { pk: s(suppressionKey(address)) }, ConsistentRead: true }));
    return r.Item ? entryOf(r.Item, address) : null;
  }

  /** Every listed address, sorted (a scan: the list is small and read by officers, not per send). */
  async list(): Promise<SuppressionEntry[]> {
    const items = await scanPrefix(this.db, this.table, SUPPRESSION_PREFIX);
    const out = items.map((i) => entryOf(i, (i.pk?.S ?? '').slice(SUPPRESSION_PREFIX.length)));
    return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  }

  /** Takes an address off the list (an officer fixed it); true when it was listed. */
  async remove(address: string): Promise<boolean> {
    const r = await this.db.send(new DeleteItemCommand({ TableName: this.table, Key: { pk: s(suppressionKey(address)) }, ReturnValues: 'ALL_OLD' }));
    return r.Attributes !== undefined;
  }
}
