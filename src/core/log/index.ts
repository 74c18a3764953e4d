/** The training log and what the next prescriptions learn from it (SPEC §6b). */
export * from './schema';
export * from './load-steps';
export * from './rules';
export * from './result-line';
