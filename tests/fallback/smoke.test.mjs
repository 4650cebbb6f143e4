// The fallback build (issue 23): without the unstable size options (another rustc, no rust-src, or
// REGIEWIJZER_BUILD_STD=0) the widget still builds and works. scripts/test.sh builds it into
// target/dist-stable (widget bundle only) and runs this against it:
//   REGIEWIJZER_DIST=target/dist-stable node --test tests/fallback/
// A walk end to end: the static list, a guideline, questions answered to an outcome, the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, axe, open, pick, useBrowser } from '../browser/helpers.mjs';

useBrowser();

test('the widget built with the stable options walks Zeeland to an outcome', async (t) => {
  assert.ok(process.env.REGIEWIJZER_DIST, 'run against the fallback build: REGIEWIJZER_DIST=target/dist-stable');
  const page = await open(t);
  await pick(page, 'Zeeland');
  await answer(page, 'Waarvoor gebruikt u de Regiewijzer?', 'Ik werk bij de Toegang / het SLT: wie heeft welke regie?');
  await page.locator('.rw-vraag').waitFor();
  await axe(page, 'fallback build, second question');
  // Walk on by the first option of every question until an outcome shows.
  for (let i = 0; i < 10 && !(await page.locator('.rw-uitkomst').count()); i++) {
    await page.locator('.rw-vraag input[type=radio]').first().check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForTimeout(50);
  }
  await page.locator('.rw-uitkomst').waitFor();
  assert.match(page.url(), /#zeeland\//);
});
