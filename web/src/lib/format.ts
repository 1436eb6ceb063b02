// Dutch presentation of dates and numbers (CONVENTIONS.md: 1 januari 2026,
// decimal comma, thousands dot).

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const numberFormat = new Intl.NumberFormat('nl-NL');
const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

export const formatNumber = (n: number): string => numberFormat.format(n);
export const formatEuro = (n: number): string => euroFormat.format(n);
