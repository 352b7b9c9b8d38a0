import type { DebriefState } from '../../app/store.ts';
import { competenciesToCsv, reportToCsv } from '../../core/report/csv.ts';
import { slug } from '../../core/text/slug.ts';
import { fileStamp } from './format.ts';

/** Longest trainee part of a file name, so names stay readable in a downloads folder. */
const FILE_NAME_PART = 40;

export interface DownloadFile {
  /** What the button says. */
  readonly label: string;
  /** What the file holds, for the button's description. */
  readonly description: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

/** Spreadsheets such as Excel read a CSV file as UTF-8 only when it starts with a byte order mark. */
const UTF8_BOM = '\uFEFF';

/** `acme-chemical-dana-reyes-20250312-1405`: scenario, trainee (when known) and finishing time. */
export function attemptFileBase(debrief: DebriefState): string {
  const trainee = debrief.report.trainee;
  const who = slug(trainee?.name ?? '', FILE_NAME_PART) || slug(trainee?.id ?? '', FILE_NAME_PART);
  return [debrief.report.scenario.id, who, fileStamp(debrief.finishedAt)].filter((part) => part !== '').join('-');
}

/** The files a finished attempt can be saved as: the report for people and tools, and the log to regrade it. */
export function debriefDownloads(debrief: DebriefState): DownloadFile[] {
  const base = attemptFileBase(debrief);
  return [
    {
      label: 'Download report (JSON)',
      description: 'The full score report, as the bridge-drill grade command writes it.',
      fileName: `${base}-report.json`,
      mimeType: 'application/json',
      text: JSON.stringify(debrief.report, null, 2),
    },
    {
      label: 'Download scores (CSV)',
      description: 'The total and each competency, one row each, for a spreadsheet.',
      fileName: `${base}-scores.csv`,
      mimeType: 'text/csv;charset=utf-8',
      text: UTF8_BOM + competenciesToCsv(debrief.report),
    },
    {
      label: 'Download findings (CSV)',
      description: 'One row per finding, for a spreadsheet.',
      fileName: `${base}-findings.csv`,
      mimeType: 'text/csv;charset=utf-8',
      text: UTF8_BOM + reportToCsv(debrief.report),
    },
    {
      label: 'Download action log',
      description: 'Every action you took, to replay or regrade with bridge-drill grade --log.',
      fileName: `${base}-actions.json`,
      mimeType: 'application/json',
      text: JSON.stringify(debrief.log, null, 2),
    },
    ...(debrief.attempt
      ? [
          {
            label: 'Download attempt record',
            description: 'The log, the report and the exact scenario and playbook versions, to keep or regrade with bridge-drill regrade.',
            fileName: `${base}-attempt.json`,
            mimeType: 'application/json',
            text: JSON.stringify(debrief.attempt, null, 2),
          },
        ]
      : []),
  ];
}
