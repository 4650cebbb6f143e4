// What the load benchmark (scripts/bench-peers.mjs) and the step report (bench/step-phases.mjs)
// share, so that both walk the same route and time "painted" the same way.

// Runs in the page at document start (CDP, so the CSP does not apply). `rwPainted(ready)`
// resolves to performance.now() (ms since navigation start) once the first frame in which `ready()`
// holds has been painted: a requestAnimationFrame loop finds the frame (its callback runs before that
// frame's paint), and a task posted from that callback runs after the frame's rendering, so a target
// whose markup is static (the first click) does not count as ready before its first frame is
// painted. The task is a user-blocking one (`scheduler.postTask`), so it runs before the tasks a page
// posts from its own frame callbacks: a timer set there (the widget's loader writes the address bar
// and adds an outcome's rest that way) ran before a posted message and counted as part of the
// frame (traced at 4x CPU: the step to the outcome painted at 64 ms, measured 76). The loads and
// the steps are timed with it.
export function installPainted() {
  window.rwPainted = (ready) => new Promise((done) => {
    const frame = () => {
      if (!ready()) return requestAnimationFrame(frame);
      // A user-blocking task runs before the page's own (timers it set from its frame callbacks).
      if (globalThis.scheduler?.postTask) return scheduler.postTask(() => done(performance.now()), { priority: 'user-blocking' });
      const painted = new MessageChannel();
      painted.port1.onmessage = () => done(performance.now());
      painted.port2.postMessage(0);
    };
    requestAnimationFrame(frame);
  });
}

/** The Hoogeveen/De Wolden route of the step latency: question id → the option answered. */
export const ROUTE = { gemeente: 'hoogeveen', kader: 'vrijwillig', ingang: 'wegen', volwassenen_onveilig: 'nee', epa: 'nee',
  zorgen: 'complex', probleembesef: 'ambivalent', draagkracht: 'volledig', zelfredzaam: 'beperkt', kinderen_3: 'ja' };

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
