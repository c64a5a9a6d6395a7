// Launches Debian's headless Chromium with playwright-core (from tests/js), with the flags this machine needs: the one way every browser test and benchmark starts it.
import { createRequire } from "node:module";

const { chromium } = createRequire(new URL("./package.json", import.meta.url))("playwright-core");

/** Debian's Chromium, headless; as root it needs --no-sandbox, and the closed network --disable-background-networking. */
export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}
