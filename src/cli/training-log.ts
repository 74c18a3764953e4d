/** `plan --log FILE`: the training log (SPEC §6b) the next prescriptions follow. */
import { parseTrainingLog, TrainingLogError } from '../core/log';
import type { TrainingLog } from '../core/log';
import { CliError } from './errors';
import type { CliIo } from './io';
import { readLocalFile } from './load-calendars';

/**
 * Reads and validates the log file. Anything wrong — unreadable, not JSON, a bad entry — stops
 * the command with one line that names the file and, for a bad entry, the entry and its field.
 */
export async function readTrainingLog(path: string, io: CliIo): Promise<TrainingLog> {
  const text = new TextDecoder().decode(await readLocalFile(path, io, 'training log'));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    throw new CliError(`${path} is not valid JSON: ${why}`, 1, { cause: error });
  }
  try {
    return parseTrainingLog(raw);
  } catch (error) {
    if (error instanceof TrainingLogError) {
      throw new CliError(`${path}: ${error.message}`, 1, { cause: error });
    }
    throw error;
  }
}
