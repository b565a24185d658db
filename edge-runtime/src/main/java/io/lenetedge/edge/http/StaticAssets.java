package io.lenetedge.edge.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live page's own files, read once from the jar by a fixed list of names; nothing from a
 * request reaches a class-path or file-system lookup.
 */
final class StaticAssets {
  /** A file of the page and its content type. */
  record Asset(byte[] bytes, String contentType) {}

  private static final String BASE = "/io/lenetedge/edge/http/live/";

  private StaticAssets() {}

  /** URL path to asset, e.g. {@code /} to the page. */
  static Map<String, Asset> load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    assets.put("/", read("index.html", "text/html; charset=utf-8"));
    assets.put("/live.js", read("live.js", "text/javascript; charset=utf-8"));
    assets.put("/live.css", read("live.css", "text/css; charset=utf-8"));
    return Map.copyOf(assets);
  }

  private static Asset read(String name, String type) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BASE + name + "; rebuild it");
      }
      return new Asset(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + BASE + name + " from the jar", e);
    }
  }
}
