// The WPS 表格 加载项 as WPS runs it, without WPS: the add-in's own main.js (in WPS's stand-in
// index.html) gets the ribbon's clicks, and the task pane it opens shows the add-in's own sidebar,
// both against an in-memory ET application on this page.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { RibbonControl } from '../wps/ribbon.js';
import { fillExample } from './example.js';
import { FakeEtApp, type FakeTaskPane } from './fake-et.js';
import { SheetView } from '../web/SheetView.js';

const app = new FakeEtApp();
app.book.addSheet('Sheet1');
// Every page of the add-in finds its Application on this page, as WPS hands it to each.
Object.assign(window, { Application: app, nianbaoWps: app });

/** The group of ribbon.xml, by control id. */
const RIBBON = [
  ['插入模板（2021 版）', 'insertTemplate2021'],
  ['插入模板（2019 版）', 'insertTemplate2019'],
  ['校验', 'checkReport'],
  ['清除标记', 'clearMarks'],
  ['生成审核报告', 'auditReport'],
  ['显示侧边栏', 'showPane'],
] as const;

type RibbonPage = Window & { OnAction?: (control: RibbonControl) => boolean };

function Preview() {
  const [pane, setPane] = useState<FakeTaskPane>();
  // As in WPS, the group's buttons work once the add-in's main.js has loaded (until then a click
  // would find no callback and do nothing).
  const [loaded, setLoaded] = useState(false);
  app.onPane = (p) => {
    // The pane is made hidden and shown right after: draw it once its Visible is set.
    setTimeout(() => setPane({ ...p }), 0);
  };
  const click = (id: string) => {
    const main = (document.getElementById('wps-main') as HTMLIFrameElement).contentWindow as RibbonPage;
    main.OnAction?.({ Id: id });
  };
  return (
    <div className="preview">
      <header className="ribbon" role="toolbar" aria-label="功能区：年报校验">
        <span className="group">政务公开年报（WPS）</span>
        {RIBBON.map(([label, id]) => (
          <button key={id} disabled={!loaded} onClick={() => click(id)}>
            {label}
          </button>
        ))}
        <span className="spacer" />
        <button
          onClick={() => void fillExample(app.book)}
          title="在当前的 2019 版模板中填入竞秀区 2019 年报的机关名称和数字"
        >
          填入示例年报
        </button>
      </header>
      <SheetView book={app.book} />
      <iframe
        id="wps-main"
        src="wps/index.html"
        title="WPS 加载项主页面"
        hidden
        onLoad={(e) => setLoaded(Boolean((e.currentTarget.contentWindow as RibbonPage).OnAction))}
      />
      {pane && <iframe className="pane" src={pane.url} title="年报校验侧边栏" />}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);
