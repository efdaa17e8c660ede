/** Every icon the manifest uses, and the sizes it is declared at: assets/NAME-SIZE.png. */
export const ICON_SIZES = {
  icon: [16, 32, 64, 80, 128],
  check: [16, 32, 80],
  insert: [16, 32, 80],
  clear: [16, 32, 80],
  audit: [16, 32, 80],
  pane: [16, 32, 80],
} as const;
