import {
  Badge,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  Text,
  Textarea,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import {
  canExplain,
  cellSpec,
  type Edition,
  type Finding,
  findingAddress,
  type FindingCluster,
  findingPlaceOnSheet,
  isRuleId,
  ruleInfo,
  SEVERITY_LABEL,
  endSentence,
  shownText,
} from '../../core.js';

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorPaletteRedBorder2,
    minWidth: 0,
  },
  // The whole card goes to its cell: its header (the address) and its equations are what the clerk clicks.
  locatable: { cursor: 'pointer' },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  explained: { borderLeftColor: tokens.colorPaletteGreenBorder2, boxShadow: 'none' },
  current: {
    outlineWidth: '2px',
    outlineStyle: 'solid',
    outlineColor: tokens.colorBrandStroke1,
  },
  locate: {
    border: 'none',
    backgroundColor: 'transparent',
    padding: 0,
    margin: 0,
    textAlign: 'start',
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    ':focus-visible': {
      outlineWidth: '2px',
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '2px',
    },
    ':hover .title': { textDecoration: 'underline' },
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // Identities with their numbers are long and have no spaces: break anywhere rather than scroll.
  title: { lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  facts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  meta: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  rule: { textDecorationLine: 'underline', textDecorationStyle: 'dotted', cursor: 'help' },
  note: { color: tokens.colorPaletteGreenForeground1, overflowWrap: 'anywhere' },
  foot: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A rule id with its meaning on hover: 「T3-02：每行总计等于各类申请人之和」. Not a Tab stop: a list
 * of fifty findings would take a hundred presses to walk; the message says what the rule asks.
 */
function RuleId({ id }: { id: string }) {
  const s = useStyles();
  if (!isRuleId(id)) return <>{id}</>;
  const info = ruleInfo(id);
  return (
    <Tooltip content={`${id}：${info.title}。${info.description}`} relationship="description" withArrow>
      <span className={s.rule} data-rule>
        {id}
      </span>
    </Tooltip>
  );
}

/** Where the clerk writes why a warning may stand. */
function NoteEditor(props: {
  initial: string;
  /** Notes go into the workbook (Excel, WPS), or stay in this browser (the offline page). */
  inWorkbook: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const s = useStyles();
  const [text, setText] = useState(props.initial);
  const where = props.inWorkbook ? '说明保存在本工作簿中' : '说明保存在本浏览器中（不写入文件）';
  return (
    <div className={s.editor} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <Field
        label="说明"
        hint={`写明已核实的情况，如「该项确为 0，已核对原始台账」。${where}，数字改动后需重新说明。`}
      >
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={3} resize="vertical" autoFocus />
      </Field>
      <div className={s.foot}>
        <Button size="small" appearance="primary" disabled={!text.trim()} onClick={() => props.onSave(text)}>
          保存说明
        </Button>
        {props.initial && (
          <Button size="small" onClick={() => props.onSave('')}>
            撤销说明
          </Button>
        )}
        <Button size="small" onClick={props.onCancel}>
          取消
        </Button>
      </div>
    </div>
  );
}

/** One thing to fix: a cell that breaks one or more identities, or a single finding. */
export function FindingCard(props: {
  cluster: FindingCluster;
  edition: Edition;
  current: boolean;
  writable: boolean;
  /** The report's tables are on several sheets: say which. */
  showSheet: boolean;
  onSelect: (f: Finding) => void;
  onApply: (f: Finding) => void;
  onExplain: (f: Finding, text: string) => void;
  /** The cell holds a formula (改为 found it so): its references are to be mended, not it. */
  formula?: boolean;
  disabled: boolean;
}) {
  const { cluster } = props;
  const first = cluster.findings[0]!;
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  const card = useRef<HTMLLIElement>(null);
  // 上一个/下一个 (and Alt+↑/↓) bring the card into view, however long the list.
  useEffect(() => {
    if (props.current) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [props.current]);
  const label = first.note ? '已说明' : SEVERITY_LABEL[first.severity];
  const address = findingAddress(first);
  const culprit = cluster.culprit;
  // Broken identities that name one culprit, and that cell's own problem if it has one (「2.5 不是整数」):
  // a cluster with a fact holds nothing else (see clusterByCulprit).
  const merged = culprit !== undefined && cluster.findings.some((f) => f.fact);
  const name = culprit ? (cellSpec(props.edition, culprit.cell)?.name ?? culprit.cell) : undefined;
  const caveat = cluster.findings.find((f) => f.caveat)?.caveat;
  const title = merged
    ? `${name}（${address}）最可能填错${culprit.suggested !== undefined ? `，应为 ${culprit.suggested}` : ''}${caveat ? `；${caveat}` : ''}`
    : first.message;
  const fixable = props.writable && culprit?.suggested !== undefined && address !== undefined && !first.note;
  const canApply = fixable && !props.formula;
  const where = [props.showSheet && first.sheet ? `「${first.sheet}」` : '', findingPlaceOnSheet(first)]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={card}
      data-card
      tabIndex={-1}
      onClick={(e) => {
        // The title is the button (for the keyboard); a click elsewhere on the card goes there too,
        // but not one on a button, a 说明 being written, a rule id (its meaning), or text being selected.
        if (!address || editing || (e.target as Element).closest('button, textarea, input, [data-rule]'))
          return;
        if (window.getSelection()?.toString()) return;
        props.onSelect(first);
      }}
      className={mergeClasses(
        s.card,
        address && !editing && s.locatable,
        first.severity === 'warning' && s.warning,
        first.severity === 'info' && s.info,
        first.note && s.explained,
        props.current && s.current,
      )}
      aria-current={props.current ? 'true' : undefined}
    >
      <span className={s.head}>
        <Badge appearance="filled" color={first.note ? 'success' : BADGE_COLOR[first.severity]} size="small">
          {label}
        </Badge>
        <Text size={200} className={s.meta}>
          {[...new Set(cluster.findings.map((f) => f.rule))].map((id, i) => (
            <span key={id}>
              {i ? ' ' : ''}
              <RuleId id={id} />
            </span>
          ))}
          {where ? ` · ${shownText(where)}` : ''}
        </Text>
      </span>
      {address ? (
        <button
          type="button"
          className={s.locate}
          onClick={() => props.onSelect(first)}
          aria-label={`${label}：${endSentence(shownText(title))}定位到单元格 ${address}`}
          data-locate
        >
          <Text weight={merged ? 'semibold' : 'regular'} className={mergeClasses(s.title, 'title')}>
            {shownText(title)}
          </Text>
        </button>
      ) : (
        // Nothing to go to (a finding of the whole report): text, not a button that does nothing.
        <Text className={s.title}>{shownText(title)}</Text>
      )}
      {merged && (
        <ul className={s.facts} aria-label="原因">
          {cluster.findings.map((f) => (
            <li key={f.rule + f.cells.join()}>
              <Text size={200}>{shownText(f.fact ?? f.message)}</Text>
            </li>
          ))}
        </ul>
      )}
      {first.note && !editing && (
        <Text size={200} className={s.note}>
          说明：{shownText(first.note.text)}（{first.note.at}）
        </Text>
      )}
      {editing ? (
        <NoteEditor
          initial={first.note?.text ?? ''}
          inWorkbook={props.writable}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false);
            props.onExplain(first, text);
          }}
        />
      ) : (
        (fixable || canExplain(first)) && (
          <span className={s.foot}>
            {fixable && props.formula && (
              <Text size={200} className={s.meta}>
                该格是公式：请改正它所引用的单元格
              </Text>
            )}
            {canApply && (
              <Button
                size="small"
                appearance="primary"
                disabledFocusable={props.disabled}
                onClick={() => props.onApply(first)}
                aria-label={`把单元格 ${address} 改为 ${culprit.suggested}`}
              >
                改为 {culprit.suggested}
              </Button>
            )}
            {canExplain(first) && (
              <Button size="small" disabledFocusable={props.disabled} onClick={() => setEditing(true)}>
                {first.note ? '修改说明' : '填写说明'}
              </Button>
            )}
          </span>
        )
      )}
    </li>
  );
}
