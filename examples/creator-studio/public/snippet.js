// The README's script-tag snippet as a customer pastes it (formatted here for reading): a stub that queues
// calls until the SDK has loaded, then the SDK itself, loaded asynchronously from /sdk/ (`pnpm dev` maps it
// to packages/sdk/dist; the SDK loads its siblings, the UI and the widgets, from the same folder).
((w, d, n) => {
  if (w[n]) return;
  const q = [];
  const o = { _q: q };
  w[n] = o;
  for (const m of 'init identify track setConsent on off setStep completeStep status shutdown'.split(' '))
    o[m] = (...args) => {
      q.push([m, args]);
    };
  const s = d.createElement('script');
  s.async = true;
  s.src = '/sdk/smart-onboarding.js';
  d.head.appendChild(s);
})(window, document, 'SmartOnboarding');
SmartOnboarding.init(window.CREATOR_STUDIO_ONBOARDING);
