// Opens Kring's side panel when the toolbar button is clicked (Chrome). Firefox opens its
// sidebar from `sidebar_action` by itself, and has no `browser.sidePanel`.
export default defineBackground(() => {
  if (!browser.sidePanel) return;
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('Kring: could not set the side panel behaviour', error);
  });
});
