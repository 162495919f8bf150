import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOfflineThreatModel } from '../../../src/core/pipeline/offlineModel.js';
import {
  ChatSessionSchema, SessionError, fromSession, listSessions, loadSession, newSessionId, saveSession, sessionsDir, toSession,
} from '../../../src/core/chat/persist.js';
import { chatReducer } from '../../../src/core/chat/state.js';
import { helpDeskSystem, testKb, testState } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ts-sessions-'));

function reviewedState() {
  const model = buildOfflineThreatModel(helpDeskSystem(), { kb: testKb(), toolVersion: 'test', maxCases: 3 });
  let s = chatReducer(testState(), { type: 'set-model', model });
  s = chatReducer(s, { type: 'set-case', case: { ...model.misuseCases[0]!, status: 'accepted' } });
  s = chatReducer(s, { type: 'set-case', case: { ...model.misuseCases[1]!, status: 'rejected', notes: ['not exposed'] } });
  s = chatReducer(s, { type: 'append', item: { kind: 'user', text: 'who can write to the index?' } });
  s = chatReducer(s, { type: 'input', line: 'who can write to the index?' });
  s = chatReducer(s, { type: 'set-interview', interview: { questions: [{ text: 'Who can write?', caseIds: ['MC-001'], components: ['vectors'] }], index: 0, answered: 0, skipped: 0, changed: [] } });
  return s;
}

describe('sessions', () => {
  it('round-trips conversation, system model and review state', () => {
    const dir = sessionsDir(tmp());
    const s = reviewedState();
    const path = saveSession(dir, toSession(s, new Date('2026-01-02T03:04:05Z')));
    expect(path).toBe(join(dir, 'test-session.json'));
    const back = fromSession(loadSession(dir, 'test-session'), testState({ sessionId: 'other' }));
    expect(back.sessionId).toBe('test-session');
    expect(back.model!.misuseCases.map((c) => c.status)).toEqual(['accepted', 'rejected', 'open']);
    expect(back.model!.misuseCases[1]!.notes).toEqual(['not exposed']);
    expect(back.items.map((i) => i.kind)).toEqual(['user']);
    expect(back.nextId).toBe(1);
    expect(back.inputHistory).toEqual(['who can write to the index?']);
    expect(back.system?.name).toBe('Help desk');
    expect(back.interview?.questions[0]?.text).toBe('Who can write?'); // the interview goes on after a resume
  });

  it('writes atomically: no temp files are left behind', () => {
    const dir = sessionsDir(tmp());
    saveSession(dir, toSession(reviewedState()));
    saveSession(dir, toSession(reviewedState()));
    expect(readdirSync(dir)).toEqual(['test-session.json']);
    expect(ChatSessionSchema.safeParse(JSON.parse(readFileSync(join(dir, 'test-session.json'), 'utf8'))).success).toBe(true);
  });

  it('loads the latest session when no id is given', () => {
    const dir = sessionsDir(tmp());
    saveSession(dir, toSession(testState({ sessionId: 'older' })));
    saveSession(dir, toSession(testState({ sessionId: 'newer' })));
    utimesSync(join(dir, 'older.json'), new Date('2020-01-01'), new Date('2020-01-01'));
    expect(listSessions(dir)).toEqual(['newer', 'older']);
    expect(loadSession(dir).id).toBe('newer');
  });

  it('gives clear errors for missing, corrupt and invalid files', () => {
    const dir = sessionsDir(tmp());
    expect(() => loadSession(dir)).toThrow(/no saved chat session in .*threatstorm chat/);
    saveSession(dir, toSession(testState({ sessionId: 'good' })));
    expect(() => loadSession(dir, 'nope')).toThrow(/no session "nope" .* Recent sessions: good\./);
    expect(() => loadSession(dir, '../etc/passwd')).toThrow(SessionError);
    writeFileSync(join(dir, 'broken.json'), '{"version": 1, "id": ');
    expect(() => loadSession(dir, 'broken')).toThrow(/broken\.json is corrupt: not valid JSON/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...toSession(testState({ sessionId: 'bad' })), items: [{ id: 0, kind: 'user' }] }));
    try {
      loadSession(dir, 'bad');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SessionError);
      expect((err as SessionError).exitCode).toBe(2);
      expect((err as Error).message).toMatch(/^Invalid session in .*bad\.json:\n  - items\.0/);
    }
  });

  it('makes sortable, file-safe ids', () => {
    expect(newSessionId(new Date('2026-03-04T05:06:07Z'), () => 'ab12')).toBe('20260304-050607-ab12');
  });
});
