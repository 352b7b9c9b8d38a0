import type { AppController } from '../../app/controller.ts';
import type { AppStore } from '../../app/store.ts';
import { h } from '../dom.ts';
import { createCanTab } from './can-tab.ts';
import { createCloseoutTab } from './closeout-tab.ts';
import { createCommandTab } from './command-tab.ts';
import { createDecisionsTab } from './decisions-tab.ts';
import { createExamPauseLock } from './exam-pause-lock.ts';
import { createNotifyTab } from './notify-tab.ts';
import { mountPlayView, type HudPanel } from './panel.ts';
import { createPriorityTab } from './priority-tab.ts';
import type { TabContent } from './section.ts';
import { createTabs, type Tabs } from './tabs.ts';
import './hud.css';

const tabsOfPanel = new WeakMap<Element, Tabs>();

/** Shows one tab of an action panel and focuses it, by the tab's key ('notify', 'priority', 'can'...); false when `panel` is not an action panel. */
export function focusActionTab(panel: Element, key: string): boolean {
  const tabs = tabsOfPanel.get(panel);
  tabs?.select(key, true);
  return tabs !== undefined;
}

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
    tabsOfPanel.set(element, widget);
    const lock = createExamPauseLock(widget.element);
    widget.element.firstElementChild?.after(lock.hint);
    return {
      element: widget.element,
      update(current) {
        lock.update(current, () => {
          for (const [, , content] of tabs) content.update(current);
        });
        widget.setBadge('decisions', decisions.waiting, decisions.waiting === 1 ? 'decision waiting' : 'decisions waiting');
      },
    };
  });
}
