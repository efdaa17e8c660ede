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
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, EraserRegular, TableAddRegular } from '@fluentui/react-icons';
import type { PaneController, Task } from '../controller.js';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function Toolbar({
  pane,
  busy,
  onImport,
}: {
  pane: PaneController;
  busy?: Task;
  onImport: () => void;
}) {
  const s = useStyles();
  const blocked = busy !== undefined && busy !== 'select';
  return (
    <div className={s.bar} role="toolbar" aria-label="年报校验">
      <Button
        appearance="primary"
        icon={<CheckmarkCircleRegular />}
        disabled={blocked}
        onClick={() => void pane.check()}
      >
        校验
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton icon={<TableAddRegular />} disabled={blocked}>
            插入模板
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void pane.insert('2021')}>2021 版（现行）</MenuItem>
            <MenuItem onClick={() => void pane.insert('2019')}>2019 版</MenuItem>
            <MenuDivider />
            <MenuItem onClick={onImport}>导入已发布年报…</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Button icon={<EraserRegular />} disabled={blocked} onClick={() => void pane.clear()}>
        清除标记
      </Button>
    </div>
  );
}
