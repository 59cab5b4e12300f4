/** Empties the screenshots folder once per end-to-end run, so that every spec's pictures stay beside each other. */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const shots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
}
