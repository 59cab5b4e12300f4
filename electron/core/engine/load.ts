/**
 * Loading a model folder for the engine: the tokenizer and the checks that it fits the model, then
 * a session on the first provider that runs a real probe input (explicit fallback, CPU last), in
 * float16 or float32 (modelChoices), and what was chosen and why (EngineInfo).
 */
import ort from 'onnxruntime-node';
import { gpuProbeIsolated, probeInChild } from './gpu-probe.js';
import { ModelError, readModelFolder, type ModelFolder } from './model-folder.js';
import { defaultProviders, describeError, physicalCores, providerSummary, startWithFallback, withCpuLast, type ProviderName } from './providers.js';
import { run, type Loaded, type Runtime } from './session.js';
import { createTokenizer, padBatch, tokenIds, type LoadedTokenizer, type TokenBatch } from './tokenize.js';
import type { EngineInfo, EngineOptions, Precision } from './types.js';

const TOKEN_OUTPUTS = ['last_hidden_state', 'token_embeddings'];
const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

function chooseOutput(modelPath: string, session: ort.InferenceSession): { name: string; pooled: boolean } {
  const names = session.outputNames;
  if (names.includes('sentence_embedding')) return { name: 'sentence_embedding', pooled: true };
  const token = TOKEN_OUTPUTS.find((n) => names.includes(n));
  if (token) return { name: token, pooled: false };
  throw new ModelError(
    `${modelPath} outputs ${names.join(', ')}; TitleMatch needs sentence_embedding or last_hidden_state (token vectors). Export the model for feature extraction.`,
    'unsupported',
    modelPath,
  );
}

function checkInputs(modelPath: string, session: ort.InferenceSession): void {
  const inputs = session.inputNames;
  const unknown = inputs.filter((n) => !KNOWN_INPUTS.has(n));
  if (!inputs.includes('input_ids') || unknown.length > 0) {
    throw new ModelError(
      `${modelPath} takes inputs ${inputs.join(', ')}; TitleMatch feeds input_ids, attention_mask and token_type_ids only (a BERT-style text encoder export).`,
      'unsupported',
      modelPath,
    );
  }
}

function checkTokenizerFits(folder: ModelFolder, tok: LoadedTokenizer): void {
  const vocabSize = typeof folder.config.vocab_size === 'number' ? folder.config.vocab_size : undefined;
  if (vocabSize !== undefined && tok.vocabSize > vocabSize) {
    throw new ModelError(
      `tokenizer.json in ${folder.dir} has ${tok.vocabSize} tokens but config.json says the model knows ${vocabSize} (vocab_size): the tokenizer belongs to another model. Copy the tokenizer.json that was exported with this model.`,
      'mismatch',
      folder.dir,
    );
  }
}

export async function loadModel(options: EngineOptions): Promise<Loaded> {
  const t0 = performance.now();
  const folder = await readModelFolder(options.modelDir);
  let tokenizer: LoadedTokenizer;
  try {
    tokenizer = createTokenizer(folder.tokenizerJson, folder.tokenizerConfig);
  } catch (e) {
    throw new ModelError(`tokenizer.json in ${folder.dir} could not be loaded (${(e as Error).message}); copy the tokenizer.json exported with the model.`, 'invalid', folder.dir);
  }
  checkTokenizerFits(folder, tokenizer);
  const threads = options.threads ?? physicalCores();
  const preference = withCpuLast(options.providers ?? defaultProviders());
  // A short real input: session creation alone does not prove a GPU provider can run the graph.
  const probe = padBatch([tokenIds(tokenizer, 'software engineer', folder.maxLength)], tokenizer.padId);
  const precision = options.precision ?? 'auto';
  if (precision === 'fp16' && !folder.fp16) {
    throw new ModelError(`Model folder ${folder.dir} has no float16 variant (model.fp16.onnx or onnx/model_fp16.onnx); run it in float32.`, 'incomplete', folder.dir);
  }
  let modelProblem: unknown;

  const open = async (provider: ProviderName, choice: ModelChoice): Promise<{ runtime: Runtime; dimension: number }> => {
    if (provider !== 'cpu' && gpuProbeIsolated()) {
      const problem = await probeInChild(provider, choice.path);
      if (problem !== undefined) throw new Error(problem);
    }
    const session = await ort.InferenceSession.create(choice.path, {
      executionProviders: [provider],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
    try {
      checkInputs(choice.path, session);
      const output = chooseOutput(choice.path, session);
      const runtime: Runtime = {
        folder,
        modelPath: choice.path,
        precision: choice.precision,
        session,
        tokenizer,
        output,
        needsTokenTypes: session.inputNames.includes('token_type_ids'),
        hasMask: session.inputNames.includes('attention_mask'),
      };
      return { runtime, dimension: await probeDimension(runtime, probe) };
    } catch (e) {
      await session.release();
      throw e;
    }
  };

  const started = await startWithFallback(preference, async (provider) => {
    const choices = modelChoices(folder, provider, precision);
    const failures: string[] = [];
    for (const [i, choice] of choices.entries()) {
      try {
        return { ...(await open(provider, choice)), choice, failures };
      } catch (e) {
        // float16 failing leaves float32 to try on the same provider.
        if (i < choices.length - 1) {
          failures.push(`float16 failed on ${provider} (${describeError(e)})`);
          continue;
        }
        // Problems of the model itself are the same on every provider: stop and report them.
        if (e instanceof ModelError) modelProblem = e;
        throw e;
      }
    }
    throw new Error('no model file to run'); // not reached: choices is never empty
  }).catch((e: unknown) => {
    throw modelProblem ?? e;
  });

  const { runtime, dimension, choice, failures } = started.value;
  if (folder.declaredDimension !== undefined && dimension !== folder.declaredDimension) {
    await runtime.session.release();
    throw new ModelError(
      `${folder.modelPath} produces vectors of ${dimension} numbers but ${folder.dimensionSource} says ${folder.declaredDimension}: the files come from different models. Use the config.json exported with this model.onnx.`,
      'mismatch',
      folder.dir,
    );
  }
  const info: EngineInfo = {
    model: {
      name: folder.name,
      version: folder.version,
      dir: folder.dir,
      file: runtime.modelPath,
      dimension,
      maxLength: folder.maxLength,
      sizeBytes: folder.sizeBytes,
      pooling: runtime.output.pooled ? 'in the model (sentence_embedding)' : `${folder.pooling} (${folder.poolingSource})`,
      metrics: folder.manifest?.metrics,
    },
    provider: started.provider,
    providerReason: providerSummary(started.provider, started.attempts),
    precision: runtime.precision,
    precisionReason: [...failures, choice.reason].join('; '),
    attempts: started.attempts,
    threads,
    loadMs: performance.now() - t0,
  };
  options.logger?.info?.(`model ${folder.name} ${folder.version} on ${started.provider} in ${runtime.precision}: ${info.providerReason}; ${info.precisionReason}`);
  return { ...runtime, dimension, info };
}

/** Runs the probe batch and returns the output vector size. */
async function probeDimension(m: Runtime, probe: TokenBatch): Promise<number> {
  const t = await run(m, probe);
  const expectedRank = m.output.pooled ? 2 : 3;
  if (t.dims.length !== expectedRank) {
    throw new ModelError(
      `${m.modelPath} output ${m.output.name} has shape [${t.dims.join(', ')}]; expected ${m.output.pooled ? '[batch, dim]' : '[batch, tokens, dim]'}.`,
      'unsupported',
      m.modelPath,
    );
  }
  return t.dims[t.dims.length - 1];
}

/** A model file to try on a provider, and why. */
interface ModelChoice {
  path: string;
  precision: 'fp32' | 'fp16';
  reason: string;
}

/**
 * The model files to try on a provider, best first. 'auto' runs the float16 variant only on GPU
 * providers and only when its recorded dev-set MRR is within the limit; float32 follows it, so a
 * GPU without float16 support still runs on the GPU.
 */
export function modelChoices(folder: ModelFolder, provider: ProviderName, precision: Precision): ModelChoice[] {
  const fp32: ModelChoice = { path: folder.modelPath, precision: 'fp32', reason: 'float32' };
  const fp16 = folder.fp16;
  if (precision === 'fp32') return [{ ...fp32, reason: 'float32 (asked for)' }];
  if (!fp16) return [{ ...fp32, reason: 'float32 (the model has no float16 variant)' }];
  if (precision === 'fp16') return [{ path: fp16.path, precision: 'fp16', reason: 'float16 (asked for)' }];
  if (provider === 'cpu') return [{ ...fp32, reason: 'float32 on cpu (float16 is for GPU providers)' }];
  if (!fp16.eligible) return [{ ...fp32, reason: `float32: ${fp16.reason}` }];
  return [
    { path: fp16.path, precision: 'fp16', reason: `float16 on ${provider}: ${fp16.reason}` },
    { ...fp32, reason: `float32 on ${provider}` },
  ];
}
