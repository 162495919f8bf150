import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAcceptFile, isExpired, loadAcceptFile, parseAcceptFile } from '../../../src/core/batch/accept.js';
import { AppError } from '../../../src/core/errors.js';

const GOOD = `
version: 1
accept:
  - input: docs/support-bot.md
    pattern: markdown-image-exfiltration
    reason: "Widget renders plain text only (ticket SEC-123)"
    until: 2027-06-30
  - threatClass: denial-of-wallet
    target: Chat API
    reason: Spend cap enforced by the provider
    by: alice
  - input: docs/x.md
    case: MC-004
    reason: Reviewed in the design review
`;

describe('parseAcceptFile', () => {
  it('parses a valid file, keeping dates as YYYY-MM-DD and input paths relative to the file', () => {
    const list = parseAcceptFile(GOOD, '/repo/threatstorm.accept.yaml');
    expect(list.baseDir).toBe('/repo');
    expect(list.rules).toEqual([
      { input: 'docs/support-bot.md', pattern: 'markdown-image-exfiltration', reason: 'Widget renders plain text only (ticket SEC-123)', until: '2027-06-30' },
      { threatClass: 'denial-of-wallet', target: 'Chat API', reason: 'Spend cap enforced by the provider', by: 'alice' },
      { input: 'docs/x.md', case: 'MC-004', reason: 'Reviewed in the design review' },
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ['a rule that accepts nothing', 'accept:\n  - reason: because\n', /say what is accepted/],
    ['a missing reason', 'accept:\n  - pattern: x-y\n', /accept\.0\.reason/],
    ['an unknown field', 'accept:\n  - pattern: x-y\n    reason: ok ok\n    severity: high\n', /unknown field "severity"/],
    ['an unknown threat class', 'accept:\n  - threatClass: nope\n    reason: ok ok\n', /accept\.0\.threatClass: must be one of/],
    ['an impossible date', 'accept:\n  - pattern: x-y\n    reason: ok ok\n    until: 2027-02-30\n', /until: use a date such as 2027-06-30/],
    ['a case without input', 'accept:\n  - case: MC-001\n    reason: ok ok\n', /give "input" too/],
    ['broken YAML, with its line', 'accept:\n  - pattern: [x\n    reason: y\n', /threatstorm\.accept\.yaml:\d+:/],
    ['an empty file', '', /it is empty/],
    ['no accept list', 'rules: []\n', /accept: Invalid input|accept:/],
  ];
  it.each(bad)('rejects %s with a message naming the file and the fix', (_what, text, re) => {
    let err: unknown;
    try {
      parseAcceptFile(text, 'threatstorm.accept.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).exitCode).toBe(2);
    expect((err as AppError).message).toContain('threatstorm.accept.yaml');
    expect((err as AppError).message).toMatch(re);
  });
});

describe('isExpired', () => {
  it('keeps the until day itself valid and expires the day after', () => {
    const rule = { pattern: 'p', reason: 'why not', until: '2026-03-01' };
    expect(isExpired(rule, '2026-03-01')).toBe(false);
    expect(isExpired(rule, '2026-03-02')).toBe(true);
    expect(isExpired({ pattern: 'p', reason: 'forever' }, '2999-01-01')).toBe(false);
  });
});

describe('loadAcceptFile / findAcceptFile', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ts-accept-'));
    mkdirSync(join(root, 'docs/a'), { recursive: true });
    mkdirSync(join(root, 'other'), { recursive: true });
    writeFileSync(join(root, 'docs/threatstorm.accept.yaml'), GOOD);
    writeFileSync(join(root, 'other/threatstorm.accept.yml'), GOOD);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the file in the folder that holds all inputs, else in cwd', () => {
    expect(findAcceptFile([join(root, 'docs/a/x.md'), join(root, 'docs/y.md')], '/nonexistent')).toBe(join(root, 'docs/threatstorm.accept.yaml'));
    expect(findAcceptFile([join(root, 'docs/a/x.md'), join(root, 'other/y.md')], join(root, 'other'))).toBe(join(root, 'other/threatstorm.accept.yml'));
    expect(findAcceptFile([join(root, 'docs/a/x.md'), join(root, 'other/y.md')], '/nonexistent')).toBeUndefined();
  });

  it('says so when the file is missing', () => {
    expect(() => loadAcceptFile(join(root, 'nope.yaml'))).toThrow(/does not exist/);
  });
});
