// Svelte 5 in runes mode everywhere: no `export let`, `on:` directives or slots.
export default {
  compilerOptions: { runes: true },
};
