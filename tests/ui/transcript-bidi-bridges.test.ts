// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { Session } from '../../src/core/session/session.ts';
import { createAnnouncer } from '../../src/ui/announcer.ts';
import { createCaptions } from '../../src/ui/captions.ts';
import { createTranscriptPanel } from '../../src/ui/transcript-panel.ts';
import { DIRECTOR, ENGINEER, LEAD, TINY_BRIDGE, TINY_CAST, tinyPlaybook, tinyScenario } from '../support/tiny-scenario.ts';

const RLO_NAME = 'Ana \u202eevil';
const LINE = 'Nothing is executing.';

afterEach(() => document.body.replaceChildren());

function run(bridges: Scenario['bridges']) {
  const scenario = tinyScenario({
    cast: TINY_CAST.map((person) => (person.id === LEAD ? { ...person, name: RLO_NAME, role: 'Lead \u2067x' } : person)),
    bridges,
    timeline: [
      { id: 'lead-speaks', type: 'say', at: '10:00:30', speaker: LEAD, text: `${LINE} \u202b` },
      { id: 'director-joins', type: 'join', at: '10:00:40', participant: DIRECTOR, bridge: bridges.at(-1)!.id },
      { id: 'engineer-speaks', type: 'say', at: '10:00:50', speaker: ENGINEER, text: 'On the side.', bridge: bridges.at(-1)!.id },
    ],
  });
  const compiled = compileScenario(scenario, tinyPlaybook());
  const session = new Session(compiled);
  session.advanceTo(compiled.clock.toOffset('10:01:00') ?? 0);
  const panel = createTranscriptPanel(compiled, 'coach');
  const announcer = createAnnouncer();
  const captions = createCaptions(compiled, announcer, 'coach');
  document.body.append(panel.element, captions.element, announcer.element);
  captions.update(session.state);
  panel.update(session.state.transcript);
  return { panel, captions };
}

const TWO_BRIDGES: Scenario['bridges'] = [
  { id: TINY_BRIDGE, name: 'Main bridge', purpose: 'technical' },
  { id: 'side', name: 'Side \u202ebridge', purpose: 'business', open: true },
];

describe('scenario text in the transcript and captions', () => {
  it('isolates every name, role, line and bridge name, so an override inside one cannot reorder what follows', () => {
    const { panel, captions } = run(TWO_BRIDGES);
    for (const root of [panel.element, captions.element]) {
      const isolated = [...root.querySelectorAll('bdi')].map((element) => element.textContent);
      expect(isolated).toContain(RLO_NAME);
      expect(isolated).toContain(`${LINE} \u202b`);
      expect(isolated).toContain('Side \u202ebridge');
      for (const node of textNodes(root)) {
        if (/[\u202a-\u202e\u2066-\u2069]/.test(node.data)) expect([node.data, node.parentElement?.closest('bdi')?.tagName]).toEqual([node.data, 'BDI']);
      }
    }
    expect([...panel.element.querySelectorAll('bdi')].map((element) => element.textContent)).toContain('Lead \u2067x');
  });

  it('says which bridge each line and join is on when there is more than one', () => {
    const { panel, captions } = run(TWO_BRIDGES);
    const items = [...panel.element.querySelectorAll('li')];
    const item = (text: string) => items.find((li) => li.textContent?.includes(text))!;
    expect(item(LINE).querySelector('.bridge-tag')?.textContent).toBe('on Main bridge');
    expect(item('On the side.').querySelector('.bridge-tag')?.textContent).toBe('on Side \u202ebridge');
    expect(item('Cleo Director joined').querySelector('.bridge-tag')?.textContent).toBe('on Side \u202ebridge');
    const lines = [...captions.element.querySelectorAll('.caption')];
    expect(lines.map((line) => line.querySelector('.bridge-tag')?.textContent)).toEqual(['on Main bridge', 'on Side \u202ebridge', 'on Side \u202ebridge']);
  });

  it('names no bridge when the scenario has only one', () => {
    const { panel, captions } = run([{ id: TINY_BRIDGE, name: 'Main bridge', purpose: 'technical' }]);
    expect(panel.element.querySelector('.bridge-tag')).toBeNull();
    expect(captions.element.querySelector('.bridge-tag')).toBeNull();
  });
});

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

describe('scenario text in the cast list', () => {
  it('isolates each name, role and team', async () => {
    const { renderCast } = await import('../../src/ui/cast-list.ts');
    const scenario = tinyScenario({ cast: TINY_CAST.map((person) => (person.id === LEAD ? { ...person, name: RLO_NAME, team: 'Plat\u202eform' } : person)) });
    const cast = renderCast(scenario);
    document.body.append(cast.element);
    const isolated = [...cast.element.querySelectorAll('bdi')].map((element) => element.textContent);
    expect(isolated).toEqual(expect.arrayContaining([RLO_NAME, 'Plat\u202eform', 'Technical lead']));
  });
});
