// @vitest-environment jsdom
import { fireEvent, getByRole, getByText } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOpenedFile } from '../../src/app/catalog.ts';
import type { AppController } from '../../src/app/controller.ts';
import type { AuthoringState } from '../../src/app/store.ts';
import { renderAuthoringView } from '../../src/ui/authoring-view.ts';
import { acmeObject, catalogWith } from '../helpers.ts';

const catalog = catalogWith([]);
const controller = { openFile: vi.fn() } as unknown as AppController;

function stateFor(object: Record<string, unknown>, file = 'mine.json'): AuthoringState {
  const text = JSON.stringify(object, null, 2);
  const { entry, diagnostics } = loadOpenedFile(catalog, file, text);
  return { file, text, diagnostics, entry };
}

function mount(state: AuthoringState, handlers = { play: vi.fn(), back: vi.fn() }) {
  const element = renderAuthoringView(state, controller, handlers);
  document.body.append(element);
  return { element, handlers };
}

afterEach(() => document.body.replaceChildren());

describe('authoring view', () => {
  it('lists each problem with its line, column and the line of the file under it', () => {
    const object = acmeObject();
    (object.timeline as { speaker?: string }[]).find((beat) => beat.speaker === 'pete')!.speaker = 'petee';
    const state = stateFor(object);
    const { element } = mount(state);
    expect(state.entry).toBeNull();
    const problem = state.diagnostics.find((d) => d.code === 'E_UNKNOWN_PARTICIPANT')!;
    const item = getByText(element, `mine.json:${problem.line}:${problem.column}: error E_UNKNOWN_PARTICIPANT: ${problem.message}`).closest('li')!;
    expect(item.querySelector('pre')?.textContent).toContain('"speaker": "petee"');
    expect(element.querySelector('svg.graph')).toBeNull();
    expect(element.textContent).toContain('fix the errors');
  });

  it('draws the branch graph of a valid file; choosing a box by mouse or keyboard shows its JSON lines and beats', () => {
    const object = acmeObject();
    object.id = 'my-acme';
    const { element, handlers } = mount(stateFor(object));
    getByRole(element, 'button', { name: 'Play this scenario' }).click();
    expect(handlers.play).toHaveBeenCalledWith('my-acme');

    getByRole(element, 'button', { name: 'Phase: Customers cannot log in' }).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(getByRole(element, 'heading', { name: 'Phase: Customers cannot log in' })).toBeTruthy();
    expect(element.querySelector('.node-details pre')?.textContent).toContain('"id": "customer-impact"');
    expect(element.querySelector('.node-beats')?.textContent).toContain('customers-cannot-log-in');

    const ending = getByRole(element, 'button', { name: 'Ending: The bridge was lost' });
    fireEvent.keyDown(ending, { key: 'Enter' });
    expect(ending.getAttribute('aria-pressed')).toBe('true');
    expect(element.querySelector('.node-details pre')?.textContent).toContain('"id": "bridge-lost"');
  });

  it('shows markup in a scenario as text', () => {
    const object = acmeObject();
    object.id = 'my-acme';
    object.title = '<img src=x onerror="window.hacked=1">';
    (object.phases as { title: string }[])[0]!.title = '<script>window.hacked=1</script>';
    const { element } = mount(stateFor(object));
    expect(element.querySelector('img, script')).toBeNull();
    expect(getByRole(element, 'heading', { level: 1 }).textContent).toBe('<img src=x onerror="window.hacked=1">');
  });

  it('draws the decisions and branches; choosing one shows its condition, options and JSON lines', () => {
    const object = acmeObject();
    object.id = 'my-acme';
    const { element } = mount(stateFor(object));
    const decision = getByRole(element, 'button', { name: 'Decision: Roll back the failed release now, or keep fixing it forward?' });
    expect(element.querySelectorAll('.graph-branch')).toHaveLength((object.branches as unknown[]).length);
    expect(element.querySelectorAll('.graph-edge.dotted').length).toBeGreaterThan(0);
    fireEvent.keyDown(decision, { key: 'Enter' });
    expect(element.querySelector('.node-details pre')?.textContent).toContain('"id": "release-rollback"');
    expect(element.querySelector('.node-details')?.textContent).toContain('Roll back the release');
    expect(element.querySelector('.node-details')?.textContent).toContain('Can be decided after hostname-fix-proposed');
  });
});

