// Smart Onboarding settings of this demo. In your app: your publishable key and your edge's URL.
// `pnpm dev` serves /dev-env.js with the edge it started; without it the edge is port 8787 of this host.
(() => {
  const dev = window.SMART_ONBOARDING_DEV ?? {};
  let consent = 'granted';
  try {
    // The app's own privacy setting (the "Personalised help" switch at the bottom of the sidebar).
    if (localStorage.getItem('creator-studio:consent') === 'denied') consent = 'denied';
  } catch {
    // storage blocked: keep the default
  }
  window.CREATOR_STUDIO_ONBOARDING = {
    publishableKey: 'pk_demo_local',
    endpoint: dev.endpoint ?? `${location.protocol}//${location.hostname}:8787`,
    flow: 'creator-studio',
    consent,
    debug: new URLSearchParams(location.search).has('debug'),
  };
})();
