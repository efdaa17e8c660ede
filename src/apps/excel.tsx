// The Excel add-in: Office.js host, the shared controller, the ribbon and the sidebar, wired once.
import { commandActions } from '../commands/actions.js';
import { ExcelHost, type Runner } from '../excel/host.js';
import { registerRibbon } from '../excel/ribbon.js';
import { PaneController } from '../taskpane/controller.js';
import { mountSidebar } from '../taskpane/mount.js';

// The shared runtime loads this page once for the ribbon and the sidebar: one controller serves both.
void Office.onReady(() => {
  const pane = new PaneController(new ExcelHost(Excel.run as Runner));
  registerRibbon(commandActions(pane));
  mountSidebar(pane);
});
