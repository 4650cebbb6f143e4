// Accessibility, measured: axe-core (WCAG 2.0-2.2 A and AA rules) on every step of one full walk
// per guideline, at 1280 and at 320 pixels, plus the schema views; at 320 nothing may scroll
// sideways. The walk answers each question with its first option until an outcome is reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, noSideScroll, open, pick, useBrowser } from './helpers.mjs';

useBrowser();

const REGIONS = ['Westfriesland', 'Oost Veluwe', 'Flevoland', 'Hoogeveen en De Wolden', 'Zeeland'];

for (const width of [1280, 320]) {
  test(`axe clean on every step of a walk through each guideline at ${width} px`, async (t) => {
    for (const region of REGIONS) {
      const page = await open(t, { viewport: { width, height: 800 } });
      if (region === REGIONS[0]) await axe(page, 'picker');
      await pick(page, region);
      let steps = 0;
      while (await page.locator('.rw-vraag').count()) {
        const legend = await page.locator('.rw-vraag legend').innerText();
        await axe(page, `${region}: ${legend}`);
        await noSideScroll(page, width, `${region}: ${legend}`);
        await page.locator('.rw-vraag input[type="radio"]').first().check();
        await page.getByRole('button', { name: 'Volgende' }).click();
        await page.waitForFunction((n) => document.querySelector('.rw-vraag legend')?.innerText !== n, legend);
        steps += 1;
        assert.ok(steps < 30, `${region}: walk ends`);
      }
      await page.locator('.rw-uitkomst h2').waitFor();
      await axe(page, `${region}: outcome`);
      await noSideScroll(page, width, `${region}: outcome`);
      if (width > 400) {
        // Exactly the route is lit: one node per answer, the outcome current.
        const svg = page.locator('.rw-zijschema svg');
        assert.equal(await svg.locator('.rw-knoop.rw-route').count(), await page.locator('.rw-antwoorden li').count(), region);
        assert.equal(await svg.locator('.rw-knoop.rw-nu .rw-uitkomstknoop').count(), 1, region);
        await page.getByRole('button', { name: 'Hele stroomschema' }).click();
        await page.locator('.rw-schema-groot').waitFor();
        await page.getByRole('button', { name: 'Tekstversie tonen' }).click();
        await axe(page, `${region}: whole schema with text version`);
        await page.getByRole('button', { name: 'Terug naar de vragen' }).click();
      } else {
        await page.getByRole('button', { name: 'Toon stroomschema' }).click();
        await axe(page, `${region}: schema opened on a phone`);
        await noSideScroll(page, width, `${region}: schema opened on a phone`);
      }
    }
  });
}

test('axe clean on the "weet ik niet" alternatives and on a mangled link', async (t) => {
  const page = await open(t, { hash: '#oost-veluwe/rol=toegang/kader=vrijwillig/zelf_regie=nee/meerdere_aanbieders=?' });
  await page.locator('.rw-vraag, .rw-alternatieven, .rw-uitkomst').first().waitFor();
  await axe(page, 'after an unknown answer');
  const bad = await open(t, { hash: '#westfriesland/rol=baas/x=y' });
  await bad.locator('.rw-melding').first().waitFor();
  await axe(bad, 'mangled link');
});
