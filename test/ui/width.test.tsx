import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArchitecture } from '../../src/core/input/parseArchitecture.js';
import { fakePipeline, renderChatAt, testKb, testServices, tick, typeLine, waitFor } from './helpers.js';

describe('80-column terminals', () => {
  it('never writes a line wider than the terminal, through load, answers and details', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-width-'));
    copyFileSync(join(import.meta.dirname, '../../evals/architectures/01-support-chatbot-rag.md'), join(dir, 'arch.md'));
    const services = testServices(dir, { parse: (t, o) => parseArchitecture(t, o), connection: { pipeline: fakePipeline(testKb(), { maxCases: 100, delayMs: 1 }) } });
    const { stdout, stdin, instance } = renderChatAt(80, { services });
    try {
      await typeLine(stdin, '/load arch.md');
      await waitFor(() => stdout.lines().some((l) => /^✓ \d+ misuse cases/.test(l)), 'generation');
      for (const line of ['who can poison the pinecone index?', '/show 1', '/system', '/help', '/more 2', '/interview', 'no, only staff can write to it']) await typeLine(stdin, line);
      await tick(200);
      const wide = stdout.lines().filter((l) => [...l].length > 80);
      expect(wide).toEqual([]);
      expect(stdout.lines().length).toBeGreaterThan(200); // it really rendered all of that
    } finally {
      instance.unmount();
    }
  });
});
