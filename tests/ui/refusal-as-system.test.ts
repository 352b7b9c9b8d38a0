// @vitest-environment jsdom
import { getByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnouncer } from '../../src/ui/announcer.ts';
import { createCaptions } from '../../src/ui/captions.ts';
import { renderParticipantPanel } from '../../src/ui/hud/index.ts';
import { announcementFor } from '../../src/ui/transcript-entry.ts';
import { createTranscriptPanel } from '../../src/ui/transcript-panel.ts';
import { mount, startAcme, unmountAll } from './hud-fixture.ts';

afterEach(unmountAll);

const REFUSAL = 'Gloria Chen is not on the bridge and does not hear this.';

/** Acme at 02:47:00, where the trainee asks Gloria Chen, who is not on the bridge, for an update. */
function askSomeoneAbsent() {
  const session = startAcme({ at: '02:47:00' });
  expect(session.controller.act({ type: 'request-update', participant: 'customer-service' })).toEqual({ ok: true });
  const play = session.play();
  expect(play.sim.actions.at(-1)?.effective).toBe(false);
  return { session, play, refusal: play.sim.transcript.find((entry) => entry.text === REFUSAL)! };
}

describe('an action that changed nothing', () => {
  it('is answered in the transcript by the system, while what the trainee did stays in their voice', () => {
    const { play } = askSomeoneAbsent();
    const panel = createTranscriptPanel(play.compiled);
    document.body.append(panel.element);
    panel.update(play.sim.transcript);
    const items = [...getByRole(panel.element, 'list', { name: 'Transcript' }).children] as HTMLElement[];
    const answer = items.find((item) => item.textContent?.includes(REFUSAL))!;
    expect(answer.classList.contains('system')).toBe(true);
    expect(answer.classList.contains('mine')).toBe(false);
    expect(answer.querySelector('.speaker')).toBeNull();
    expect(answer.textContent).toMatch(/^iSystem: Gloria Chen is not on the bridge/);
    const asked = items.find((item) => item.textContent?.includes('You ask Gloria Chen for an update.'))!;
    expect(asked.classList.contains('mine')).toBe(true);
    panel.dispose();
  });

  it('is captioned and read out as the system, not as the trainee', () => {
    const { play, refusal } = askSomeoneAbsent();
    const captions = createCaptions(play.compiled, createAnnouncer());
    captions.update(play.sim);
    const latest = captions.element.querySelector<HTMLElement>('.caption.latest')!;
    expect(latest.classList.contains('caption-system')).toBe(true);
    expect(latest.querySelector('.caption-who')?.textContent).toBe('System');
    expect(latest.querySelector('.caption-text')?.textContent).toBe(REFUSAL);
    expect(announcementFor(refusal, play.compiled)).toBe(`System: ${REFUSAL}`);
    captions.dispose();
  });

  it('is what the form says too, instead of "Sent"', () => {
    const session = startAcme({ at: '02:47:00' });
    const { element } = mount(renderParticipantPanel(session.store, session.controller));
    getByRole(element, 'button', { name: /^Gloria Chen,/ }).click();
    const menu = getByRole(element, 'group', { name: 'Actions for Gloria Chen' });
    getByRole(menu, 'button', { name: 'Request an update from Gloria Chen' }).click();
    const status = getByRole(menu, 'status');
    expect(status.textContent).toBe(`System: ${REFUSAL}`);
    expect(status.classList.contains('is-system')).toBe(true);
  });
});
