import type { EtApplication, EtRibbonUI } from './et.js';
import { XL } from './et.js';
import { postCommand } from './mailbox.js';

/** What WPS passes to a ribbon callback. */
export interface RibbonControl {
  readonly Id: string;
}

const PANE_KEY = 'nianbao.pane';

/** The buttons of ribbon.xml and their icons (in the add-in's images/ folder). */
const IMAGES: Readonly<Record<string, string>> = {
  insertTemplate: 'images/insert.svg',
  checkReport: 'images/check.svg',
  clearMarks: 'images/clear.svg',
  auditReport: 'images/audit.svg',
  showPane: 'images/pane.svg',
};

/**
 * The ribbon callbacks ribbon.xml names (onLoad, onAction, getImage). Every button shows the sidebar
 * and hands it the command: the sidebar holds the state, as the Office add-in's shared runtime does.
 */
export function ribbonCallbacks(app: EtApplication, paneUrl: string) {
  const showPane = (): void => {
    const id = Number(app.PluginStorage.getItem(PANE_KEY));
    if (id) {
      try {
        app.GetTaskPane(id).Visible = true;
        return;
      } catch {
        // Closed with its window: make another.
      }
    }
    const pane = app.CreateTaskPane(paneUrl, '年报校验');
    pane.DockPosition = XL.dockRight;
    pane.Width = 380;
    pane.Visible = true;
    app.PluginStorage.setItem(PANE_KEY, pane.ID);
  };
  return {
    OnAddinLoad(ribbonUI: EtRibbonUI): boolean {
      app.ribbonUI ??= ribbonUI;
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      showPane();
      if (control.Id !== 'showPane') postCommand(app.PluginStorage, control.Id);
      return true;
    },
    GetImage(control: RibbonControl): string {
      return IMAGES[control.Id] ?? IMAGES.showPane!;
    },
    OnGetEnabled(): boolean {
      return true;
    },
    OnGetVisible(): boolean {
      return true;
    },
  };
}
