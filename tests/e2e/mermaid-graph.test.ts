import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { toMermaid } from '../../src/core/scenario/graph.ts';
import type { Scenario } from '../../src/core/scenario/schema.ts';
import { loadAcme } from '../helpers.ts';
import { openPage, useBrowser } from './browser.ts';

const browser = useBrowser();
const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

const LEAK = 'http://127.0.0.1:9/leak';
const DIRECTIVE = `%%{init: {"theme": "forest", "themeCSS": ".node { background: url(${LEAK}) } .node rect { fill: #ff0000 }"}}%%`;
const HOSTILE = [
  `Triage ${DIRECTIVE}`,
  'Line one\n%% the rest is a comment\nstyle n_bridge_chaos fill:#ff0000',
  'Fake"] --> n_evil["Evil node', 'Pipes | and ]) brackets {{ }} ; end',
  '`**bold** _em_` and <b>tags</b> & #quot; entities #35;',
  'Name \u202etxet desrever\u202c then \u2067isolate',
];

function hostileScenario(): Scenario {
  const { scenario } = loadAcme();
  const [first, second, third] = scenario.phases;
  return {
    ...scenario,
    phases: [
      { ...first!, title: HOSTILE[0]!, next: first!.next?.map((transition) => ({ ...transition, label: HOSTILE[2] })) },
      { ...second!, title: HOSTILE[1]! },
      { ...third!, title: HOSTILE[3]! },
    ],
    endings: scenario.endings.map((ending, index) => (index === 0 ? { ...ending, title: HOSTILE[4]! } : ending)),
    decisions: scenario.decisions?.map((decision, index) => (index === 1 ? { ...decision, prompt: HOSTILE[5]!, options: decision.options.map((option) => ({ ...option, label: `${option.label} ${DIRECTIVE}` })) } : decision)),
    branches: scenario.branches?.map((branch, index) => (index === 0 ? { ...branch, description: HOSTILE[1] } : branch)),
  };
}

interface Rendered {
  readonly requests: string[];
  readonly labels: string[];
  readonly nodeIds: string[];
  readonly edgeLabels: string[];
  readonly svg: string;
  readonly theme: unknown;
}

async function render(definition: string): Promise<Rendered> {
  const { page, context, errors } = await openPage(browser());
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>graph</title><div id="out"></div>' });
  });
  await page.goto('http://graph.test/');
  requests.length = 0;
  await page.addScriptTag({ path: mermaidScript });
  const result = await page.evaluate(async (text) => {
    const api = (window as unknown as { mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
    api.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const { svg } = await api.render('graph', text);
    const out = document.getElementById('out')!;
    out.innerHTML = svg;
    const nodes = [...out.querySelectorAll('g.node')];
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      svg,
      labels: nodes.map((node) => node.textContent ?? ''),
      nodeIds: nodes.map((node) => node.id),
      edgeLabels: [...out.querySelectorAll('g.edgeLabel')].map((label) => label.textContent ?? ''),
      theme: getComputedStyle(out.querySelector('g.node rect, g.node polygon, g.node path')!).fill,
    };
  }, definition);
  await context.close();
  expect(errors).toEqual([]);
  return { ...result, requests };
}

describe('the graph command in Mermaid', () => {
  it(
    'renders hostile titles, labels, prompts and notes as the text they are: no directive, comment, extra node, style or markdown',
    async () => {
      const scenario = hostileScenario();
      const definition = toMermaid(scenario);
      const rendered = await render(definition);

      expect(rendered.requests).toEqual([]);
      const styles = rendered.svg.match(/<style>.*?<\/style>/s)?.[0] ?? '';
      expect(styles).toContain('#graph .node rect');
      expect(styles).not.toContain('127.0.0.1');
      expect(styles).not.toContain('#ff0000');
      expect(rendered.theme).not.toBe('rgb(255, 0, 0)');
      expect(rendered.svg).not.toMatch(/<(strong|em|b)>/);

      const expectedNodes = 2 + scenario.phases.length + scenario.endings.length + (scenario.decisions?.length ?? 0) + (scenario.branches?.length ?? 0);
      expect(rendered.nodeIds).toHaveLength(expectedNodes);
      expect(rendered.nodeIds.some((id) => id.includes('evil'))).toBe(false);

      const shown = (text: string) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\n/g, ' ');
      for (const text of [HOSTILE[0]!, HOSTILE[1]!, HOSTILE[3]!, HOSTILE[4]!]) expect(rendered.labels).toContain(shown(text));
      expect(rendered.labels.some((label) => label.includes(shown(HOSTILE[5]!)))).toBe(true);
      expect(rendered.labels.some((label) => label.startsWith('Branch: ') && label.includes(shown(HOSTILE[1]!)))).toBe(true);
      expect(rendered.edgeLabels).toContain(HOSTILE[2]);
    },
    60_000,
  );

  it(
    'draws the decisions and branches of a bundled scenario, linked to the endings that test them',
    async () => {
      const { scenario } = loadAcme();
      const definition = toMermaid(scenario);
      expect(definition).toContain('d_release_rollback -.->|"once decided"| n_under_control');
      const rendered = await render(definition);
      expect(rendered.labels.some((label) => label.startsWith('Decision: Roll back the failed release now'))).toBe(true);
      expect(rendered.labels.some((label) => label.startsWith('Branch: Customers who are not told escalate'))).toBe(true);
      expect(rendered.nodeIds).toHaveLength(2 + scenario.phases.length + scenario.endings.length + (scenario.decisions?.length ?? 0) + (scenario.branches?.length ?? 0));
    },
    60_000,
  );
});
