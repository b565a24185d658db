package io.lenetedge.edge.http;

import static io.lenetedge.edge.http.DevTools.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lenetedge.edge.cli.EdgeCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the live page in headless Chromium (Debian package {@code chromium}) while {@code run
 * --source demo --http} runs in process, and checks that the digit the page shows for a frame is
 * the one the JSON line on stdout gives for that frame. Saves a screenshot to
 * {@code target/live-view.png} (and to {@code -Dlive.screenshot=FILE}, e.g. ../docs/live-view.png,
 * when asked). Skipped only when no Chromium is
 * installed.
 */
class LiveViewBrowserTest {
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Pattern LIVE_URL = Pattern.compile("live view: (http://\\S+)");
  private static final String READ_PAGE = "JSON.stringify({frame: document.getElementById('frame')"
      + ".textContent, digit: document.getElementById('digit').textContent, loaded: document"
      + ".getElementById('frame-img').complete && document.getElementById('frame-img').naturalWidth > 0"
      + " && document.getElementById('input-img').complete})";

  @TempDir Path profile;

  record Seen(long frame, String digit) {}

  static Optional<Path> chromium() {
    return Stream.of(System.getProperty("chromium", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser")
        .filter(s -> !s.isEmpty()).map(Path::of).filter(Files::isExecutable).findFirst();
  }

  @Test
  void thePageShowsTheDigitsOfTheJsonStream() throws Exception {
    Optional<Path> chromium = chromium();
    Assumptions.assumeTrue(chromium.isPresent(),
        "no Chromium at /usr/bin/chromium: install the Debian package 'chromium' to run this test");
    Process browser = new ProcessBuilder(chromium.get().toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--remote-debugging-port=0",
        "--window-size=1180,720", "--user-data-dir=" + profile, "about:blank").start();
    browser.getOutputStream().close();
    CompletableFuture<String> wsUrl = new CompletableFuture<>();
    Thread drain = Thread.ofVirtual().start(() -> drain(browser, wsUrl));
    try (DevTools cdp = DevTools.connect(wsUrl.get(60, TimeUnit.SECONDS))) {
      String target = cdp.send(null, "Target.createTarget", params("url", "about:blank"))
          .get("targetId").getAsString();
      String page = cdp.send(null, "Target.attachToTarget", params("targetId", target, "flatten", true))
          .get("sessionId").getAsString();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
        var cli = EdgeCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute("run", "--source", "demo", "--ep", "cpu", "--roi", "40,10,240,220",
            "--http", "127.0.0.1:0", "--fps", "8");
      });
      String url = awaitUrl(err, run);
      cdp.send(page, "Page.navigate", params("url", url));
      List<Seen> seen = new ArrayList<>();
      byte[] screenshot = null;
      while (!run.isDone()) {
        JsonElement value = cdp.send(page, "Runtime.evaluate",
            params("expression", READ_PAGE, "returnByValue", true)).getAsJsonObject("result").get("value");
        JsonObject v = value == null ? null : JsonParser.parseString(value.getAsString()).getAsJsonObject();
        String frame = v == null ? "" : v.get("frame").getAsString();
        if (frame.matches("\\d+")) {
          Seen s = new Seen(Long.parseLong(frame), v.get("digit").getAsString());
          seen.add(s);
          long digitsSeen = seen.stream().map(Seen::digit).filter(d -> !d.equals("–")).distinct().count();
          if (screenshot == null && digitsSeen >= 3 && !s.digit().equals("–")
              && v.get("loaded").getAsBoolean()) {
            screenshot = Base64.getDecoder().decode(cdp.send(page, "Page.captureScreenshot",
                params("format", "png")).get("data").getAsString());
          }
        }
        Thread.sleep(120);
      }
      assertEquals(0, run.get(), err.toString());

      Map<Long, String> stream = digitsByFrame(out.toString());
      Set<Long> frames = new LinkedHashSet<>();
      Set<String> digits = new LinkedHashSet<>();
      for (Seen s : seen) {
        assertEquals(stream.get(s.frame()), s.digit(), "the page's digit for frame " + s.frame());
        frames.add(s.frame());
        digits.add(s.digit());
      }
      assertTrue(frames.size() >= 10, "the page followed the stream: frames " + frames);
      assertTrue(digits.size() >= 4, "the page showed several digits: " + digits);
      assertNotNull(screenshot, "a screenshot with a digit on the page");
      save(screenshot, Path.of("target/live-view.png"));
      String docs = System.getProperty("live.screenshot");
      if (docs != null) {
        save(screenshot, Path.of(docs));
      }
    } finally {
      browser.descendants().forEach(ProcessHandle::destroy);
      browser.destroy();
      if (!browser.waitFor(10, TimeUnit.SECONDS)) {
        browser.destroyForcibly();
      }
      drain.join(5000);
    }
  }

  private static void drain(Process browser, CompletableFuture<String> wsUrl) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8))) {
      StringBuilder log = new StringBuilder();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        Matcher m = DEVTOOLS.matcher(line);
        if (m.find()) {
          wsUrl.complete(m.group(1));
        }
        log.append(line).append('\n');
      }
      wsUrl.completeExceptionally(new IllegalStateException("Chromium ended without a DevTools URL:\n" + log));
    } catch (java.io.IOException e) {
      wsUrl.completeExceptionally(e);
    }
  }

  private static String awaitUrl(StringWriter err, CompletableFuture<Integer> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = LIVE_URL.matcher(err.toString());
      if (m.find()) {
        return m.group(1);
      }
      if (run.isDone()) {
        throw new AssertionError("run ended before serving: " + err);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no 'live view: URL' on stderr: " + err);
  }

  /** Frame number to the digit as the page writes it ("–" for none), from the JSON lines. */
  static Map<Long, String> digitsByFrame(String stdout) {
    Map<Long, String> m = new HashMap<>();
    for (String line : stdout.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      JsonElement d = o.get("digit");
      m.put(o.get("frame").getAsLong(), d.isJsonNull() ? "–" : d.getAsString());
    }
    return m;
  }

  private static void save(byte[] png, Path file) throws java.io.IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, png);
  }
}
