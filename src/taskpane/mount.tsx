import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { PaneController } from './controller.js';

/**
 * The page's own ES5 script has told this engine it cannot run the sidebar (an old Office webview:
 * src/taskpane/legacy.js; an old browser or WPS: src/web/engine-check.js): nothing more is rendered.
 */
export const toldUnsupported = (): boolean =>
  Boolean((window as Window & { nianbaoUnsupported?: boolean }).nianbaoUnsupported);

/** Renders the sidebar into the page's #root, if the page has one (the ribbon-only page has not). */
export function mountSidebar(pane: PaneController): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      {/* Without it, Fluent's notices (MessageBar) and the sidebar's own announcements are never read out. */}
      <AriaLiveAnnouncer>
        <App pane={pane} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
}

/** In place of the sidebar: why it cannot run here, and what to use instead. */
export function mountUnsupported(text: string): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <p style={{ padding: 16, lineHeight: 1.7 }} role="alert">
        {text}
      </p>
    </FluentProvider>,
  );
}
