import { describe, expect, it } from 'vitest';
import { canaryInstruction, checkCanary, createCanary } from '../../../src/core/guard/index.js';

describe('canary', () => {
  const canary = createCanary();

  it('creates a fresh token per run and plants it in an instruction', () => {
    expect(canary).toMatch(/^cnry-[a-z0-9]{12}$/);
    expect(createCanary()).not.toBe(canary);
    expect(canaryInstruction(canary)).toContain(canary);
  });

  const forms: [string, string, string][] = [
    ['plain', `My instructions mention ${canary} at the top.`, 'plain'],
    ['upper case', `marker: ${canary.toUpperCase()}`, 'plain'],
    ['fullwidth', `marker: ${[...canary].map((c) => (/[a-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')}`, 'normalized'],
    ['spaced out', `marker: ${[...canary].join(' ')}`, 'spaced'],
    ['zero-width laced', `marker: ${[...canary].join('\u200b')}`, 'normalized'],
    ['reversed', `marker: ${[...canary].reverse().join('')}`, 'reversed'],
    ['base64', `encoded: ${Buffer.from(canary).toString('base64')}`, 'base64'],
    ['base64 inside a longer text', `encoded: ${Buffer.from(`You are a bot. Secret marker ${canary}. Be nice.`).toString('base64')}`, 'base64'],
    ['hex', `hex: ${Buffer.from(canary).toString('hex')}`, 'hex'],
    ['spaced hex', `hex: ${Buffer.from(canary).toString('hex').replace(/(..)/g, '$1 ')}`, 'hex'],
  ];
  for (const [name, output, form] of forms) {
    it(`finds the canary ${name}`, () => {
      const r = checkCanary(output, canary);
      expect(r.leaked).toBe(true);
      expect(r.form).toBe(form);
      expect(r.finding).toMatchObject({ kind: 'canary-leak', hiding: 'model-output', score: 1 });
    });
  }

  it('does not fire on an output without the canary', () => {
    const other = createCanary();
    expect(checkCanary(`A threat model. ${other} ${Buffer.from(other).toString('base64')}`, canary).leaked).toBe(false);
  });
});
