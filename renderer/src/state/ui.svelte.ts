/** Which screen shows, and short notices for the status bar. */

/** App-wide view state. */
export const ui = $state<{ screen: 'import' | 'results'; notice: string | null }>({ screen: 'import', notice: null });
