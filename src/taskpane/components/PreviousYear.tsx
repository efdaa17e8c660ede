import {
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItemRadio,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { shownText } from '../../core.js';
import type { PreviousChoice, WorkbookCheck } from '../../host/check.js';
import type { PaneController } from '../controller.js';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', flex: '1 1 160px' },
});

function shown(choice: PreviousChoice, result: WorkbookCheck | undefined, place: string): string {
  if (choice.kind === 'none') return '不对照（不做跨年度核对）';
  if (result?.previous) return `${result.previous.label}${result.previous.auto ? '（自动找到）' : ''}`;
  if (choice.kind === 'text') return choice.label;
  if (!result) return `校验时自动在${place}中查找`;
  // Last year's is found by this report's year: with none, it cannot be looked for.
  if (result.report && result.report.year === undefined)
    return '本报告没有注明报告年度，无法查找上一年度的报告（不做跨年度核对）';
  // Nor is a report found as last year's whose own year is not filled in: the clerk may choose it.
  const undated = result.candidates.filter((c) => c.undated);
  if (undated.length)
    return `${place}中没有注明上一年度的报告（${undated.map((c) => c.label).join('、')}，可在「选择」中指定；不做跨年度核对）`;
  return `${place}中没有上一年度的报告（不做跨年度核对）`;
}

/** 上年报告: found in the workbook by itself, or chosen: another sheet, pasted text, a file, or none. */
export function PreviousYear(props: {
  pane: PaneController;
  choice: PreviousChoice;
  result?: WorkbookCheck;
  disabled: boolean;
  onPaste: () => void;
}) {
  const s = useStyles();
  const { pane, choice, result } = props;
  const checked = [
    choice.kind === 'sheet' ? `sheet:${choice.sheetId}` : choice.kind === 'text' ? 'text' : choice.kind,
  ];
  return (
    <div className={s.row}>
      <Text size={200} className={s.label}>
        上年报告：{shownText(shown(choice, result, pane.host.writable ? '本工作簿' : '本文件'))}
      </Text>
      <Menu checkedValues={{ previous: checked }}>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            size="small"
            icon={<HistoryRegular />}
            disabledFocusable={props.disabled}
            aria-label="选择上年报告"
          >
            选择
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItemRadio name="previous" value="auto" onClick={() => pane.setPrevious({ kind: 'auto' })}>
              自动（本工作簿中上一年度的报告）
            </MenuItemRadio>
            {(result?.candidates ?? []).map((c) => (
              <MenuItemRadio
                key={c.sheetId}
                name="previous"
                value={`sheet:${c.sheetId}`}
                onClick={() => pane.setPrevious({ kind: 'sheet', sheetId: c.sheetId })}
              >
                {shownText(c.label)}
              </MenuItemRadio>
            ))}
            <MenuItemRadio name="previous" value="none" onClick={() => pane.setPrevious({ kind: 'none' })}>
              不对照上年
            </MenuItemRadio>
            <MenuDivider />
            <MenuItem onClick={props.onPaste}>上年报告的文件或文字…</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
