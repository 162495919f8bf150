import { afterEach, describe, expect, it, vi } from 'vitest';

// Ink's chalk decides its colour level when first imported, from FORCE_COLOR and the TTY. Force
// colour on for this file (before any import) so the test can see whether the chat asks for colour.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { render, cleanup } from 'ink-testing-library';
import { buildOfflineThreatModel } from '../../src/core/pipeline/offlineModel.js';
import { ChatController } from '../../src/core/chat/controller.js';
import { CaseCard } from '../../src/ui/components/CaseCard.js';
import { ChatApp } from '../../src/ui/App.js';
import { ThemeProvider, colorsEnabled, makeTheme } from '../../src/ui/theme.js';
import { helpDeskSystem, testKb, testServices, testState, tick } from './helpers.js';

const COLOUR = /\u001b\[(3[0-7]|9[0-7]|38;)/; // a foreground colour code

afterEach(() => {
  vi.unstubAllEnvs();
  cleanup();
});

describe('NO_COLOR', () => {
  it('is read the way no-color.org says', () => {
    expect(colorsEnabled({ NO_COLOR: '1' })).toBe(false);
    expect(colorsEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorsEnabled({ FORCE_COLOR: '0' })).toBe(false);
    expect(colorsEnabled({})).toBe(true);
  });

  it('Ink itself would colour here (so the checks below can fail)', () => {
    const c = buildOfflineThreatModel(helpDeskSystem(), { kb: testKb(), toolVersion: 't', maxCases: 1 }).misuseCases[0]!;
    const frame = render(<ThemeProvider theme={makeTheme(true)}><CaseCard c={c} /></ThemeProvider>).lastFrame()!;
    expect(frame).toMatch(COLOUR);
  });

  it('a colourless theme writes no colour codes', () => {
    const c = buildOfflineThreatModel(helpDeskSystem(), { kb: testKb(), toolVersion: 't', maxCases: 1 }).misuseCases[0]!;
    const frame = render(<ThemeProvider theme={makeTheme(false)}><CaseCard c={c} /></ThemeProvider>).lastFrame()!;
    expect(frame).not.toMatch(COLOUR);
    expect(frame).toContain('MC-001');
  });

  it('the app follows NO_COLOR from the environment', async () => {
    const controller = new ChatController(testServices('/tmp'));
    vi.stubEnv('NO_COLOR', '1');
    const plain = render(<ChatApp controller={controller} initialState={testState()} version="t" />);
    await tick();
    expect(plain.lastFrame()).toContain('threatstorm');
    expect(plain.lastFrame()).not.toMatch(COLOUR);
    vi.unstubAllEnvs();
    vi.stubEnv('NO_COLOR', '');
    const coloured = render(<ChatApp controller={controller} initialState={testState()} version="t" />);
    await tick();
    expect(coloured.lastFrame()).toMatch(COLOUR);
  });
});
