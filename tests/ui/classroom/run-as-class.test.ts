// @vitest-environment jsdom
import { getByLabelText, getByRole, getByText } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createClassroom, hostKeyName, rememberHostKey } from '../../../src/app/classroom/host-create.ts';
import { createAppStore, type AccountState } from '../../../src/app/store.ts';
import { installRunAsClass, renderRunAsClassForm, runAsClassFor, type RunAsClassRequest } from '../../../src/ui/classroom/run-as-class.ts';
import { MemoryStorage } from '../../helpers.ts';

const user = (role: 'instructor' | 'trainee') => ({ id: 'u1', email: 'i@example.test', name: 'Ines', role });
const signedIn = (role: 'instructor' | 'trainee'): AccountState => ({ status: 'signed-in', user: user(role), cohorts: [] }) as unknown as AccountState;
const entry = { scenario: { id: 'acme-chemical', title: 'Acme Chemical' } } as Parameters<typeof runAsClassFor>[0];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('Run as a class', () => {
  it('sends the choices made and opens the projector page with the host key kept', async () => {
    const sent: RunAsClassRequest[] = [];
    const opened: string[] = [];
    const form = renderRunAsClassForm('acme-chemical', 'Acme Chemical', {
      create: async (request) => {
        sent.push(request);
        return { ok: true, created: { code: 'ABC234', hostKey: 'k'.repeat(32), joinUrl: 'https://drill.example/j/ABC234' } };
      },
      opened: (created) => opened.push(created.code),
    }, () => {});
    document.body.append(form);
    getByLabelText(form, /The class votes/).click();
    getByLabelText(form, /Exam/).click();
    getByLabelText(form, /Anonymous leaderboard/).click();
    getByLabelText(form, /Let people join after the start/).click();
    getByRole(form, 'button', { name: 'Create classroom' }).click();
    await flush();
    expect(sent).toEqual([{ scenario: 'acme-chemical', mode: 'vote', exam: true, anonymous: true, lateJoin: false }]);
    expect(opened).toEqual(['ABC234']);
    form.remove();
  });

  it('shows the server’s refusal and lets the instructor try again', async () => {
    const form = renderRunAsClassForm('acme-chemical', 'Acme Chemical', { create: async () => ({ ok: false, status: 404, message: 'No scenario "acme-chemical" is stored on this server.' }), opened: () => {} }, () => {});
    document.body.append(form);
    const submit = getByRole<HTMLButtonElement>(form, 'button', { name: 'Create classroom' });
    submit.click();
    expect(submit.disabled).toBe(true);
    await flush();
    expect(getByRole(form, 'alert').textContent).toBe('No scenario "acme-chemical" is stored on this server.');
    expect(submit.disabled).toBe(false);
    form.remove();
  });

  it('POSTs the request as JSON to /api/classrooms and reads problem details', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const created = await createClassroom(async (url, init) => {
      requests.push({ url, init });
      return Response.json({ code: 'ABC234', hostKey: 'k'.repeat(32), joinUrl: 'https://drill.example/j/ABC234' }, { status: 201 });
    }, { scenario: 'acme-chemical', mode: 'everyone', exam: false, anonymous: false, lateJoin: true });
    expect(created.ok).toBe(true);
    expect(requests[0]!.url).toBe('/api/classrooms');
    expect(requests[0]!.init.method).toBe('POST');
    expect(requests[0]!.init.credentials).toBe('same-origin');
    expect(JSON.parse(String(requests[0]!.init.body))).toEqual({ scenario: 'acme-chemical', mode: 'everyone', exam: false, anonymous: false, lateJoin: true });
    const refused = await createClassroom(async () => Response.json({ title: 'Forbidden', detail: 'Only instructors can do that.' }, { status: 403 }), { scenario: 'x', mode: 'everyone', exam: false });
    expect(refused).toEqual({ ok: false, status: 403, message: 'Only instructors can do that.' });
    const offline = await createClassroom(async () => Promise.reject(new TypeError('network')), { scenario: 'x', mode: 'everyone', exam: false });
    expect(offline.ok).toBe(false);
    const storage = new MemoryStorage();
    if (created.ok) rememberHostKey(storage, created.created);
    expect(storage.getItem(hostKeyName('ABC234'))).toBe('k'.repeat(32));
  });

  it('on a card: hidden without a server, explains the instructor account to others, opens the form for an instructor', () => {
    const store = createAppStore();
    const root = document.createElement('div');
    uninstall = installRunAsClass({ store, create: async () => ({ ok: false, status: 0, message: '' }), opened: () => {} }, root);
    expect(root.dataset.classHosting).toBe('off');
    store.setState({ account: { status: 'no-server' } });
    expect(root.dataset.classHosting).toBe('off');
    store.setState({ account: { status: 'signed-out' } });
    expect(root.dataset.classHosting).toBe('explain');
    const card = runAsClassFor(entry)!;
    getByRole(card, 'button', { name: 'Run as a class: Acme Chemical' }).click();
    expect(getByText(card, /needs an instructor account on this server/)).toBeTruthy();
    store.setState({ account: signedIn('instructor') });
    expect(root.dataset.classHosting).toBe('on');
    const again = runAsClassFor(entry)!;
    getByRole(again, 'button', { name: 'Run as a class: Acme Chemical' }).click();
    expect(getByRole(again, 'form', { name: 'Run Acme Chemical as a class' })).toBeTruthy();
  });

  it('is not on the cards at all until the page installs it', () => {
    expect(runAsClassFor(entry)).toBeNull();
  });
});
