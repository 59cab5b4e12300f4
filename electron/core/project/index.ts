/** Project files: save a piece of matching work and open it again. */
export {
  MAX_PROJECT_BYTES,
  PROJECT_EXTENSION,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectError,
  locateInput,
  parseProject,
  readProject,
  toProject,
  writeProject,
} from './project-file.js';
export type { InputToSave, Project, ProjectInputRef, StoredResult } from './project-file.js';
