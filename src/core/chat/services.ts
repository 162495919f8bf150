import type { InputFinding, Verdict } from '../domain/index.js';
import type { ParsedArchitecture } from '../input/parseArchitecture.js';
import type { InputDoc } from '../input/readInput.js';
import type { KnowledgeBase } from '../kb/knowledgeBase.js';
import type { ChatPort } from '../llm/port.js';
import type { PipelineEvent } from '../pipeline/events.js';
import type { PatternIndex } from '../retrieval/search.js';

/**
 * What the chat controller is given: the knowledge base, the pipeline and optional chat model,
 * and the input functions (parser, guard). The CLI builds the real ones; tests inject fakes.
 */

/** Runs generation on a document: the offline pipeline, or the model one bound to a port. */
export type PipelineFn = (doc: InputDoc, parsed: ParsedArchitecture, signal: AbortSignal) => AsyncIterable<PipelineEvent>;

/** The guard's verdict on one text. */
export interface ScanResult {
  readonly verdict: Verdict;
  readonly score: number;
  readonly findings: readonly InputFinding[];
}

/** Formats the guard understands. */
export type ScanFormat = 'markdown' | 'yaml' | 'json' | 'text';

/** A provider and its pipeline, as `/provider` and `/model` switch them. */
export interface Connection {
  readonly port?: ChatPort;
  readonly pipeline: PipelineFn;
}

/** Everything the controller needs from outside. */
export interface ChatServices {
  readonly kb: KnowledgeBase;
  readonly index: PatternIndex;
  /** Folder that relative paths (`/load`, `/export`) are resolved against. */
  readonly cwd: string;
  readonly sessionsDir: string;
  /** `parseArchitecture(text, { source })`; throws InputError on unusable input. */
  readonly parse: (text: string, opts: { source: string }) => ParsedArchitecture;
  /** The guard: `scanText(text, { source, format })`. */
  readonly scan: (text: string, opts: { source: string; format: ScanFormat }) => ScanResult;
  /** The provider in use at start. */
  readonly connection: Connection;
  /** Builds another provider's connection (`/provider`, `/model`); throws with a user message. */
  readonly connect?: (provider: string, model?: string) => Promise<Connection>;
  /** Providers `/provider` offers. */
  readonly providers?: readonly string[];
  readonly now?: () => Date;
}
