import { FluentProvider, type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import type { ColorScheme } from '../host/color-scheme.js';

/** Fluent's light or dark theme, as the scheme says; the page's own background goes with it. */
export function Themed({ scheme, children }: { scheme: ColorScheme; children: ReactNode }) {
  const dark = useSyncExternalStore(scheme.subscribe, scheme.dark);
  const theme: Theme = dark ? webDarkTheme : webLightTheme;
  useEffect(() => {
    // Below the sidebar's content, and the scroll bars, as the rest of it.
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark, theme]);
  return (
    <FluentProvider theme={theme} lang="zh-CN" data-theme={dark ? 'dark' : 'light'}>
      {children}
    </FluentProvider>
  );
}
