export * from './common.js';
export * from './system.js';
export * from './pattern.js';
export * from './misuseCase.js';
export * from './finding.js';
export * from './threatModel.js';
