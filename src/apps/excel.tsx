// The Excel add-in: Office.js host, the shared controller, the ribbon and the sidebar, wired once.
import { commandActions } from '../commands/actions.js';
import { servedPdfReader } from '../host/pdf-thread.js';
import { ExcelHost, type Runner } from '../excel/host.js';
import { registerRibbon } from '../excel/ribbon.js';
import { officeScheme } from '../excel/theme.js';
import { PaneController } from '../taskpane/controller.js';
import { mountSidebar, mountUnsupported, toldUnsupported } from '../taskpane/mount.js';

/** What the ribbon and sidebar need of Excel (the manifest asks the same of Office). */
const EXCEL_API = '1.9';

// The shared runtime loads this page once for the ribbon and the sidebar: one controller serves both.
void Office.onReady(() => {
  // Office 2016/2019's webviews are told what to use instead by the page itself, before this runs.
  if (toldUnsupported()) return;
  if (!Office.context.requirements.isSetSupported('ExcelApi', EXCEL_API)) {
    mountUnsupported(
      `这个版本的 Excel 不支持年报校验加载项所需的功能（ExcelApi ${EXCEL_API}）。请升级到 Microsoft 365 或 Office 2021 及以上，` +
        '或改用年报校验网页版（离线网页）、WPS 表格加载项。',
      officeScheme(),
    );
    return;
  }
  const pane = new PaneController(new ExcelHost(Excel.run as Runner), { readPdf: servedPdfReader() });
  registerRibbon(commandActions(pane));
  mountSidebar(pane, officeScheme());
});
