import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { InputFindingSchema, SystemModelSchema, ThreatModelSchema, VerdictSchema } from '../domain/index.js';
import { AppError, EXIT, errorMessage, formatZodIssues } from '../errors.js';
import { HistoryItemSchema } from './history.js';
import { INPUT_HISTORY_MAX, type ChatState } from './state.js';

/**
 * Chat sessions on disk: `.threatstorm/sessions/<id>.json` under the working folder, written
 * atomically after every change and validated with zod when read back.
 */

/** Session file format version. */
export const SESSION_VERSION = 1;

/** Items of conversation kept in the file (the newest). */
export const MAX_SAVED_ITEMS = 1000;

/** A session id: safe as a file name. */
export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, "-" and "_" only');

const UsageSchema = z
  .object({ calls: z.number().int().nonnegative(), promptTokens: z.number().int().nonnegative(), completionTokens: z.number().int().nonnegative() })
  .strict();

/** An interview in progress, so a resumed session goes on with the same question. */
const InterviewStateSchema = z
  .object({
    questions: z.array(z.object({ text: z.string(), caseIds: z.array(z.string()), components: z.array(z.string()) }).strict()),
    index: z.number().int().nonnegative(),
    answered: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    changed: z.array(z.string()),
  })
  .strict();

/** The saved form of a chat session. */
export const ChatSessionSchema = z
  .object({
    version: z.literal(SESSION_VERSION).describe('Session file format version'),
    id: SessionIdSchema.describe('Session id, also the file name'),
    createdAt: z.string().describe('ISO time the session started'),
    updatedAt: z.string().describe('ISO time of the last save'),
    provider: z.string().describe('Provider in use when saved'),
    modelName: z.string().nullable().describe('Model in use when saved, null offline'),
    doc: z
      .object({
        source: z.string(),
        text: z.string(),
        sha256: z.string(),
        bytes: z.number().int().nonnegative(),
        format: z.string(),
        warnings: z.array(z.string()),
      })
      .strict()
      .nullable()
      .describe('The architecture document being modelled'),
    system: SystemModelSchema.nullable().describe('The system model, with interview changes'),
    threatModel: ThreatModelSchema.nullable().describe('The threat model with each case\'s review state'),
    guard: z.object({ verdict: VerdictSchema, findings: z.array(InputFindingSchema) }).strict(),
    usage: UsageSchema,
    focus: z.string().nullable(),
    interview: InterviewStateSchema.nullable().default(null).describe('The interview in progress, if any'),
    items: z.array(HistoryItemSchema).describe('The conversation'),
    inputHistory: z.array(z.string()).describe('Lines typed, for the up arrow'),
  })
  .strict();
export type ChatSession = z.infer<typeof ChatSessionSchema>;

/** A session file that is missing, unreadable or invalid. */
export class SessionError extends AppError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The sessions folder under a working folder. */
export function sessionsDir(cwd: string): string {
  return join(cwd, '.threatstorm', 'sessions');
}

/** A new, sortable session id: `20260126-101500-ab12`. */
export function newSessionId(now: Date = new Date(), rand: () => string = () => randomBytes(2).toString('hex')): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${rand()}`;
}

/** The saveable part of the state. */
export function toSession(s: ChatState, now: Date = new Date()): ChatSession {
  return {
    version: SESSION_VERSION,
    id: s.sessionId,
    createdAt: s.createdAt,
    updatedAt: now.toISOString(),
    provider: s.provider,
    modelName: s.modelName,
    doc: s.doc ? { ...s.doc, warnings: [...s.doc.warnings] } : null,
    system: s.system,
    threatModel: s.model,
    guard: { verdict: s.guard.verdict, findings: [...s.guard.findings] },
    usage: { ...s.usage },
    focus: s.focus,
    interview: s.interview
      ? { ...s.interview, questions: s.interview.questions.map((q) => ({ text: q.text, caseIds: [...q.caseIds], components: [...q.components] })), changed: [...s.interview.changed] }
      : null,
    items: s.items.slice(-MAX_SAVED_ITEMS),
    inputHistory: s.inputHistory.slice(-INPUT_HISTORY_MAX),
  };
}

/** Restores a state from a saved session on top of a fresh one (provider and KB stay the current ones). */
export function fromSession(saved: ChatSession, fresh: ChatState): ChatState {
  const items = saved.items.map((it, i) => ({ ...it, id: i }));
  return {
    ...fresh,
    sessionId: saved.id,
    createdAt: saved.createdAt,
    items,
    nextId: items.length,
    doc: saved.doc,
    system: saved.system ?? saved.threatModel?.system ?? null,
    model: saved.threatModel,
    guard: saved.guard,
    usage: saved.usage,
    focus: saved.focus,
    interview: saved.interview,
    inputHistory: saved.inputHistory,
  };
}

/** Writes text atomically: a temp file in the same folder, then rename. */
export function writeAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new AppError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? errorMessage(err)}. Check the folder exists and is writable.`);
  }
}

/** The file of a session. */
export function sessionPath(dir: string, id: string): string {
  return join(dir, `${SessionIdSchema.parse(id)}.json`);
}

/** Saves a session atomically and returns its path. */
export function saveSession(dir: string, session: ChatSession): string {
  const path = sessionPath(dir, session.id);
  writeAtomic(path, `${JSON.stringify(session, null, 2)}\n`);
  return path;
}

/** Ids of the saved sessions, newest first (by modification time). */
export function listSessions(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && SessionIdSchema.safeParse(n.slice(0, -5)).success);
  } catch {
    return [];
  }
  return names
    .map((n) => ({ id: n.slice(0, -5), t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t || b.id.localeCompare(a.id))
    .map((x) => x.id);
}

/**
 * Loads a session by id, or the latest one when `id` is undefined. Missing, unreadable, non-JSON
 * and invalid files are {@link SessionError}s that say which file and what is wrong.
 */
export function loadSession(dir: string, id?: string): ChatSession {
  let which = id;
  if (which === undefined) {
    which = listSessions(dir)[0];
    if (!which) throw new SessionError(`no saved chat session in ${dir}. Start one with \`threatstorm chat\`.`);
  }
  if (!SessionIdSchema.safeParse(which).success) {
    throw new SessionError(`"${which}" is not a session id (letters, digits, "-" and "_"). List them with \`ls ${dir}\`.`);
  }
  const path = sessionPath(dir, which);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const known = listSessions(dir).slice(0, 5);
    throw new SessionError(
      code === 'ENOENT'
        ? `no session "${which}" in ${dir}.${known.length ? ` Recent sessions: ${known.join(', ')}.` : ''}`
        : `cannot read ${path} (${code ?? errorMessage(err)}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SessionError(`${path} is corrupt: not valid JSON (${errorMessage(err)}). Delete it or start a new session with \`threatstorm chat\`.`);
  }
  const parsed = ChatSessionSchema.safeParse(json);
  if (!parsed.success) {
    throw new SessionError(`Invalid session in ${path}:\n${formatZodIssues(parsed.error.issues)}\nDelete the file or start a new session with \`threatstorm chat\`.`);
  }
  return parsed.data;
}
