// A summary of everything wrong with a form, at the top of the form, with a
// link to each field. Takes focus when shown. The messages come from
// lib/form-errors: instructions that name the field as the form does.
import { html, nothing, type TemplateResult } from 'lit';

export interface FieldError {
  field: string; // id of the input; empty when the problem has no field of its own
  label: string; // what the user sees as the field's name
  message: string; // an instruction: what to do to put it right
}

export function errorSummary(title: string, errors: FieldError[], general?: string, id = 'foutoverzicht'): TemplateResult | typeof nothing {
  if (!errors.length && !general) return nothing;
  return html`
    <div class="utrecht-alert utrecht-alert--error koers-error-summary" role="alert" tabindex="-1" id=${id} aria-labelledby="${id}-kop">
      <h2 class="utrecht-heading-2" id="${id}-kop">${title}</h2>
      ${general ? html`<p class="utrecht-paragraph">${general}</p>` : nothing}
      ${errors.length
        ? html`<ul class="utrecht-unordered-list">
            ${errors.map((e) => html`<li>${e.field
              ? html`<a class="utrecht-link" href="#${e.field}" @click=${(ev: Event) => focusField(ev, e.field)}>${e.label}: ${e.message}</a>`
              : html`${e.label ? `${e.label}: ` : ''}${e.message}`}</li>`)}
          </ul>`
        : nothing}
    </div>
  `;
}

// The link leads to the field itself (also inside a closed <details>),
// without changing the address.
function focusField(ev: Event, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  ev.preventDefault();
  const details = el.closest('details');
  if (details && !details.open) details.open = true;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea') ?? el;
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

// Moves focus to the summary (after it has been rendered).
export function focusErrorSummary(id = 'foutoverzicht'): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
}
