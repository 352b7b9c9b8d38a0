import type { PlayState } from '../../app/store.ts';

/**
 * What the HUD knows for a message template's placeholders. Impact and status are judgements the
 * trainee writes themself, so they are never filled in here.
 */
export function templateFacts(play: PlayState): Record<string, string | undefined> {
  const { compiled, sim } = play;
  const { playbook, clock, scenario } = compiled;
  const level = playbook.levels.find((item) => item.id === sim.level);
  const firstAlarm = sim.transcript.find((entry) => entry.kind === 'report' || entry.kind === 'inject');
  const cadence = level?.updateEveryMinutes;
  const nextUpdate = sim.nextUpdateDue ?? (cadence === undefined ? undefined : sim.now + cadence * 60_000);
  const serviceVar = sim.vars['service'];
  return {
    level: level?.id,
    classification: playbook.classifications.find((item) => item.id === sim.classification)?.name,
    // A `service` variable (the service as the story has narrowed it down) wins over the scenario's declared one.
    service: typeof serviceVar === 'string' && serviceVar.trim() !== '' ? serviceVar : scenario.affectedService,
    since: scenario.incidentStart ?? (firstAlarm === undefined ? undefined : clock.format(firstAlarm.at)),
    nextUpdate: nextUpdate === undefined ? undefined : clock.format(nextUpdate),
  };
}
