import { Button, CounterBadge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { clusterByCulprit, type Edition, type Finding, groupByTable } from '../../core.js';
import { FindingCard } from './FindingCard.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
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
  toggle: { alignSelf: 'flex-start' },
});

interface ListProps {
  findings: readonly Finding[];
  edition: Edition;
  cursor?: string;
  writable: boolean;
  showSheet: boolean;
  onSelect: (f: Finding) => void;
  onApply: (f: Finding) => void;
  onExplain: (f: Finding, text: string) => void;
  /** Whether the finding's cell holds a formula, as writing to it found: no 改为 then. */
  isFormula?: (f: Finding) => boolean;
  disabled: boolean;
}

function Cards(props: ListProps & { findings: readonly Finding[]; label: string }) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label={props.label}>
      {clusterByCulprit(props.findings).map((c) => (
        <FindingCard
          key={c.key}
          cluster={c}
          edition={props.edition}
          current={c.key === props.cursor}
          writable={props.writable}
          showSheet={props.showSheet}
          onSelect={props.onSelect}
          onApply={props.onApply}
          onExplain={props.onExplain}
          formula={props.isFormula?.(c.findings[0]!) ?? false}
          disabled={props.disabled}
        />
      ))}
    </ul>
  );
}

/** Warnings answered with a 说明, folded under their table until the clerk opens them. */
function Explained(props: ListProps & { title: string }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        className={s.toggle}
        size="small"
        appearance="subtle"
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        已说明的 {props.findings.length} 项
      </Button>
      {open && <Cards {...props} label={`${props.title}：已说明`} />}
    </>
  );
}

/** The findings by table, open ones first; each table's answered warnings folded beneath. */
export function FindingList(props: ListProps) {
  const s = useStyles();
  return (
    <>
      {groupByTable(props.findings).map((g) => {
        const open = g.findings.filter((f) => !f.note);
        const explained = g.findings.filter((f) => f.note);
        // As many as there are cards: one card holds every finding its culprit explains.
        const cards = clusterByCulprit(open).length;
        return (
          <section key={g.title} className={s.group} aria-label={`${g.title}：${cards} 项`}>
            <h2 className={s.heading}>
              <Text weight="semibold">{g.title}</Text>
              {/* The section's name says the count: not read again after the heading's words. */}
              <CounterBadge count={cards} size="small" color="informative" showZero aria-hidden />
            </h2>
            {open.length > 0 && <Cards {...props} findings={open} label={g.title} />}
            {explained.length > 0 && <Explained {...props} findings={explained} title={g.title} />}
          </section>
        );
      })}
    </>
  );
}
