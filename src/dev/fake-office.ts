// Stands in for office.js in the preview: the task pane runs unchanged against the preview page's
// in-memory workbook.
import { FakeExcel } from './fake-excel.js';
import type { CommandHandler, PreviewHost } from './preview-host.js';

const host: PreviewHost = window.parent.nianbaoPreview ?? { excel: new FakeExcel(), commands: new Map() };
if (!host.excel.sheets.length) host.excel.addSheet('Sheet1');
const info = { host: 'Excel', platform: 'OfficeOnline' };
/** Office's Black theme where the preview is opened with ?theme=dark, else its default (Colorful). */
const dark = new URLSearchParams(window.parent.location.search).get('theme') === 'dark';
const officeTheme = dark
  ? { isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' }
  : { isDarkTheme: false, bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000' };

const office = {
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  actions: { associate: (name: string, handler: CommandHandler) => host.commands.set(name, handler) },
  addin: { showAsTaskpane: () => Promise.resolve() },
  // The in-memory Excel does what ExcelApi 1.9 does, and no more.
  context: {
    officeTheme,
    requirements: { isSetSupported: (_set: string, version = '1.1') => Number(version.split('.')[1]) <= 9 },
  },
};

Object.assign(window, { Office: office, Excel: { run: host.excel.run } });
