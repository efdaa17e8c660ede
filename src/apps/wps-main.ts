// WPS 表格 加载项, main.js: WPS opens an index.html of its own that loads this file, then reads
// ribbon.xml, whose callbacks are the globals defined here.
import { etApplication, type WpsGlobals } from '../wps/et.js';
import { ribbonCallbacks } from '../wps/ribbon.js';

const app = etApplication(window as WpsGlobals, window.parent as WpsGlobals);
const here = decodeURI(document.location.href.replace(/[?#].*$/, ''));
const paneUrl = `${here.slice(0, here.lastIndexOf('/'))}/taskpane.html`;
if (app) Object.assign(window, ribbonCallbacks(app, paneUrl));
