/**
 * Instants in ISO 8601 / RFC 3339 form, such as `2026-12-04T15:02:11Z`, for attempt records (CONTRACTS.md §6).
 * The core never reads the clock: callers pass epoch milliseconds. The calendar arithmetic is done here
 * rather than with the built-in date class, so that a date can be checked (no 31 April) without one.
 */
const MS_PER_DAY = 86_400_000;
const DAYS_PER_400_YEARS = 146_097;
/** Days from 0000-03-01, where this arithmetic counts from, to 1970-01-01. */
const EPOCH_DAY_OFFSET = 719_468;

/** Year 0000 to 9999, a `T`, seconds with an optional fraction, and `Z` or an offset such as `+02:00`. */
export const ISO_INSTANT =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?(?:Z|(?<sign>[+-])(?<offsetHours>\d{2}):(?<offsetMinutes>\d{2}))$/;

/** Epoch milliseconds as a UTC instant: `2026-12-04T15:02:11Z`, with `.sss` only when there are milliseconds. */
export function isoInstant(ms: number): string {
  if (!Number.isInteger(ms)) throw new RangeError(`${ms} is not a whole number of milliseconds`);
  const days = Math.floor(ms / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  if (year < 0 || year > 9999) throw new RangeError(`${ms} ms is outside the years 0000 to 9999`);
  const msOfDay = ms - days * MS_PER_DAY;
  const seconds = Math.floor(msOfDay / 1000);
  const fraction = msOfDay % 1000 === 0 ? '' : `.${pad(msOfDay % 1000, 3)}`;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const time = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
  return `${date}T${time}${fraction}Z`;
}

/** The epoch milliseconds of an ISO_INSTANT text, or undefined when it is not one or names no real time. */
export function instantMs(text: string): number | undefined {
  const groups = ISO_INSTANT.exec(text)?.groups;
  if (!groups) return undefined;
  const field = (name: string) => Number(groups[name] ?? 0);
  const [year, month, day] = [field('year'), field('month'), field('day')];
  const [hour, minute, second] = [field('hour'), field('minute'), field('second')];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || field('offsetHours') > 23 || field('offsetMinutes') > 59) return undefined;
  const offset = (groups['sign'] === '-' ? -1 : 1) * (field('offsetHours') * 60 + field('offsetMinutes')) * 60_000;
  const millis = Number((groups['fraction'] ?? '').padEnd(3, '0').slice(0, 3));
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Both conversions count years from March, so that the leap day falls at the end of each year.
function daysFromCivil(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - EPOCH_DAY_OFFSET;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + EPOCH_DAY_OFFSET;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
