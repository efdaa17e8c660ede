import { type ColorScheme, fixedScheme, isDarkColor, systemScheme } from '../host/color-scheme.js';

/**
 * Office's theme (File > Account > Office Theme): Black and Dark Gray are dark. Excel tells no change
 * of it to a task pane (that event is Outlook's), so it is read when the pane opens. Where Office
 * does not say, the system's setting.
 */
export function officeScheme(): ColorScheme {
  const theme = Office.context.officeTheme as Partial<Office.OfficeTheme> | undefined;
  if (!theme) return systemScheme();
  if (typeof theme.isDarkTheme === 'boolean') return fixedScheme(theme.isDarkTheme);
  return theme.bodyBackgroundColor ? fixedScheme(isDarkColor(theme.bodyBackgroundColor)) : systemScheme();
}
