import { AriaLiveAnnouncer } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { PaneController } from './controller.js';
import { type ColorScheme, systemScheme } from '../host/color-scheme.js';
import { Themed } from './theme.js';

/**
 * The page's own ES5 script has told this engine it cannot run the sidebar (an old Office webview:
 * src/taskpane/legacy.js; an old browser or WPS: src/web/engine-check.js): nothing more is rendered.
 */
export const toldUnsupported = (): boolean =>
  Boolean((window as Window & { nianbaoUnsupported?: boolean }).nianbaoUnsupported);

/**
 * Renders the sidebar into the page's #root, if the page has one (the ribbon-only page has not), light
 * or dark as the scheme says (Office's theme in Excel, the system's elsewhere).
 */
export function mountSidebar(pane: PaneController, scheme: ColorScheme = systemScheme()): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <Themed scheme={scheme}>
      {/* Without it, Fluent's notices (MessageBar) and the sidebar's own announcements are never read out. */}
      <AriaLiveAnnouncer>
        <App pane={pane} />
      </AriaLiveAnnouncer>
    </Themed>,
  );
}

/** In place of the sidebar: why it cannot run here, and what to use instead. */
export function mountUnsupported(text: string, scheme: ColorScheme = systemScheme()): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <Themed scheme={scheme}>
      <p style={{ padding: 16, lineHeight: 1.7, margin: 0 }} role="alert">
        {text}
      </p>
    </Themed>,
  );
}
