/**
 * The Lambda entry for bounces. The environment is parsed at module scope, so a deployment with a
 * missing or malformed variable fails the cold start (INIT) with zod's message naming it.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { readBouncesConfig } from '../../adapters/config.ts';
import { dynamoClientFor } from '../../adapters/ledger.ts';
import { DynamoSuppressionList } from '../../adapters/suppression-list.ts';
import { createBounces } from '../bounces.ts';

const config = readBouncesConfig();
const logger = new Logger();

export const handler = createBounces({
  suppressions: new DynamoSuppressionList(dynamoClientFor(config.DYNAMODB_ENDPOINT), config.LEDGER_TABLE),
  log: (line) => logger.info(line),
});
