import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  useAnnounce,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { FindingList } from './components/FindingList.js';
import { PastePanel } from './components/PastePanel.js';
import { PreviousYear } from './components/PreviousYear.js';
import { Legend, Navigator, Summary } from './components/Summary.js';
import { InsertDialog, Toolbar } from './components/Toolbar.js';
import { type PaneController, type Stop, stopsOf, type Task } from './controller.js';
import { shownText, summary } from '../core.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    // A narrow pane (320 px) wraps; it never scrolls sideways.
    overflowX: 'hidden',
    minWidth: 0,
  },
  intro: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  busy: { alignSelf: 'flex-start' },
  // For screen readers only: the pane's title, over the tables' headings.
  heading: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    margin: 0,
  },
  notice: { overflowWrap: 'anywhere' },
});

const BUSY_TEXT: Readonly<Record<Task, string>> = {
  check: '正在校验…',
  recheck: '',
  clear: '正在清除标记…',
  insert: '正在插入模板…',
  apply: '正在改写…',
  select: '',
  note: '正在保存说明…',
  audit: '正在生成审核报告…',
};

const NOTICE_NAME = { error: '错误提示', warning: '提示', info: '提示', success: '完成' } as const;

/** What the sidebar says before the first 校验: in Excel or WPS, and on the offline page. */
const INTRO_SHEET = [
  '在年报所在的工作表上点「校验」：有问题的单元格会在表中标出，并在这里列出原因和建议的改法。',
  '还没有表格？点「插入模板」新建一张官方格式的年报表。',
  '改动表中数字后，列表会自动重新校验。所有检查都在本机完成，不上传任何数据。',
];
const INTRO_FILE = [
  '打开年报文件，即自动校验：有问题的单元格在左边的表中标出，原因和建议的改法列在这里。',
  '网页版不修改文件：请在 Excel 或 WPS 中改正并保存，再点「重新校验」。',
  '所有检查都在这个浏览器中完成，不上传任何数据。',
];

/** Published reports' files, as the panels take them. */
const PUBLISHED_FILES = '.txt,.html,.htm,.mht,.mhtml,.pdf,.docx';

/** What the clerk can paste a published report's text for. */
const PASTE = {
  import: {
    label: '已发布年报的文字',
    hint: '在网页上全选年报正文（含表格）并复制，粘贴到这里；或选择、拖入保存的网页、PDF、Word 文件。数字会填入一张新的模板工作表。',
    action: '导入',
    use: (pane: PaneController, text: string) => pane.importText(text),
    file: (pane: PaneController, name: string, bytes: Uint8Array) => pane.importFile(name, bytes),
    accept: PUBLISHED_FILES,
    fileLabel: '已发布年报的文件',
  },
  previous: {
    label: '上年报告的文字',
    hint: '粘贴上年已发布年报的全文；或选择、拖入上年的工作簿（.xlsx）、保存的网页、PDF、Word 文件。用于核对跨年度关系（如上年结转）和内容雷同。',
    action: '使用',
    use: (pane: PaneController, text: string) => pane.usePreviousText(text),
    file: (pane: PaneController, name: string, bytes: Uint8Array) => pane.usePreviousFile(name, bytes),
    accept: `.xlsx,${PUBLISHED_FILES}`,
    fileLabel: '上年报告的文件',
  },
} as const;

/**
 * Keeps the keyboard where the clerk was: a button pressed (「改为 5」, 保存说明) may go with its card
 * when the list is re-checked, and focus would fall to the page. It goes to the card now in that
 * place (the next one), else to the last card, else to the button of the toolbar last used.
 */
function useFocusKept(main: React.RefObject<HTMLElement | null>) {
  const last = useRef<{ card?: number; key?: string }>({});
  useEffect(() => {
    const el = main.current;
    if (!el) return;
    const note = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      const card = target.closest('[data-card]');
      const key = target.closest<HTMLElement>('[data-focus]')?.dataset.focus;
      last.current = card
        ? { card: [...el.querySelectorAll('[data-card]')].indexOf(card) }
        : key
          ? { key }
          : {};
    };
    el.addEventListener('focusin', note);
    return () => el.removeEventListener('focusin', note);
  }, [main]);
  // After every render, and again once a closing dialog has gone (its fade-out outlives the render
  // that closed it): focus lost to the page while the pane has it (not a click into the sheet).
  useLayoutEffect(() => {
    restore();
    const later = setTimeout(restore, 400);
    return () => clearTimeout(later);
  });
  function restore() {
    const el = main.current;
    const active = document.activeElement;
    if (!el || !document.hasFocus() || (active && active !== document.body)) return;
    const { card, key } = last.current;
    const cards = el.querySelectorAll<HTMLElement>('[data-card]');
    const near = card !== undefined ? cards[Math.min(card, cards.length - 1)] : undefined;
    const target = near
      ? (near.querySelector<HTMLElement>('[data-locate]') ?? near)
      : card !== undefined
        ? el.querySelector<HTMLElement>('[data-summary]')
        : key
          ? el.querySelector<HTMLElement>(`[data-focus="${key}"]`)
          : undefined;
    target?.focus();
  }
}

/** Which of its card's cells a stop is, where the card lists several: 「D30（该项 4 格中的第 2 格）：」. */
const cellOfCard = (stop: Stop) =>
  stop.ofCard ? `${stop.address}（该项 ${stop.ofCard[1]} 格中的第 ${stop.ofCard[0]} 格）：` : '';

export function App({ pane }: { pane: PaneController }) {
  const s = useStyles();
  const state = useSyncExternalStore(pane.subscribe, pane.getState);
  const working = state.busy && BUSY_TEXT[state.busy];
  const blocked = state.busy !== undefined && state.busy !== 'select' && state.busy !== 'recheck';
  const [paste, setPaste] = useState<keyof typeof PASTE>();
  const result = state.result;
  const stops = result ? stopsOf(result.findings) : [];
  const at = stops.findIndex((x) => x.key === state.cursor);
  const main = useRef<HTMLElement>(null);
  useFocusKept(main);
  const { announce } = useAnnounce();
  // Every check is said, a re-check too, and the same words again: the clerk pressed 校验 for them.
  useEffect(() => {
    if (result) announce(summary(result.findings, { places: true }), { polite: true });
  }, [result, announce]);
  // 上一个 / 下一个 and Alt+↑ / Alt+↓ say where they went.
  const stop = at >= 0 ? stops[at] : undefined;
  useEffect(() => {
    if (stop)
      announce(`第 ${at + 1} / ${stops.length} 处：${cellOfCard(stop)}${shownText(stop.finding.message)}`, {
        polite: true,
      });
    // The stop's key, not the object: a re-check makes new objects of the same stop.
  }, [stop?.key, announce]);
  // Alt+↓ / Alt+↑ anywhere in the page (focus may be on the page itself): the next or previous finding's cell.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      if (!main.current?.querySelector('[data-locate]')) return;
      // Alt+↓ on a menu's button or a list opens it (上年报告's 选择): it is not also a step.
      const on = e.target instanceof Element ? e.target : null;
      if (on?.closest('[aria-haspopup], [role="menu"], [role="listbox"], [role="combobox"], select')) return;
      e.preventDefault();
      void pane.step(e.key === 'ArrowDown' ? 1 : -1);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [pane]);
  return (
    <main className={s.root} aria-busy={Boolean(working)} ref={main}>
      <h1 className={s.heading}>年报校验</h1>
      <Toolbar pane={pane} busy={state.busy} checked={Boolean(result)} onImport={() => setPaste('import')} />
      <InsertDialog pane={pane} edition={state.asking} onClose={() => pane.cancelInsert()} />
      <PreviousYear
        pane={pane}
        choice={state.previous}
        result={result}
        disabled={blocked}
        onPaste={() => setPaste('previous')}
      />
      {paste && (
        <PastePanel
          {...PASTE[paste]}
          onCancel={() => setPaste(undefined)}
          onDone={(text) => {
            setPaste(undefined);
            void PASTE[paste].use(pane, text);
          }}
          onFile={(name, bytes) => {
            setPaste(undefined);
            void PASTE[paste].file(pane, name, bytes);
          }}
        />
      )}
      {working && !result && <Spinner className={s.busy} size="tiny" label={working} />}
      {state.notice && (
        // Keyed by its text: a new notice is a new bar, and is read out.
        <MessageBar
          key={state.notice.text}
          intent={state.notice.intent}
          layout="multiline"
          aria-label={NOTICE_NAME[state.notice.intent]}
          politeness={state.notice.intent === 'error' ? 'assertive' : 'polite'}
        >
          <MessageBarBody className={s.notice}>{shownText(state.notice.text)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="关闭提示"
                icon={<DismissRegular />}
                onClick={() => pane.dismissNotice()}
              />
            }
          />
        </MessageBar>
      )}
      {result ? (
        <>
          <Summary
            result={result}
            checks={state.checks}
            rechecks={state.rechecks}
            stale={Boolean(state.stale)}
          />
          {stops.length > 0 && (
            <Navigator
              onStep={(d) => void pane.step(d)}
              disabled={blocked}
              // A finding of a whole table has no cell to go to: the places may be fewer than the findings.
              position={
                stop
                  ? `第 ${at + 1} / ${stops.length} 处${stop.ofCard ? `（${stop.address}）` : ''}`
                  : `共 ${stops.length} 处可定位`
              }
            />
          )}
          {result.marked && stops.length > 0 && <Legend />}
          <FindingList
            findings={result.findings}
            edition={result.report!.edition}
            cursor={stop?.card}
            writable={pane.host.writable}
            showSheet={result.sheets.length > 1}
            onSelect={(f) => void pane.select(f)}
            onApply={(f) => void pane.apply(f)}
            onExplain={(f, text) => void pane.explain(f, text)}
            isFormula={(f) => pane.isFormula(f)}
            disabled={blocked}
          />
        </>
      ) : (
        !state.notice &&
        !working && (
          <div className={s.intro}>
            {(pane.host.writable ? INTRO_SHEET : INTRO_FILE).map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </div>
        )
      )}
    </main>
  );
}
