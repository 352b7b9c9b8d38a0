import { describe, expect, it } from 'vitest';
import { AttemptHistory } from '../../src/app/attempt-history.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { StoredValues } from '../../src/app/stored-values.ts';
import { createAttempt, type AttemptRecord } from '../../src/core/attempt.ts';
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { acmeText, goldenLog, loadAcme, MemoryStorage, sequentialIds } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const ids = sequentialIds();

function attempt(logName: string, finishedAt: number): AttemptRecord {
  const log = goldenLog(logName, scenario, playbook);
  return createAttempt({
    attemptId: ids(),
    trainee: { id: 'local' },
    scenario: { value: scenario, sha256: contentSha256OfJsonText(acmeText()) },
    playbook: { value: playbook, sha256: '0'.repeat(64) },
    mode: 'exam',
    startedAt: finishedAt - 60_000,
    finishedAt,
    log,
    report: grade(scenario, playbook, log),
  });
}

describe('attempt history', () => {
  it('keeps both attempts when two tabs finish one each, whatever each loaded at start', async () => {
    const storage = keyValueStoragePort(new MemoryStorage());
    const tabOne = new AttemptHistory(storage, ids);
    const tabTwo = new AttemptHistory(storage, ids);
    await tabOne.load();
    await tabTwo.load();
    const first = attempt('strong', 1_700_000_100_000);
    const second = attempt('partial', 1_700_000_200_000);
    await tabOne.add(first);
    const merged = await tabTwo.add(second);
    expect(merged.attempts.map((record) => record.attemptId)).toEqual([second.attemptId, first.attemptId]);
    expect((await new AttemptHistory(storage, ids).load()).attempts.map((record) => record.attemptId)).toEqual([second.attemptId, first.attemptId]);
  });

  it('stores an attempt once however often it is added', async () => {
    const history = new AttemptHistory(keyValueStoragePort(new MemoryStorage()), ids);
    const record = attempt('strong', 1_700_000_300_000);
    await history.add(record);
    expect((await history.add(record)).attempts).toHaveLength(1);
  });

  it('keeps both when two tabs resumed one saved session and each finished it its own way', async () => {
    const history = new AttemptHistory(keyValueStoragePort(new MemoryStorage()), ids);
    const first = attempt('strong', 1_700_000_400_000);
    const other = { ...attempt('partial', 1_700_000_500_000), attemptId: first.attemptId };
    await history.add(first);
    const added = await history.add(other);
    expect(added.stored.attemptId).not.toBe(first.attemptId);
    expect(added.attempts.map((record) => record.log.actions.length).sort()).toEqual([first.log.actions.length, other.log.actions.length].sort());
  });
});

describe('stored values', () => {
  it('never removes what it cannot copy aside first, and gives each copy a key of its own', async () => {
    const memory = new MemoryStorage();
    const values = new StoredValues(keyValueStoragePort(memory));
    memory.setItem('k', 'first');
    expect(await values.setAside('k', 'first')).toBe('k:unreadable');
    memory.setItem('k', 'second');
    expect(await values.setAside('k', 'second')).toBe('k:unreadable:2');
    expect([memory.getItem('k:unreadable'), memory.getItem('k:unreadable:2'), memory.getItem('k')]).toEqual(['first', 'second', null]);

    memory.setItem('k', 'third');
    memory.failWrites = true;
    expect(await values.setAside('k', 'third')).toBeNull();
    expect(memory.getItem('k')).toBe('third');
    expect(await values.write('other', 1)).toMatch(/storage is full/);
  });
});
