/**
 * The hosted page's own styles and its one script, both allowed by the response's nonce (CSP
 * `style-src 'nonce-…'; script-src 'nonce-…'`): nothing else runs or loads.
 */

/**
 * Styles: light and dark (`prefers-color-scheme`), readable at 390 px (the server row folds to
 * host above port + security), long application names and addresses wrap instead of scrolling
 * the page sideways, errors span the form's width.
 */
export function pageStyles(accent: string): string {
  return `
  :root { color-scheme: light dark; --accent: ${accent}; --bg: #f4f5f7; --card: #fff; --text: #1c1c1e; --muted: #4a4a4f;
    --border: #8a8a90; --line: #d0d0d5;
    --err: #b3261e; --err-bg: #fdecea; --note-bg: #eef2ff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  @media (prefers-color-scheme: dark) {
    :root { --bg: #111214; --card: #1e1f22; --text: #ececf1; --muted: #b4b4bb; --border: #7c7c85; --line: #3a3b40; --err: #ffb4ab;
      --err-bg: #3b1d1b; --note-bg: #23283f; }
  }
  *, *::before, *::after { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--text); }
  main { max-width: 30rem; margin: 3rem auto; background: var(--card); border-radius: 12px; padding: 2rem;
    box-shadow: 0 1px 3px rgba(0,0,0,.12); border-top: 6px solid var(--accent); }
  header { display: flex; align-items: center; gap: .75rem; margin-bottom: .75rem; }
  header img { width: 40px; height: 40px; border-radius: 8px; flex: none; }
  h1 { font-size: 1.3rem; margin: 0; min-width: 0; overflow-wrap: anywhere; }
  p { overflow-wrap: anywhere; }
  .lead, .scopes { color: var(--muted); margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
  input, select { width: 100%; padding: .6rem .7rem; font-size: 1rem; border: 1px solid var(--border); border-radius: 6px;
    background: var(--card); color: var(--text); min-width: 0; }
  input:focus, select:focus, button:focus, summary:focus, a:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
  input[aria-invalid="true"] { border-color: var(--err); }
  a { color: inherit; }
  .identity { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .25rem .75rem;
    padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; }
  .identity strong { overflow-wrap: anywhere; min-width: 0; }
  .identity form { margin: 0; }
  .link { background: none; border: 0; padding: 0; margin: 0; width: auto; color: inherit; font: inherit;
    text-decoration: underline; cursor: pointer; }
  .note { background: var(--note-bg); border-left: 4px solid var(--accent); padding: .6rem .8rem; margin: 0 0 .75rem; }
  .note p { margin: 0; }
  .note p + p { margin-top: .35rem; }
  .kept { color: var(--muted); font-size: .9rem; margin: .35rem 0 0; }
  .error { color: var(--err); background: var(--err-bg); border-left: 4px solid var(--err); padding: .5rem .75rem;
    margin: .5rem 0 0; width: 100%; }
  .error p { margin: 0; }
  .error p + p, .error details { margin-top: .35rem; }
  .error details { color: var(--text); font-size: .9rem; }
  .error summary { cursor: pointer; }
  .alert { margin: 0 0 1rem; }
  fieldset.servers { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem .8rem; margin: 1rem 0 0; min-width: 0; }
  fieldset.servers legend { font-weight: 600; padding: 0 .3rem; }
  .row { display: grid; grid-template-columns: minmax(0, 1.6fr) minmax(5rem, .7fr) minmax(8.75rem, 1.3fr); gap: .5rem; }
  button { margin-top: 1.4rem; width: 100%; padding: .75rem; font-size: 1rem; font-weight: 600; color: #fff;
    background: var(--accent); border: 0; border-radius: 6px; cursor: pointer; }
  button:disabled { opacity: .65; cursor: progress; }
  .cancel { display: block; text-align: center; margin-top: 1rem; }
  .progress { display: flex; align-items: center; gap: .6rem; margin: 1rem 0 0; color: var(--muted); }
  .progress[hidden] { display: none; }
  .spinner { flex: none; width: 1.1rem; height: 1.1rem; border: 3px solid var(--line); border-top-color: var(--accent);
    border-radius: 50%; animation: spin .8s linear infinite; }
  @keyframes spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  footer { margin-top: 1.2rem; font-size: .85rem; color: var(--muted); text-align: center; }
  @media (max-width: 30rem) {
    main { margin: 0; border-radius: 0; padding: 1.25rem 1rem; min-height: 100vh; }
    .row { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    .row > :first-child { grid-column: 1 / -1; }
  }`;
}

/**
 * Progressive enhancement for the sign-in form (`#login`): on submit the button is disabled, the
 * status line says what is being checked (a live region) with a spinner, and any further submit
 * is cancelled — a slow provider can no longer be asked twice. Without JavaScript the form works
 * the same, only without the progress line.
 */
export const PAGE_SCRIPT = `(function () {
  var form = document.getElementById('login');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    if (form.getAttribute('data-busy')) { event.preventDefault(); return; }
    form.setAttribute('data-busy', 'true');
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; button.setAttribute('aria-busy', 'true'); }
    var status = document.getElementById('progress');
    if (status) { status.hidden = false; status.querySelector('.text').textContent = status.getAttribute('data-text'); }
  });
})();`;
