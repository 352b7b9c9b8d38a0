import type { AppController } from '../../app/controller.ts';
import type { AppStore } from '../../app/store.ts';
import { h } from '../dom.ts';
import { createCanTab } from './can-tab.ts';
import { createCloseoutTab } from './closeout-tab.ts';
import { createCommandTab } from './command-tab.ts';
import { createDecisionsTab } from './decisions-tab.ts';
import { createNotifyTab } from './notify-tab.ts';
import { mountPlayView, type HudPanel } from './panel.ts';
import { createPriorityTab } from './priority-tab.ts';
import type { TabContent } from './section.ts';
import { createTabs } from './tabs.ts';
import './hud.css';

/** Everything the trainee can do that is not about one person, in tabs. */
export function renderActionPanel(store: AppStore, controller: AppController): HudPanel {
  const element = h('section', { class: 'hud-panel hud-actions-panel', attrs: { 'aria-label': 'Incident actions' } });
  return mountPlayView(store, element, (play) => {
    const context = { store, controller, compiled: play.compiled };
    const decisions = createDecisionsTab(context);
    const tabs: [key: string, label: string, content: TabContent][] = [
      ['command', 'Command', createCommandTab(context)],
      ['priority', play.compiled.playbook.levelKind === 'severity' ? 'Severity' : 'Priority', createPriorityTab(context)],
      ['notify', 'Notify', createNotifyTab(context)],
      ['decisions', 'Decide', decisions],
      ['can', 'CAN', createCanTab(context)],
      ['close-out', 'Close', createCloseoutTab(context)],
    ];
    const widget = createTabs(
      'Incident actions',
      tabs.map(([key, label, content]) => ({ key, label, panel: content.panel })),
    );
    return {
      element: widget.element,
      update(current) {
        for (const [, , content] of tabs) content.update(current);
        widget.setBadge('decisions', decisions.waiting, decisions.waiting === 1 ? 'decision waiting' : 'decisions waiting');
      },
    };
  });
}
