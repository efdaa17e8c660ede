import type { EtPluginStorage } from './et.js';

/**
 * In WPS the ribbon runs in one page (main.js) and the sidebar in another: a ribbon button posts
 * its command here, where the sidebar picks it up. WPS's PluginStorage is shared by the add-in's
 * pages. The click that opens the sidebar posts its command before the sidebar has loaded, which on
 * a slow desktop takes many seconds: a command is taken up to two minutes late; an older one (a WPS
 * closed meanwhile) is dropped, never replayed.
 */
const KEY = 'nianbao.command';
const FRESH_MS = 120_000;

export function postCommand(storage: EtPluginStorage, name: string, now = Date.now()): void {
  storage.setItem(KEY, JSON.stringify({ name, at: now }));
}

/** Takes the command waiting, if any and fresh. */
export function takeCommand(storage: EtPluginStorage, now = Date.now()): string | undefined {
  const raw = storage.getItem(KEY);
  if (!raw) return undefined;
  storage.removeItem(KEY);
  try {
    const { name, at } = JSON.parse(raw) as { name?: unknown; at?: unknown };
    return typeof name === 'string' && typeof at === 'number' && now - at < FRESH_MS ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Runs each command as it arrives; returns a function that stops listening. */
export function listenForCommands(
  storage: EtPluginStorage,
  run: (name: string) => void,
  every = 200,
): () => void {
  const timer = setInterval(() => {
    const name = takeCommand(storage);
    if (name) run(name);
  }, every);
  return () => clearInterval(timer);
}
