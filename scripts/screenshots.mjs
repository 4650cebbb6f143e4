// Screenshots of the stroomschema for each guideline at 1280 and 360 pixels, into docs/ (for the
// README). A report, not a test: node scripts/screenshots.mjs [dist]
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const server = await startServer({ root: process.argv[2] ?? 'dist', base: '/regiewijzer/' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const id of ['westfriesland', 'oost-veluwe', 'flevoland', 'hoogeveen-de-wolden', 'zeeland']) {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: width > 400 ? 900 : 780 } });
    await page.goto(`${server.url}#${id}`);
    await page.locator('.rw-vraag').waitFor();
    // Three steps in, answering the first option each time, so the route shows.
    for (let i = 0; i < 3 && (await page.locator('.rw-vraag').count()); i += 1) {
      const legend = await page.locator('.rw-vraag legend').innerText();
      await page.locator('.rw-vraag input[type="radio"]').first().check();
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.waitForFunction((n) => document.querySelector('.rw-vraag legend')?.innerText !== n, legend);
    }
    if (width < 400) {
      await page.getByRole('button', { name: 'Toon stroomschema' }).click();
      await page.locator('.rw-zijschema').scrollIntoViewIfNeeded();
    }
    await page.waitForTimeout(200);
    await page.screenshot({ path: `docs/schema-${id}-${width}.jpg`, type: 'jpeg', quality: 70 });
    await page.close();
  }
}
await browser.close();
await server.close();
console.log('[screenshots] docs/schema-*.jpg');
