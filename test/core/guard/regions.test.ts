import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../src/core/guard/index.js';

const at = (text: string, needle: string) => text.indexOf(needle);

describe('layoutOf', () => {
  it('finds comments, titles, alt text, code comments and mermaid comments', () => {
    const text = [
      'Intro <!-- hidden one --> text.',
      'A [link](https://x.example/a "the title") and ![the alt](img.png).',
      '```python',
      'x = 1  # code note',
      '```',
      '```mermaid',
      'flowchart LR',
      '  %% diagram note',
      '```',
    ].join('\n');
    const spots = layoutOf(text, 'markdown').spots.map((s) => [s.hiding, text.slice(s.start, s.end).trim()]);
    expect(spots).toEqual([
      ['html-comment', 'hidden one'],
      ['markdown-link-title', 'the title'],
      ['markdown-image-alt', 'the alt'],
      ['code-comment', 'code note'],
      ['mermaid-comment', 'diagram note'],
    ]);
  });

  it('treats a whole YAML document as values and its comments as code comments', () => {
    const text = 'name: x\n# owner note\nnotes: "free text"\n';
    const layout = layoutOf(text, 'yaml');
    expect(layout.containers).toEqual([{ start: 0, end: text.length, hiding: 'yaml-value' }]);
    expect(layout.spots.map((s) => text.slice(s.start, s.end))).toEqual(['owner note']);
  });

  it('marks front matter and code blocks as containers and headings about attacks as mentions', () => {
    const text = '---\ntitle: t\n---\n# Overview\n\n## Example attacks\n\n```\ncode\n```\n';
    const layout = layoutOf(text, 'markdown');
    expect(layout.containers.map((c) => c.hiding)).toEqual(['front-matter', 'code-block']);
    expect(layout.headings.map((h) => h.mention)).toEqual([false, true]);
    expect(layout.containers[1]!.start).toBe(at(text, 'code'));
  });

  it('handles an unterminated comment and unterminated fence without hanging', () => {
    const text = `${'<!--'.repeat(50_000)}\n${'```\n'.repeat(50_000)}`;
    const t0 = performance.now();
    const layout = layoutOf(text, 'markdown');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(layout.spots.length).toBeGreaterThan(0);
  });

  it('finds text hidden with CSS', () => {
    const text = 'Hours 9-5 <span style="display:none">secret words</span> done';
    const spot = layoutOf(text, 'markdown').spots.find((s) => s.concealed);
    expect(spot && text.slice(spot.start, spot.end)).toBe('secret words');
  });
});
