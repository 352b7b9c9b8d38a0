import { describe, expect, it } from 'vitest';
import { connectScorm, findScormApi, type ApiHost, type Scorm12Api } from '../../src/app/scorm/scorm-bridge.ts';
import { identifier, interactionValues, parseSuspendData, sessionTime, SUSPEND_DATA_LIMIT, suspendData } from '../../src/app/scorm/scorm-data.ts';
import { createAppStore, type DebriefState, type PlayState } from '../../src/app/store.ts';
import type { ScoreReport } from '../../src/core/report/score-report.ts';

/** A SCORM 1.2 API that keeps the values it is given and records every call. */
function fakeApi(initial: Record<string, string> = {}): Scorm12Api & { calls: string[]; values: Map<string, string> } {
  const values = new Map(Object.entries({ 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '', 'cmi.interactions._count': '0', ...initial }));
  const calls: string[] = [];
  return {
    calls,
    values,
    LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
    LMSFinish: () => (calls.push('LMSFinish'), 'true'),
    LMSGetValue: (element) => values.get(element) ?? '',
    LMSSetValue: (element, value) => {
      calls.push(`set ${element}`);
      values.set(element, value);
      return 'true';
    },
    LMSCommit: () => (calls.push('LMSCommit'), 'true'),
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
  };
}

const REPORT = {
  total: { points: 55, max: 100, percent: 55 },
  passed: false,
  verdict: { percent: 50, reasons: [], summary: '' },
  competencies: [
    { id: 'priority', points: 18, max: 20, percent: 90 },
    { id: 'notification', points: 0, max: 30, percent: 0 },
  ],
} as unknown as ScoreReport;

describe('SCORM 1.2 values', () => {
  it('writes the session time as HHHH:MM:SS.SS', () => {
    expect(sessionTime(0)).toBe('0000:00:00.00');
    expect(sessionTime(3_723_456)).toBe('0001:02:03.46');
    expect(sessionTime(-5)).toBe('0000:00:00.00');
    expect(sessionTime(1e12)).toBe('9999:59:59.99');
    for (const ms of [1, 999, 59_999, 36e5 * 25 + 1234]) expect(sessionTime(ms)).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d\d$/);
  });

  it('maps each competency to one numeric interaction with an identifier of at most 255 characters and no spaces', () => {
    const values = new Map(interactionValues(REPORT, 3));
    expect(values.get('cmi.interactions.3.id')).toBe('competency-priority');
    expect(values.get('cmi.interactions.3.type')).toBe('numeric');
    expect(values.get('cmi.interactions.3.result')).toBe('90');
    expect(values.get('cmi.interactions.3.weighting')).toBe('20');
    expect(values.get('cmi.interactions.4.id')).toBe('competency-notification');
    expect(values.get('cmi.interactions.4.result')).toBe('0');
    expect([...values.keys()].filter((key) => key.endsWith('.id'))).toHaveLength(2);
    expect(identifier(`a b\tc${'x'.repeat(400)}`)).toMatch(/^a-b-cx+$/);
    expect(identifier('x'.repeat(400))).toHaveLength(255);
  });

  it('keeps suspend_data to a small resume pointer, never over 4,096 characters', () => {
    const data = suspendData({ attemptId: '7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11', actions: 42 });
    expect(data).toBe('v1;a=7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11;n=42');
    expect(parseSuspendData(data)).toEqual({ attemptId: '7d0c1d9e-2f7e-4c55-9a53-1b3c1e0c2b11', actions: 42 });
    expect(suspendData({ attemptId: 'x'.repeat(10_000), actions: 1e9 }).length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(parseSuspendData('{"something":"else"}')).toBeNull();
  });
});

describe('finding the LMS API', () => {
  it('climbs the parents, then the opener, and stops at a window it may not read', () => {
    const api = fakeApi();
    const top: ApiHost = { API: api };
    const middle: ApiHost = { parent: top };
    const frame: ApiHost = { parent: middle };
    expect(findScormApi(frame)).toBe(api);
    const opened: ApiHost = { opener: { API: api } };
    expect(findScormApi(opened)).toBe(api);
    const guarded: ApiHost = {
      get parent(): ApiHost {
        throw new Error('SecurityError');
      },
    };
    expect(findScormApi(guarded)).toBeNull();
    expect(findScormApi({})).toBeNull();
  });
});

describe('the SCORM bridge', () => {
  it('marks the lesson incomplete, keeps the pointer while playing, and reports the attempt when it ends', () => {
    const api = fakeApi({ 'cmi.interactions._count': '2' });
    const store = createAppStore();
    let now = 1_000_000;
    const connected = connectScorm({ api, store, wallClock: () => now });
    if (!('bridge' in connected)) throw new Error('not connected');
    expect(api.values.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.calls.slice(0, 1)).toEqual(['LMSInitialize']);

    store.setState({ play: { attemptId: 'attempt-1', actions: [{}, {}] } as unknown as PlayState });
    expect(api.values.get('cmi.suspend_data')).toBe('v1;a=attempt-1;n=2');

    now += 65_250;
    store.setState({ play: null, debrief: { report: REPORT, finishedAt: now, log: { actions: [{}, {}, {}] }, attempt: { attemptId: 'attempt-1' } } as unknown as DebriefState });
    expect(api.values.get('cmi.core.lesson_status')).toBe('failed');
    expect(api.values.get('cmi.core.score.raw')).toBe('50');
    expect(api.values.get('cmi.core.score.min')).toBe('0');
    expect(api.values.get('cmi.core.score.max')).toBe('100');
    expect(api.values.get('cmi.core.session_time')).toBe('0000:01:05.25');
    expect(api.values.get('cmi.interactions.2.id')).toBe('competency-priority');
    expect(api.values.get('cmi.interactions.3.id')).toBe('competency-notification');
    expect(api.values.get('cmi.suspend_data')).toBe('v1;a=attempt-1;n=3');
    expect(api.calls.slice(-2)).toEqual(['LMSCommit', 'LMSFinish']);

    // Once finished, nothing more is written, not even when the page goes away.
    const count = api.calls.length;
    connected.bridge.pageHidden();
    store.setState({ play: { attemptId: 'attempt-2', actions: [] } as unknown as PlayState });
    expect(api.calls).toHaveLength(count);
  });

  it('suspends the session when the page goes away before the end', () => {
    const api = fakeApi({ 'cmi.suspend_data': 'v1;a=old;n=4' });
    const store = createAppStore();
    const connected = connectScorm({ api, store, wallClock: () => 5000 });
    if (!('bridge' in connected)) throw new Error('not connected');
    expect(connected.bridge.resumedFrom).toEqual({ attemptId: 'old', actions: 4 });
    connected.bridge.pageHidden();
    expect(api.values.get('cmi.core.exit')).toBe('suspend');
    expect(api.values.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.calls.slice(-2)).toEqual(['LMSCommit', 'LMSFinish']);
  });

  it('says so when the LMS refuses to start', () => {
    const api = { ...fakeApi(), LMSInitialize: () => 'false', LMSGetLastError: () => '101', LMSGetErrorString: () => 'General exception' };
    const connected = connectScorm({ api, store: createAppStore(), wallClock: () => 0 });
    expect(connected).toEqual({ problem: expect.stringContaining('error 101: General exception') });
  });
});
