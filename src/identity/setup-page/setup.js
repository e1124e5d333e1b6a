import { messages } from './messages.js';

const stored = sessionStorage.getItem('vigie-language');
let language = stored ?? (navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en');
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const $ = (id) => document.getElementById(id);

function render() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = messages[language][node.dataset.t];
  document.title = messages[language].title;
}

function show(id) {
  for (const section of ['create', 'signin', 'factor', 'done']) $(section).hidden = section !== id;
  $('error').textContent = '';
}

let csrfToken = null;

async function call(method, url, body) {
  const headers = { 'content-type': 'application/json', 'accept-language': language, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
  const options = { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  if (body === undefined) delete headers['content-type'];
  const response = await fetch(url, options);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (answer.errors ?? []).map((e) => `${e.pointer ?? e.parameter}: ${e.detail}`).join(' · ');
    throw new Error([answer.title ?? messages[language]['error.generic'], fields].filter(Boolean).join(' — '));
  }
  return answer;
}

function guard(handler) {
  return (event) => {
    event.preventDefault();
    handler(new FormData(event.target)).catch((error) => ($('error').textContent = error.message));
  };
}

$('language').addEventListener('click', () => {
  language = language === 'fr' ? 'en' : 'fr';
  sessionStorage.setItem('vigie-language', language);
  render();
});

$('create').addEventListener(
  'submit',
  guard(async (form) => {
    const country = form.get('country');
    await call('POST', '/api/setup', {
      token,
      organisation: { name: form.get('organisation'), kind: form.get('kind'), ...(country ? { country } : {}) },
      email: form.get('email'),
      name: form.get('name'),
      password: form.get('password'),
    });
    history.replaceState(null, '', location.pathname);
    show('signin');
  }),
);

$('signin').addEventListener(
  'submit',
  guard(async (form) => {
    const answer = await call('POST', '/api/session', { email: form.get('email'), password: form.get('password') });
    $('enrol').hidden = answer.secondFactor !== 'enrol';
    if (answer.enrolment) {
      $('secret').textContent = answer.enrolment.secret;
      $('uri').href = answer.enrolment.uri;
    }
    show('factor');
  }),
);

$('factor').addEventListener(
  'submit',
  guard(async (form) => {
    const session = await call('POST', '/api/session/second-factor', { code: form.get('code') });
    csrfToken = session.csrfToken ?? null;
    show('done');
    // An empty embedded database: offer the demonstration data set.
    const demo = await call('GET', '/api/demo').catch(() => null);
    $('demo').hidden = !demo?.offer;
  }),
);

$('demo-load').addEventListener('click', () => {
  $('demo-load').disabled = true;
  $('demo-busy').textContent = messages[language]['demo.busy'];
  call('POST', '/api/demo', {})
    .then((loaded) => {
      $('demo').hidden = true;
      $('demo-password').textContent = loaded.password;
      $('demo-accounts').replaceChildren(
        ...loaded.accounts.map((account) => {
          const item = document.createElement('li');
          item.textContent = `${account.email} — ${account.name} — ${account.roles.join(', ')}`;
          return item;
        }),
      );
      $('demo-loaded').hidden = false;
    })
    .catch((error) => {
      $('demo-load').disabled = false;
      $('demo-busy').textContent = '';
      $('error').textContent = error.message;
    });
});

render();
if (token) show('create');
else {
  show('signin');
}
