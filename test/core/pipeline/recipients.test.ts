import { describe, expect, it } from 'vitest';
import { listAddresses, parseRecipients, RecipientsError } from '../../../functions/core/pipeline/recipients.ts';

describe('recipients', () => {
  const json = JSON.stringify({ lists: { board: ['A@example.org', 'a@example.org', 'b@example.org'], owners: ['o@example.org'] } });

  it('parses lists and folds duplicate addresses that differ only in case', () => {
    expect(listAddresses(parseRecipients(json), 'board')).toEqual(['a@example.org', 'b@example.org']);
  });

  it('treats an unknown list as a configuration error, not an empty list', () => {
    expect(() => listAddresses(parseRecipients(json), 'clerks')).toThrow(/clerks/);
  });

  it('rejects a malformed address or an empty list, naming the problem', () => {
    expect(() => parseRecipients(JSON.stringify({ lists: { board: ['not an address'] } }))).toThrow(RecipientsError);
    expect(() => parseRecipients(JSON.stringify({ lists: { board: [] } }))).toThrow(/board/);
    expect(() => parseRecipients('{')).toThrow(/not JSON/);
  });
});
