import type { FakeExcel } from './fake-excel.js';

/** A ribbon command's event, as Office passes it to an ExecuteFunction handler. */
export interface CommandEvent {
  completed(): void;
}

export type CommandHandler = (event: CommandEvent) => unknown;

/** What the preview page lends the task pane in its frame: the workbook and the ribbon. */
export interface PreviewHost {
  readonly excel: FakeExcel;
  readonly commands: Map<string, CommandHandler>;
}

declare global {
  interface Window {
    nianbaoPreview?: PreviewHost;
  }
}
