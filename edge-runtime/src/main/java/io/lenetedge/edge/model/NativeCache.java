package io.lenetedge.edge.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * ONNX Runtime's native libraries unpacked once into a cache folder instead of on every start.
 *
 * <p>Left alone, ONNX Runtime copies its 25-28 MB library out of the jar into a fresh temporary
 * folder each time the runtime starts. Here the libraries of this platform are unpacked into
 * {@code CACHE/onnxruntime-<crc>/} (written to a temporary folder beside it and renamed, so a
 * crash never leaves a half-written library in use) and {@code onnxruntime.native.path} points
 * there. The cache folder is, in order: the system property {@code lenet.edge.cache}, systemd's
 * {@code $CACHE_DIRECTORY} (a unit's {@code CacheDirectory=}), {@code $XDG_CACHE_HOME/lenet-edge},
 * {@code ~/.cache/lenet-edge}. Where none is writable, or {@code onnxruntime.native.path} is
 * already set, nothing changes.
 */
public final class NativeCache {
  static final String PROPERTY = "onnxruntime.native.path";
  private static final String PREFIX = "ai/onnxruntime/native/";

  private NativeCache() {}

  /** Points ONNX Runtime at the cached libraries, unpacking them first when needed. */
  public static synchronized Optional<Path> install() {
    if (System.getProperty(PROPERTY) != null) {
      return Optional.empty();
    }
    Optional<Path> dir = cacheRoot(System.getProperty("lenet.edge.cache"), System.getenv())
        .flatMap(root -> unpack(root, platform()));
    dir.ifPresent(d -> System.setProperty(PROPERTY, d.toString()));
    return dir;
  }

  /** ONNX Runtime's name for this platform's folder of libraries, e.g. {@code linux-aarch64}. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : os;
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
    return o + "-" + a;
  }

  /** The cache folder this process should use. */
  static Optional<Path> cacheRoot(String property, Map<String, String> env) {
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    String systemd = env.get("CACHE_DIRECTORY");
    if (systemd != null && !systemd.isBlank()) {
      return Optional.of(Path.of(systemd.split(":")[0]));
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "lenet-edge"));
    }
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank() || home.equals("?")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(home, ".cache", "lenet-edge"));
  }

  /** The folder holding this platform's libraries under {@code root}, unpacked if missing. */
  static Optional<Path> unpack(Path root, String platform) {
    List<JarEntry> entries = entries(platform);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    long key = 17;
    for (JarEntry e : entries) {
      key = key * 31 + e.getCrc() * 7 + e.getSize();
    }
    Path dir = root.resolve("onnxruntime-" + platform + "-" + Long.toHexString(key));
    if (complete(dir, entries)) {
      return Optional.of(dir);
    }
    Path tmp = null;
    try {
      Files.createDirectories(root);
      tmp = Files.createTempDirectory(root, ".unpacking-");
      for (JarEntry e : entries) {
        try (InputStream in = NativeCache.class.getClassLoader().getResourceAsStream(e.getName())) {
          if (in == null) {
            return Optional.empty();
          }
          Files.copy(in, tmp.resolve(fileName(e)));
        }
      }
      if (Files.exists(dir)) {
        // damaged (a file cut short): set it aside, then put the fresh copy in its place
        Path stale = Files.createTempDirectory(root, ".stale-");
        Files.delete(stale);
        Files.move(dir, stale, StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(stale);
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
        // another process unpacked the same libraries first
      }
      return complete(dir, entries) ? Optional.of(dir) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static boolean complete(Path dir, List<JarEntry> entries) {
    for (JarEntry e : entries) {
      Path f = dir.resolve(fileName(e));
      try {
        if (!Files.isRegularFile(f) || Files.size(f) != e.getSize()) {
          return false;
        }
      } catch (IOException ex) {
        return false;
      }
    }
    return true;
  }

  /** This platform's library entries in the jar that holds ONNX Runtime, or none. */
  private static List<JarEntry> entries(String platform) {
    String folder = PREFIX + platform + "/";
    URL url = NativeCache.class.getClassLoader().getResource(folder);
    List<JarEntry> out = new ArrayList<>();
    if (url == null || !url.getProtocol().equals("jar")) {
      return out;
    }
    try {
      URLConnection c = url.openConnection();
      c.setUseCaches(true);
      JarFile jar = ((JarURLConnection) c).getJarFile();
      jar.stream()
          .filter(e -> !e.isDirectory() && e.getName().startsWith(folder)
              && e.getName().indexOf('/', folder.length()) < 0 && e.getSize() >= 0 && e.getCrc() >= 0)
          .forEach(out::add);
    } catch (IOException | ClassCastException e) {
      out.clear();
    }
    return out;
  }

  private static String fileName(JarEntry e) {
    return e.getName().substring(e.getName().lastIndexOf('/') + 1);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a leftover temporary folder is harmless
    }
  }
}
