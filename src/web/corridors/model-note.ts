/** @module The server's queue-model note (English) shown translated when its wording is known. */
import type { MobilityKey } from '../i18n/mobility-fr.ts';

const NOTES: Record<string, MobilityKey> = {
  'Deterministic point queue (Vickrey bottleneck) over the baseline demand per slot; see docs/queue-model.md': 'corridor.modelNote',
};

export function modelNoteKey(note: string): MobilityKey | null {
  return NOTES[note] ?? null;
}
