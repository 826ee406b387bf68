// Opens the supervision dashboard in headless Chromium (Debian's package, driven by playwright-core), waits for
// the charts and tables (or the refusal) and prints what a person reads, as JSON on stdout.
// Usage: node dashboard-page.mjs <page-url#token=…> <screenshot.png> [department]
import { chromium } from 'playwright-core';

const [url, screenshot, department] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1300, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.loaded, null, { timeout: 20000 });
  const out = {
    title: await page.title(),
    address: page.url(),
    loaded: await page.evaluate(() => document.body.dataset.loaded),
    error: (await page.locator('#error').isVisible()) ? await page.locator('#error').textContent() : null,
  };
  if (out.loaded === 'true') {
    if (department) {
      await page.selectOption('#dept', department);
    }
    out.department = await page.locator('#dept').inputValue();
    out.charts = await page.locator('#charts svg[data-metric]').count();
    // figures as drawn: metric -> month -> the number shown above the bar
    out.figures = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#charts svg[data-metric]')].map(svg =>
      [svg.dataset.metric, Object.fromEntries([...svg.querySelectorAll('text.value')].map(t => [t.dataset.month, Number(t.textContent)]))])));
    out.chartTitles = await page.locator('#charts h3').allTextContents();
    out.rows = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('table[data-kind]')]
      .map(t => [t.id, Number(t.dataset.rows)])));
    out.links = await page.locator('table[data-kind] a').evaluateAll(as => as.map(a => a.dataset.api).slice(0, 20));
    // 查看 opens the record in a dialog, fetched with the token: the first open proof dispute and complaint, a unit's signals
    out.details = {};
    for (const [table, kind] of [['disputes', 'dispute'], ['complaints', 'complaint'], ['signals', 'signals']]) {
      const a = page.locator(`#${table} a[data-detail]`).first();
      if (!(await a.count())) continue;
      await a.click();
      const ready = kind === 'signals' ? '#detailTable[data-rows]' : '#detailFields';
      await page.locator(`#detail ${ready}`).waitFor({ timeout: 10000 });
      out.details[kind] = {
        title: await page.locator('#detailTitle').textContent(),
        fields: await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#detailFields dd')]
          .map(d => [d.dataset.field, d.textContent]))),
        rows: await page.evaluate(() => Number(document.querySelector('#detailTable')?.dataset.rows ?? -1)),
      };
      if (kind === 'dispute' && screenshot) {
        await page.screenshot({ path: screenshot.replace(/\.png$/, '-detail.png') });
      }
      await page.click('#detailClose');
    }
  }
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
