import { render, screen, waitFor, within } from '@testing-library/svelte';
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
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Automatic', 'GPU (WebGPU)', 'CPU, 8 threads']);
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

describe('the Model setting in the status bar', () => {
  const FOLDER = '/srv/models/acme-titles';
  const OWN: EngineStatus = { ...READY, model: { name: 'acme-titles', version: 'unversioned', dimension: 384, folder: FOLDER }, modelFolder: FOLDER };
  const modelSelect = () => screen.getByRole('combobox', { name: /^Model/ });
  const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

  it('offers the bundled model and another folder, the bundled one chosen', () => {
    render(StatusBar);
    expect(screen.getByText('Model: titlematch-bert 1.0.0 (256-d)')).toBeInTheDocument();
    expect(modelSelect()).toHaveValue('bundled');
    expect(optionsOf(modelSelect())).toEqual(['Bundled model', 'Choose a folder…']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names a chosen folder’s model by its folder, with the full path on hover', () => {
    engine.status = OWN;
    render(StatusBar);
    const name = screen.getByText('Model: acme-titles (384-d)');
    expect(name).toHaveAttribute('title', `acme-titles unversioned, from ${FOLDER}`);
    expect(modelSelect()).toHaveValue('folder');
    expect(optionsOf(modelSelect())).toEqual(['Bundled model', 'acme-titles', 'Choose a folder…']);
  });

  it('asks for a folder, then loads its model: loading while it loads, then the new status', async () => {
    const answer = deferred<Result<EngineStatus>>();
    bridge.on('pickModelFolder', () => ok(FOLDER));
    bridge.on('setModel', () => answer.promise);
    render(StatusBar);
    await userEvent.selectOptions(modelSelect(), 'choose');
    await waitFor(() => expect(bridge.argsOf('setModel')).toEqual([[FOLDER]]));
    expect(screen.getByText('Loading the model…')).toBeInTheDocument();
    expect(modelSelect()).toBeDisabled();
    answer.resolve(ok(OWN));
    await waitFor(() => expect(screen.getByText('Model: acme-titles (384-d)')).toBeInTheDocument());
    expect(modelSelect()).toHaveValue('folder');
    expect(modelSelect()).toBeEnabled();
  });

  it('changes nothing when the person cancels the folder dialog', async () => {
    bridge.on('pickModelFolder', () => ok(null));
    render(StatusBar);
    await userEvent.selectOptions(modelSelect(), 'choose');
    await waitFor(() => expect(bridge.argsOf('pickModelFolder')).toHaveLength(1));
    expect(bridge.argsOf('setModel')).toEqual([]);
    await waitFor(() => expect(modelSelect()).toBeEnabled());
    expect(modelSelect()).toHaveValue('bundled');
    expect(engine.status).toEqual(READY);
  });

  it('says next to the setting why a folder cannot be used, and keeps the model in use', async () => {
    const message = '/srv/empty is incomplete: missing tokenizer.json, config.json. A model folder needs model.onnx (or onnx/model.onnx), tokenizer.json and config.json, as a sentence-transformers ONNX export has.';
    bridge.on('pickModelFolder', () => ok('/srv/empty'));
    bridge.on('setModel', () => fail('incomplete', message));
    render(StatusBar);
    await userEvent.selectOptions(modelSelect(), 'choose');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
    expect(engine.status).toEqual(READY);
    expect(modelSelect()).toHaveValue('bundled');
    expect(screen.getByText('Model: titlematch-bert 1.0.0 (256-d)')).toBeInTheDocument();
  });

  it('shows why a remembered folder gave way to the bundled model, and goes back to the bundled model for good', async () => {
    const notice = `The model in ${FOLDER} could not be loaded, so the bundled model is used: Model folder ${FOLDER} does not exist or is not a folder; pass the folder that holds model.onnx and tokenizer.json.`;
    engine.status = { ...READY, modelFolder: FOLDER, modelNotice: notice };
    bridge.on('setModel', () => ok(READY));
    render(StatusBar);
    expect(screen.getByRole('alert')).toHaveTextContent(notice);
    expect(optionsOf(modelSelect())).toEqual(['Bundled model', 'acme-titles (not available)', 'Choose a folder…']);
    await userEvent.selectOptions(modelSelect(), 'bundled');
    expect(bridge.argsOf('setModel')).toEqual([[null]]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(modelSelect()).toHaveValue('bundled');
  });

  it('cannot be changed during a match', () => {
    run.status = 'running';
    render(StatusBar);
    expect(modelSelect()).toBeDisabled();
  });
});

describe('two bundled models: the Model setting picks by the titles’ language, or fixes one', () => {
  const AUTO: EngineStatus = { ...READY, modelChoice: 'auto', route: null };
  const modelSelect = () => screen.getByRole('combobox', { name: /^Model/ });
  const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent);

  it('offers by language, English and multilingual, then a folder; by language chosen', () => {
    engine.status = AUTO;
    render(StatusBar);
    expect(optionsOf(modelSelect())).toEqual(['Bundled, by language', 'Bundled English', 'Bundled multilingual', 'Choose a folder…']);
    expect(modelSelect()).toHaveValue('auto');
    expect(screen.queryByText(/picked for the titles’ language/)).toBeNull();
  });

  it('says which model the latest run picked for its titles’ language, and why on hover', () => {
    const reason = 'the multilingual model: 44% of the titles are in other languages (German 4); German 4, English 5 of 9 titles';
    engine.status = { ...AUTO, model: { name: 'titlematch-job-encoder-multilingual', version: '2.2.0', dimension: 256, folder: null }, route: { choice: 'auto', model: 'multilingual', reason } };
    render(StatusBar);
    const route = screen.getByText('picked for the titles’ language: multilingual');
    expect(route).toHaveAttribute('title', `This run: ${reason}`);
    expect(screen.getByText('Model: titlematch-job-encoder-multilingual 2.2.0 (256-d)')).toBeInTheDocument();
  });

  it('fixes the English model: loading, then the new status; the setting is sent as chosen', async () => {
    engine.status = AUTO;
    const answer = deferred<Result<EngineStatus>>();
    bridge.on('setModelChoice', () => answer.promise);
    render(StatusBar);
    await userEvent.selectOptions(modelSelect(), 'english');
    expect(bridge.argsOf('setModelChoice')).toEqual([['english']]);
    expect(screen.getByText('Loading the model…')).toBeInTheDocument();
    answer.resolve(ok({ ...AUTO, modelChoice: 'english' }));
    await waitFor(() => expect(modelSelect()).toHaveValue('english'));
    expect(screen.queryByText(/picked for the titles’ language/)).toBeNull();
  });

  it('keeps the setting and says why when the change is refused', async () => {
    engine.status = AUTO;
    bridge.on('setModelChoice', () => fail('busy', 'A match is running.'));
    render(StatusBar);
    await userEvent.selectOptions(modelSelect(), 'multilingual');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('A match is running.'));
    expect(engine.status).toEqual(AUTO);
    expect(modelSelect()).toHaveValue('auto');
  });
});
