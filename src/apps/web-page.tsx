import { Button, makeStyles, shorthands, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { type DragEvent, useRef, useState, useSyncExternalStore } from 'react';
import { endSentence } from '../core.js';
import { App } from '../taskpane/App.js';
import type { Notice, PaneController } from '../taskpane/controller.js';
import type { FileHandle, FileHost, PickedFile } from '../web/file-host.js';
import { SheetView } from '../web/SheetView.js';

/** What the page reads. */
export const ACCEPT = '.xlsx,.xls,.txt,.html,.htm,.shtml,.mht,.mhtml,.pdf,.docx';

/** Narrower than this, the sheet and the sidebar stand one above the other. */
const NARROW = '@media (max-width: 760px)';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 380px',
    gridTemplateRows: 'auto minmax(0, 1fr)',
    height: '100vh',
    [NARROW]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateRows: 'auto minmax(240px, 50vh) auto',
      height: 'auto',
      minHeight: '100vh',
    },
  },
  header: {
    gridColumn: '1 / 3',
    [NARROW]: { gridColumn: '1' },
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottomWidth: '1px',
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke2,
    flexWrap: 'wrap',
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  note: { color: tokens.colorNeutralForeground3 },
  file: { marginLeft: 'auto', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  sheet: { minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' },
  drop: {
    margin: tokens.spacingHorizontalXXL,
    flex: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    ...shorthands.border('2px', 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusXLarge),
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    ...shorthands.padding(tokens.spacingHorizontalXL),
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  pane: {
    borderLeftWidth: '1px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke2,
    overflowY: 'auto',
    minHeight: 0,
    [NARROW]: {
      borderLeftWidth: 0,
      borderTopWidth: '1px',
      borderTopStyle: 'solid',
      borderTopColor: tokens.colorNeutralStroke2,
      overflowY: 'visible',
    },
  },
});

/** The browser's file picker that keeps a handle on the file (Chromium), where there is one. */
type PickerWindow = Window & {
  showOpenFilePicker?: (options: unknown) => Promise<(FileHandle & { kind: string })[]>;
};

/** A dropped file's handle, where the browser gives one (Chromium). */
type HandleItem = DataTransferItem & {
  getAsFileSystemHandle?: () => Promise<(FileHandle & { kind: string }) | null>;
};

const GRAVITY: readonly Notice['intent'][] = ['success', 'info', 'warning', 'error'];
/** The gravest of the notices said together, which their one bar shows. */
const gravest = (intents: readonly (Notice['intent'] | undefined)[]): Notice['intent'] =>
  GRAVITY[Math.max(1, ...intents.map((i) => (i ? GRAVITY.indexOf(i) : 0)))]!;

/**
 * 年报校验网页版: open a report (picked or dropped), see it with its marks, and the same sidebar
 * beside it. The file is read in the page; nothing leaves the machine.
 */
export function Page({ host, pane }: { host: FileHost; pane: PaneController }) {
  const s = useStyles();
  useSyncExternalStore(
    (cb) => host.book.watch(cb),
    () => host.book.version,
  );
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  /** Opens and checks a file; `left` says what else the clerk gave that was not opened. */
  const open = async (file: PickedFile, handle?: FileHandle, left?: string) => {
    let loaded = false;
    try {
      await host.loadFile(file, handle);
      loaded = true;
      pane.newDocument();
      await pane.check();
      // A file of several reports: the others are checked when the clerk goes to them.
      const others = host.otherReports();
      const notice = pane.getState().notice;
      if (others || left)
        pane.notify({
          intent: gravest([notice?.intent, others?.intent, left ? 'warning' : undefined]),
          text: [left, notice?.text, others?.text].filter(Boolean).join(' '),
        });
    } catch (e) {
      const shown = host.fileName;
      const notice = {
        intent: 'error' as const,
        text: [
          left,
          endSentence(`${file.name}：${host.explainError(e)}`),
          loaded ? '' : shown ? `下面仍是此前打开的「${shown}」的内容和校验结果。` : '',
        ]
          .filter(Boolean)
          .join(' '),
      };
      // A file not read leaves the one shown before, and its list, as they were: they still agree.
      // One read but not checked is shown with the list of the file before: that list is out of date.
      if (loaded) pane.markStale(notice);
      else pane.notify(notice);
    }
  };

  const choose = async () => {
    const picker = (window as PickerWindow).showOpenFilePicker;
    if (!picker) return input.current?.click();
    try {
      const [handle] = await picker({
        types: [{ description: '年报文件', accept: { 'application/octet-stream': ACCEPT.split(',') } }],
      });
      if (!handle) return;
      await open(await handle.getFile(), handle);
    } catch (e) {
      // Closing the picker is no error.
      if ((e as Error).name !== 'AbortError') pane.notify({ intent: 'error', text: host.explainError(e) });
    }
  };

  const reload = async () => {
    if (!host.canReload) {
      // The list stays until the file is chosen again, said to be of the file as it was then.
      pane.markStale({ intent: 'info', text: '这个浏览器没有保留文件：请在文件保存后重新选择它。' });
      return void choose();
    }
    try {
      await host.reload();
      await pane.check();
    } catch (e) {
      pane.markStale({ intent: 'error', text: host.explainError(e) });
    }
  };

  const onDrop = async (e: DragEvent) => {
    setDragging(false);
    // Dropped on the sidebar's panel for last year's report: that file is last year's, not the one to open.
    if (e.defaultPrevented) return;
    e.preventDefault();
    const item = e.dataTransfer.items[0] as HandleItem | undefined;
    const files = [...e.dataTransfer.files];
    const file = files[0];
    if (!file) return;
    const handle = await item?.getAsFileSystemHandle?.().catch(() => null);
    // This year's and last year's files dropped together: checking one in silence would pass the other.
    const others = files
      .slice(1)
      .map((f) => `「${f.name}」`)
      .join('、');
    const left =
      files.length > 1
        ? `一次校验一个文件：已打开「${file.name}」，另外 ${files.length - 1} 个文件（${others}）未校验，请逐个打开；其中的上年报告，请在「上年报告」的「选择」中点「上年报告的文件或文字…」选用。`
        : undefined;
    await open(file, handle?.kind === 'file' ? handle : undefined, left);
  };

  return (
    <div
      className={s.page}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <header className={s.header}>
        <Text className={s.title}>年报校验 · 网页版</Text>
        <Text size={200} className={s.note}>
          在本机浏览器中离线运行，文件不会上传，也不会被修改
        </Text>
        <Button appearance="primary" icon={<FolderOpenRegular />} onClick={() => void choose()}>
          打开文件…
        </Button>
        <Button icon={<ArrowClockwiseRegular />} disabled={!host.fileName} onClick={() => void reload()}>
          重新校验
        </Button>
        {host.fileName && (
          <Text size={200} className={s.file}>
            {host.fileName}
          </Text>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label="选择年报文件"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
      </header>
      <section className={s.sheet} aria-label="文件内容">
        {host.fileName ? (
          <SheetView book={host.book} readOnly />
        ) : (
          <div className={`${s.drop} ${dragging ? s.dragging : ''}`}>
            <Text size={500} weight="semibold">
              把年报文件拖到这里，或点「打开文件」
            </Text>
            <Text>
              Excel 或 WPS 表格保存的工作簿（.xlsx）；网页上的年报（.html、.mht，或复制的文字存成
              .txt）；PDF；Word（.docx）。
            </Text>
            <Text size={200}>文件在改正、保存之后，点「重新校验」即按新内容再查一遍。</Text>
          </div>
        )}
      </section>
      <aside className={s.pane} aria-label="年报校验侧边栏">
        <App pane={pane} />
      </aside>
    </div>
  );
}
