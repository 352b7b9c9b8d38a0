// @vitest-environment jsdom
import { createAttempt, type PauseTally } from '../../src/core/attempt.ts';
import { fireEvent, getAllByRole, getByRole, getByText, queryByText, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DebriefState } from '../../src/app/store.ts';
import type { ActionLog } from '../../src/core/actions/action.ts';
import { competenciesToCsv, reportToCsv } from '../../src/core/report/csv.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { acmeObject, goldenLog, loadAcme } from '../helpers.ts';
import { renderDebrief, type DebriefHandlers } from '../../src/ui/debrief/render-debrief.ts';
import { buildTimeline } from '../../src/ui/debrief/timeline-model.ts';

const FINISHED_AT = Date.UTC(2025, 2, 12, 14, 5);
const XSS = '<img src=x onerror=alert(1)>';

const golden = new Map<string, DebriefState>();

/** A finished attempt, as the app builds it: the log graded and replayed. Golden attempts are built once. */
function debriefFor(log: ActionLog | string, scenarioText?: string): DebriefState {
  if (typeof log === 'string' && scenarioText === undefined) {
    const cached = golden.get(log) ?? build(log);
    golden.set(log, cached);
    return cached;
  }
  return build(log, scenarioText);
}

function build(log: ActionLog | string, scenarioText?: string): DebriefState {
  const { scenario, playbook } = loadAcme(scenarioText);
  const actionLog = typeof log === 'string' ? goldenLog(log, scenario, playbook) : log;
  const report = grade(scenario, playbook, actionLog);
  const final = Session.replay(compileScenario(scenario, playbook), actionLog).state;
  return { scenario, playbook, log: actionLog, report, final, mode: 'exam', finishedAt: FINISHED_AT };
}

function handlers() {
  return {
    playAgain: vi.fn<DebriefHandlers['playAgain']>(),
    backToScenarios: vi.fn<DebriefHandlers['backToScenarios']>(),
    download: vi.fn<DebriefHandlers['download']>(),
    print: vi.fn<DebriefHandlers['print']>(),
  };
}

function mount(debrief: DebriefState, on: DebriefHandlers = handlers()): HTMLElement {
  const root = document.createElement('main');
  root.append(renderDebrief(debrief, on));
  document.body.replaceChildren(root);
  return root;
}

const section = (root: HTMLElement, name: RegExp) => getByRole(root, 'region', { name });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

afterEach(() => {
  document.body.replaceChildren();
});

describe('score and ending', () => {
  it.each(['partial', 'strong', 'do-nothing'])('shows the %s attempt’s total, verdict and ending from its report', (name) => {
    const debrief = debriefFor(name);
    const { report } = debrief;
    const root = mount(debrief);
    expect(getByRole(root, 'heading', { level: 1, name: report.scenario.title })).toBeTruthy();
    const score = section(root, /total score/i);
    expect(within(score).getByText(`${report.total.percent}%`, { selector: '.db-total-percent' })).toBeTruthy();
    expect(within(score).getByText(`${report.total.points} of ${report.total.max} points`)).toBeTruthy();
    expect(within(score).getByText(report.passed ? 'Passed' : 'Not passed')).toBeTruthy();
    expect(within(score).queryByText(report.passed ? 'Not passed' : 'Passed')).toBeNull();
    expect(within(score).getByText(`Pass mark ${report.passPercent}%`)).toBeTruthy();

    const ending = debrief.scenario.endings.find((candidate) => candidate.id === report.ending?.id)!;
    const endingCard = section(root, /how it ended/i);
    expect(within(endingCard).getByRole('heading', { name: ending.title })).toBeTruthy();
    expect(within(endingCard).getByText(ending.summary)).toBeTruthy();
  });

  it('passes the strong attempt and fails the partial one', () => {
    expect(within(section(mount(debriefFor('strong')), /total score/i)).getByText('Passed')).toBeTruthy();
    expect(within(section(mount(debriefFor('partial')), /total score/i)).getByText('Not passed')).toBeTruthy();
  });

  it('charts every competency with its points and percent as text', () => {
    const { report } = debriefFor('partial');
    const root = mount(debriefFor('partial'));
    const table = getByRole(root, 'table', { name: /score by competency/i });
    const rows = getAllByRole(table, 'row').slice(1);
    expect(rows).toHaveLength(report.competencies.length);
    report.competencies.forEach((competency, index) => {
      const cells = within(rows[index]!).getAllByRole('cell');
      expect(cells[0]!.textContent).toBe(`${competency.points} / ${competency.max}`);
      expect(cells[1]!.textContent).toBe(`${competency.percent}%`);
    });
    expect(within(table).getByRole('rowheader', { name: 'Bridge control' })).toBeTruthy();
  });

  it('points to the findings that cost the most', () => {
    const { report } = debriefFor('partial');
    const worst = [...report.findings].sort((a, b) => b.max - b.points - (a.max - a.points))[0]!;
    const focus = section(mount(debriefFor('partial')), /where the points went/i);
    const link = within(focus).getAllByRole('link')[0]!;
    expect(link.textContent).toBe(worst.title);
    expect(link.getAttribute('href')).toBe(`#db-finding-${worst.id}`);
  });
});

describe('findings', () => {
  it('shows each finding with its status, points, message and playbook reference, under its competency', () => {
    const debrief = debriefFor('partial');
    const root = mount(debrief);
    const findings = section(root, /^findings$/i);
    for (const finding of debrief.report.findings) {
      const card = within(findings).getByRole('article', { name: finding.title });
      const group = card.closest('section')!;
      expect(group.id).toBe(`db-group-${finding.competency}`);
      expect(card.querySelector('.db-status')!.textContent).toContain(
        { 'on-time': 'On time', late: 'Late', missed: 'Missed', partial: 'Partly done', avoided: 'Avoided', violated: 'Violated' }[finding.status],
      );
      expect(card.querySelector('.db-finding-points')!.textContent).toBe(`${finding.points} / ${finding.max} points`);
      expect(within(card).getByText(finding.message)).toBeTruthy();
      expect(within(card).getByText(finding.reference)).toBeTruthy();
    }
  });

  it('marks missed and late findings as such', () => {
    const debrief = debriefFor('partial');
    const findings = section(mount(debrief), /^findings$/i);
    const customers = within(findings).getByRole('article', { name: 'Notify customers: what is affected, the impact, the next update' });
    expect(within(customers).getByText('Missed')).toBeTruthy();
    expect(customers.className).toContain('db-tone-bad');
    const lateFindings = section(mount(debriefFor('late-notifications')), /^findings$/i);
    const executives = within(lateFindings).getByRole('article', { name: 'Notify executives: what is affected, the impact, the next update' });
    expect(within(executives).getByText('Late')).toBeTruthy();
    expect(within(executives).getByText('Due 03:15:21 · Done 03:22:00')).toBeTruthy();
    expect(executives.className).toContain('db-tone-mixed');
    expect(within(executives).getByText('itil-major-incident §Communication')).toBeTruthy();
  });

  it('quotes the playbook rule each finding rests on', () => {
    const debrief = debriefFor('strong');
    const findings = section(mount(debrief), /^findings$/i);
    const finding = debrief.report.findings[0]!;
    const rule = debrief.playbook.rules.find((candidate) => candidate.id === finding.rule)!;
    const card = within(findings).getByRole('article', { name: finding.title });
    expect(within(card).getByText(rule.cites.quote)).toBeTruthy();
  });

  it('keeps headings in order, with no level skipped', () => {
    const root = mount(debriefFor('partial'));
    const levels = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, index) => expect(level - levels[index]!).toBeLessThanOrEqual(1));
  });
});

describe('CAN feedback', () => {
  it('lists the facts found and the facts missed', () => {
    const debrief = debriefFor('partial');
    const can = debrief.report.can!;
    expect(can.found.length).toBeGreaterThan(0);
    expect(can.missed.length).toBeGreaterThan(0);
    const root = section(mount(debrief), /^can report$/i);
    const label = (id: string) => can.facts.find((fact) => fact.id === id)!.label;
    const found = getByRole(root, 'list', { name: /facts you gave/i });
    const missed = getByRole(root, 'list', { name: /facts you missed/i });
    expect(within(found).getAllByRole('listitem').map((item) => item.querySelector('.db-fact-label')!.textContent)).toEqual(can.found.map(label));
    expect(within(missed).getAllByRole('listitem').map((item) => item.querySelector('.db-fact-label')!.textContent)).toEqual(can.missed.map(label));
    expect(getByText(root, 'What you said at 03:38:00')).toBeTruthy();
    expect(getByText(root, "Customers can't log in. It started after the release failed.")).toBeTruthy();
  });

  it('says so when no CAN report was given', () => {
    const debrief = debriefFor('do-nothing');
    const root = section(mount(debrief), /^can report$/i);
    expect(getByText(root, /you did not give a can report/i)).toBeTruthy();
    expect(within(getByRole(root, 'list', { name: /facts you missed/i })).getAllByRole('listitem')).toHaveLength(debrief.report.can!.facts.length);
  });
});

describe('timeline', () => {
  it('shows key events by default and everything on request', () => {
    const debrief = debriefFor('partial');
    const root = mount(debrief);
    const timeline = section(root, /^timeline$/i);
    const toggle = within(timeline).getByRole('button', { name: /show everything/i });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(timeline.classList.contains('is-collapsed')).toBe(true);
    const chatter = within(timeline).getByText('Every single time. Nobody tests the config.').closest('li')!;
    expect(chatter.classList.contains('db-tl-detail')).toBe(true);
    const report = within(timeline).getByText('Customers cannot log in', { selector: '.db-tl-alert-title' }).closest('li')!;
    expect(report.classList.contains('db-tl-detail')).toBe(false);

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toMatch(/key events only/i);
    expect(timeline.classList.contains('is-collapsed')).toBe(false);
  });

  it('puts every action beside the bridge, with the findings it counted for and each deadline’s outcome', () => {
    const debrief = debriefFor('partial');
    const timeline = section(mount(debrief), /^timeline$/i);
    const list = timeline.querySelector<HTMLOListElement>('ol.db-tl-list')!;
    const rows = within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);
    const mute = rows.find((row) => row.textContent?.includes("You mute Priya Shah's line."))!;
    expect(mute.querySelector('time')!.textContent).toBe('02:51:30');
    expect(within(mute).getByRole('link', { name: 'Mute the noisy line' })).toBeTruthy();
    expect(within(mute).getByText('Late')).toBeTruthy();

    const dueCustomers = rows.find((row) => row.classList.contains('db-tl-row-due') && row.textContent?.includes('Notify customers'))!;
    expect(dueCustomers.querySelector('time')!.textContent).toBe('03:15:21');
    expect(within(dueCustomers).getByText('Missed')).toBeTruthy();
    expect(within(dueCustomers).getByText('not done')).toBeTruthy();

    const times = rows.map((row) => row.querySelector('time')!.textContent!);
    expect([...times].sort()).toEqual(times);
    expect(rows.filter((row) => row.classList.contains('db-tl-row-action'))).toHaveLength(debrief.log.actions.length);
  });

  it('puts each result beside the action that earned it, even when several share a second', () => {
    const { scenario, playbook } = loadAcme();
    const strong = goldenLog('strong', scenario, playbook);
    const actions = strong.actions.map((action) => (action.at >= '03:01:00' && action.at <= '03:03:00' ? { ...action, at: '03:03:00' } : action));
    actions.splice(actions.findLastIndex((action) => action.at === '03:03:00') + 1, 0, { at: '03:03:00', type: 'note', text: 'scribe' });
    const rows = buildTimeline(debriefFor({ ...strong, actions }));
    const actionRows = rows.flatMap((row) => (row.item.kind === 'action' ? [row.item] : []));
    const note = actionRows.find((item) => item.index === actions.findIndex((action) => action.type === 'note'));
    const priority = actionRows.find((item) => item.index === actions.findIndex((action) => action.type === 'set-priority'));
    expect(note?.results).toEqual([]);
    expect(priority?.results.map((finding) => finding.competency)).toContain('priority');
  });

  it('reads a burst of departures as one event', () => {
    const rows = buildTimeline(debriefFor('partial'));
    const departures = rows.find((row) => row.item.kind === 'bridge' && row.item.entries.length > 1 && row.item.entries[0]!.kind === 'leave');
    expect(departures?.item.kind === 'bridge' && departures.item.entries.map((entry) => entry.speaker)).toEqual([
      'pete',
      'release-engineer',
      'noisy-sme',
      'monitoring-sme',
      'bill',
      'unidentified-sme',
    ]);
    const root = mount(debriefFor('partial'));
    expect(getByText(root, /^Pete Lawson, Sam Ito, Priya Shah, Ana Costa, Bill Turner and Unidentified SME dropped off the bridge$/)).toBeTruthy();
  });

  it('marks an action that changed nothing, and says why', () => {
    const { scenario, playbook } = loadAcme();
    const validated = validateLog(
      { scenario: 'acme-chemical', actions: [{ at: '02:47:00', type: 'open-bridge', bridge: 'main', purpose: 'technical' }] },
      scenario,
      playbook,
    );
    if (!validated.ok) throw new Error(validated.errors.join('\n'));
    const debrief = debriefFor(validated.log);
    expect(debrief.final.actions[0]?.effective).toBe(false);
    const timeline = section(mount(debrief), /^timeline$/i);
    const row = within(timeline).getByText('No effect').closest('li')!;
    expect(row.querySelector('time')!.textContent).toBe('02:47:00');
    const refusal = debrief.final.transcript.filter((entry) => entry.source === 'action:0')[1]!.text;
    expect(within(row).getByText(refusal)).toBeTruthy();
  });
});

describe('downloads and buttons', () => {
  it('downloads the report as JSON, the scores and findings as CSV, and the action log, with names that say whose attempt it was', () => {
    const debrief = debriefFor('partial');
    const on = handlers();
    const root = mount(debrief, on);
    const base = 'acme-chemical-partial-incident-manager-20250312-1405';

    fireEvent.click(getByRole(root, 'button', { name: /download report \(json\)/i }));
    expect(on.download).toHaveBeenLastCalledWith(`${base}-report.json`, 'application/json', JSON.stringify(debrief.report, null, 2));

    fireEvent.click(getByRole(root, 'button', { name: /download findings \(csv\)/i }));
    expect(on.download).toHaveBeenLastCalledWith(`${base}-findings.csv`, 'text/csv;charset=utf-8', `\uFEFF${reportToCsv(debrief.report)}`);
    fireEvent.click(getByRole(root, 'button', { name: /download scores \(csv\)/i }));
    expect(on.download).toHaveBeenLastCalledWith(`${base}-scores.csv`, 'text/csv;charset=utf-8', `\uFEFF${competenciesToCsv(debrief.report)}`);

    fireEvent.click(getByRole(root, 'button', { name: /download action log/i }));
    const [fileName, mimeType, text] = on.download.mock.lastCall!;
    expect(fileName).toBe(`${base}-actions.json`);
    expect(mimeType).toBe('application/json');
    const regraded = validateLog(JSON.parse(text), debrief.scenario, debrief.playbook);
    expect(regraded.ok && grade(debrief.scenario, debrief.playbook, regraded.log)).toEqual(debrief.report);
    expect(on.download).toHaveBeenCalledTimes(4);
  });

  it('names the file after the trainee id, or the scenario alone, when no name is known', () => {
    const { scenario, playbook } = loadAcme();
    const partial = goldenLog('partial', scenario, playbook);
    const on = handlers();
    const root = mount(debriefFor({ ...partial, trainee: { id: 'E1042' } }), on);
    fireEvent.click(getByRole(root, 'button', { name: /download findings \(csv\)/i }));
    expect(on.download.mock.lastCall?.[0]).toBe('acme-chemical-e1042-20250312-1405-findings.csv');

    const anonymous = { scenario: partial.scenario, actions: partial.actions };
    const root2 = mount(debriefFor(anonymous), on);
    fireEvent.click(getByRole(root2, 'button', { name: /download action log/i }));
    expect(on.download.mock.lastCall?.[0]).toBe('acme-chemical-20250312-1405-actions.json');
  });

  it('plays again, goes back and prints through the handlers', () => {
    const on = handlers();
    const root = mount(debriefFor('strong'), on);
    fireEvent.click(getByRole(root, 'button', { name: 'Play again' }));
    fireEvent.click(getByRole(root, 'button', { name: 'Back to scenarios' }));
    fireEvent.click(getByRole(root, 'button', { name: 'Print' }));
    expect(on.playAgain).toHaveBeenCalledTimes(1);
    expect(on.backToScenarios).toHaveBeenCalledTimes(1);
    expect(on.print).toHaveBeenCalledTimes(1);
    expect(on.download).not.toHaveBeenCalled();
  });
});

describe('scenario text', () => {
  it('is rendered as text, never as markup', () => {
    const acme = acmeObject() as {
      cast: { id: string; name: string }[];
      endings: { title: string; summary: string }[];
      timeline: { id: string; text?: string; title?: string }[];
      rubric: { id: string; title: string }[];
    };
    const pete = acme.cast.find((person) => person.id === 'pete')!;
    pete.name = `Pete ${XSS}`;
    for (const ending of acme.endings) {
      ending.title = `${ending.title} ${XSS}`;
      ending.summary = XSS;
    }
    acme.timeline.find((beat) => beat.id === 'db-frustration')!.text = XSS;
    acme.timeline.find((beat) => beat.id === 'customers-cannot-log-in')!.title = XSS;
    acme.rubric[0]!.title = XSS;
    const root = mount(debriefFor('partial', JSON.stringify(acme)));
    fireEvent.click(getByRole(root, 'button', { name: /show everything/i }));

    expect(root.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(getAllByRole(root, 'heading', { name: new RegExp(escape(XSS)), level: 3 })).toHaveLength(2);
    expect(getByRole(root, 'article', { name: XSS })).toBeTruthy();
    expect(getByText(root, XSS, { selector: '.db-tl-alert-title' })).toBeTruthy();
    expect(getByText(root, XSS, { selector: '.db-tl-words' })).toBeTruthy();
    expect(getByText(root, new RegExp(`^Pete ${escape(XSS)}, Sam Ito.* dropped off the bridge$`))).toBeTruthy();
    expect(queryByText(root, 'alert(1)')).toBeNull();
  });
});

describe('an exam attempt\'s pauses', () => {
  const withPauses = (pauses: PauseTally): DebriefState => {
    const debrief = build('strong');
    const sha = 'a'.repeat(64);
    const attempt = createAttempt({
      attemptId: '00000000-0000-4000-8000-000000000001',
      trainee: { id: 'local' },
      scenario: { value: debrief.scenario, sha256: sha },
      playbook: { value: debrief.playbook, sha256: sha },
      mode: 'exam',
      startedAt: FINISHED_AT - 3_600_000,
      finishedAt: FINISHED_AT,
      log: debrief.log,
      report: debrief.report,
      pauses,
    });
    return { ...debrief, attempt };
  };

  it('are shown beside the mode, as the clock showed them', () => {
    expect(mount(withPauses({ count: 2, totalMs: 100_000 })).querySelector('.db-pauses')?.textContent).toBe('Paused 2× · 1 min 40 s');
    expect(mount(withPauses({ count: 0, totalMs: 0 })).querySelector('.db-pauses')?.textContent).toBe('Never paused');
    expect(mount(build('strong')).querySelector('.db-pauses')).toBeNull();
  });
});
