package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {
  @TempDir Path root;

  @Test
  void unpacksThisPlatformsLibrariesOnceAndReusesThem() throws IOException {
    Path dir = NativeCache.unpack(root, NativeCache.platform()).orElseThrow();
    List<Path> libs = list(dir);
    assertTrue(libs.stream().anyMatch(p -> p.getFileName().toString().startsWith("libonnxruntime.")), libs.toString());
    assertTrue(libs.stream().anyMatch(p -> p.getFileName().toString().contains("onnxruntime4j_jni")), libs.toString());
    long modified = Files.getLastModifiedTime(libs.get(0)).toMillis();
    assertEquals(Optional.of(dir), NativeCache.unpack(root, NativeCache.platform()));
    assertEquals(modified, Files.getLastModifiedTime(libs.get(0)).toMillis(), "unpacked again");
    assertEquals(List.of(dir), list(root), "temporary folders left behind");
  }

  @Test
  void aLibraryCutShortIsReplaced() throws IOException {
    Path dir = NativeCache.unpack(root, NativeCache.platform()).orElseThrow();
    Path lib = list(dir).stream().filter(p -> p.getFileName().toString().startsWith("libonnxruntime."))
        .findFirst().orElseThrow();
    long size = Files.size(lib);
    Files.write(lib, new byte[100]);
    assertEquals(Optional.of(dir), NativeCache.unpack(root, NativeCache.platform()));
    assertEquals(size, Files.size(lib));
    assertEquals(List.of(dir), list(root));
  }

  @Test
  void anotherPlatformOrAnUnwritableFolderChangesNothing() throws IOException {
    assertEquals(Optional.empty(), NativeCache.unpack(root, "plan9-mips"));
    Path file = Files.writeString(root.resolve("a-file"), "not a folder");
    assertEquals(Optional.empty(), NativeCache.unpack(file.resolve("cache"), NativeCache.platform()));
  }

  @Test
  void theCacheFolderFollowsPropertySystemdXdgThenHome() {
    assertEquals(Path.of("/p"), NativeCache.cacheRoot("/p", Map.of("CACHE_DIRECTORY", "/s")).orElseThrow());
    assertEquals(Path.of("/var/cache/lenet-edge"),
        NativeCache.cacheRoot(null, Map.of("CACHE_DIRECTORY", "/var/cache/lenet-edge", "XDG_CACHE_HOME", "/x")).orElseThrow());
    assertEquals(Path.of("/x/lenet-edge"), NativeCache.cacheRoot(null, Map.of("XDG_CACHE_HOME", "/x")).orElseThrow());
    assertEquals(Path.of(System.getProperty("user.home"), ".cache", "lenet-edge"),
        NativeCache.cacheRoot(null, Map.of()).orElseThrow());
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
