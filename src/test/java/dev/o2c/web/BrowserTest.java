package dev.o2c.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every page test shares: it needs Debian's chromium (skipped with a reason where it is missing; .ci/run installs
 * it), drives one browser against the running application and closes it after the class.
 */
abstract class BrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(
                Browser.available(),
                "end-to-end tests need Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The browser on the application's start page address; one per test class. */
    Browser openBrowser() throws java.io.IOException {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        return browser;
    }
}
