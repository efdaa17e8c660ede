import { afterEach, describe, expect, it } from 'vitest';
import { officeScheme } from '../../src/excel/theme.js';
import { isDarkColor } from '../../src/host/color-scheme.js';

const withTheme = (officeTheme: Partial<Office.OfficeTheme> | undefined) =>
  Object.assign(globalThis, { Office: { context: { officeTheme } } });

describe('the sidebar follows Office’s theme', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('Black and Dark Gray are dark; Colorful and White are not', () => {
    withTheme({ isDarkTheme: true, bodyBackgroundColor: '#262626' });
    expect(officeScheme().dark()).toBe(true);
    withTheme({ isDarkTheme: false, bodyBackgroundColor: '#FFFFFF' });
    expect(officeScheme().dark()).toBe(false);
  });

  it('an Office that does not say isDarkTheme is judged by its background colour', () => {
    withTheme({ bodyBackgroundColor: '#262626' });
    expect(officeScheme().dark()).toBe(true);
    withTheme({ bodyBackgroundColor: '#666666' });
    expect(officeScheme().dark()).toBe(true);
    withTheme({ bodyBackgroundColor: '#E6E6E6' });
    expect(officeScheme().dark()).toBe(false);
  });

  it('with no theme from Office, the system’s setting (light where there is none)', () => {
    withTheme(undefined);
    expect(officeScheme().dark()).toBe(false);
  });

  it('colours: 6 hex digits, with or without #; anything else is not dark', () => {
    expect(isDarkColor('262626')).toBe(true);
    expect(isDarkColor('#ffffff')).toBe(false);
    expect(isDarkColor('#0000FF')).toBe(true);
    expect(isDarkColor('#FFFF00')).toBe(false);
    expect(isDarkColor('black')).toBe(false);
  });
});
