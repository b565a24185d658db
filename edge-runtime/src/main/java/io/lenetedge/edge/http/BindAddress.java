package io.lenetedge.edge.http;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.net.InetSocketAddress;

/**
 * Where the live view listens, from {@code --http [HOST:]PORT}: a bare port listens on the
 * loopback address only; other interfaces, including all of them ({@code 0.0.0.0:PORT} or
 * {@code [::]:PORT}), must be named. Port 0 picks a free port. Pure.
 *
 * @param host the host name or address, IPv6 without brackets
 * @param port 0 to 65535
 */
public record BindAddress(String host, int port) {
  public static final String LOOPBACK = "127.0.0.1";

  public BindAddress {
    if (host == null || host.isBlank()) {
      throw new UserError(USAGE, "--http: empty host; give HOST:PORT or just PORT");
    }
    if (port < 0 || port > 65535) {
      throw new UserError(USAGE, "--http: port " + port + " is not from 0 to 65535");
    }
  }

  /** Parses {@code PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}. */
  public static BindAddress parse(String text) {
    String s = text.strip();
    if (s.startsWith("[")) {
      int close = s.indexOf("]:");
      if (close < 0) {
        throw new UserError(USAGE, "--http " + text + ": expected [IPv6]:PORT, e.g. [::1]:8080");
      }
      return new BindAddress(s.substring(1, close), port(s.substring(close + 2), text));
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return new BindAddress(LOOPBACK, port(s, text));
    }
    if (s.indexOf(':') != colon) {
      throw new UserError(USAGE, "--http " + text
          + ": put an IPv6 address in brackets, e.g. [::1]:8080");
    }
    return new BindAddress(s.substring(0, colon), port(s.substring(colon + 1), text));
  }

  private static int port(String digits, String text) {
    try {
      int p = Integer.parseInt(digits.strip());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole option
    }
    throw new UserError(USAGE, "--http " + text + ": port '" + digits
        + "' is not a number from 0 to 65535; give [HOST:]PORT, e.g. 8080 or 0.0.0.0:8080");
  }

  /** Whether only this machine can reach it (127.0.0.0/8, ::1, localhost). */
  public boolean loopback() {
    if (allInterfaces()) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** Whether this listens on every interface rather than one. */
  public boolean allInterfaces() {
    return host.equals("0.0.0.0") || host.equals("::");
  }

  /** The socket address to bind; throws when the host name is unknown. */
  public InetSocketAddress socketAddress() {
    InetSocketAddress a = new InetSocketAddress(host, port);
    if (a.isUnresolved()) {
      throw new UserError(USAGE, "--http " + this + ": unknown host " + host);
    }
    return a;
  }

  /** The page's URL once bound to {@code actualPort}. */
  public String url(int actualPort) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort + "/";
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
