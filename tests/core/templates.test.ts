import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersIn } from '../../src/core/playbook/templates.ts';
import { bundledPlaybooks } from '../helpers.ts';

describe('fillTemplate', () => {
  it('replaces every placeholder it has a fact for', () => {
    const filled = fillTemplate('{level} incident on {service} since {since}. Next update by {nextUpdate}.', {
      level: 'P1',
      service: 'online ordering',
      since: '03:00:21',
      nextUpdate: '03:30:21',
    });
    expect(filled).toEqual({ text: 'P1 incident on online ordering since 03:00:21. Next update by 03:30:21.', missing: [] });
  });

  it('leaves unknown and blank facts as {name} and lists each once, in order', () => {
    const filled = fillTemplate('Impact: {impact}. Status: {status}. Again: {impact}. Level {level}.', { status: '   ', level: 'P2', other: 'unused' });
    expect(filled.text).toBe('Impact: {impact}. Status: {status}. Again: {impact}. Level P2.');
    expect(filled.missing).toEqual(['impact', 'status']);
  });

  it('inserts facts literally, even text that looks like a replacement pattern or a placeholder', () => {
    const filled = fillTemplate('Status: {status}', { status: '$& {level} <b>' });
    expect(filled.text).toBe('Status: $& {level} <b>');
    expect(filled.missing).toEqual([]);
  });

  it('ignores braces that are not placeholders and names inherited from Object.prototype', () => {
    const filled = fillTemplate('{ not one } {} {9lives} {toString} {constructor}', {});
    expect(filled.text).toBe('{ not one } {} {9lives} {toString} {constructor}');
    expect(filled.missing).toEqual(['toString', 'constructor']);
  });

  it('fills every bundled template once level, service, since and nextUpdate are known, leaving only judgements', () => {
    const facts = { level: 'P1', classification: 'Service disruption', service: 'Ordering', since: '03:00:21', nextUpdate: '03:30:21' };
    for (const playbook of bundledPlaybooks().values()) {
      for (const template of playbook.templates ?? []) {
        const { text, missing } = fillTemplate(template.text, facts);
        expect(missing.every((name) => ['impact', 'status', 'estimate'].includes(name)), `${playbook.id}/${template.id}: ${missing.join(', ')}`).toBe(true);
        expect(placeholdersIn(text)).toEqual(missing);
      }
    }
  });
});

describe('placeholdersIn', () => {
  it('lists the placeholders still in a text', () => {
    expect(placeholdersIn('A {one} and {two-part} and {one} again')).toEqual(['one', 'two-part']);
    expect(placeholdersIn('nothing to fill')).toEqual([]);
  });
});
