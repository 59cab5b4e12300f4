/** Command-line argument helpers shared by the commands. */

const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/**
 * Joins `--option -0.5` into `--option=-0.5` for options that take a value, so that a negative
 * number is read as the value (node's parseArgs would call it "ambiguous", taking it for an option).
 */
export function joinNegativeValues(args: readonly string[], options: Readonly<Record<string, { type: 'string' | 'boolean' }>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
