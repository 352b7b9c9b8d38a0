// @vitest-environment jsdom
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { launchHref, MissingBuild, readBuild, scormManifest, scormPackage, type PackageFile } from '../../src/server/exports/scorm-package.ts';

const text = (value: string) => new TextEncoder().encode(value);
const APP: PackageFile[] = [
  { path: 'index.html', bytes: text('<!doctype html><script type="module" src="./assets/index-abc.js"></script>') },
  { path: 'assets/index-abc.js', bytes: text('console.log("bridge")'.repeat(50)) },
  { path: 'audio/lines/a b.ogg', bytes: new Uint8Array([79, 103, 103, 83, 0, 2, 0, 0]) },
  { path: 'assets/index-abc.css', bytes: text('body{}') },
];
const SCENARIO = { id: 'acme-chemical', title: 'Acme & "Chemical" <P1>' };

function parse(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

describe('the SCORM 1.2 manifest', () => {
  const xml = scormManifest(SCENARIO, APP.map((file) => file.path));
  const document = parse(xml);
  const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';

  it('is one organization with one item pointing at one SCO that launches the scenario', () => {
    const manifest = document.documentElement;
    expect(manifest.localName).toBe('manifest');
    expect(manifest.namespaceURI).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(document.getElementsByTagName('schemaversion')[0]?.textContent).toBe('1.2');
    const organizations = document.getElementsByTagName('organizations')[0]!;
    const organization = [...document.getElementsByTagName('organization')];
    expect(organization).toHaveLength(1);
    expect(organizations.getAttribute('default')).toBe(organization[0]!.getAttribute('identifier'));
    expect(organization[0]!.getElementsByTagName('title')[0]?.textContent).toBe('Bridge Drill: Acme & "Chemical" <P1>');
    const items = [...document.getElementsByTagName('item')];
    expect(items).toHaveLength(1);
    const resources = [...document.getElementsByTagName('resource')];
    expect(resources).toHaveLength(1);
    const resource = resources[0]!;
    expect(items[0]!.getAttribute('identifierref')).toBe(resource.getAttribute('identifier'));
    expect(resource.getAttributeNS(ADLCP, 'scormtype')).toBe('sco');
    expect(resource.getAttribute('type')).toBe('webcontent');
    expect(resource.getAttribute('href')).toBe('index.html?scenario=acme-chemical&scorm=1');
    expect(launchHref('acme-chemical')).toBe('index.html?scenario=acme-chemical&scorm=1');
  });

  it('has identifiers that are XML names, all different', () => {
    const ids = [...document.querySelectorAll('[identifier]')].map((element) => element.getAttribute('identifier')!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
    const odd = parse(scormManifest({ id: 'a:b c', title: 'x' }, ['index.html']));
    for (const element of odd.querySelectorAll('[identifier]')) expect(element.getAttribute('identifier')).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
  });

  it('lists every file of the package but itself, in path order, as relative addresses', () => {
    const listed = [...document.getElementsByTagName('file')].map((file) => file.getAttribute('href'));
    expect(listed).toEqual(['assets/index-abc.css', 'assets/index-abc.js', 'audio/lines/a%20b.ogg', 'index.html']);
  });
});

describe('the SCORM 1.2 package', () => {
  it('holds the manifest first and every file of the build, with their bytes and fixed 1980 timestamps', () => {
    const zip = scormPackage(SCENARIO, APP);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['imsmanifest.xml', 'assets/index-abc.css', 'assets/index-abc.js', 'audio/lines/a b.ogg', 'index.html']);
    for (const file of APP) expect(Buffer.from(files[file.path]!).equals(Buffer.from(file.bytes))).toBe(true);
    expect(new TextDecoder().decode(files['imsmanifest.xml'])).toBe(scormManifest(SCENARIO, APP.map((file) => file.path)));
    // The first local header: version, flags, method, then the DOS time and date (1980-01-01 00:00 is time 0, date 0x21).
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(0x21);
  });

  it('is the same bytes whatever order the files come in', () => {
    const first = scormPackage(SCENARIO, APP);
    const second = scormPackage(SCENARIO, [...APP].reverse().map((file) => ({ path: file.path, bytes: file.bytes.slice() })));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses a build without its page, and paths it cannot name', () => {
    expect(() => scormPackage(SCENARIO, APP.filter((file) => file.path !== 'index.html'))).toThrow(/index\.html/);
    expect(() => scormPackage(SCENARIO, [...APP, { path: '../x', bytes: text('') }])).toThrow(/cannot name/);
  });
});

describe('reading a build folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scorm-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every file with a relative path, and packs it twice into the same bytes', () => {
    mkdirSync(join(dir, 'assets', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets', 'deep', 'z.js'), 'z');
    writeFileSync(join(dir, 'assets', 'a.css'), 'a');
    const files = readBuild(dir);
    expect(files.map((file) => file.path)).toEqual(['assets/a.css', 'assets/deep/z.js', 'index.html']);
    expect(Buffer.from(scormPackage(SCENARIO, readBuild(dir))).equals(Buffer.from(scormPackage(SCENARIO, files)))).toBe(true);
  });

  it('says to build the app when there is no build', () => {
    expect(() => readBuild(join(dir, 'missing'))).toThrow(MissingBuild);
    expect(() => readBuild(join(dir, 'missing'))).toThrow(/npm run build/);
  });
});
