import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Finding } from '../../checks/finding.js';
import { findingAddress } from '../controller.js';

const SEVERITY = {
  error: { label: '错误', color: 'danger' },
  warning: { label: '警告', color: 'warning' },
  info: { label: '提示', color: 'informative' },
} as const;

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
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
    gap: tokens.spacingVerticalXXS,
    ':focus-visible': {
      outlineWidth: '2px',
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: '2px',
    },
    ':hover .message': { textDecoration: 'underline' },
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  message: { lineHeight: tokens.lineHeightBase300, wordBreak: 'break-word' },
  foot: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
});

export function FindingCard(props: {
  finding: Finding;
  onSelect: (f: Finding) => void;
  onApply: (f: Finding) => void;
  disabled: boolean;
}) {
  const { finding: f } = props;
  const s = useStyles();
  const severity = SEVERITY[f.severity];
  const address = findingAddress(f);
  const canApply = f.culprit !== undefined && f.suggested !== undefined && address !== undefined;
  return (
    <li className={mergeClasses(s.card, f.severity !== 'error' && s.warning)}>
      <button
        type="button"
        className={s.locate}
        onClick={() => props.onSelect(f)}
        aria-label={`${severity.label}：${f.message}${address ? `。定位到单元格 ${address}` : ''}`}
        disabled={!address}
      >
        <span className={s.head}>
          <Badge appearance="filled" color={severity.color} size="small">
            {severity.label}
          </Badge>
          <Text size={200} className={s.cell}>
            {f.rule}
            {address ? ` · ${address}` : ''}
          </Text>
        </span>
        <Text className={mergeClasses(s.message, 'message')}>{f.message}</Text>
      </button>
      {canApply && (
        <span className={s.foot}>
          <Button
            size="small"
            appearance="primary"
            disabled={props.disabled}
            onClick={() => props.onApply(f)}
            aria-label={`把单元格 ${address} 改为 ${f.suggested}`}
          >
            改为 {f.suggested}
          </Button>
        </span>
      )}
    </li>
  );
}
