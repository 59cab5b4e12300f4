/**
 * Writing a match report from a kept result. The writers themselves (XLSX, CSV, HTML, atomic) are
 * the spreadsheet module's (electron/core/report); this adapts a result to them.
 */
import type { ExportRequest } from '../../contract/types.js';
import type { EngineInfo } from '../engine/index.js';
import { ServiceError } from './errors.js';
import type { KeptResult } from './service.js';

/** Writes the report `request` asks for to `path`. */
export function writeReport(...[, request, path]: [KeptResult, ExportRequest, string, string[], EngineInfo]): Promise<void> {
  // Replaced by the adapter to electron/core/report as soon as that module lands.
  return Promise.reject(new ServiceError('unavailable', `Writing ${request.format.toUpperCase()} reports is not available in this build yet (${path} was not written).`));
}
