// A summary of everything wrong with a form, at the top of the form, with a
// link to each field. Takes focus when shown.
import { html, nothing, type TemplateResult } from 'lit';

export interface FieldError {
  field: string; // id of the input
  label: string; // what the user sees as the field's name
  message: string;
}

export function errorSummary(title: string, errors: FieldError[], general?: string): TemplateResult | typeof nothing {
  if (!errors.length && !general) return nothing;
  return html`
    <div class="utrecht-alert utrecht-alert--error koers-error-summary" role="alert" tabindex="-1" id="foutoverzicht">
      <h2 class="utrecht-heading-2">${title}</h2>
      ${general ? html`<p class="utrecht-paragraph">${general}</p>` : nothing}
      ${errors.length
        ? html`<ul class="utrecht-unordered-list">
            ${errors.map((e) => html`<li><a class="utrecht-link" href="#${e.field}">${e.label}: ${e.message}</a></li>`)}
          </ul>`
        : nothing}
    </div>
  `;
}

// Moves focus to the summary (after it has been rendered).
export function focusErrorSummary(): void {
  document.getElementById('foutoverzicht')?.focus();
}
