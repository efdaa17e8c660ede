/** Ties the manifest's ExecuteFunction buttons to their actions; the sidebar shows what they did. */
export function registerRibbon(actions: Readonly<Record<string, () => Promise<unknown>>>): void {
  for (const [name, action] of Object.entries(actions)) {
    Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
      try {
        await action();
        // Where the pane cannot open, the marks remain.
        await Office.addin.showAsTaskpane().catch(() => undefined);
      } finally {
        event.completed();
      }
    });
  }
}
