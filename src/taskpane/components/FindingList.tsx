import { clusterByCulprit, type Edition, type Finding, groupByTable } from '../../core.js';
import { CounterBadge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { FindingCard } from './FindingCard.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

export function FindingList(props: {
  findings: readonly Finding[];
  edition: Edition;
  onSelect: (f: Finding) => void;
  onApply: (f: Finding) => void;
  disabled: boolean;
}) {
  const s = useStyles();
  return (
    <>
      {groupByTable(props.findings).map((g) => (
        <section key={g.title} className={s.group} aria-label={`${g.title}：${g.findings.length} 项`}>
          <h2 className={s.heading}>
            <Text weight="semibold">{g.title}</Text>
            <CounterBadge count={g.findings.length} size="small" color="informative" />
          </h2>
          <ul className={s.list}>
            {clusterByCulprit(g.findings).map((c) => (
              <FindingCard
                key={c.key}
                cluster={c}
                edition={props.edition}
                onSelect={props.onSelect}
                onApply={props.onApply}
                disabled={props.disabled}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
