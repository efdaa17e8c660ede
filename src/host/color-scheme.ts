// Light or dark: what each host says of it, for the sidebar to follow.

/** Whether the pane is to be dark, and word when that changes. */
export interface ColorScheme {
  dark(): boolean;
  /** Returns a function that stops listening. */
  subscribe(listener: () => void): () => void;
}

const never = () => () => undefined;

/** The system's (or the webview's) light or dark setting: WPS and the offline page follow it. */
export function systemScheme(): ColorScheme {
  const query =
    typeof window === 'undefined' ? undefined : window.matchMedia?.('(prefers-color-scheme: dark)');
  return {
    dark: () => query?.matches ?? false,
    subscribe: query
      ? (listener) => {
          query.addEventListener('change', listener);
          return () => query.removeEventListener('change', listener);
        }
      : never,
  };
}

/** A colour that light text reads on: 「#262626」 (Office's Black theme) is dark, 「#F3F3F3」 is not. */
export function isDarkColor(hex: string): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return false;
  const n = Number.parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** A scheme that is what it is, and never changes. */
export const fixedScheme = (dark: boolean): ColorScheme => ({ dark: () => dark, subscribe: never });
