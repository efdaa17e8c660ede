import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { registerCommands } from '../commands/commands.js';
import type { Runner } from '../excel/checkSheet.js';
import { App } from './App.js';
import { PaneController } from './controller.js';

// The shared runtime loads this page once for the ribbon and the sidebar: one controller serves both.
void Office.onReady(() => {
  const pane = new PaneController(Excel.run as Runner);
  registerCommands(pane);
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <App pane={pane} />
    </FluentProvider>,
  );
});
