// @vitest-environment jsdom
import { getByLabelText, getByRole } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { initialTraineeState, type TraineeState } from '../../../src/app/classroom/trainee-state.ts';
import { renderJoinForm } from '../../../src/ui/classroom/trainee-join-form.ts';

const info = { code: 'ABC234', mode: 'everyone' as const, exam: false, phase: 'lobby' as const, locked: false, scenario: { id: 'acme', version: '1', sha256: 'a', title: 'Acme Chemical' }, playbook: { id: 'itil', version: '1', sha256: 'b' } };
const withForm = (form: Partial<TraineeState['form']>, change: Partial<TraineeState> = {}): TraineeState => {
  const state = initialTraineeState('ABC234');
  return { ...state, ...change, form: { ...state.form, ...form } };
};

describe('join form', () => {
  it('asks only for the name when the link gave a known code, and sends both', () => {
    const joins: [string, string][] = [];
    const form = renderJoinForm({ join: (code, name) => joins.push([code, name]) }, withForm({}));
    document.body.append(form.element);
    form.update(withForm({}, { info }));
    expect(getByRole(form.element, 'heading', { name: 'Acme Chemical' })).toBeTruthy();
    expect(getByLabelText(form.element, 'Join code').closest('.field')?.hasAttribute('hidden')).toBe(true);
    (getByLabelText(form.element, /Your name/) as HTMLInputElement).value = 'Dana Reyes';
    getByRole(form.element, 'button', { name: 'Join' }).click();
    expect(joins).toEqual([['ABC234', 'Dana Reyes']]);
    form.element.remove();
  });

  it('shows what the server said next to the field it is about, without its code, and marks the field', () => {
    const form = renderJoinForm({ join: () => {} }, withForm({}));
    document.body.append(form.element);
    form.update(withForm({ name: 'x', errors: { name: 'That name cannot be shown to the class; choose another.' } }, { info }));
    const name = getByLabelText(form.element, /Your name/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('join-name-error')?.textContent).toBe('That name cannot be shown to the class; choose another.');
    expect(name.getAttribute('aria-describedby')).toContain('join-name-error');
    expect(document.activeElement).toBe(name);
    form.update(withForm({ errors: { code: 'No classroom has that code.' } }));
    expect(getByLabelText(form.element, 'Join code').closest('.field')?.hasAttribute('hidden')).toBe(false);
    expect(document.getElementById('join-code-error')?.textContent).toBe('No classroom has that code.');
    form.update(withForm({ errors: { form: 'The host has locked joining.' } }, { info }));
    expect(getByRole(form.element, 'alert').textContent).toBe('The host has locked joining.');
    expect(form.element.textContent).not.toMatch(/E_[A-Z]/);
    form.element.remove();
  });
});
