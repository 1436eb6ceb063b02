// The value lists of the API (/api/v1/waardelijsten), loaded once.
import { apiGet } from './api';

export interface VocabEntry {
  waarde: string;
  label: string;
}
type Lists = Record<string, VocabEntry[]>;

let lists: Lists = {};
let loading: Promise<void> | null = null;

export function loadVocabularies(): Promise<void> {
  loading ??= apiGet<{ waardelijsten: Lists }>('/waardelijsten').then((r) => {
    if (r.ok) lists = r.body.waardelijsten;
  });
  return loading;
}

export function entries(list: string): VocabEntry[] {
  return lists[list] ?? [];
}

export function label(list: string, value: string | null | undefined): string {
  if (!value) return '';
  return entries(list).find((e) => e.waarde === value)?.label ?? value;
}
