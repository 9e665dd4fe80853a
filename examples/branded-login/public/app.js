// Progressive enhancement: the form works without this file. With it, the page asks the
// backend which provider an address belongs to while it is typed, and opens the advanced panel
// for domains nobody knows. Talks only to this app's own backend (CSP connect-src 'self').
const form = document.getElementById('login-form');
if (form) {
  const email = document.getElementById('email_address');
  const status = document.getElementById('provider-status');
  const advanced = document.getElementById('advanced');
  const submit = document.getElementById('submit');
  const token = form.elements.namedItem('csrf_token').value;
  let timer;
  let asked = '';

  const check = async () => {
    const value = email.value.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || value === asked) return;
    asked = value;
    status.dataset.state = 'checking';
    status.textContent = 'Looking up your provider…';
    let answer;
    try {
      const res = await fetch('/detect', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ email_address: value }) });
      if (!res.ok) throw new Error(String(res.status));
      answer = await res.json();
    } catch {
      status.textContent = '';
      delete status.dataset.state;
      return;
    }
    if (email.value.trim() !== value) return; // the address changed meanwhile
    status.dataset.state = answer.state;
    status.textContent = answer.message;
    if (answer.state === 'unknown') advanced.open = true;
  };

  email.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  });
  email.addEventListener('change', check);
  form.addEventListener('submit', () => {
    submit.disabled = true;
    submit.textContent = 'Checking with your provider…';
    form.setAttribute('aria-busy', 'true');
  });
}
