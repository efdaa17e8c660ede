import type { PaneController } from '../taskpane/controller.js';

/** Ribbon buttons by their manifest FunctionName. */
export function commandActions(pane: PaneController): Record<string, () => Promise<unknown>> {
  return {
    insertTemplate2021: () => pane.insert('2021'),
    insertTemplate2019: () => pane.insert('2019'),
    checkReport: () => pane.check(),
    clearMarks: () => pane.clear(),
  };
}

export function registerCommands(pane: PaneController): void {
  for (const [name, action] of Object.entries(commandActions(pane))) {
    Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
      try {
        await action();
        // The sidebar shows what the command did; where it cannot open, the marks remain.
        await Office.addin.showAsTaskpane().catch(() => undefined);
      } finally {
        event.completed();
      }
    });
  }
}
