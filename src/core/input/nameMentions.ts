import type { ComponentTable } from './componentTable.js';
import type { Mention } from './discover.js';
import { HEAD_KINDS, resolveOverlaps } from './lexicon.js';
import type { ScannedDoc } from './markdown.js';

/** The component mentioned in [from, to) nearest to `at` that passes `ok`, read from the owner map. */
export function nearestModel(owner: Int32Array, from: number, to: number, at: number, ok: (comp: number) => boolean): { comp: number } | undefined {
  let best: { comp: number; dist: number } | undefined;
  for (let i = from; i < to; i++) {
    const comp = owner[i]! - 1;
    if (comp < 0 || (i > from && owner[i - 1] === owner[i]) || !ok(comp)) continue;
    const dist = Math.abs(i - at);
    if (!best || dist < best.dist) best = { comp, dist };
  }
  return best && { comp: best.comp };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Adds mentions of names already known: each component's full name wherever it recurs, and the head
 * noun of a name when only one component has it ("the gateway" for "CodePilot gateway").
 */
export function addNameMentions(
  doc: ScannedDoc,
  table: ComponentTable,
  mention: (comp: number, start: number, end: number) => void,
  covered: (s: number, e: number) => boolean,
): void {
  const heads = new Map<string, number[]>();
  table.items.forEach((c, i) => {
    const words = c.name.split(' ');
    const head = words[words.length - 1]!.toLowerCase();
    if (words.length >= 2 && HEAD_KINDS[head]) heads.set(head, [...(heads.get(head) ?? []), i]);
  });
  const found: Mention[] = [];
  table.items.forEach((c, i) => {
    const name = c.name.replace(/\s+/g, ' ').trim();
    if (name.length < 2) return;
    const re = new RegExp(`(?<![\\w-])${escapeRe(name).replace(/ /g, '\\s+')}s?(?![\\w-])`, 'gi');
    for (let m = re.exec(doc.masked); m; m = re.exec(doc.masked)) found.push({ start: m.index, end: m.index + m[0].length, comp: i });
  });
  for (const [head, comps] of heads) {
    if (comps.length !== 1) continue;
    const re = new RegExp(`(?<![\\w-])(?:the|a|an|our|this|that|its) (${escapeRe(head)})(?![\\w-])`, 'gi');
    for (let m = re.exec(doc.masked); m; m = re.exec(doc.masked)) {
      const s = m.index + m[0].length - m[1]!.length;
      found.push({ start: s, end: s + m[1]!.length, comp: comps[0]! });
    }
  }
  for (const f of resolveOverlaps(found)) {
    if (!covered(f.start, f.end)) mention(f.comp, f.start, f.end);
  }
}

