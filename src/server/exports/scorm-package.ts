/**
 * A SCORM 1.2 package of one scenario: the built app (which bundles every scenario and playbook) and an
 * imsmanifest.xml whose one SCO launches the app on that scenario, zipped so the same build always gives the
 * same bytes (entries in path order, every timestamp 1980-01-01 00:00, one compression level per kind of file).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type ZipOptions } from 'fflate';

export interface PackageFile {
  /** The path inside the package, with `/` separators and no leading `/`. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface PackagedScenario {
  readonly id: string;
  readonly title: string;
}

export const MANIFEST = 'imsmanifest.xml';

/** The launch address of the scenario's SCO, relative to the package root. */
export function launchHref(scenarioId: string): string {
  return `index.html?${new URLSearchParams({ scenario: scenarioId, scorm: '1' }).toString()}`;
}

/** An XML ID (an NCName) from any text: letters, digits, `.`, `-`, `_`, starting with a letter. */
function xmlId(text: string): string {
  return `bridge-drill-${text.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A path as a relative URL: each segment percent-encoded where it must be. */
const hrefOf = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * The SCORM 1.2 content package manifest (IMS CP 1.1.2 with ADL's adlcp extension): one organization whose one
 * item is the scenario's SCO, listing every file of the package. There is no masteryscore: a pass is the app's
 * verdict (a critical miss fails whatever the score), which the SCO reports as lesson_status itself.
 */
export function scormManifest(scenario: PackagedScenario, files: readonly string[]): string {
  const title = escapeXml(scenario.title);
  const fileLines = [...files].filter((path) => path !== MANIFEST).sort(byPath).map((path) => `      <file href="${escapeXml(hrefOf(path))}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xmlId(scenario.id)}" version="1.0"`,
    '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${xmlId(scenario.id)}-organization">`,
    `    <organization identifier="${xmlId(scenario.id)}-organization">`,
    `      <title>Bridge Drill: ${title}</title>`,
    `      <item identifier="${xmlId(scenario.id)}-item" identifierref="${xmlId(scenario.id)}-sco" isvisible="true">`,
    `        <title>${title}</title>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${xmlId(scenario.id)}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(launchHref(scenario.id))}">`,
    ...fileLines,
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** Byte order of the paths, the same on every machine and locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 1980-01-01 00:00, the earliest time a zip entry holds, read as local time as the zip writer reads it: the same bytes in every time zone. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
/** Files that are compressed already are stored; the rest deflated at level 9. */
const STORED = /\.(ogg|mp3|png|jpe?g|webp|woff2?|gz|zip)$/i;

/** The package: the manifest first, then the app's files in path order. */
export function scormPackage(scenario: PackagedScenario, app: readonly PackageFile[]): Uint8Array {
  const files = app.filter((file) => file.path !== MANIFEST);
  for (const file of files) {
    // A whole-number key would be put first by any JavaScript object, whatever order it was added in.
    if (/^(0|[1-9]\d*)$/.test(file.path) || file.path.startsWith('/') || file.path.split('/').includes('..')) throw new Error(`The build holds a file the package cannot name: ${file.path}`);
  }
  if (!files.some((file) => file.path === 'index.html')) throw new Error('The build has no index.html.');
  const manifest = new TextEncoder().encode(scormManifest(scenario, files.map((file) => file.path)));
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  entries[MANIFEST] = [manifest, { level: 9, mtime: FIXED_TIME }];
  for (const file of [...files].sort((a, b) => byPath(a.path, b.path))) entries[file.path] = [file.bytes, { level: STORED.test(file.path) ? 0 : 9, mtime: FIXED_TIME }];
  return zipSync(entries);
}

/** Every file of a build folder, with paths relative to it; an Error naming `npm run build` when there is no build. */
export function readBuild(distDir: string): PackageFile[] {
  let entries: string[];
  try {
    if (!statSync(join(distDir, 'index.html')).isFile()) throw new Error('not a file');
    entries = readdirSync(distDir, { recursive: true, encoding: 'utf8' });
  } catch {
    throw new MissingBuild(distDir);
  }
  return entries
    .filter((path) => statSync(join(distDir, path)).isFile())
    .map((path) => ({ path: relative(distDir, join(distDir, path)).split(sep).join('/'), bytes: new Uint8Array(readFileSync(join(distDir, path))) }))
    .sort((a, b) => byPath(a.path, b.path));
}

export class MissingBuild extends Error {
  constructor(readonly distDir: string) {
    super('The app is not built, and the SCORM package is the built app: run `npm run build` first.');
  }
}
