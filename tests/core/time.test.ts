import { describe, expect, it } from 'vitest';
import { formatDuration, parseClockTime, parseDuration, ScenarioClock } from '../../src/core/time.ts';

describe('scenario clock', () => {
  it('parses and rejects clock times', () => {
    expect(parseClockTime('02:46:23')).toBe(2 * 3600 + 46 * 60 + 23);
    expect(parseClockTime('24:00:00')).toBeUndefined();
    expect(parseClockTime('2:46:23')).toBeUndefined();
  });

  it('parses durations written MM:SS and HH:MM:SS', () => {
    expect(parseDuration('15:00')).toBe(15 * 60 * 1000);
    expect(parseDuration('01:00:00')).toBe(3600 * 1000);
    expect(parseDuration('abc')).toBeUndefined();
  });

  it('converts between offsets and wall-clock times', () => {
    const clock = new ScenarioClock({ start: '02:46:00', end: '03:50:00' });
    expect(clock.lengthMs).toBe(64 * 60 * 1000);
    expect(clock.toOffset('03:00:21')).toBe((14 * 60 + 21) * 1000);
    expect(clock.format(21_000)).toBe('02:46:21');
    expect(clock.contains('03:50:00')).toBe(true);
    expect(clock.contains('03:50:01')).toBe(false);
    expect(clock.contains('02:45:59')).toBe(false);
  });

  it('runs past midnight: a time earlier than the start is the next day', () => {
    const clock = new ScenarioClock({ start: '23:30:00', end: '00:30:00' });
    expect(clock.lengthMs).toBe(60 * 60 * 1000);
    expect(clock.toOffset('00:10:00')).toBe(40 * 60 * 1000);
    expect(clock.contains('00:10:00')).toBe(true);
    expect(clock.contains('12:00:00')).toBe(false);
    expect(clock.format(45 * 60 * 1000)).toBe('00:15:00');
  });

  it('writes durations for people', () => {
    expect(formatDuration(409_000)).toBe('6m 49s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
    expect(formatDuration(5_000)).toBe('5s');
  });
});
