package org.medfund.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medfund.cli.demo.DemoStep;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.FileSystemUtils;

/**
 * The staff pages tested as people use them: the app runs on a random port over a fresh H2 data directory filled by
 * the demo, and headless Chromium (Debian's chromium and chromium-driver, installed by {@code .ci/run}) signs in
 * through the login form as each demo role, opens the home page and every page reachable from the navigation (links
 * within the app, bounded), downloads an xlsx and a PDF with the session and reads them back. Every page must answer
 * 200 and show no stack trace, and print media must hide the navigation. No page may show an English state word, a
 * raw code where a name exists, a snake_case field name or an internal "seed" citation: each one found fails the run
 * and is listed in {@code target/browser/report.md}. The one allow-list is markup, not words: a code shown next to
 * its name is marked {@code class="code"} (the name is beside it in the same table row, list item or line), and such
 * an element must indeed sit beside Chinese text. Screenshots of every page are kept under {@code target/browser/}.
 * Without chromium the test is skipped, saying why.
 */
@EnabledIf(value = "chromiumInstalled", disabledReason = "browser tests need Debian's chromium and chromium-driver "
        + "(/usr/bin/chromium, /usr/bin/chromedriver); bash .ci/run installs them")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = BrowserTest.FreshDataDirectory.class)
class BrowserTest {

    static final Path OUT = Path.of("target", "browser");
    /** Debian's paths; {@code -Dmedfund.browser.chromium=…} and {@code -Dmedfund.browser.chromedriver=…} override. */
    static final Path CHROMIUM = Path.of(System.getProperty("medfund.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("medfund.browser.chromedriver",
            "/usr/bin/chromedriver"));

    /**
     * One demo user per role (cli UsersDemoStep): 经办, 复核, 财务, 医疗机构, 审计, 管理员 at 信阳; then the province roles
     * of issues 14 and 15: the Guizhou settlement centre's clerk, a Guizhou city agency clerk and city finance officer
     * (贵阳), the Henan province centre's clerk and a Henan city agency clerk (平顶山); then the clerk of Guizhou's
     * province-level pool (贵州省本级).
     */
    static final List<String> ROLES = List.of("xy-clerk", "xy-reviewer", "xy-finance", "xy-hospital", "xy-auditor",
            "xy-admin", "gz-clerk", "gy-clerk", "gy-finance", "ha-clerk", "pds-clerk", "gzs-clerk");
    /**
     * The roles this run walks: all of them, or those named by {@code -Dmedfund.browser.roles=gy-finance,gz-clerk}
     * (a quick look at one role's pages; the demo still runs whole, and the whole-run checks of the xy-clerk's
     * downloads are left to a run of every role).
     */
    static final List<String> ROLES_RUN = rolesToRun(System.getProperty("medfund.browser.roles", ""));

    /**
     * Bounds of the crawl: about two minutes on the 2-core machine when idle for the first six roles; the time limit is
     * for a loaded one (nine builds sharing the machine take about 3 s a page: 80 s a role, 960 s for the twelve;
     * {@code -Dmedfund.browser.run-max-seconds=N} sets it).
     */
    static final int PAGES_PER_ROLE_MAX = 24;
    static final int PAGES_PER_SHAPE_MAX = 1;
    static final int DEPTH_MAX = 2;
    static final Duration RUN_MAX = Duration.ofSeconds(Long.getLong("medfund.browser.run-max-seconds", 960));

    static final Pattern STACK_TRACE = Pattern.compile(
            "Exception|\\bat (?:org|java|jdk|sun)\\.[\\w.$]+\\(|Whitelabel Error Page|Caused by:");
    static final Pattern SEED = Pattern.compile("(?i)\\bseed\\b");
    /** Words of two or more capitals/underscores (stored states, kinds, roles), minus a few that are fine. */
    static final Pattern ENGLISH_STATE = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");
    /** Not states: file formats and protocol words a clerk meets on buttons and in API hints. */
    static final Set<String> ENGLISH_FINE = Set.of("HTTP", "JSON", "HTML", "XLSX", "HTMX", "OPENAPI", "POST", "UTF-8",
            "UTF", "CSV", "PDF");
    /**
     * Organisation codes (411500-AGENCY), hospital codes, user names built from them (demo-clerk-411500-agency) and
     * snake_case field names shown raw.
     */
    static final Pattern RAW_CODE = Pattern.compile(
            "\\b\\d{6}-[A-Za-z_]+\\b|\\bH\\d{11}\\b|\\b[a-z]+(?:_[a-z]+)+\\b");
    /**
     * Stored state names of prepayment and settlement whose enums, each with its one Chinese label, are being
     * introduced in parallel (issue 12: prepayment and settlement states as types). Until those changes are merged
     * these are reported as "pending-label" and do not fail; once they are, this set is emptied and any such word
     * fails like every other English state. Only state names of those two capabilities, never codes or field names.
     */
    static final Set<String> LABELS_IN_FLIGHT = Set.of();
    /** What marks a code shown next to its name: the allow-list of the checks above. */
    static final String CODE_BESIDE_NAME = ".code";
    static final String PENDING = "pending-label";

    @LocalServerPort
    int port;
    @Autowired
    List<DemoStep> demoSteps;

    /** A fresh file database per run, under target/, as {@code ./medfund demo} would create on a new laptop. */
    static class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            // Artefacts of one run only: screenshots and data of earlier runs would mix into this run's.
            FileSystemUtils.deleteRecursively(OUT.toFile());
            Path dir = OUT.resolve("data-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")))
                    .toAbsolutePath();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("browser-test", Map.of(
                    "medfund.data-dir", dir.toString(),
                    "spring.datasource.url", "jdbc:h2:file:" + dir + "/medfund;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                            + "DEFAULT_NULL_ORDERING=HIGH",
                    "spring.datasource.username", "sa", "spring.datasource.password", "",
                    // Selenium warns that it has no CDP module for this Chromium; the test uses none.
                    "logging.level.org.openqa.selenium", "ERROR")));
        }
    }

    /**
     * The class-level condition: evaluated before Spring starts, so a machine without chromium skips in a moment, and
     * surefire counts the test as skipped with this reason.
     */
    static boolean chromiumInstalled() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            // No report of an earlier run may stand for this one (.ci/run fails without a report).
            Files.deleteIfExists(OUT.resolve("report.md"));
            // Said on the console as well: a skipped browser run must never pass unnoticed.
            System.err.println("BROWSER TESTS SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER + " not found; "
                    + "install Debian's chromium and chromium-driver (bash .ci/run does) to run them.");
        }
        return present;
    }

    /** A finding for the report: a page, what was found and a little of its context. */
    record Finding(String role, String url, String kind, String token, String context) {
    }

    @Test
    @DisplayName("every demo role signs in, opens each page reachable from the navigation, downloads an xlsx and a PDF")
    void everyRoleWalksThePages() throws Exception {
        Files.createDirectories(OUT);
        Instant started = Instant.now();
        Map<String, String> passwords = demo();
        Duration demo = Duration.between(started, Instant.now());
        Instant deadline = Instant.now().plus(RUN_MAX);
        // The crawl's limit is for the crawl: the issue 13 walks below do not eat into the later roles' time.
        Instant walkStarted;
        List<String> failures = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        Map<String, String> downloads = new LinkedHashMap<>();
        ChromeDriver browser = browser();
        try {
            for (String user : ROLES_RUN) {
                assertThat(passwords).as("demo password of " + user).containsKey(user);
                login(browser, user, passwords.get(user));
                Crawl crawl = crawl(browser, user, deadline, failures, findings);
                visited.addAll(crawl.visited().stream().map(u -> user + "\t" + u).toList());
                download(browser, user, crawl.downloads(), failures, downloads);
                walkStarted = Instant.now();
                if (user.equals("xy-clerk")) {
                    printHidesNavigation(browser, failures);
                    followAnAmountToItsVoucherAndBack(browser, failures, downloads);
                }
                if (user.equals("xy-auditor")) {
                    verifyABook(browser, failures);
                }
                if (user.equals("gy-finance")) {
                    countyBlockOfTheDemoQuarter(browser, user, failures, findings);
                }
                deadline = deadline.plus(Duration.between(walkStarted, Instant.now()));
                browser.manage().deleteAllCookies();
            }
        } catch (AssertionError | RuntimeException e) {
            failures.add("run stopped: " + e.getMessage());
            throw e;
        } finally {
            browser.quit();
            writeReport(visited, findings, failures, downloads, demo, Duration.between(started, Instant.now()));
        }
        if (ROLES_RUN.equals(ROLES)) {
            assertThat(downloads.keySet()).as("an xlsx and a PDF were downloaded and read back")
                    .anyMatch(k -> k.endsWith(".xlsx")).anyMatch(k -> k.endsWith(".pdf"));
            // The finance department's or auditor's export may be empty; the clerk's list of the demo month is not.
            assertThat(downloads.entrySet()).as("the clerk's xlsx has data rows")
                    .anyMatch(e -> e.getKey().startsWith("xy-clerk ") && e.getKey().endsWith(".xlsx")
                            && !e.getValue().startsWith("0 rows"));
        }
        assertThat(failures).as("see target/browser/report.md").isEmpty();
        assertThat(findings).as("English states, raw codes, field names or seed numbers shown to staff: see "
                        + "target/browser/report.md").filteredOn(f -> !f.kind().equals(PENDING))
                .extracting(f -> f.role() + " " + f.url() + ": " + f.kind() + " " + f.token() + " (" + f.context()
                        + ")")
                .isEmpty();
    }

    /** Runs the demo as {@code ./medfund demo} does and reads the passwords it prints once. */
    private Map<String, String> demo() throws IOException {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        demoSteps.stream().sorted(Comparator.comparingInt(DemoStep::order)).forEach(step -> {
            writer.println("== " + step.title());
            step.run(writer);
        });
        Files.writeString(OUT.resolve("demo.txt"), out.toString(), StandardCharsets.UTF_8);
        Map<String, String> passwords = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^ {2}(\\S+)\\s+(\\S+) ").matcher(out.toString());
        while (m.find()) {
            passwords.put(m.group(1), m.group(2));
        }
        return passwords;
    }

    static List<String> rolesToRun(String named) {
        if (named.isBlank()) {
            return ROLES;
        }
        List<String> roles = List.of(named.strip().split("\\s*,\\s*"));
        assertThat(ROLES).as("-Dmedfund.browser.roles names demo roles").containsAll(roles);
        return roles;
    }

    /**
     * The quota page's county block (guizhou-2017 附件二 一(一)1-2, 二(一)1-2) of the demo quarter, 2026 Q1 (demo step
     * 745). The crawl opens the quota page on the current quarter, which has no county shares, so the city finance
     * officer who receives them (贵阳市财政局) opens Q1: 南明区's share received, 云岩区's in transit with the button
     * that confirms it.
     */
    private void countyBlockOfTheDemoQuarter(ChromeDriver browser, String user, List<String> failures,
                                             List<Finding> findings) throws IOException {
        String url = base() + "/crossregion/quotas?year=2026&quarter=1";
        browser.get(url);
        check(browser, user, url, failures, findings);
        screenshot(browser, user, 99, url);
        String text = text(browser);
        for (String shown : List.of("县（区）预付金划拨", "南明区", "云岩区", "贵阳市", "市州财政已到账", "已划拨（在途）",
                "确认到账", "附件二 一(一)1-2")) {
            if (!text.contains(shown)) {
                failures.add(user + " " + url + ": the county block does not show 「" + shown + "」");
            }
        }
    }

    private ChromeDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(OUT.resolve("chromedriver.log").toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void login(ChromeDriver browser, String user, String password) {
        browser.get(base() + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        // The click returns before the navigation: wait (bounded) until the login form has gone or says why not.
        Instant until = Instant.now().plusSeconds(10);
        while (!browser.findElements(By.name("password")).isEmpty() && !browser.getCurrentUrl().contains("error")
                && Instant.now().isBefore(until)) {
            sleep();
        }
        if (browser.getCurrentUrl().contains("/login")) {
            throw new AssertionError(user + " could not sign in: " + browser.getCurrentUrl() + " " + text(browser));
        }
        assertThat(text(browser)).as(user + " home page names the user").contains("（演示）");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Crawl(List<String> visited, Set<String> downloads) {
    }

    /**
     * Breadth first from the home page: the navigation's pages (depth 1) and the pages they link to (depth 2), at
     * most {@link #PAGES_PER_SHAPE_MAX} of one shape (ids replaced by *), so 300 prepayment rows cost two visits.
     */
    private Crawl crawl(ChromeDriver browser, String user, Instant deadline, List<String> failures,
                        List<Finding> findings) throws IOException {
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {base() + "/", "0"});
        Set<String> seen = new LinkedHashSet<>(List.of(base() + "/"));
        Map<String, Integer> shapes = new HashMap<>();
        List<String> visited = new ArrayList<>();
        Set<String> downloads = new LinkedHashSet<>();
        while (!queue.isEmpty() && visited.size() < PAGES_PER_ROLE_MAX) {
            if (Instant.now().isAfter(deadline)) {
                failures.add(user + ": crawl stopped at the time limit of " + RUN_MAX.toSeconds() + " s");
                break;
            }
            String[] next = queue.poll();
            String url = next[0];
            int depth = Integer.parseInt(next[1]);
            browser.get(url);
            visited.add(url.substring(base().length()));
            check(browser, user, url, failures, findings);
            screenshot(browser, user, visited.size(), url);
            if (depth >= DEPTH_MAX || url.contains("/api/")) {
                continue;
            }
            for (String link : links(browser)) {
                if (isDownload(link)) {
                    downloads.add(link);
                } else if (seen.add(link) && shapes.merge(shape(link), 1, Integer::sum) <= PAGES_PER_SHAPE_MAX) {
                    queue.add(new String[] {link, Integer.toString(depth + 1)});
                }
            }
        }
        return new Crawl(visited, downloads);
    }

    @SuppressWarnings("unchecked")
    private List<String> links(ChromeDriver browser) {
        List<Object> hrefs = (List<Object>) browser.executeScript(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
        List<String> links = new ArrayList<>();
        for (Object href : hrefs) {
            String link = href.toString().replaceAll("#.*$", "");
            if (link.startsWith(base() + "/") && !link.contains("/logout") && !link.contains("/webjars/")) {
                links.add(link);
            }
        }
        return links;
    }

    /** A file rather than a page: a .xlsx/.csv/.pdf route, or a page's own export ({@code ?format=xlsx}). */
    private static boolean isDownload(String link) {
        return link.matches(".*\\.(xlsx|csv|pdf)(\\?.*)?$") || link.matches(".*[?&]format=(xlsx|csv)(&.*)?$");
    }

    /** /prepayments/PP-2025-H41152100001-310 and /prepayments/PP-2025-H41152500001-390 share a shape. */
    private static String shape(String link) {
        return link.replaceAll("\\?.*$", "").replaceAll("/[^/]*\\d[^/]*", "/*");
    }

    private void check(ChromeDriver browser, String user, String address, List<String> failures,
                       List<Finding> findings) {
        String url = address.substring(base().length());
        Object status = browser.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;");
        if (status == null || ((Number) status).intValue() != 200) {
            failures.add(user + " " + url + ": HTTP " + status);
        }
        String text = text(browser);
        Matcher trace = STACK_TRACE.matcher(text);
        if (trace.find()) {
            failures.add(user + " " + url + ": stack trace text: " + context(text, trace.start()));
        }
        if (url.contains("/api/")) {
            return; // Swagger UI is the API's own English page, not a staff page.
        }
        text = withoutCodesBesideNames(browser, user, url, text, findings);
        Matcher seed = SEED.matcher(text);
        while (seed.find()) {
            findings.add(new Finding(user, url, "seed", seed.group(), context(text, seed.start())));
        }
        Matcher english = ENGLISH_STATE.matcher(text);
        while (english.find()) {
            if (!ENGLISH_FINE.contains(english.group())) {
                findings.add(new Finding(user, url, LABELS_IN_FLIGHT.contains(english.group()) ? PENDING : "english",
                        english.group(), context(text, english.start())));
            }
        }
        Matcher code = RAW_CODE.matcher(text);
        while (code.find()) {
            findings.add(new Finding(user, url, "code", code.group(), context(text, code.start())));
        }
    }

    /**
     * The page's text without the codes shown next to their names ({@link #CODE_BESIDE_NAME}); a marked code with no
     * name beside it (its parent shows nothing else, or nothing Chinese) is itself a finding.
     */
    @SuppressWarnings("unchecked")
    private static String withoutCodesBesideNames(ChromeDriver browser, String user, String url, String text,
                                                  List<Finding> findings) {
        List<List<Object>> codes = (List<List<Object>>) browser.executeScript("""
                return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.offsetParent !== null
                    || e.getClientRects().length > 0).map(e => {
                  const around = e.closest('tr, li, dd, p, h1, h2, h3') || e.parentElement;
                  const beside = around ? around.innerText.replace(e.innerText, '') : '';
                  return [e.innerText, beside];
                });""", CODE_BESIDE_NAME);
        String rest = text;
        for (List<Object> code : codes) {
            String shown = code.get(0).toString().strip();
            if (shown.isEmpty()) {
                continue;
            }
            if (!code.get(1).toString().matches("(?s).*[\\u4e00-\\u9fff].*")) {
                findings.add(new Finding(user, url, "unnamed-code", shown, code.get(1).toString().strip()));
            }
            int at = rest.indexOf(shown);
            if (at >= 0) {
                rest = rest.substring(0, at) + " " + rest.substring(at + shown.length());
            }
        }
        return rest;
    }

    private static String text(ChromeDriver browser) {
        WebElement body = browser.findElement(By.tagName("body"));
        return body.getText();
    }

    private static String context(String text, int at) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).replaceAll("\\s+", " ");
    }

    private void screenshot(ChromeDriver browser, String user, int n, String url) throws IOException {
        Path dir = Files.createDirectories(OUT.resolve(user));
        String name = String.format("%02d%s.png", n, url.substring(base().length()).replaceAll("[^A-Za-z0-9]+", "-"));
        Files.write(dir.resolve(name.length() > 80 ? name.substring(0, 76) + ".png" : name),
                browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Fetches the first xlsx and the first PDF the role's pages link to, from inside the page (so with the login
     * session, as a click would), and reads them back: the xlsx's header row is Chinese, the PDF's text too.
     */
    private void download(ChromeDriver browser, String user, Set<String> links, List<String> failures,
                          Map<String, String> downloads) throws IOException {
        for (String extension : List.of(".xlsx", ".pdf")) {
            String link = links.stream().filter(l -> l.replaceAll("\\?.*$", "").endsWith(extension)).findFirst()
                    .orElse(null);
            if (link == null) {
                continue;
            }
            Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(async r => {
                      const bytes = new Uint8Array(await r.arrayBuffer());
                      let binary = '';
                      for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
                      done([r.status, r.headers.get('content-type') || '', btoa(binary)]);
                    }).catch(e => done([0, String(e), '']));""", link);
            List<?> answer = (List<?>) result;
            int status = ((Number) answer.get(0)).intValue();
            byte[] body = Base64.getDecoder().decode(answer.get(2).toString());
            String file = user + extension;
            Files.write(OUT.resolve(file), body);
            if (status != 200) {
                failures.add(user + " download " + link + ": HTTP " + status);
                continue;
            }
            String content = extension.equals(".xlsx") ? xlsxHeader(body) : pdfText(body);
            if (!content.matches("(?s).*[\\u4e00-\\u9fff].*")) {
                failures.add(user + " download " + link + ": no Chinese text in " + content);
            }
            downloads.put(user + " " + link.substring(base().length()) + " " + extension,
                    content.replaceAll("\\s+", " ").substring(0, Math.min(120, content.length())));
        }
    }

    private static String xlsxHeader(byte[] body) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Row header = book.getSheetAt(0).getRow(0);
            StringBuilder text = new StringBuilder();
            header.forEach(cell -> text.append(cell.getStringCellValue()).append(' '));
            return book.getSheetAt(0).getLastRowNum() + " rows under: " + text;
        }
    }

    private static String pdfText(byte[] body) throws IOException {
        try (PDDocument document = Loader.loadPDF(body)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** CSS @media print: on paper the navigation bar and the forms are gone, the content stays. */
    private void printHidesNavigation(ChromeDriver browser, List<String> failures) {
        browser.get(base() + "/settlements");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            if (browser.findElement(By.cssSelector("header.top")).isDisplayed()) {
                failures.add("print: the navigation bar is shown on paper (/settlements)");
            }
            if (!browser.findElement(By.tagName("h1")).isDisplayed()) {
                failures.add("print: the page title is hidden on paper (/settlements)");
            }
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * Issue 13, "every amount explains itself": from a paid batch line's amount on 结算与对账 to its page (derivation,
     * vouchers, reconciliations and settlements down to the setl_id), on to the voucher, which shows the amount, and
     * back to the line; from there the hospital's settlement notice (PDF, amounts in 大写) and the month's records
     * (xlsx, holding the setl_id the page listed) are downloaded and read.
     */
    private void followAnAmountToItsVoucherAndBack(ChromeDriver browser, List<String> failures,
                                                   Map<String, String> downloads) throws IOException {
        // An empty period clears the month the crawl may have left in the session (MonthFilter): every batch shows.
        browser.get(base() + "/settlements?period=");
        List<String> lines = browser.findElements(By.cssSelector("a.trace")).stream()
                .map(a -> a.getAttribute("href")).distinct().limit(TRACE_LINES_TRIED_MAX).toList();
        String voucher = null;
        String line = null;
        for (String candidate : lines) {
            browser.get(candidate);
            List<WebElement> vouchers = browser.findElements(By.cssSelector("a.voucher"));
            if (!vouchers.isEmpty()) {
                line = candidate;
                voucher = vouchers.get(0).getAttribute("href");
                break;
            }
        }
        if (line == null) {
            failures.add("trace: no paid batch line with a voucher among " + lines.size() + " lines on /settlements");
            return;
        }
        screenshot(browser, "trace", 1, browser.getCurrentUrl());
        String net = browser.findElement(By.id("line-net")).getText();
        String page = text(browser);
        if (!page.contains("计算过程") || !page.contains("依据")) {
            failures.add("trace: the line page shows no derivation: " + line);
        }
        List<WebElement> setlIds = browser.findElements(By.cssSelector("td.setl-id"));
        String setlId = setlIds.isEmpty() ? null : setlIds.get(0).getText();
        if (setlId == null) {
            failures.add("trace: the line page lists no settlement (setl_id): " + line);
        }
        String notice = browser.findElements(By.cssSelector("a[href*='notice.pdf']")).stream()
                .map(a -> a.getAttribute("href")).findFirst().orElse(null);
        String records = browser.findElements(By.cssSelector("a[href*='export.xlsx']")).stream()
                .map(a -> a.getAttribute("href")).findFirst().orElse(null);
        browser.get(voucher);
        screenshot(browser, "trace", 2, browser.getCurrentUrl());
        if (!text(browser).contains("记账凭证") || !text(browser).contains(net)) {
            failures.add("trace: the voucher " + voucher + " does not show the line's amount " + net);
        }
        List<WebElement> back = browser.findElements(By.cssSelector("a.document[href*='/line?']"));
        if (back.isEmpty()) {
            failures.add("trace: the voucher " + voucher + " has no link back to its batch line");
            return;
        }
        back.get(0).click();
        if (!browser.getCurrentUrl().startsWith(base() + "/settlements/payment-batches/")
                || !text(browser).contains(net)) {
            failures.add("trace: the voucher's document link leads to " + browser.getCurrentUrl() + ", not the line");
        }
        screenshot(browser, "trace", 3, browser.getCurrentUrl());
        if (notice != null) {
            String pdf = pdfText(fetch(browser, notice, failures)).replaceAll("\\s+", "");
            if (!pdf.contains("大写")) {
                failures.add("trace: the settlement notice " + notice + " has no amount in 大写");
            }
            downloads.put("trace " + notice.substring(base().length()) + " .pdf", pdf.substring(0,
                    Math.min(120, pdf.length())));
        }
        if (records != null && setlId != null) {
            byte[] xlsx = fetch(browser, records, failures);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                boolean found = false;
                for (Row row : book.getSheetAt(0)) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        found |= setlId.equals(cell.toString());
                    }
                }
                if (!found) {
                    failures.add("trace: the month's xlsx " + records + " lacks the setl_id " + setlId);
                }
                downloads.put("trace " + records.substring(base().length()) + " .xlsx",
                        book.getSheetAt(0).getLastRowNum() + " rows, holding " + setlId);
            }
        }
    }

    /** Lines of /settlements tried until one has a voucher (held or unpaid lines have none). */
    static final int TRACE_LINES_TRIED_MAX = 12;

    /** The auditor presses 校验 on 基金账簿 and reads the chain check's result. */
    private void verifyABook(ChromeDriver browser, List<String> failures) throws IOException {
        browser.get(base() + "/ledger");
        List<WebElement> buttons = browser.findElements(By.cssSelector("form.verify button"));
        if (buttons.isEmpty()) {
            failures.add("verify: the auditor is offered no 校验 button on /ledger");
            return;
        }
        buttons.get(0).click();
        Instant until = Instant.now().plusSeconds(20);
        while (browser.findElements(By.id("verify-result")).isEmpty() && Instant.now().isBefore(until)) {
            sleep();
        }
        screenshot(browser, "verify", 1, browser.getCurrentUrl());
        List<WebElement> result = browser.findElements(By.id("verify-result"));
        if (result.isEmpty() || !result.get(0).getText().contains("校验通过")) {
            failures.add("verify: " + browser.getCurrentUrl() + " says " + (result.isEmpty() ? text(browser)
                    : result.get(0).getText()));
        }
    }

    /** Fetches a file from inside the page, with the login session, as a click would. */
    private static byte[] fetch(ChromeDriver browser, String url, List<String> failures) {
        List<?> answer = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let binary = '';
                  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
                  done([r.status, btoa(binary)]);
                }).catch(e => done([0, '']));""", url);
        if (((Number) answer.get(0)).intValue() != 200) {
            failures.add("download " + url + ": HTTP " + answer.get(0));
        }
        return Base64.getDecoder().decode(answer.get(1).toString());
    }

    private static void writeReport(List<String> visited, List<Finding> findings, List<String> failures,
                                    Map<String, String> downloads, Duration demo, Duration total)
            throws IOException {
        StringBuilder report = new StringBuilder("# Browser run\n\n");
        report.append("Pages visited: ").append(visited.size()).append(" (list in pages.tsv). Failures: ")
                .append(failures.size()).append(". Findings: ").append(findings.size()).append(" (")
                .append(findings.stream().filter(f -> f.kind().equals(PENDING)).count())
                .append(" pending-label, not failing). Demo ").append(demo.toSeconds()).append(" s, demo and crawl ")
                .append(total.toSeconds()).append(" s.\n\n## Failures\n\n");
        failures.forEach(f -> report.append("- ").append(f).append('\n'));
        report.append("\n## Downloads read back\n\n");
        downloads.forEach((k, v) -> report.append("- ").append(k).append(": ").append(v).append('\n'));
        report.append("\n## Findings (each fails the run, but pending-label: see LABELS_IN_FLIGHT)\n\n");
        Map<String, Long> counts = new LinkedHashMap<>();
        findings.forEach(f -> counts.merge(f.kind() + " " + f.token(), 1L, Long::sum));
        report.append("| kind | token | occurrences |\n|---|---|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> report.append("| ").append(e.getKey().replace(" ", " | ")).append(" | ")
                        .append(e.getValue()).append(" |\n"));
        report.append("\n| role | page | kind | token | context |\n|---|---|---|---|---|\n");
        findings.forEach(f -> report.append("| ").append(f.role()).append(" | ").append(f.url()).append(" | ")
                .append(f.kind()).append(" | ").append(f.token()).append(" | ")
                .append(f.context().replace("|", "\\|")).append(" |\n"));
        Files.writeString(OUT.resolve("report.md"), report, StandardCharsets.UTF_8);
        Files.write(OUT.resolve("pages.tsv"), visited, StandardCharsets.UTF_8);
    }
}
