import {
  cellSpec,
  type Edition,
  type Finding,
  findingAddress,
  type FindingCluster,
  SEVERITY_LABEL,
} from '../../core.js';
import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';

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
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
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
    ':focus-visible': {
      outlineWidth: '2px',
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '2px',
    },
    ':hover .title': { textDecoration: 'underline' },
    ':disabled': { cursor: 'default' },
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  title: { lineHeight: tokens.lineHeightBase300, wordBreak: 'break-word' },
  facts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
  meta: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  foot: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const endSentence = (s: string) => (/[。！？]$/.test(s) ? s : `${s}。`);

/** One thing to fix: a cell that breaks one or more identities, or a single finding. */
export function FindingCard(props: {
  cluster: FindingCluster;
  edition: Edition;
  onSelect: (f: Finding) => void;
  onApply: (f: Finding) => void;
  disabled: boolean;
}) {
  const { cluster } = props;
  const first = cluster.findings[0]!;
  const s = useStyles();
  const label = SEVERITY_LABEL[first.severity];
  const address = findingAddress(first);
  const culprit = cluster.culprit;
  const merged = culprit !== undefined && cluster.findings.every((f) => f.fact);
  const name = culprit ? (cellSpec(props.edition, culprit.cell)?.name ?? culprit.cell) : undefined;
  const title = merged
    ? `${name}（${address}）最可能填错${culprit.suggested !== undefined ? `，应为 ${culprit.suggested}` : ''}`
    : first.message;
  const canApply = culprit?.suggested !== undefined && address !== undefined;
  return (
    <li
      className={mergeClasses(
        s.card,
        first.severity === 'warning' && s.warning,
        first.severity === 'info' && s.info,
      )}
    >
      <button
        type="button"
        className={s.locate}
        onClick={() => props.onSelect(first)}
        aria-label={`${label}：${endSentence(title)}${address ? `定位到单元格 ${address}` : ''}`}
        disabled={!address}
      >
        <span className={s.head}>
          <Badge appearance="filled" color={BADGE_COLOR[first.severity]} size="small">
            {label}
          </Badge>
          <Text size={200} className={s.meta}>
            {[...new Set(cluster.findings.map((f) => f.rule))].join(' ')}
            {address ? ` · ${address}` : ''}
          </Text>
        </span>
        <Text weight={merged ? 'semibold' : 'regular'} className={mergeClasses(s.title, 'title')}>
          {title}
        </Text>
      </button>
      {merged && (
        <ul className={s.facts} aria-label="不成立的等式">
          {cluster.findings.map((f) => (
            <li key={f.rule + f.cells.join()}>
              <Text size={200}>{f.fact}</Text>
            </li>
          ))}
        </ul>
      )}
      {canApply && (
        <span className={s.foot}>
          <Button
            size="small"
            appearance="primary"
            disabled={props.disabled}
            onClick={() => props.onApply(first)}
            aria-label={`把单元格 ${address} 改为 ${culprit.suggested}`}
          >
            改为 {culprit.suggested}
          </Button>
        </span>
      )}
    </li>
  );
}
