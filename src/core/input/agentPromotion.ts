import type { ComponentKind } from '../domain/system.js';
import type { ComponentTable } from './componentTable.js';
import type { Mention } from './discover.js';
import { findKindCues, type CueMatch } from './lexicon.js';
import { sentenceAt, type ScannedDoc } from './markdown.js';
import type { PropertyHit } from './propertyCues.js';

/** True when the kind is one whose component can itself take AI actions. */
export function isAiActor(kind: ComponentKind): boolean {
  return kind === 'agent' || kind === 'llm' || kind === 'tool' || kind === 'code-interpreter';
}

/** Mentions (sorted by start) inside [from, to), by binary search. */
function within(sorted: readonly Mention[], from: number, to: number): Mention[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < to; i++) if (sorted[i]!.end <= to) out.push(sorted[i]!);
  return out;
}

const ASSISTANT_KEY = 'w:assistant';

/**
 * Creates an agent when no agent exists but the text gives an AI component capabilities (sending
 * email, running code, refunds…). A capability whose actor is a plain component ("the Chat API creates
 * a ticket") or that is about calling the model itself ("we call the OpenAI API") does not count.
 * `mentions` must be sorted by start.
 */
export function promoteAgent(doc: ScannedDoc, table: ComponentTable, mentions: readonly Mention[], weak: readonly CueMatch[], hits: readonly PropertyHit[], room: boolean, defComps: ReadonlyMap<number, number>): void {
  if (!room || table.firstOf(['agent']) !== undefined) return;
  const assistants = weak.filter((w) => w.cue.key === ASSISTANT_KEY);
  for (const h of hits) {
    if (!h.cue.actor || h.cue.scenario !== 'agent') continue;
    const si = sentenceAt(doc.sentences, h.start);
    if (si < 0) continue;
    const s = doc.sentences[si]!;
    const inside = within(mentions, s.start, s.end);
    if (inside.some((m) => m.start < h.end && m.end > h.start && ['llm', 'embedding-model', 'ml-model'].includes(table.items[m.comp]!.kind))) continue;
    const before = inside.filter((m) => m.end <= h.start).pop()?.comp;
    const prev = before ?? (s.def !== undefined ? defComps.get(s.def) : undefined);
    const bot = assistants.filter((a) => a.start >= s.start && a.end <= h.start).pop();
    if (prev !== undefined && !isAiActor(table.items[prev]!.kind) && !(bot && (before === undefined || bot.start > inside.find((m) => m.comp === before)!.start))) continue;
    if (prev === undefined && !bot && !/\b(?:it|assistant|chat ?bot|bot|copilot|model|LLM|AI)\b/i.test(doc.masked.slice(s.start, h.start))) continue;
    // An application-level LLM component that acts ("Dialogue manager — an LLM … calls banking tools")
    // is the agent; a bare model ("GPT-4o") gets an agent in front of it.
    const actor = prev !== undefined && table.items[prev]!.kind === 'llm' ? table.items[prev]! : undefined;
    if (actor && !findKindCues(actor.name).some((m) => m.cue.kind === 'llm' && m.cue.strength !== 'weak')) {
      actor.kind = 'agent';
      table.addKey(prev!, 'k:agent');
      return;
    }
    const named = bot ?? assistants[0];
    table.create(named ? named.text : 'Agent', 'agent', named?.start ?? h.start, 'k:agent');
    return;
  }
}

