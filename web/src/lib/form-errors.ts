// One way for every form to say what is wrong: each field is described once
// (its id, its visible label, how it is named in a sentence and what kind of
// value it takes). From that, problems found before sending and problems
// the API reports (problem+json `invalidParams`) become instructions in the
// field's own words, such as "Vul het budget in als bedrag, bijvoorbeeld
// 20.000", never API field names. The error summary and the fields show
// them (components/error-summary, components/form-field).
import type { FieldError } from '../components/error-summary/error-summary';
import type { ProblemDetails } from './api';

export type FieldKind =
  | 'text' // free text
  | 'choice' // a select or radio group: "Kies ..."
  | 'amount' // an amount in euros, 0 or more
  | 'hours' // a number of hours, 0 or more
  | 'number' // any number, decimals with a comma
  | 'integer' // a whole number between min and max
  | 'date'
  | 'url' // a web address that starts with https://
  | 'email'
  | 'file';

export interface FieldSpec {
  id: string; // id of the control, the target of the summary's link
  label: string; // the field's visible label
  noun: string; // the field in a sentence, with its article: "het budget"
  kind?: FieldKind;
  required?: boolean;
  min?: number;
  max?: number;
  example?: string; // a valid value to show, in Dutch notation
}

// Finds the field an API name belongs to ("baten[0].bedragPerJaar").
export type FieldLookup = (apiName: string) => FieldSpec | undefined;

// A lookup over a table keyed by API name; list members ("partners[2]")
// belong to their list.
export function lookupIn(fields: Record<string, FieldSpec>): FieldLookup {
  return (name) => fields[name] ?? fields[name.replace(/\[\d+\]$/, '')];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function example(f: FieldSpec): string {
  if (f.example) return f.example;
  switch (f.kind) {
    case 'amount': return '20.000';
    case 'hours': return '40';
    case 'number': return '12,5';
    case 'integer': return String(f.min !== undefined && f.max !== undefined ? Math.min(f.max, Math.max(f.min, 6)) : 6);
    case 'date': return '31-03-2026';
    case 'url': return 'https://www.gemeente.nl/document';
    case 'email': return 'naam@gemeente.nl';
    default: return '';
  }
}

// The instruction for a field that needs a value of its kind.
function formatInstruction(f: FieldSpec): string {
  const ex = example(f);
  switch (f.kind) {
    case 'amount': return `Vul ${f.noun} in als bedrag, bijvoorbeeld ${ex}`;
    case 'hours': return `Vul ${f.noun} in als aantal uren, bijvoorbeeld ${ex}`;
    case 'number': return `Vul ${f.noun} in als getal, bijvoorbeeld ${ex}`;
    case 'integer':
      return f.min !== undefined && f.max !== undefined
        ? `Vul ${f.noun} in als heel getal van ${f.min} tot en met ${f.max}, bijvoorbeeld ${ex}`
        : `Vul ${f.noun} in als heel getal, bijvoorbeeld ${ex}`;
    case 'date': return `Vul ${f.noun} in als datum, bijvoorbeeld ${ex}`;
    case 'url': return `Vul ${f.noun} volledig in, beginnend met https://, bijvoorbeeld ${ex}`;
    case 'email': return `Vul ${f.noun} in als e-mailadres, bijvoorbeeld ${ex}`;
    case 'choice': return `Kies ${f.noun} uit de lijst`;
    case 'file': return `Kies ${f.noun}`;
    default: return `Vul ${f.noun} in`;
  }
}

function requiredInstruction(f: FieldSpec): string {
  if (f.kind === 'choice' || f.kind === 'file') return `Kies ${f.noun}`;
  return `Vul ${f.noun} in`;
}

// The API's reason for a field, as an instruction in the field's words.
export function instruction(f: FieldSpec, reason: string): string {
  const r = reason.toLowerCase();
  let m: RegExpExecArray | null;
  if (/voordat het besluit|bij het vaststellen/.test(r)) return `${requiredInstruction(f)} voordat u het besluit vaststelt`;
  if (/bij een gebiedsniveau/.test(r)) return `${requiredInstruction(f)}: dat is nodig als u per gebied meet`;
  // The API says "is verplicht bij een basiswaarde" of the date a base value needs.
  if ((m = /verplicht bij een (\w+)/.exec(r))) return `Vul ${f.noun} in: bij een ${m[1]} hoort een datum`;
  if (/^is verplicht|^is leeg|mag niet leeg/.test(r)) return requiredInstruction(f);
  if ((m = /te lang \(maximaal (\d+)/.exec(r)) || (m = /hoogstens (\d+) tekens/.exec(r))) return `Maak ${f.noun} korter: hoogstens ${m[1]} tekens`;
  if ((m = /geheel getal van (\d+) tot en met (\d+)/.exec(r)) || (m = /(\d+) tot en met (\d+)/.exec(r))) {
    if (f.kind === 'choice') return `Kies ${f.noun} van ${m[1]} tot en met ${m[2]}`;
    return `Vul ${f.noun} in als heel getal van ${m[1]} tot en met ${m[2]}`;
  }
  if (/0 of meer/.test(r)) {
    if (f.kind === 'amount') return `Vul ${f.noun} in als bedrag van 0 of meer, bijvoorbeeld ${example(f)}`;
    return `Vul ${f.noun} in als getal van 0 of meer, bijvoorbeeld ${f.kind === 'hours' ? '40' : '10'}`;
  }
  if (/getal|bedrag|aantal uren|jaartal/.test(r)) return formatInstruction(f.kind && f.kind !== 'text' ? f : { ...f, kind: 'number' });
  if (/datum/.test(r)) return formatInstruction({ ...f, kind: 'date' });
  if (/e-mailadres of een webadres/.test(r)) return `Vul bij ${f.noun} een e-mailadres of een webadres in, bijvoorbeeld naam@gemeente.nl of https://www.gemeente.nl/contact`;
  if (/maand in de vorm jjjj-mm/.test(r)) return `Vul ${f.noun} in als jaar en maand, bijvoorbeeld ${f.example ?? '2027-06'}`;
  if (/webadres|https:\/\//.test(r)) return formatInstruction({ ...f, kind: 'url' });
  if (/^(moet het e-mailadres van een koers-gebruiker zijn|er is geen koers-(gebruiker|account) met dit e-mailadres)$/.test(r)) {
    return `Vul ${f.noun} in als e-mailadres van een bestaand Koers-account, of laat het veld leeg`;
  }
  if (/geen geldig e-mailadres/.test(r)) return formatInstruction({ ...f, kind: 'email' });
  if (/geen lid van de stuurgroep/.test(r)) return `Noem bij ${f.noun} alleen leden van de stuurgroep (${reason})`;
  if (/bestaat niet|geen geldige organisatiecode/.test(r)) return `Vul bij ${f.noun} bestaande organisatiecodes in, zoals GM0363 (${reason})`;
  if (/één keer/.test(r)) return `Noem elke waarde bij ${f.noun} maar één keer`;
  if (/kies uit|onbekende waarde/.test(r)) return `Kies ${f.noun} uit de lijst`;
  return `Verbeter ${f.noun}: ${reason}`;
}

// What a form finds before sending: required fields, amounts, numbers,
// web addresses, e-mail addresses and dates that cannot be what they
// should be. Reads the controls of `form` by the fields' ids.
export function checkFields(form: HTMLFormElement, fields: FieldSpec[]): FieldError[] {
  const out: FieldError[] = [];
  for (const f of fields) {
    const el = form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[id="${f.id}"]`);
    if (!el || !('value' in el) || typeof el.value !== 'string') continue; // a group of checkboxes
    const problem = checkValue(f, el);
    if (problem) out.push({ field: f.id, label: f.label, message: problem });
  }
  return inPageOrder(out);
}

// Dutch or plain notation: "1.250,50" and "1250.50" both give 1250.5; null
// when empty; the text itself when it is no number.
export function parseAmount(text: string): number | string | null {
  const t = text.trim().replace(/^€\s*/, '');
  if (!t) return null;
  if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(t) || /^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return text.trim();
}

function checkValue(f: FieldSpec, el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string | null {
  if (f.kind === 'file') {
    const files = (el as HTMLInputElement).files;
    return f.required && (!files || !files.length) ? requiredInstruction(f) : null;
  }
  if (f.kind === 'date' && (el as HTMLInputElement).validity?.badInput) return formatInstruction(f);
  const v = el.value.trim();
  if (!v) return f.required ? requiredInstruction(f) : null;
  switch (f.kind) {
    case 'amount':
    case 'hours': {
      const n = parseAmount(v);
      if (typeof n !== 'number') return formatInstruction(f);
      if (n < 0) return instruction(f, '0 of meer');
      return null;
    }
    case 'number':
      return typeof parseAmount(v) === 'number' ? null : formatInstruction(f);
    case 'integer': {
      if (!/^\d+$/.test(v)) return formatInstruction(f);
      const n = Number(v);
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return formatInstruction(f);
      return null;
    }
    case 'url': {
      if (!/^https:\/\/[^\s/]+\.[^\s]+$/i.test(v)) return formatInstruction(f);
      try {
        new URL(v);
        return null;
      } catch {
        return formatInstruction(f);
      }
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : formatInstruction(f);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : formatInstruction(f);
    default:
      return null;
  }
}

// The API's refusal as errors per field, each at most once, in the order
// the fields have on the page; problems without a field of this form go to
// `general`.
export function problemErrors(problem: ProblemDetails, lookup: FieldLookup): { errors: FieldError[]; general: string } {
  const errors: FieldError[] = [];
  const rest: string[] = [];
  for (const p of problem.invalidParams ?? []) {
    const f = lookup(p.name);
    if (!f) {
      rest.push(capital(p.reason));
      continue;
    }
    if (errors.some((e) => e.field === f.id)) continue;
    errors.push({ field: f.id, label: f.label, message: instruction(f, p.reason) });
  }
  const general = [errors.length || rest.length ? '' : problem.detail || problem.title, ...rest].filter(Boolean).join('. ');
  return { errors: inPageOrder(errors), general };
}

// Errors sorted as their fields appear in the document.
export function inPageOrder(errors: FieldError[]): FieldError[] {
  const pos = (e: FieldError) => document.getElementById(e.field);
  return [...errors].sort((a, b) => {
    const x = pos(a);
    const y = pos(b);
    if (!x || !y || x === y) return 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

// Everything typed in a form, by control name (the first value of each;
// checkboxes as "on" when checked). Drafts of refused forms are kept in
// this shape and shown again.
export function formDraft(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (!(k in out) && typeof v === 'string') out[k] = v;
  return out;
}

export function errorFor(errors: FieldError[], id: string): string | undefined {
  return errors.find((e) => e.field === id)?.message;
}
