import { describe, expect, it } from 'vitest';
import { packSendKey, packSendsPrefix } from '../../../functions/core/pipeline/ledger-keys.ts';
import { newMessageId } from '../../../functions/core/mail/message-id.ts';

describe('pack send keys', () => {
  it('are listed by the month-and-pack prefix, and told apart by version', () => {
    const key = packSendKey('2021-11', 'scrutiny', 'v1', 'board', 'A@Example.org');
    expect(key).toBe('2021-11#scrutiny#v1#board#a@example.org');
    expect(key.startsWith(packSendsPrefix('2021-11', 'scrutiny'))).toBe(true);
    expect(key.startsWith(packSendsPrefix('2021-11', 'scrutiny', 'v1'))).toBe(true);
    expect(key.startsWith(packSendsPrefix('2021-11', 'scrutiny', 'v'))).toBe(false);
    expect(key.startsWith(packSendsPrefix('2021-11', 'scrut'))).toBe(false);
  });
});

describe('message ids', () => {
  it('are new each time, on the sender domain', () => {
    const a = newMessageId('rc@council.example');
    expect(a).toMatch(/^<[0-9a-f-]{36}@council\.example>$/);
    expect(newMessageId('rc@council.example')).not.toBe(a);
  });
});
