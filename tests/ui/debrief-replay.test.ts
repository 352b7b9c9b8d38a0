// @vitest-environment jsdom
import { getAllByRole, getByRole, queryAllByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplayStart } from '../../src/app/replay-from.ts';
import type { DebriefState } from '../../src/app/store.ts';
import { gradeSession } from '../../src/core/scoring/grade.ts';
import { ScenarioClock } from '../../src/core/time.ts';
import { renderDebrief, type DebriefHandlers } from '../../src/ui/debrief/render-debrief.ts';
import { scenarioHarness } from '../scenarios/harness.ts';

const { scenario, playbook, journey } = scenarioHarness('mim-day-slowness');
const clock = new ScenarioClock(scenario.clock);

function debrief(): DebriefState {
  const log = journey('weak');
  const { report, final } = gradeSession(scenario, playbook, log);
  return { scenario, playbook, log, report, final, mode: 'exam', finishedAt: 1_700_000_000_000 };
}

const handlers = (): DebriefHandlers => ({ playAgain: vi.fn(), backToScenarios: vi.fn(), download: vi.fn(), print: vi.fn() });

afterEach(() => {
  document.body.replaceChildren();
});

describe('Replay from here', () => {
  it('is on each phase and each of the trainee’s actions in the timeline, and asks for a new attempt from that moment', () => {
    const replayFrom = vi.fn<(start: ReplayStart) => void>();
    const shown = debrief();
    document.body.append(renderDebrief(shown, { ...handlers(), replayFrom }));
    const timeline = getByRole(document.body, 'region', { name: 'Timeline' });
    const buttons = getAllByRole(timeline, 'button', { name: /^Replay from here, / });
    const phases = timeline.querySelectorAll('.db-tl-row-phase').length;
    expect(buttons).toHaveLength(phases + shown.log.actions.length);

    getByRole(timeline, 'button', { name: 'Replay from here, 09:14:00' }).click();
    const at = clock.offsetOf('09:14:00');
    expect(replayFrom).toHaveBeenCalledWith({ scenarioId: scenario.id, at, actions: shown.log.actions.filter((action) => clock.offsetOf(action.at) < at) });
  });

  it('is left out where the page cannot start a session', () => {
    document.body.append(renderDebrief(debrief(), handlers()));
    expect(queryAllByRole(document.body, 'button', { name: /^Replay from here/ })).toEqual([]);
  });
});
