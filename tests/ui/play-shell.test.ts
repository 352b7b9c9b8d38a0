// @vitest-environment jsdom
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { fireEvent, getAllByRole, getByRole, getByText, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogScenario } from '../../src/app/catalog.ts';
import type { AppController } from '../../src/app/controller.ts';
import { loadScenario } from '../../src/core/load.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { createAnnouncer } from '../../src/ui/announcer.ts';
import { renderBriefing } from '../../src/ui/briefing.ts';
import { createCaptions } from '../../src/ui/captions.ts';
import { createTranscriptPanel } from '../../src/ui/transcript-panel.ts';
import { acmeObject, bundledPlaybooks, loadAcme } from '../helpers.ts';

const XSS = '<img src=x onerror="window.hacked=1">';

afterEach(() => document.body.replaceChildren());

function simulationAt(clock: string, scenario = loadAcme()) {
  const compiled = compileScenario(scenario.scenario, scenario.playbook);
  const simulation = new Session(compiled);
  simulation.advanceTo(compiled.clock.toOffset(clock) ?? 0);
  return { compiled, simulation };
}

describe('transcript panel', () => {
  it('adds only new lines and filters them as the trainee searches', () => {
    const { compiled, simulation } = simulationAt('02:50:00');
    const panel = createTranscriptPanel(compiled);
    document.body.append(panel.element);
    panel.update(simulation.state.transcript);
    const list = getByRole(panel.element, 'list', { name: 'Transcript' });
    const first = list.children.length;
    expect(first).toBe(simulation.state.transcript.length);
    const firstItem = list.firstElementChild;

    simulation.advanceTo(compiled.clock.toOffset('03:01:00')!);
    panel.update(simulation.state.transcript);
    expect(list.children.length).toBe(simulation.state.transcript.length);
    expect(list.firstElementChild).toBe(firstItem);

    const search = getByRole(panel.element, 'searchbox', { name: 'Search the transcript' }) as HTMLInputElement;
    search.value = 'log in';
    fireEvent.input(search);
    const shown = [...list.children].filter((item) => !(item as HTMLElement).hidden);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((item) => /log in/i.test(item.textContent ?? ''))).toBe(true);
    expect(getByRole(panel.element, 'status').textContent).toBe(`${shown.length} of ${list.children.length} lines match “log in”`);
  });
});

describe('captions', () => {
  it('shows the latest lines, and announces only what is new, not the backlog of a resumed session', () => {
    const { compiled, simulation } = simulationAt('02:46:30');
    const announcer = createAnnouncer();
    const captions = createCaptions(compiled, announcer);
    captions.update(simulation.state);
    expect(announcer.element.children).toHaveLength(0);
    expect(captions.element.querySelectorAll('.caption').length).toBeLessThanOrEqual(3);

    const before = simulation.state.transcript.length;
    simulation.advanceTo(compiled.clock.toOffset('02:46:45')!);
    captions.update(simulation.state);
    const fresh = simulation.state.transcript.slice(before).filter((entry) => entry.kind === 'say');
    expect(fresh.length).toBeGreaterThan(0);
    const spoken = fresh.at(-1)!;
    expect(announcer.element.lastElementChild?.textContent).toContain(spoken.text);
    expect(captions.element.querySelector('.caption.latest')?.textContent).toContain(spoken.text);
  });
});

describe('briefing', () => {
  const entryOf = (object: Record<string, unknown>): CatalogScenario => {
    const text = JSON.stringify(object);
    const loaded = loadScenario(text, bundledPlaybooks());
    if (!loaded.value || !loaded.playbook) throw new Error(JSON.stringify(loaded.diagnostics));
    return { file: 'scenarios/x.json', text, scenario: loaded.value, playbook: loaded.playbook, warnings: [], sha256: { scenario: contentSha256OfJsonText(text), playbook: '' } };
  };
  const controllerSpy = () => ({ start: vi.fn<AppController['start']>() }) as unknown as AppController & { start: ReturnType<typeof vi.fn> };

  it('starts the exercise in the mode the trainee picks', () => {
    const controller = controllerSpy();
    const element = renderBriefing(entryOf(acmeObject()), controller, () => {});
    document.body.append(element);
    expect(getByRole(element, 'heading', { level: 1 }).textContent).toMatch(/Acme Chemical/);
    expect(getAllByRole(within(element).getByRole('region', { name: 'The situation' }), 'listitem').length).toBeGreaterThan(2);
    (getByRole(element, 'radio', { name: /Exam mode/ }) as HTMLInputElement).click();
    getByRole(element, 'button', { name: 'Start the exercise' }).click();
    expect(controller.start).toHaveBeenCalledWith('exam');
  });

  it('shows scenario text containing markup as text', () => {
    const object = acmeObject() as { briefing: string; title: string; cast: { name: string }[] };
    object.briefing = `Read this: ${XSS}`;
    object.title = `<script>window.hacked=1</script>Acme`;
    object.cast[0]!.name = XSS;
    const element = renderBriefing(entryOf(object), controllerSpy(), () => {});
    document.body.append(element);
    expect(element.querySelector('img, script')).toBeNull();
    expect(getByText(element, `Read this: ${XSS}`)).toBeTruthy();
    expect(getByRole(element, 'heading', { level: 1 }).textContent).toBe('<script>window.hacked=1</script>Acme');
  });
});
