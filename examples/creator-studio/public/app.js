// Creator Studio: a small single-page app with history routing, like the SaaS products our customers build.
// It knows nothing about onboarding beyond `SmartOnboarding.track()` calls for the flow's goal events.

const view = document.getElementById('view');
const state = JSON.parse(sessionStorage.getItem('creator-studio') ?? '{}');
const save = () => sessionStorage.setItem('creator-studio', JSON.stringify(state));
const track = (name, properties) => window.SmartOnboarding?.track(name, properties);

const pages = {
  '/signup': () => `
    <h1>Create your profile</h1>
    <p class="lede">Two details and you're in.</p>
    <form id="signup-form" class="card form">
      <label>Display name <input name="name" required autocomplete="nickname" value="${state.name ?? ''}" /></label>
      <label>Email <input name="email" type="email" required autocomplete="email" /></label>
      <label>What do you create?
        <select name="kind" required>
          <option value="">Choose…</option>
          <option>Video</option><option>Photography</option><option>Writing</option><option>Music</option>
        </select>
      </label>
      <button class="primary" type="submit">Create profile</button>
    </form>`,
  '/connect': () => `
    <h1>Channels</h1>
    <p class="lede">Connect the accounts you publish to.</p>
    <ul class="channels">
      ${['instagram', 'tiktok', 'youtube']
        .map(
          (c) => `<li class="card channel">
            <span class="channel-name">${c[0].toUpperCase() + c.slice(1)}</span>
            ${
              state.connected?.includes(c)
                ? '<span class="badge ok">Connected</span>'
                : `<button id="connect-${c}" class="secondary" data-channel="${c}">Connect</button>`
            }
          </li>`,
        )
        .join('')}
    </ul>`,
  '/goals': () => `
    <h1>Goals</h1>
    <p class="lede">What do you want to grow?</p>
    <form id="goals-form" class="card form">
      <label class="check"><input type="checkbox" name="goal" value="followers" /> More followers</label>
      <label class="check"><input type="checkbox" name="goal" value="engagement" /> More engagement</label>
      <label class="check"><input type="checkbox" name="goal" value="sales" /> More sales</label>
      <button class="primary" type="submit">Save goals</button>
    </form>`,
  '/compose': () => `
    <h1>Compose</h1>
    <div class="card form">
      <label for="compose-editor">Caption</label>
      <textarea id="compose-editor" rows="5" maxlength="2200" placeholder="Say something to your audience…">${state.draft ?? ''}</textarea>
      <fieldset class="destinations"><legend>Destinations</legend>
        ${(state.connected ?? []).map((c) => `<label class="check"><input type="checkbox" checked value="${c}" /> ${c}</label>`).join('') || '<p class="muted">No channel connected yet.</p>'}
      </fieldset>
      <details class="advanced"><summary>Advanced options</summary>
        <label>Time slot
          <select id="time-slot"><option value="">None</option><option>Tomorrow 09:00</option><option>Tomorrow 18:00</option><option>Saturday 11:00</option></select>
        </label>
      </details>
      <div class="actions">
        <!-- Deliberately confusing: looks ready, but does nothing until a time slot (hidden under
             "Advanced options") is chosen, and says nothing about it. -->
        <button id="schedule-button" class="primary">Schedule</button>
      </div>
    </div>`,
  '/done': () => `
    <h1>Scheduled 🎉</h1>
    <p class="lede">Your first post goes out ${state.slot ?? 'soon'}.</p>
    <a class="primary button" href="/compose" data-link>Write another</a>`,
};

function render() {
  const route = pages[location.pathname] ? location.pathname : '/signup';
  view.innerHTML = pages[route]();
  for (const a of document.querySelectorAll('.sidebar a'))
    a.toggleAttribute('aria-current', a.getAttribute('href') === route);
  document.getElementById('topbar-user').textContent = state.name ? state.name : 'Not signed in';
}

function go(path) {
  history.pushState(null, '', path);
  render();
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-link]');
  if (link) {
    e.preventDefault();
    go(link.getAttribute('href'));
    return;
  }
  const connect = e.target.closest('button[data-channel]');
  if (connect) {
    connect.disabled = true;
    connect.textContent = 'Connecting…';
    // Stands in for an OAuth round trip.
    setTimeout(() => {
      state.connected = [...new Set([...(state.connected ?? []), connect.dataset.channel])];
      save();
      track('account_connected', { channel: connect.dataset.channel });
      render();
    }, 600);
    return;
  }
  if (e.target.closest('#schedule-button')) {
    const slot = document.getElementById('time-slot').value;
    if (!slot) return; // the confusing part: silently nothing
    state.slot = slot;
    save();
    track('post_scheduled', { slot });
    go('/done');
  }
});

document.addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.target;
  if (form.id === 'signup-form') {
    state.name = new FormData(form).get('name');
    save();
    track('profile_created');
    go('/connect');
  } else if (form.id === 'goals-form') {
    state.goals = new FormData(form).getAll('goal');
    save();
    track('goals_saved', { count: state.goals.length });
    go('/compose');
  }
});

document.addEventListener('input', (e) => {
  if (e.target.id === 'compose-editor') {
    // A draft counts once it has a few characters (typed one key at a time).
    const wasShort = (state.draft ?? '').trim().length < 3;
    state.draft = e.target.value;
    save();
    if (wasShort && state.draft.trim().length >= 3) track('post_drafted');
  }
});

// The app's privacy setting: with it off, Smart Onboarding captures, stores, sends and shows nothing.
const consentBox = document.getElementById('onboarding-consent');
consentBox.checked = window.CREATOR_STUDIO_ONBOARDING?.consent !== 'denied';
consentBox.addEventListener('change', () => {
  const state = consentBox.checked ? 'granted' : 'denied';
  try {
    localStorage.setItem('creator-studio:consent', state);
  } catch {
    // storage blocked: the choice lasts for this page
  }
  window.SmartOnboarding?.setConsent(state);
});

addEventListener('popstate', render);
render();
