import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  DocumentTextRegular,
  EraserRegular,
  TableAddRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import { type Edition, editionForYear } from '../../core.js';
import type { PaneController, Task } from '../controller.js';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A pane 160 px wide (320 px at 200%): the field shrinks with the dialog, and its hint wraps.
  year: { minWidth: 0, width: '100%' },
});

/** 插入模板 asks which year the report is for: the sheet is named after it and 报告年度 filled. */
export function InsertDialog(props: { pane: PaneController; edition?: Edition; onClose: () => void }) {
  const { pane, edition } = props;
  // Untouched: last year; cleared by the clerk: empty, and nothing is inserted until a year is typed.
  const [year, setYear] = useState<string | undefined>(undefined);
  // Untouched: the body of the report checked last; it may be left empty and filled in on the sheet.
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const body = agency ?? pane.defaultAgency();
  const fallback = edition ? pane.defaultYear(edition) : 0;
  const value = year ?? String(fallback);
  const n = value.trim() === '' ? NaN : Number(value);
  const isYear = Number.isInteger(n) && n >= 2019 && n <= 2100;
  const fits = isYear && edition !== undefined && editionForYear(n) === edition;
  const valid = isYear && fits;
  const problem = !isYear
    ? '请填 2019 年以后的年份。'
    : `${n} 年度应使用 ${editionForYear(n)} 版模板（2019、2020 年度用 2019 版，2021 年度起用 2021 版）：请从「插入模板」选 ${editionForYear(n)} 版。`;
  const s = useStyles();
  const close = () => {
    setYear(undefined);
    setAgency(undefined);
    props.onClose();
  };
  return (
    <Dialog open={edition !== undefined} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface aria-label="插入模板">
        <DialogBody>
          <DialogTitle>插入 {edition} 版模板</DialogTitle>
          <DialogContent>
            <Field
              label="报告年度"
              validationState={valid ? 'none' : 'error'}
              validationMessage={valid ? '新工作表以此命名，并填入「报告年度」。' : problem}
            >
              <Input
                className={s.year}
                type="number"
                value={value}
                onChange={(_, d) => setYear(d.value)}
                aria-label="报告年度"
                autoFocus
              />
            </Field>
            <Field label="机关名称" hint="填入「机关名称」；也可以以后在表中填写。">
              <Input
                className={s.year}
                value={body}
                onChange={(_, d) => setAgency(d.value)}
                aria-label="机关名称"
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={!valid}
              onClick={() => {
                void pane.insert(edition!, n, body);
                setYear(undefined);
                setAgency(undefined);
              }}
            >
              插入
            </Button>
            <Button onClick={close}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function Toolbar({
  pane,
  busy,
  checked,
  onImport,
}: {
  pane: PaneController;
  busy?: Task;
  /** A report has been checked: the 审核报告 can be made. */
  checked: boolean;
  onImport: () => void;
}) {
  const s = useStyles();
  const blocked = busy !== undefined && busy !== 'select';
  const writable = pane.host.writable;
  return (
    // A group, not a toolbar: each button is a stop of its own (Tab), not one stop moved by arrows.
    // While a task runs the buttons stay focusable (disabledFocusable): a disabled one drops the focus.
    <div className={s.bar} role="group" aria-label="年报校验">
      <Button
        appearance="primary"
        icon={<CheckmarkCircleRegular />}
        disabledFocusable={blocked || pane.host.empty}
        onClick={() => void pane.check()}
        data-focus="check"
      >
        校验
      </Button>
      {writable && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton icon={<TableAddRegular />} disabledFocusable={blocked} data-focus="insert">
              插入模板
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => pane.requestInsert('2021')}>2021 版（现行）…</MenuItem>
              <MenuItem onClick={() => pane.requestInsert('2019')}>2019 版（2019、2020 年度）…</MenuItem>
              <MenuDivider />
              <MenuItem onClick={onImport}>导入已发布年报…</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
      {writable && (
        <Button
          icon={<EraserRegular />}
          disabledFocusable={blocked}
          onClick={() => void pane.clear()}
          data-focus="clear"
        >
          清除标记
        </Button>
      )}
      <Button
        icon={<DocumentTextRegular />}
        disabledFocusable={blocked || !checked}
        onClick={() => void pane.audit()}
        data-focus="audit"
      >
        生成审核报告
      </Button>
    </div>
  );
}
