// Opens the citizen status page the QR code points to in headless Chromium (Debian's package,
// driven by playwright-core) and prints what a person would read, as JSON on stdout.
// Usage: node status-page.mjs <page-url> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ locale: 'zh-CN' });
  await page.goto(url);
  const result = page.locator('#status, .error');
  await result.first().waitFor({ timeout: 15000 });
  const out = {
    title: await page.title(),
    status: await page.locator('#status').textContent().catch(() => null),
    error: await page.locator('.error').textContent().catch(() => null),
    text: await page.locator('#result').innerText(),
  };
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
