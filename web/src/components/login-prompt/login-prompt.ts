// In place of a form for someone who is not logged in: what logging in lets
// them do, and a way there that brings them back to this page.
import { html, type TemplateResult } from 'lit';

export function loginPrompt(what: string): TemplateResult {
  const back = location.pathname + location.search;
  return html`<div class="utrecht-alert utrecht-alert--info koers-login-prompt">
    <p class="utrecht-paragraph">${what}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-button-link utrecht-button-link--primary-action" href="/inloggen?terug=${encodeURIComponent(back)}">Inloggen</a>
    </p>
  </div>`;
}

// Above a page that shows another organisation's work: it can be read
// here, and only that organisation's team changes it.
export function readOnlyNotice(what: string): TemplateResult {
  return html`<div class="utrecht-alert utrecht-alert--info koers-read-only" role="note">
    <p class="utrecht-paragraph"><strong>Alleen lezen.</strong> ${what}</p>
  </div>`;
}
