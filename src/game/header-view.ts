import { openBridges, tilesOn } from '../app/selectors.ts';
import type { PlayState, Speed } from '../app/store.ts';

export interface BridgeTabView {
  readonly id: string;
  readonly name: string;
  /** How many people are on that bridge now. */
  readonly count: number;
  readonly viewed: boolean;
}

/** What the header above the gallery shows. */
export interface HeaderView {
  readonly clock: string;
  readonly paused: boolean;
  readonly speed: Speed;
  /** How many people are on the viewed bridge. */
  readonly roster: number;
  readonly tabs: readonly BridgeTabView[];
}

export function headerView(play: PlayState): HeaderView {
  const { compiled, sim } = play;
  const tabs = openBridges(compiled, sim).map((id) => ({
    id,
    name: compiled.bridges.get(id)?.name ?? id,
    count: tilesOn(compiled, sim, id).length,
    viewed: id === play.viewedBridge,
  }));
  return {
    clock: compiled.clock.format(sim.now),
    paused: play.paused,
    speed: play.speed,
    roster: tilesOn(compiled, sim, play.viewedBridge).length,
    tabs,
  };
}

/** "1 on the call", "7 on the call", "Nobody on the call". */
export function rosterLabel(count: number): string {
  return count === 0 ? 'Nobody on the call' : `${count} on the call`;
}
