import { fillDemoData } from '../server/demo/demo-data.ts';
import { options, UsageError } from './args.ts';
import { withStore } from './data-commands.ts';
import type { Streams } from './main.ts';

const LIMITS = { trainees: [1, 100_000], attempts: [0, 1_000_000], seed: [0, 2 ** 31 - 1], 'cohort-size': [1, 5_000], days: [1, 3_650] } as const;
type Limited = keyof typeof LIMITS;

/** `bridge-drill demo-data --trainees N --attempts M`: realistic attempts, played by the engine, for trying the results area. */
export async function demoDataCommand(args: readonly string[], streams: Streams): Promise<number> {
  const given = options(args, Object.keys(LIMITS));
  const number = (name: Limited, fallback?: number): number => {
    const text = given.get(name);
    if (text === undefined) {
      if (fallback === undefined) throw new UsageError(`demo-data needs --${name} N`);
      return fallback;
    }
    const [min, max] = LIMITS[name];
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not "${text}"`);
    return value;
  };
  const trainees = number('trainees');
  const attempts = number('attempts');
  const seed = number('seed', 1);
  const cohortSize = number('cohort-size', 40);
  const days = number('days', 180);
  return withStore(streams, async (store) => {
    const started = Date.now();
    let lastSaid = started;
    const result = await fillDemoData(store, {
      trainees,
      attempts,
      seed,
      cohortSize,
      days,
      now: started,
      onProgress: (done, total) => {
        if (done < total && Date.now() - lastSaid < 2_000) return;
        lastSaid = Date.now();
        streams.err.write(`stored ${done.toLocaleString('en')} of ${total.toLocaleString('en')} attempts\n`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    streams.out.write(
      `demo data (seed ${seed}): ${result.trainees.created} trainees added, ${result.trainees.existed} already there; ${result.cohorts} cohorts; ` +
        `${result.attempts.created} attempts added, ${result.attempts.existed} already there; ${seconds} s\n`,
    );
    return 0;
  });
}
