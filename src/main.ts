/**
 * Browser composition root: bundles the scenario and playbook files as raw text (so diagnostics
 * keep their line and column), loads them through the core, and mounts the page.
 */
import { mountApp } from './ui/app.ts';
import { buildCatalog, type SourceFile } from './app/catalog.ts';
import './ui/styles.css';

const scenarioTexts = import.meta.glob('../scenarios/*.json', { query: '?raw', import: 'default', eager: true });
const playbookTexts = import.meta.glob('../scenarios/playbooks/*.json', { query: '?raw', import: 'default', eager: true });

/** Content files only (no `*.schema.json`), named as they are in the repository. */
function sourceFiles(modules: Record<string, string>): SourceFile[] {
  return Object.entries(modules)
    .filter(([path]) => !path.endsWith('.schema.json'))
    .map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text }));
}

const root = document.getElementById('app');
if (root) mountApp(root, buildCatalog(sourceFiles(playbookTexts), sourceFiles(scenarioTexts)));
