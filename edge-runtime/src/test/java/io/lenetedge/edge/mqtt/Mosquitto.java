package io.lenetedge.edge.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto broker for the tests: a plain process on a loopback port, anonymous, without
 * persistence (a restart forgets retained messages), with its log in the test's folder.
 */
final class Mosquitto implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private Mosquitto(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The mosquitto program on PATH or in the sbin folders, if installed. */
  static Optional<Path> program() {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "")
        .split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin"));
    return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "mosquitto"))
        .filter(Files::isExecutable).findFirst();
  }

  /** Starts a broker on {@code port} of 127.0.0.1 and waits until it accepts connections. */
  static Mosquitto start(Path program, Path dir, int port) throws IOException, InterruptedException {
    Path config = dir.resolve("mosquitto-" + port + ".conf");
    Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n"
        + "persistence false\nlog_dest stderr\n");
    Path log = dir.resolve("mosquitto-" + port + ".log");
    Process p = new ProcessBuilder(program.toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    Mosquitto broker = new Mosquitto(p, log, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + p.exitValue() + ": "
            + broker.logText());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return broker;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    broker.kill();
    throw new IllegalStateException("mosquitto did not listen on " + port + " in 5 s: "
        + broker.logText());
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Ends the broker at once (SIGKILL): no clean goodbye to its clients. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
