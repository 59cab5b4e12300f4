/** Project files: save a piece of matching work and open it again. */
export { PROJECT_EXTENSION, PROJECT_FORMAT, locateInput, readProject, toProject, writeProject } from './project-file.js';
export type { InputToSave, ProjectInputRef } from './project-file.js';
