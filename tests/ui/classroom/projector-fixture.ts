import { snapshot } from '../../app/classroom/fake-classroom.ts';
import type { RoomSnapshot } from '../../../src/app/classroom/classroom-types.ts';
import { initialHostState, type HostState } from '../../../src/app/classroom/host-state.ts';
import { compileScenario } from '../../../src/core/scenario/compile.ts';
import type { CompiledScenario } from '../../../src/core/scenario/compiled.ts';
import { loadAcme } from '../../helpers.ts';

export const CODE = 'ABC234';

let compiled: CompiledScenario | null = null;
export function acmeCompiled(): CompiledScenario {
  if (!compiled) {
    const { scenario, playbook } = loadAcme();
    compiled = compileScenario(scenario, playbook);
  }
  return compiled;
}

export function room(change: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return snapshot({ seated: 4, connected: 4, ...change });
}

export function hostState(change: Partial<HostState> = {}): HostState {
  return { ...initialHostState(CODE, `https://drill.example/j/${CODE}`), link: { kind: 'open', fresh: true }, room: room({ phase: 'lobby' }), ...change };
}
