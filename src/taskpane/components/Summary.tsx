import { Button, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUpRegular,
  CheckmarkCircleFilled,
  ErrorCircleFilled,
  WarningFilled,
} from '@fluentui/react-icons';
import { countBySeverity, shownText, summary } from '../../core.js';
import type { WorkbookCheck } from '../../host/check.js';
import { MARK_FILL, MARK_MEANING, type MarkKind } from '../../host/marks.js';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: '20px' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: '20px' },
  pass: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: 'anywhere' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: '12px',
    height: '12px',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: '-1px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  count: { whiteSpace: 'nowrap' },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function Summary({
  result,
  checks,
  rechecks,
  stale = false,
}: {
  result: WorkbookCheck;
  checks: number;
  /** Automatic re-checks since: the list follows the clerk's edits, and says so. */
  rechecks: number;
  /** The check after this one failed. */
  stale?: boolean;
}) {
  const s = useStyles();
  const n = countBySeverity(result.findings);
  const icon = n.error ? (
    <ErrorCircleFilled className={s.error} />
  ) : n.warning ? (
    <WarningFilled className={s.warning} />
  ) : (
    <CheckmarkCircleFilled className={s.pass} />
  );
  const report = result.report!;
  const where = result.sheets.map((x) => `「${shownText(x.name)}」`).join('、');
  return (
    <div className={s.box}>
      {/* The sidebar reads each check's result out itself (App), the same words again included. */}
      <div className={s.line} role="status" aria-live="off" tabIndex={-1} data-summary>
        {icon}
        <Text size={500} weight="semibold">
          {/* A narrow pane breaks the line between counts, not inside one (「1 个警」 / 「告」). */}
          {summary(result.findings, { places: true })
            .split('，')
            .map((part, i, parts) => (
              <span key={i} className={s.count} data-count>
                {part}
                {i < parts.length - 1 ? '，' : ''}
              </span>
            ))}
        </Text>
      </div>
      <Text size={200} className={s.meta}>
        工作表{where} · {report.edition} 版{report.year ? ` · ${report.year} 年度` : ''}
        {report.agency ? ` · ${shownText(report.agency)}` : ''} · 第 {checks} 次校验
        {rechecks ? ` · 已随修改自动更新 ${rechecks} 次` : ''}
      </Text>
      {stale && (
        <Text size={200} className={s.stale}>
          这是上一次校验的结果：最近一次校验没有完成（原因见上方提示），列表可能与现在的内容不符。
        </Text>
      )}
    </div>
  );
}

/** What the colours on the sheet mean. */
export function Legend() {
  const s = useStyles();
  return (
    <div className={s.legend} role="note" aria-label="标记颜色的含义">
      {(Object.keys(MARK_FILL) as MarkKind[]).map((k) => (
        <Text size={200} key={k}>
          {/* Its colour is its meaning: high-contrast modes must not replace it. */}
          <span className={s.swatch} style={{ backgroundColor: MARK_FILL[k], forcedColorAdjust: 'none' }} />
          {MARK_MEANING[k]}
        </Text>
      ))}
    </div>
  );
}

/** 上一个 / 下一个: goes through the findings' cells in the sidebar's order (Alt+↑ / Alt+↓). */
export function Navigator(props: {
  onStep: (direction: 1 | -1) => void;
  disabled: boolean;
  position?: string;
}) {
  const s = useStyles();
  return (
    <div className={s.nav} role="group" aria-label="逐个定位问题">
      <Tooltip content="上一个问题（Alt+↑）" relationship="description">
        <Button
          size="small"
          icon={<ArrowUpRegular />}
          disabledFocusable={props.disabled}
          onClick={() => props.onStep(-1)}
        >
          上一个
        </Button>
      </Tooltip>
      <Tooltip content="下一个问题（Alt+↓）" relationship="description">
        <Button
          size="small"
          icon={<ArrowDownRegular />}
          disabledFocusable={props.disabled}
          onClick={() => props.onStep(1)}
        >
          下一个
        </Button>
      </Tooltip>
      {props.position && <Text size={200}>{props.position}</Text>}
    </div>
  );
}
