// WPS 表格 加载项, the sidebar: WPS's ET host, the shared controller and the same React sidebar.
import { commandActions } from '../commands/actions.js';
import { servedPdfReader } from '../host/pdf-thread.js';
import { PaneController } from '../taskpane/controller.js';
import { mountSidebar, toldUnsupported } from '../taskpane/mount.js';
import { etApplication, type WpsGlobals } from '../wps/et.js';
import { WpsHost } from '../wps/host.js';
import { listenForCommands } from '../wps/mailbox.js';

// WPS gives each page of an add-in its application object; the preview's frame finds it on its parent.
const app = etApplication(window as WpsGlobals, window.parent as WpsGlobals);
const root = document.getElementById('root');
if (toldUnsupported()) {
  // Said by the page already.
} else if (!app) {
  if (root) root.textContent = '年报校验：这个页面需要在 WPS 表格中作为加载项打开。';
} else {
  const pane = new PaneController(new WpsHost(app), { readPdf: servedPdfReader() });
  const actions = commandActions(pane);
  listenForCommands(app.PluginStorage, (name) => void actions[name]?.());
  mountSidebar(pane);
}
