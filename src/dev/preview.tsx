import { createRoot } from 'react-dom/client';
import { fillExample } from './example.js';
import { FakeExcel } from './fake-excel.js';
import type { PreviewHost } from './preview-host.js';
import { SheetView } from '../web/SheetView.js';

const excel = new FakeExcel();
excel.addSheet('Sheet1');
const host: PreviewHost = { excel, commands: new Map() };
window.nianbaoPreview = host;

/** The ribbon group as the manifest declares it, calling the commands the task pane registered. */
const RIBBON = [
  ['插入模板（2021 版）', 'insertTemplate2021'],
  ['插入模板（2019 版）', 'insertTemplate2019'],
  ['校验', 'checkReport'],
  ['清除标记', 'clearMarks'],
  ['生成审核报告', 'auditReport'],
] as const;

function runCommand(name: string): void {
  const command = host.commands.get(name);
  if (command) void command({ completed: () => undefined });
}

function Preview() {
  return (
    <div className="preview">
      <header className="ribbon" role="toolbar" aria-label="功能区：政务公开年报">
        <span className="group">政务公开年报</span>
        {RIBBON.map(([label, name]) => (
          <button key={name} onClick={() => runCommand(name)}>
            {label}
          </button>
        ))}
        <span className="spacer" />
        <button
          onClick={() => void fillExample(excel.book)}
          title="在当前的 2019 版模板中填入竞秀区 2019 年报的机关名称和数字"
        >
          填入示例年报
        </button>
      </header>
      <SheetView book={excel.book} />
      <iframe className="pane" src="taskpane.html" title="年报校验侧边栏" />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);
