/** The exercise library and session builder (SPEC §6). */
export * from './library';
export * from './types';
export * from './estimate';
export * from './build-session';
export * from './describe-session';
