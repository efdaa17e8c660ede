import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Where the clerk pastes a published report's text, copied from its web page. */
export function PastePanel(props: {
  label: string;
  hint: string;
  action: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const s = useStyles();
  const [text, setText] = useState('');
  return (
    <div className={s.panel}>
      <Field label={props.label} hint={props.hint}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={8} resize="vertical" autoFocus />
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={!text.trim()} onClick={() => props.onDone(text)}>
          {props.action}
        </Button>
        <Button onClick={props.onCancel}>取消</Button>
      </div>
    </div>
  );
}
