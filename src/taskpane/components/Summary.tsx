import { countBySeverity, summary } from '../../core.js';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { SheetCheck } from '../../host/check.js';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: '20px' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: '20px' },
  pass: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function Summary({ result, checks }: { result: SheetCheck; checks: number }) {
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
  return (
    <div className={s.box}>
      {/* Read out after every check, the automatic ones included. */}
      <div className={s.line} role="status" aria-live="polite">
        {icon}
        <Text size={500} weight="semibold">
          {summary(result.findings)}
        </Text>
      </div>
      <Text size={200} className={s.meta}>
        工作表「{result.sheet.name}」· {report.edition} 版{report.year ? ` · ${report.year} 年度` : ''}
        {report.agency ? ` · ${report.agency}` : ''} · 第 {checks} 次校验
      </Text>
    </div>
  );
}
