// 年报校验网页版: one HTML file, opened from disk or an intranet server, that reads a report in the
// browser and shows the same sidebar beside it. It never writes the file and makes no request.
import { AriaLiveAnnouncer } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { PaneController } from '../taskpane/controller.js';
import { FileHost } from '../web/file-host.js';
import { openFile } from '../web/open.js';
import { toldUnsupported } from '../taskpane/mount.js';
import { systemScheme } from '../host/color-scheme.js';
import { Themed } from '../taskpane/theme.js';
import { Page } from './web-page.js';

/** The 审核报告 printed from a frame of its own: no window to open, no pop-up to block. */
function print(html: string): void {
  const frame = document.createElement('iframe');
  frame.title = '审核报告';
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.print();
  };
  document.getElementById('audit-frame')?.remove();
  frame.id = 'audit-frame';
  document.body.appendChild(frame);
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // A page opened from disk may be refused storage: 说明 then last as long as the page.
    return undefined;
  }
}

if (!toldUnsupported()) {
  const host = new FileHost(openFile, storage(), print);
  const pane = new PaneController(host);
  createRoot(document.getElementById('root')!).render(
    <Themed scheme={systemScheme()}>
      <AriaLiveAnnouncer>
        <Page host={host} pane={pane} />
      </AriaLiveAnnouncer>
    </Themed>,
  );
}
