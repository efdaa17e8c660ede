import type { PaneController } from '../taskpane/controller.js';

/** What each ribbon button does, by its name in the host's ribbon (manifest FunctionName, ribbon.xml). */
export function commandActions(pane: PaneController): Record<string, () => Promise<unknown>> {
  return {
    insertTemplate2021: async () => pane.requestInsert('2021'),
    insertTemplate2019: async () => pane.requestInsert('2019'),
    checkReport: () => pane.check(),
    clearMarks: () => pane.clear(),
    auditReport: () => pane.audit(),
  };
}
