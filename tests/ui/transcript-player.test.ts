// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { fireEvent, getAllByText, getByRole, getByText, queryByText, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountApp, type App } from '../../src/ui/app.ts';
import { buildCatalog, type SourceFile } from '../../src/app/catalog.ts';

// Resolved against this file. (Kept in a variable: in a browser-like environment Vite rewrites
// `new URL('…', import.meta.url)` into a served asset address, which node:fs cannot read.)
const here = import.meta.url;
const ACME_FILE = 'scenarios/acme-chemical.json';
const acmeText = readFileSync(new URL('../../scenarios/acme-chemical.json', here), 'utf8');
const ACME_TITLE = 'Acme Chemical: the bridge nobody is running';

const playbookFolder = new URL('../../scenarios/playbooks/', here);
const playbooks: SourceFile[] = readdirSync(playbookFolder)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => ({ path: `scenarios/playbooks/${name}`, text: readFileSync(new URL(name, playbookFolder), 'utf8') }));

const XSS = '<img src=x onerror=alert(1)>';

let app: App | undefined;

function mount(scenarios: SourceFile[], search = ''): HTMLElement {
  window.history.replaceState(null, '', `/${search}`);
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  app = mountApp(root, buildCatalog(playbooks, scenarios));
  return root;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  app?.unmount();
  app = undefined;
  vi.useRealTimers();
});

describe('scenario picker', () => {
  it('shows a card per valid scenario with its title, difficulty, length and objectives', () => {
    const root = mount([{ path: ACME_FILE, text: acmeText }]);
    const cards = getByRole(root, 'list', { name: 'Scenarios' });
    const card = within(cards).getByRole('article', { name: ACME_TITLE });
    expect(within(card).getByRole('heading', { level: 2, name: ACME_TITLE })).toBeTruthy();
    expect(within(card).getByText('Intermediate')).toBeTruthy();
    expect(within(card).getByText('About 25 min')).toBeTruthy();
    expect(within(card).getByText(/Turn suggestions into named, time-boxed tasks/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: `Open briefing: ${ACME_TITLE}` })).toBeTruthy();
  });

  it('lists files that do not load with their diagnostics instead of crashing', () => {
    const badSchema = acmeText.replace('"difficulty": "intermediate"', '"difficulty": "impossible"').replace('"id": "acme-chemical"', '"id": "acme-broken"');
    const root = mount([
      { path: ACME_FILE, text: acmeText },
      { path: 'scenarios/broken-syntax.json', text: '{\n  "id": "oops",\n}' },
      { path: 'scenarios/broken-schema.json', text: badSchema },
    ]);
    expect(getByRole(root, 'heading', { name: ACME_TITLE })).toBeTruthy();
    const problems = getByRole(root, 'region', { name: '2 files could not be loaded' });
    const lines = [...problems.querySelectorAll('.diagnostic')].map((line) => line.textContent ?? '');
    expect(lines.some((line) => /^scenarios\/broken-syntax\.json:\d+:\d+: error E_SYNTAX: /.test(line))).toBe(true);
    expect(lines.some((line) => /^scenarios\/broken-schema\.json:\d+:\d+: error E_[A-Z_]+: .*/.test(line))).toBe(true);
  });
});

describe('scenario view', () => {
  it('opens from the card with the briefing and the cast, and updates the address', () => {
    const root = mount([{ path: ACME_FILE, text: acmeText }]);
    fireEvent.click(getByRole(root, 'link', { name: `Open briefing: ${ACME_TITLE}` }));

    expect(window.location.search).toBe('?scenario=acme-chemical');
    expect(getByRole(root, 'heading', { level: 1, name: ACME_TITLE })).toBeTruthy();
    const briefing = getByRole(root, 'region', { name: 'Briefing' });
    expect(within(briefing).getByText(/It is 02:46 at night\. An overnight software release has failed/)).toBeTruthy();

    const cast = getByRole(root, 'list', { name: 'Cast' });
    expect(within(cast).getAllByRole('listitem')).toHaveLength((JSON.parse(acmeText) as { cast: unknown[] }).cast.length);
    const priya = within(cast).getByText('Priya Shah').closest('li');
    expect(priya).not.toBeNull();
    expect(within(priya as HTMLElement).getByText('Application SME · Application support')).toBeTruthy();
    expect(within(priya as HTMLElement).getByText('Working from home')).toBeTruthy();
    expect(within(priya as HTMLElement).getByText('Noisy line')).toBeTruthy();
    const helen = within(cast).getByText('Helen Okafor').closest('li') as HTMLElement;
    expect(within(helen).getByText('Not on the call')).toBeTruthy();
    expect(within(helen).queryByText('Noisy line')).toBeNull();
  });

  it('"Show all" renders the whole do-nothing transcript, including the Acme report', () => {
    const root = mount([{ path: ACME_FILE, text: acmeText }], '?scenario=acme-chemical');
    const transcript = getByRole(root, 'region', { name: 'Transcript' });
    expect(getByText(root, '02:46:00', { selector: '.clock-time' })).toBeTruthy();
    expect(queryByText(transcript, /multiple customers cannot log in/)).toBeNull();

    fireEvent.click(getByRole(root, 'button', { name: 'Show all' }));

    const report = within(transcript).getByText(/Acme Chemical Sales, one of our biggest customers/).closest('li') as HTMLElement;
    expect(report.classList.contains('report')).toBe(true);
    expect(within(report).getByText('Customers cannot log in')).toBeTruthy();
    expect(within(report).getByText('From Gloria Chen, Customer service lead')).toBeTruthy();
    // The same words also head the phase the report starts.
    expect(getAllByText(transcript, 'Customers cannot log in')).toHaveLength(2);
    expect(within(transcript).getByRole('heading', { name: 'The bridge was lost' })).toBeTruthy();
    expect(getByText(root, '03:50:00', { selector: '.clock-time' })).toBeTruthy();
    expect(within(transcript).getAllByText('Talking over others').length).toBeGreaterThan(0);
    expect(getByRole(root, 'button', { name: 'Replay' })).toBeTruthy();
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toMatch(/Showing the whole transcript/);
    // Helen joins at 03:32:20, so by the end she is on the call.
    const helen = within(getByRole(root, 'list', { name: 'Cast' })).getByText('Helen Okafor').closest('li') as HTMLElement;
    expect(within(helen).getByText('On the call')).toBeTruthy();
  });

  it('plays lines in time order at the chosen speed and announces them politely', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const root = mount([{ path: ACME_FILE, text: acmeText }], '?scenario=acme-chemical');
    const transcript = getByRole(root, 'region', { name: 'Transcript' });
    fireEvent.change(getByRole(root, 'combobox', { name: 'Speed' }), { target: { value: '10' } });
    fireEvent.click(getByRole(root, 'button', { name: 'Play' }));
    expect(getByRole(root, 'button', { name: 'Pause' })).toBeTruthy();

    vi.advanceTimersByTime(1000); // 10 scenario seconds
    expect(getByText(root, '02:46:10', { selector: '.clock-time' })).toBeTruthy();
    expect(within(transcript).getByText(/So the release went in at half past one/)).toBeTruthy();
    expect(queryByText(transcript, /say that again/)).toBeNull();
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toMatch(/Pete Lawson, Release manager: So the release went in/);

    fireEvent.click(getByRole(root, 'button', { name: 'Pause' }));
    vi.advanceTimersByTime(5000);
    expect(getByText(root, '02:46:10', { selector: '.clock-time' })).toBeTruthy();

    fireEvent.click(getByRole(root, 'button', { name: 'Next line' }));
    expect(within(transcript).getByText(/say that again/)).toBeTruthy();
    const times = [...transcript.querySelectorAll('li time')].map((time) => time.textContent ?? '');
    expect(times).toEqual([...times].sort());
  });

  it('renders scenario text as text, never as markup', () => {
    const hostile = acmeText.replace('"text": "Someone should go in and change the host names."', `"text": "${XSS}"`);
    expect(hostile).not.toBe(acmeText);
    const root = mount([{ path: ACME_FILE, text: hostile }], '?scenario=acme-chemical');
    fireEvent.click(getByRole(root, 'button', { name: 'Show all' }));
    expect(within(getByRole(root, 'region', { name: 'Transcript' })).getByText(XSS)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('an unknown scenario id shows a clear message and the picker; back and forward follow history', () => {
    const root = mount([{ path: ACME_FILE, text: acmeText }], '?scenario=no-such-thing');
    expect(getByRole(root, 'alert').textContent).toMatch(/no scenario called “no-such-thing”/);
    expect(getByRole(root, 'heading', { name: ACME_TITLE })).toBeTruthy();

    fireEvent.click(getByRole(root, 'link', { name: `Open briefing: ${ACME_TITLE}` }));
    expect(getByRole(root, 'heading', { level: 1, name: ACME_TITLE })).toBeTruthy();
    expect(document.activeElement).toBe(getByRole(root, 'heading', { level: 1, name: ACME_TITLE }));

    fireEvent.click(getByRole(root, 'link', { name: 'All scenarios' }));
    expect(window.location.search).toBe('');
    expect(getByRole(root, 'heading', { level: 1, name: 'Choose a scenario' })).toBeTruthy();

    window.history.replaceState(null, '', '/?scenario=acme-chemical');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(getByRole(root, 'heading', { level: 1, name: ACME_TITLE })).toBeTruthy();
  });
});
