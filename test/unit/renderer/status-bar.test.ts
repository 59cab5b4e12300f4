import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../electron/contract/types.js';
import type { Result } from '../../../electron/contract/result.js';
import StatusBar from '../../../renderer/src/lib/ui/StatusBar.svelte';
import { engine } from '../../../renderer/src/state/engine.svelte.js';
import { run } from '../../../renderer/src/state/run.svelte.js';
import { ui } from '../../../renderer/src/state/ui.svelte.js';
import { deferred, fail, installBridge, ok, READY, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;
const GPU: EngineStatus = {
  ...READY,
  provider: { id: 'webgpu', label: 'GPU (WebGPU), float16' },
  skipped: [],
  available: [
    { id: 'webgpu', label: 'GPU (WebGPU)' },
    { id: 'cpu', label: 'CPU, 8 threads' },
  ],
};

beforeEach(() => {
  bridge = installBridge();
});

describe('status bar', () => {
  it('says where the model runs and offers automatic plus what this machine can run', () => {
    engine.status = GPU;
    render(StatusBar);
    expect(screen.getByText('GPU (WebGPU), float16')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: /Run on/ });
    expect(select).toHaveValue('auto');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Automatic', 'GPU (WebGPU)', 'CPU, 8 threads']);
  });

  it('switches the provider: loading while the engine reloads, then the new status', async () => {
    engine.status = GPU;
    const answer = deferred<Result<EngineStatus>>();
    bridge.on('setProvider', () => answer.promise);
    render(StatusBar);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Run on/ }), 'cpu');
    expect(bridge.argsOf('setProvider')).toEqual([['cpu']]);
    expect(screen.getByText('Loading the model…')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Run on/ })).toBeDisabled();
    answer.resolve(ok({ ...GPU, provider: { id: 'cpu', label: 'CPU, 8 threads' }, choice: 'cpu' }));
    await waitFor(() => expect(screen.getByText('CPU, 8 threads', { selector: 'strong' })).toBeInTheDocument());
    expect(screen.getByRole('combobox', { name: /Run on/ })).toHaveValue('cpu');
  });

  it('keeps the old status and says why when the change is refused', async () => {
    engine.status = GPU;
    bridge.on('setProvider', () => fail('busy', 'A match is running.'));
    render(StatusBar);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Run on/ }), 'cpu');
    await waitFor(() => expect(ui.notice).toBe('Could not change where the engine runs: A match is running.'));
    expect(engine.status).toEqual(GPU);
  });

  it('cannot be changed during a match, and lists a remembered provider this machine no longer has', () => {
    engine.status = { ...READY, choice: 'cuda' };
    run.status = 'running';
    render(StatusBar);
    const select = screen.getByRole('combobox', { name: /Run on/ });
    expect(select).toBeDisabled();
    expect(select).toHaveValue('cuda');
    expect(screen.getByRole('option', { name: 'cuda (not available)' })).toBeInTheDocument();
  });
});
