import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { type DragEvent, useRef, useState } from 'react';

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
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  or: { color: tokens.colorNeutralForeground3 },
});

/** Where the clerk pastes a published report's text, copied from its web page, or gives its file. */
export function PastePanel(props: {
  label: string;
  hint: string;
  action: string;
  onDone: (text: string) => void;
  onCancel: () => void;
  /** The report's file (a workbook, a saved page, a PDF, a Word file), chosen or dropped. */
  onFile: (name: string, bytes: Uint8Array) => void;
  /** The file chooser's types (「.txt,.pdf」), and what it is for (「上年报告的文件」). */
  accept: string;
  fileLabel: string;
}) {
  const s = useStyles();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { onFile } = props;
  const take = async (file: File | undefined) => {
    if (file) onFile(file.name, new Uint8Array(await file.arrayBuffer()));
  };
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    void take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={s.panel}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <Field label={props.label} hint={props.hint}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={8} resize="vertical" autoFocus />
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" disabled={!text.trim()} onClick={() => props.onDone(text)}>
          {props.action}
        </Button>
        <Button onClick={props.onCancel}>取消</Button>
        <Text size={200} className={s.or}>
          或
        </Text>
        <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
          选择文件…
        </Button>
        <input
          ref={input}
          type="file"
          accept={props.accept}
          hidden
          aria-label={`选择${props.fileLabel}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void take(file);
          }}
        />
      </div>
    </div>
  );
}
