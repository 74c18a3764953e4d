/** The exercise library, dose table, blocks and session builder (SPEC §6). */
export * from './library';
export * from './types';
export * from './doses';
export * from './blocks';
export * from './templates';
export * from './alternatives';
export * from './prescribe';
export * from './estimate';
export * from './build-session';
export * from './swap';
export * from './describe-session';
