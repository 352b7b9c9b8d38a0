import { describe, expect, it } from 'vitest';
import { AttemptHistory } from '../../src/app/attempt-history.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { setAsideNotice } from '../../src/app/notices.ts';
import { OpenedFiles } from '../../src/app/opened-files.ts';
import { SavedSessions, type SavedSession } from '../../src/app/saved-sessions.ts';
import { createAttempt } from '../../src/core/attempt.ts';
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import type { Action } from '../../src/core/actions/action.ts';
import { acmeText, loadAcme, MemoryStorage, sequentialIds } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const ids = sequentialIds();

function session(attemptId: string, actions: Action[]): SavedSession {
  const attempt = createAttempt({
    attemptId,
    trainee: { id: 'local' },
    scenario: { value: scenario, sha256: contentSha256OfJsonText(acmeText()) },
    playbook: { value: playbook, sha256: '0'.repeat(64) },
    mode: 'exam',
    startedAt: 1_700_000_000_000,
    finishedAt: null,
    log: { scenario: scenario.id, playbook: playbook.id, actions },
    report: null,
  });
  return { attempt, speed: 1, now: 0 };
}

describe('two tabs on one scenario', () => {
  it('keep both sessions: the second goes to a key of its own, and finishing one leaves the other', async () => {
    const memory = new MemoryStorage();
    const tabOne = new SavedSessions(keyValueStoragePort(memory));
    const tabTwo = new SavedSessions(keyValueStoragePort(memory));
    const one = session(ids(), []);
    const two = session(ids(), []);
    expect(await tabOne.save(one)).toBeNull();
    expect(await tabTwo.save(two)).toBeNull();
    expect(await tabOne.holds(scenario.id, one.attempt.attemptId)).toBe(true);
    expect(await tabTwo.holds(scenario.id, two.attempt.attemptId)).toBe(true);
    expect(await tabOne.inProgress()).toEqual([scenario.id]);
    await tabOne.remove(scenario.id, one.attempt.attemptId);
    const left = await tabTwo.load(scenario.id);
    expect(left.kind === 'ok' && left.value.attempt.attemptId).toBe(two.attempt.attemptId);
  });
});

describe('a full storage', () => {
  it('never writes over an unreadable history it could not copy aside, and says so', async () => {
    const memory = new MemoryStorage();
    memory.setItem('bridge-drill:history:v2', 'not json');
    memory.failWrites = true;
    const history = new AttemptHistory(keyValueStoragePort(memory), ids);
    expect((await history.load()).setAside).toBe('left');
    memory.failWrites = false;
    expect(memory.getItem('bridge-drill:history:v2')).toBe('not json');
  });

  it('leaves an unreadable history entry in the list when its copy cannot be stored, and never says it was set aside', async () => {
    const memory = new MemoryStorage();
    const stored = JSON.stringify([{ attemptId: 'planted', note: 'no log' }]);
    memory.setItem('bridge-drill:history:v2', stored);
    memory.failWrites = true;
    const history = new AttemptHistory(keyValueStoragePort(memory), ids);
    const full = await history.load();
    expect([full.setAside, full.entriesLeft]).toEqual([0, 1]);
    expect(setAsideNotice(full.setAside, full.entriesLeft)).toMatch(/^One entry of your local history could not be read\. The browser’s storage is too full to copy it aside, so it is left where it was/);
    expect(setAsideNotice(full.setAside, full.entriesLeft)).not.toMatch(/has been set aside/);
    expect(memory.getItem('bridge-drill:history:v2')).toBe(stored);
    memory.failWrites = false;
    const roomy = await history.load();
    expect([roomy.setAside, roomy.entriesLeft]).toEqual([1, 0]);
    expect(setAsideNotice(roomy.setAside, roomy.entriesLeft)).toBe('One entry of your local history could not be read and has been set aside.');
    expect(memory.getItem('bridge-drill:history:v2:unreadable')).toBe(stored);
    expect(memory.getItem('bridge-drill:history:v2')).toBe('[]');
    expect(setAsideNotice(0, 0)).toBeNull();
  });

  it('keeps an unreadable session where it was when its copy cannot be stored', async () => {
    const memory = new MemoryStorage();
    memory.setItem(`bridge-drill:session:v2:${scenario.id}`, '{broken');
    memory.failWrites = true;
    const sessions = new SavedSessions(keyValueStoragePort(memory));
    const loaded = await sessions.load(scenario.id);
    expect(loaded.kind === 'unreadable' && loaded.keptAs).toBeNull();
    expect(await sessions.save(session(ids(), []))).toMatch(/storage is full/);
    expect(memory.getItem(`bridge-drill:session:v2:${scenario.id}`)).toBe('{broken');
    expect(await sessions.holds(scenario.id, 'nothing-saved')).toBe(false);
  });
});

describe('opened files', () => {
  it('merge with what another tab stored, and keep a file that no longer validates', async () => {
    const memory = new MemoryStorage();
    const tabOne = new OpenedFiles(keyValueStoragePort(memory));
    const tabTwo = new OpenedFiles(keyValueStoragePort(memory));
    await tabOne.load();
    await tabTwo.load();
    await tabOne.add({ file: 'a.json', text: '{"id":"a"}' }, () => false);
    await tabTwo.add({ file: 'b.json', text: '{"id":"b"}' }, () => false);
    expect((await tabOne.load()).map((file) => file.file)).toEqual(['a.json', 'b.json']);
  });
});
