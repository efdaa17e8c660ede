import {
  Button,
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PaneController, PaneState } from '../controller.js';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { color: tokens.colorNeutralForeground2 },
});

/** 上年报告: the sheet (or pasted text) the cross-year rules compare with. */
export function PreviousYear(props: {
  pane: PaneController;
  previous: PaneState['previous'];
  disabled: boolean;
  onPaste: () => void;
}) {
  const s = useStyles();
  const [sheets, setSheets] = useState<string[]>([]);
  return (
    <div className={s.row}>
      <Text size={200} className={s.label}>
        上年报告：{props.previous ? props.previous.label : '未选择（不做跨年度核对）'}
      </Text>
      <Menu onOpenChange={(_, d) => d.open && void props.pane.sheets().then(setSheets)}>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton size="small" icon={<HistoryRegular />} disabled={props.disabled}>
            选择
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {sheets.map((name) => (
              <MenuItem key={name} onClick={() => void props.pane.usePreviousSheet(name)}>
                工作表「{name}」
              </MenuItem>
            ))}
            {sheets.length > 0 && <MenuDivider />}
            <MenuItem onClick={props.onPaste}>粘贴上年报告的文字…</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {props.previous && (
        <Button
          size="small"
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label="不再对照上年报告"
          onClick={() => props.pane.setPrevious(undefined)}
        />
      )}
    </div>
  );
}
