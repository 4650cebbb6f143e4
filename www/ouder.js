// For the page that holds the Regiewijzer in an iframe: sets the iframe's height to what the widget
// reports. Accepts messages only from the iframe's own origin and window.
//   <iframe class="regiewijzer" src="https://…/regiewijzer/inbed.html?ouder=https://uw.intranet.nl" title="Regiewijzer"></iframe>
//   <script src="https://…/regiewijzer/ouder.js"></script>
for (const frame of document.querySelectorAll('iframe.regiewijzer')) {
  const origin = new URL(frame.src, location.href).origin;
  window.addEventListener('message', (e) => {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    if (e.data?.type === 'regiewijzer-hoogte' && Number.isFinite(e.data.hoogte)) frame.height = String(Math.min(e.data.hoogte, 20000));
  });
}
