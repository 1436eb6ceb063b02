// Form fields in NL Design System markup with a label, an optional
// description and the field's error message wired up for assistive tech.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { VocabEntry } from '../../lib/vocab';

export interface FieldOptions {
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
}

function describedBy(o: FieldOptions): string | undefined {
  const ids = [o.description ? `${o.id}-uitleg` : '', o.error ? `${o.id}-fout` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function wrap(o: FieldOptions, control: TemplateResult): TemplateResult {
  return html`
    <div class="utrecht-form-field ${o.error ? 'utrecht-form-field--invalid' : ''} koers-field">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for=${o.id}>${o.label}${o.required ? html` <span class="koers-required">(verplicht)</span>` : nothing}</label>
      </div>
      ${o.description ? html`<div class="utrecht-form-field-description" id="${o.id}-uitleg">${o.description}</div>` : nothing}
      ${o.error ? html`<div class="utrecht-form-field-error-message" id="${o.id}-fout">${o.error}</div>` : nothing}
      <div class="utrecht-form-field__input">${control}</div>
    </div>
  `;
}

export function textField(o: FieldOptions & { value: string; type?: string; inputmode?: string; autocomplete?: string }): TemplateResult {
  return wrap(
    o,
    html`<input class="utrecht-textbox utrecht-textbox--html-input ${o.error ? 'utrecht-textbox--invalid' : ''}"
      id=${o.id} name=${o.id} type=${o.type ?? 'text'} .value=${live(o.value)}
      inputmode=${ifDefined(o.inputmode)} autocomplete=${o.autocomplete ?? 'off'}
      ?required=${o.required} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(o))}>`,
  );
}

export function textArea(o: FieldOptions & { value: string; rows?: number }): TemplateResult {
  return wrap(
    o,
    html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea ${o.error ? 'utrecht-textarea--invalid' : ''}"
      id=${o.id} name=${o.id} rows=${o.rows ?? 4} .value=${live(o.value)}
      ?required=${o.required} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(o))}></textarea>`,
  );
}

export function selectField(o: FieldOptions & { value: string; options: VocabEntry[]; emptyLabel?: string }): TemplateResult {
  return wrap(
    o,
    html`<select class="utrecht-select utrecht-select--html-select ${o.error ? 'utrecht-select--invalid' : ''}"
      id=${o.id} name=${o.id} ?required=${o.required} aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(o))}>
      ${o.emptyLabel !== undefined ? html`<option value="" ?selected=${!o.value}>${o.emptyLabel}</option>` : nothing}
      ${o.options.map((e) => html`<option value=${e.waarde} ?selected=${e.waarde === o.value}>${e.label}</option>`)}
    </select>`,
  );
}

// A group of checkboxes for a multi-valued field.
export function checkboxGroup(o: FieldOptions & { values: string[]; options: VocabEntry[] }): TemplateResult {
  return html`
    <fieldset class="utrecht-form-fieldset koers-fieldset ${o.error ? 'utrecht-form-fieldset--invalid' : ''}" id=${o.id}
      aria-describedby=${ifDefined(describedBy(o))}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${o.label}</legend>
      ${o.description ? html`<div class="utrecht-form-field-description" id="${o.id}-uitleg">${o.description}</div>` : nothing}
      ${o.error ? html`<div class="utrecht-form-field-error-message" id="${o.id}-fout">${o.error}</div>` : nothing}
      ${o.options.map(
        (e) => html`<div class="utrecht-form-field utrecht-form-field--checkbox koers-check">
          <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${o.id}-${e.waarde}" name=${o.id}
            value=${e.waarde} .checked=${live(o.values.includes(e.waarde))}>
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="${o.id}-${e.waarde}">${e.label}</label>
        </div>`,
      )}
    </fieldset>
  `;
}
