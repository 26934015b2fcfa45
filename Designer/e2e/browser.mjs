// Launches the system Chromium through playwright-core (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** Signs in through the UI: the "Token" field and the "Sign in" button. */
export async function signIn(page, baseUrl, token) {
  await page.goto(baseUrl);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('nav-workflows').waitFor();
}
